/**
 * The export as one self-contained HTML document: no scripts, no remote resources (its own Content
 * Security Policy forbids both), styles inline. The same HTML is the HTML export, the preview and,
 * printed by Chromium, the PDF.
 */
import { textOf } from './document';
import {
  type Block,
  type ExportDocument,
  type ExportSection,
  type Inline,
  type Inlines,
  SECTION_KIND_NAMES,
} from './types';

export const CONFIDENTIAL = 'Confidential — prepared for supervision';

/** The printed page's margins: the stylesheet's @page rule and both hosts' print options use these. */
export const PDF_MARGINS_MM = { top: 22, right: 18, bottom: 20, left: 18 } as const;

/** The stylesheet, constant so the app's own policy can allow exactly it by hash for the preview. */
export const EXPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { font-family: Charter, "Bitstream Charter", "Source Serif 4", Georgia, "DejaVu Serif", "Liberation Serif", serif;
  font-size: 11.5pt; line-height: 1.5; color: #1d1f22; background: #fff; }
body { margin: 0 auto; max-width: 44em; padding: 2.5rem 1.5rem 4rem; overflow-wrap: anywhere; hyphens: auto;
  font-variant-numeric: oldstyle-nums proportional-nums; font-variant-ligatures: no-common-ligatures; text-rendering: optimizeLegibility; }
h1, h2, h3, h4, .meta, .kind, .confidential, th, .fields dt { font-family: "Source Sans 3", "Segoe UI", Ubuntu, "DejaVu Sans", "Liberation Sans", sans-serif; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 0.25rem; font-weight: 650; letter-spacing: -0.01em; }
h2 { font-size: 1.35rem; line-height: 1.25; margin: 0 0 0.2rem; font-weight: 650; }
h3 { font-size: 1.12rem; margin: 1.2em 0 0.3em; }
h4 { font-size: 1rem; margin: 1.1em 0 0.3em; }
h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; hyphens: manual; }
p { margin: 0 0 0.7em; orphans: 3; widows: 3; }
.confidential { display: inline-block; font-size: 0.78rem; letter-spacing: 0.04em; text-transform: uppercase; color: #6b2e2e;
  border: 1px solid #d9b8b8; border-radius: 3px; padding: 0.15rem 0.5rem; margin-bottom: 1rem; }
.meta { color: #5a5f66; font-size: 0.85rem; margin: 0 0 1rem; }
header.document { border-bottom: 2px solid #2f4858; padding-bottom: 0.9rem; margin-bottom: 2rem; }
section.item { margin: 0 0 2.2rem; padding-top: 0.2rem; }
section.item + section.item { border-top: 1px solid #d5d9de; padding-top: 1.6rem; }
.kind { font-size: 0.75rem; letter-spacing: 0.05em; text-transform: uppercase; color: #4d6b7d; margin: 0 0 0.2rem; }
blockquote { margin: 0.8em 0; padding: 0.1em 0 0.1em 1em; border-left: 3px solid #9fb3c0; color: #33393f; }
pre { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 0.85em; white-space: pre-wrap;
  background: #f4f5f7; padding: 0.6em 0.8em; border-radius: 4px; }
code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 0.9em; }
mark { background: #fbeaa5; color: inherit; }
a { color: #1f5c85; }
ul, ol { margin: 0 0 0.8em; padding-left: 1.6em; }
li > p { margin: 0 0 0.3em; }
ul.tasks { list-style: none; padding-left: 0.2em; }
ul.tasks li { display: flex; align-items: baseline; gap: 0.45em; }
ul.tasks li > :not(.box) { flex: 1; min-width: 0; }
ul.tasks .box { font-family: "DejaVu Sans", sans-serif; flex: none; }
hr { border: 0; border-top: 1px solid #c7ccd1; margin: 1.4em 0; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0 1em; font-size: 0.92em; break-inside: auto; overflow-wrap: break-word; }
th, td { border: 1px solid #c7ccd1; padding: 0.35em 0.5em; text-align: start; vertical-align: top; }
th { background: #eef1f4; font-weight: 600; font-size: 0.9em; hyphens: manual; }
tr { break-inside: avoid; }
section.hours { break-inside: avoid; }
dl.fields { display: grid; grid-template-columns: minmax(7rem, max-content) 1fr; gap: 0.3rem 1rem; margin: 0.4em 0 1em; }
.fields dt { color: #4d5660; font-size: 0.85em; padding-top: 0.15em; }
.fields dd { margin: 0; }
footer.document { margin-top: 3rem; color: #5a5f66; font-size: 0.8rem; border-top: 1px solid #d5d9de; padding-top: 0.6rem; }
@page { size: A4; margin: ${PDF_MARGINS_MM.top}mm ${PDF_MARGINS_MM.right}mm ${PDF_MARGINS_MM.bottom}mm; }
@media print {
  body { max-width: none; padding: 0; }
  header.document { margin-bottom: 1.4rem; }
  section.item { break-before: auto; }
  a { color: inherit; text-decoration: underline; }
  footer.document { display: none; }
}
`;

const POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const longDates = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "21 November 2026", from a YYYY-MM-DD day, whatever the time zone. */
export function longDate(day: string): string {
  return longDates.format(new Date(`${day}T00:00:00Z`));
}

function inlineHtml(run: Inline): string {
  let html = escapeHtml(run.text).replace(/\n/g, '<br>');
  if (run.code) html = `<code>${html}</code>`;
  if (run.highlight) html = `<mark>${html}</mark>`;
  if (run.strike) html = `<s>${html}</s>`;
  if (run.underline) html = `<u>${html}</u>`;
  if (run.italic) html = `<em>${html}</em>`;
  if (run.bold) html = `<strong>${html}</strong>`;
  if (run.href) html = `<a href="${escapeHtml(run.href)}" rel="noreferrer noopener">${html}</a>`;
  return html;
}

export function inlinesHtml(inlines: Inlines): string {
  return inlines.map(inlineHtml).join('');
}

function blockHtml(block: Block): string {
  switch (block.type) {
    case 'heading': {
      const tag = `h${block.level + 1}`; // the document's h1 and each item's h2 come first
      return `<${tag} dir="auto">${inlinesHtml(block.content)}</${tag}>`;
    }
    case 'paragraph':
      return block.content.length ? `<p dir="auto">${inlinesHtml(block.content)}</p>` : '';
    case 'code':
      return `<pre dir="auto"><code>${escapeHtml(textOf(block.content))}</code></pre>`;
    case 'rule':
      return '<hr>';
    case 'quote':
      return `<blockquote>${blocksHtml(block.blocks)}</blockquote>`;
    case 'list': {
      const tasks = block.items.some((i) => i.checked !== null);
      const items = block.items
        .map((item) => {
          const box =
            item.checked === null
              ? ''
              : `<span class="box" role="img" aria-label="${item.checked ? 'done' : 'not done'}">${item.checked ? '☑' : '☐'}</span>`;
          return `<li>${box}${blocksHtml(item.blocks)}</li>`;
        })
        .join('');
      if (block.ordered) return `<ol${block.start !== 1 ? ` start="${block.start}"` : ''}>${items}</ol>`;
      return `<ul${tasks ? ' class="tasks"' : ''}>${items}</ul>`;
    }
    case 'table': {
      const html = (row: (typeof block.rows)[number]) => {
        const tag = row.header ? 'th' : 'td';
        const spans = (i: number) => {
          const span = row.spans?.[i];
          return `${span && span.colspan > 1 ? ` colspan="${span.colspan}"` : ''}${span && span.rowspan > 1 ? ` rowspan="${span.rowspan}"` : ''}`;
        };
        return `<tr>${row.cells.map((c, i) => `<${tag}${spans(i)} dir="auto">${inlinesHtml(c)}</${tag}>`).join('')}</tr>`;
      };
      // Leading header rows go in <thead>, so a table that runs over a page repeats them.
      const lead = block.rows.findIndex((r) => !r.header);
      const headCount = lead === -1 ? 0 : lead;
      const head = block.rows.slice(0, headCount).map(html).join('');
      const body = block.rows.slice(headCount).map(html).join('');
      return `<table>${head ? `<thead>${head}</thead>` : ''}<tbody>${body}</tbody></table>`;
    }
    case 'fields':
      return `<dl class="fields">${block.rows
        .map((r) => `<dt>${escapeHtml(r.label)}</dt><dd dir="auto">${inlinesHtml(r.value)}</dd>`)
        .join('')}</dl>`;
  }
}

function blocksHtml(blocks: Block[]): string {
  return blocks.map(blockHtml).join('');
}

function sectionHtml(section: ExportSection): string {
  return `<section class="item ${section.kind}"><p class="kind">${SECTION_KIND_NAMES[section.kind]}</p><h2 dir="auto">${
    inlinesHtml(section.title) || 'Untitled'
  }</h2>${section.meta ? `<p class="meta">${escapeHtml(section.meta)}</p>` : ''}${blocksHtml(section.blocks)}</section>`;
}

export function renderHtml(doc: ExportDocument): string {
  const title = textOf(doc.title) || 'Reflections for supervision';
  const date = longDate(doc.preparedOn);
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${POLICY}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${EXPORT_CSS}</style>
</head>
<body>
<header class="document"><p class="confidential">${CONFIDENTIAL}</p><h1 dir="auto">${inlinesHtml(doc.title) || escapeHtml(title)}</h1><p class="meta">Prepared on ${date}</p></header>
<main>
${doc.sections.map(sectionHtml).join('\n')}
</main>
<footer class="document">${CONFIDENTIAL}. Prepared on ${date} with Holding.</footer>
</body>
</html>
`;
}

/** How Chromium prints the export, in the app (printToPDF) and the browser shell (page.pdf) alike. */
export const PDF_PRINT_OPTIONS = { printBackground: true, preferCSSPageSize: true, displayHeaderFooter: true } as const;

/**
 * A PDF a screen reader can follow: tagged, so its headings, lists and tables keep their structure (and the
 * page's lang, en-GB, becomes the document's language), with an outline made from the headings. Each host
 * names these its own way: Electron's printToPDF, Playwright's page.pdf (the browser shell and the tests).
 */
export const PDF_ACCESSIBLE = {
  electron: { generateTaggedPDF: true, generateDocumentOutline: true },
  playwright: { tagged: true, outline: true },
} as const;

/** Chromium's header and footer for the PDF: the title and date above, the notice and page numbers below. */
export function pdfTemplates(doc: ExportDocument): { headerTemplate: string; footerTemplate: string } {
  const style =
    'font-family: "DejaVu Sans", "Liberation Sans", sans-serif; font-size: 8pt; color: #4d5660; width: 100%; margin: 0 18mm; display: flex; justify-content: space-between;';
  const title = escapeHtml(textOf(doc.title) || 'Reflections for supervision');
  return {
    headerTemplate: `<div style='${style}'><span>${title}</span><span>${longDate(doc.preparedOn)}</span></div>`,
    footerTemplate: `<div style='${style}'><span>${CONFIDENTIAL}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
  };
}
