import DOMPurify from 'dompurify';

/**
 * Pasted HTML is cleaned before ProseMirror parses it: only the tags the journal can hold, no
 * attributes but href, and no link that is not https: or mailto:. The schema then drops
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
];

export function sanitisePastedHtml(html: string): string {
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'type', 'checked', 'data-type', 'data-checked'],
    ALLOWED_URI_REGEXP: /^(?:https:|mailto:)/i,
    FORBID_TAGS: ['style', 'script', 'iframe', 'object', 'embed', 'svg', 'math', 'form', 'img'],
    KEEP_CONTENT: true,
  });
}
