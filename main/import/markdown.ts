/**
 * Markdown, as other journals write it, into Holding's document shape. Parsed by micromark (CommonMark,
 * with GFM's tables, task lists and strikethrough, and YAML front matter) into an mdast tree, never with
 * regular expressions; the tree is then walked into TipTap's nodes. What Holding cannot keep safely
 * (raw HTML, pictures, files) is left out and counted, for the preview to say so. The pipeline passes the
 * result through sanitiseDoc as it does typed text.
 */
import type { Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import type { DocMark, DocNode } from '../../common/journal/doc';

/**
 * Beyond this nesting (in document levels: a list counts two), blocks keep their words as plain paragraphs,
 * well inside the document's own limit of 40 levels.
 */
const MAX_BLOCK_DEPTH = 24;

export interface MarkdownNotes {
  skip(what: string, why: string, example?: string): void;
}

export interface ConvertedMarkdown {
  body: DocNode;
  /** The YAML front matter's text, if the file starts with some. */
  frontMatter: string | null;
  /** Other notes this one links to: [[wikilinks]] and Markdown links to .md files, by name as written. */
  linkTargets: string[];
  /** The text of a first-level heading at the very top, if there is one (and it was taken out of the body). */
  leadingHeading: string | null;
}

export interface ConvertOptions {
  /** Take a heading at the top out of the body (it becomes the title). */
  takeLeadingHeading?: boolean;
}

export const SKIP = {
  photo: ['Photos', 'Holding keeps your words; photos and other media stay in the export you brought in.'],
  remoteImage: [
    'Pictures from the internet',
    'Holding never fetches anything from the internet, so pictures linked from the web are left out.',
  ],
  localImage: [
    'Pictures and attached files',
    'Holding keeps your words; pictures and attached files stay in the export you brought in.',
  ],
  embed: [
    'Embedded notes and files',
    'Holding cannot show one note inside another, so the embedded note or file is left out.',
  ],
  html: [
    'Parts written in HTML',
    'Holding cannot show HTML safely, so those parts are left out. They are still in the export you brought in.',
  ],
  script: ['Scripts', 'A journal has no use for a program hidden in it, so scripts were removed.'],
} as const satisfies Record<string, readonly [string, string]>;

/** The mark each of Markdown's emphasis nodes gives the words inside it. */
const MARK_OF = { emphasis: 'italic', strong: 'bold', delete: 'strike' } as const;

export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, {
    extensions: [gfm(), frontmatter(['yaml'])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
  });
}

/** Plain text of any mdast node (alt text, code, headings), without markup. */
export function mdText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.type === 'html' ? '' : node.value;
  if ('children' in node) return (node.children as Nodes[]).map(mdText).join('');
  return '';
}

const isRemote = (url: string) => /^[a-z][a-z0-9+.-]*:/i.test(url) && !url.toLowerCase().startsWith('file:');

/** The tag name an HTML fragment opens or closes with, in lower case ('' if none). */
function htmlTag(raw: string): { name: string; closing: boolean } {
  let at = 0;
  while (at < raw.length && raw[at] !== '<') at += 1;
  at += 1;
  const closing = raw[at] === '/';
  if (closing) at += 1;
  let name = '';
  while (at < raw.length) {
    const c = raw[at]!.toLowerCase();
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) name += c;
    else break;
    at += 1;
  }
  return { name, closing };
}

const DANGEROUS_TAGS = new Set(['script', 'style', 'iframe', 'object', 'embed', 'noscript', 'template']);

