import DOMPurify from 'dompurify';

/**
 * Pasted HTML is cleaned before ProseMirror parses it: only the tags the journal can hold, no
 * attributes but href (and a table cell's spans, and a task's checkbox), and no link that is not https: or mailto:. The schema then drops
 * anything else, and main rebuilds the document from its allow-list again on save.
 */
const ALLOWED_TAGS = [
  'p',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'code',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'strike',
  'del',
  'mark',
  'a',
  'hr',
  'div',
  'span',
  'label',
  'input',
  // Tables (a pros-and-cons grid from a document or a spreadsheet) stay tables.
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
];

export function sanitisePastedHtml(html: string): string {
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'type', 'checked', 'data-type', 'data-checked', 'colspan', 'rowspan'],
    ALLOWED_URI_REGEXP: /^(?:https:|mailto:)/i,
    // DOMPurify tests every other attribute's value against the URI pattern above, which a span ("2")
    // fails; spans are plain numbers (the editor reads them as whole numbers from 1 to 100).
    ADD_URI_SAFE_ATTR: ['colspan', 'rowspan'],
    FORBID_TAGS: ['style', 'script', 'iframe', 'object', 'embed', 'svg', 'math', 'form', 'img'],
    KEEP_CONTENT: true,
  });
}