export function markdownToDoc(text: string, notes: MarkdownNotes, options: ConvertOptions = {}): ConvertedMarkdown {
  const tree = parseMarkdown(text);
  const linkTargets: string[] = [];
  const definitions = new Map<string, string>();
  let frontMatter: string | null = null;
  let inScript = 0;

  for (const node of tree.children) {
    if (node.type === 'definition') definitions.set(node.identifier.toLowerCase(), node.url);
  }

  const note = (kind: keyof typeof SKIP, example?: string) => notes.skip(SKIP[kind][0], SKIP[kind][1], example);

  const noteImage = (url: string, alt: string) => {
    if (url.toLowerCase().startsWith('dayone-moment:')) note('photo');
    else if (isRemote(url)) note('remoteImage', url.slice(0, 120));
    else note('localImage', url || alt);
  };

  /** Text with [[wikilinks]] made their words; the targets are kept. Scanned by hand, on already-parsed text. */
  const textWithLinks = (value: string, marks: DocMark[], out: DocNode[]) => {
    let rest = value;
    for (;;) {
      const open = rest.indexOf('[[');
      const close = open >= 0 ? rest.indexOf(']]', open + 2) : -1;
      if (open < 0 || close < 0) break;
      const embed = open > 0 && rest[open - 1] === '!';
      pushText(rest.slice(0, embed ? open - 1 : open), marks, out);
      const inner = rest.slice(open + 2, close);
      const bar = inner.indexOf('|');
      const target = (bar >= 0 ? inner.slice(0, bar) : inner).trim();
      const shown = (bar >= 0 ? inner.slice(bar + 1) : inner).trim();
      if (embed) note('embed', target);
      else {
        if (target) linkTargets.push(target);
        pushText(shown || target, marks, out);
      }
      rest = rest.slice(close + 2);
    }
    pushText(rest, marks, out);
  };

  /** Plain text, a line ending within a paragraph kept as a line break (as Day One and Obsidian show it). */
  const pushText = (value: string, marks: DocMark[], out: DocNode[]) => {
    if (inScript > 0 || !value) return;
    const lines = value.split('\n');
    lines.forEach((line, i) => {
      if (i > 0) out.push({ type: 'hardBreak' });
      if (line) out.push(marks.length ? { type: 'text', text: line, marks: [...marks] } : { type: 'text', text: line });
    });
  };

  const inline = (nodes: PhrasingContent[], marks: DocMark[], out: DocNode[] = []): DocNode[] => {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          textWithLinks(node.value, marks, out);
          break;
        case 'emphasis':
        case 'strong':
        case 'delete':
          inline(node.children, [...marks, { type: MARK_OF[node.type] }], out);
          break;
        case 'inlineCode':
          pushText(node.value, [...marks, { type: 'code' }], out);
          break;
        case 'break':
          out.push({ type: 'hardBreak' });
          break;
        case 'link':
        case 'linkReference': {
          const url = node.type === 'link' ? node.url : (definitions.get(node.identifier.toLowerCase()) ?? '');
          const local = url && !isRemote(url) ? safeDecode(url.split('#')[0]!) : '';
          if (local.toLowerCase().endsWith('.md')) linkTargets.push(local);
          // An unsafe or local address is dropped by sanitiseDoc; the words stay.
          inline(node.children, url ? [...marks, { type: 'link', attrs: { href: url } }] : marks, out);
          break;
        }
        case 'image':
          noteImage(node.url, node.alt ?? '');
          break;
        case 'imageReference':
          noteImage(definitions.get(node.identifier.toLowerCase()) ?? '', node.alt ?? '');
          break;
        case 'html': {
          const tag = htmlTag(node.value);
          if (tag.name === 'br' && !tag.closing) out.push({ type: 'hardBreak' });
          else if (DANGEROUS_TAGS.has(tag.name)) {
            if (!tag.closing) {
              note('script', tag.name);
              inScript += 1;
            } else if (inScript > 0) inScript -= 1;
          } else if (tag.name === 'img') note('remoteImage');
          break;
        }
        case 'footnoteReference':
          pushText(`[^${node.label ?? node.identifier}]`, marks, out);
          break;
        default:
          pushText(mdText(node as Nodes), marks, out);
      }
    }
    return out;
  };

  /**
   * A paragraph's, heading's or cell's words. What a dangerous tag holds is dropped only up to its closing tag
   * within the same block: one left open ("I fixed the <style> bug") never swallows the rest of the entry.
   */
  const phrasing = (nodes: PhrasingContent[]): DocNode[] => {
    inScript = 0;
    const out = inline(nodes, []);
    inScript = 0;
    return out;
  };

  const paragraph = (content: DocNode[]): DocNode =>
    content.length ? { type: 'paragraph', content } : { type: 'paragraph' };

  const blocks = (nodes: RootContent[], depth: number): DocNode[] => nodes.flatMap((n) => block(n, depth));

  const block = (node: RootContent, depth: number): DocNode[] => {
    if (depth > MAX_BLOCK_DEPTH) {
      const words = mdText(node).trim();
      return words ? [paragraph([{ type: 'text', text: words.replace(/\s+/g, ' ') }])] : [];
    }
    switch (node.type) {
      case 'yaml':
        if (frontMatter === null) frontMatter = node.value;
        return [];
      case 'paragraph': {
        const content = phrasing(node.children);
        // A paragraph that held only a picture leaves nothing behind.
        return content.length ? [paragraph(content)] : [];
      }
      case 'heading':
        return [{ type: 'heading', attrs: { level: Math.min(node.depth, 3) }, content: phrasing(node.children) }];
      case 'thematicBreak':
        return [{ type: 'horizontalRule' }];
      case 'blockquote':
        return [{ type: 'blockquote', content: blocks(node.children, depth + 1) }];
      case 'code':
        return [
          node.value ? { type: 'codeBlock', content: [{ type: 'text', text: node.value }] } : { type: 'codeBlock' },
        ];
      case 'list': {
        const tasks = node.children.some((item) => typeof item.checked === 'boolean');
        const items = node.children.map((item): DocNode => ({
          type: tasks ? 'taskItem' : 'listItem',
          ...(tasks ? { attrs: { checked: item.checked === true } } : {}),
          // A list and its item are two levels of the document: counted as two, so a deep outline is
          // flattened here, with its words, before the document's own limit would drop them.
          content: blocks(item.children, depth + 2),
        }));
        if (tasks) return [{ type: 'taskList', content: items }];
        return [
          node.ordered
            ? { type: 'orderedList', attrs: { start: node.start ?? 1 }, content: items }
            : { type: 'bulletList', content: items },
        ];
      }
      case 'table':
        return [
          {
            type: 'table',
            content: node.children.map((row, r) => ({
              type: 'tableRow',
              content: row.children.map((cell) => ({
                type: r === 0 ? 'tableHeader' : 'tableCell',
                attrs: { colspan: 1, rowspan: 1 },
                content: [paragraph(phrasing(cell.children))],
              })),
            })),
          },
        ];
      case 'html': {
        const tag = htmlTag(node.value);
        if (DANGEROUS_TAGS.has(tag.name)) note('script', tag.name);
        else if (tag.name === 'img') note('remoteImage');
        else if (tag.name) note('html', node.value.slice(0, 60));
        return [];
      }
      case 'definition':
        return [];
      case 'footnoteDefinition': {
        const inner = blocks(node.children, depth + 1);
        const label: DocNode = { type: 'text', text: `[^${node.label ?? node.identifier}]: ` };
        const first = inner[0];
        if (first?.type === 'paragraph') first.content = [label, ...(first.content ?? [])];
        else inner.unshift(paragraph([label]));
        return inner;
      }
      default: {
        const words = mdText(node).trim();
        return words ? [paragraph(phrasing([{ type: 'text', value: words }]))] : [];
      }
    }
  };

  let children = tree.children;
  let leadingHeading: string | null = null;
  if (options.takeLeadingHeading) {
    const firstIndex = children.findIndex((n) => n.type !== 'yaml');
    const first = children[firstIndex];
    if (first?.type === 'heading' && first.depth <= 2) {
      leadingHeading = mdText(first).replace(/\s+/g, ' ').trim();
      children = children.filter((_, i) => i !== firstIndex);
    }
  }
  const content = blocks(children, 1);
  return {
    body: { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] },
    frontMatter,
    linkTargets,
    leadingHeading,
  };
}

function safeDecode(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}
