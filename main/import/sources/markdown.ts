/**
 * A folder (or a zip) of Markdown files, as Obsidian, Joplin ("Markdown + Front Matter"), Logseq and
 * Notesnook write them. Each .md file is one entry: its YAML front matter gives the title, tags, aliases
 * and dates (each app names them a little differently); a daily note's file name (2026-03-14.md, or
 * 2026_03_14.md in Logseq) is the day it is about; the folders it is in become tags; [[wikilinks]],
 * [[name|shown words]] and links to other .md files become links between the imported entries.
 */
import { parse as parseYaml } from 'yaml';
import { normaliseTags } from '../../../common/journal/tags';
import type { InputFile } from '../input-files';
import { markdownToDoc } from '../markdown';
import { dayFromName, decodeText, markdownIsTame, MAX_MARKDOWN_CHARS, plainParagraphs, readWhen } from '../text';
import type { ImportedEntry, ImportSource, ReadContext } from '../types';

const MAX_NOTE_BYTES = 8 * 1024 * 1024;
/** Folders that are an app's own layout, not the person's filing: not made tags. */
const LAYOUT_FOLDERS = new Set(['journals', 'pages', 'notes', 'daily', 'daily notes', 'resources', '_resources']);

const isMarkdown = (file: InputFile) => {
  const lower = file.path.toLowerCase();
  return lower.endsWith('.md') || lower.endsWith('.markdown');
};

const baseName = (p: string) => {
  const name = p.slice(p.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
};

/** A front matter value as a list of strings (a YAML list, or one string, comma- or space-separated for tags). */
function strings(value: unknown, split: boolean): string[] {
  if (Array.isArray(value))
    return value.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number').map(String);
  if (typeof value === 'string') return split ? value.split(/[,\s]+/).filter(Boolean) : [value];
  return [];
}

function frontMatterOf(text: string | null, context: ReadContext, file: string): Record<string, unknown> {
  if (!text) return {};
  try {
    // YAML 1.2's core schema: dates stay as written (their day is the writer's own); aliases are capped.
    const value: unknown = parseYaml(text, { schema: 'core', maxAliasCount: 50, uniqueKeys: false });
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    context.skip(
      'Front matter Holding could not read',
      'The note came in, but its title, tags or dates in the front matter did not.',
      file,
    );
    return {};
  }
}

const first = (fm: Record<string, unknown>, names: string[]) => {
  for (const name of names) if (fm[name] !== undefined && fm[name] !== null) return fm[name];
  return undefined;
};

interface Read {
  entry: ImportedEntry;
  targets: string[];
  names: string[];
}

export const markdownNotes: ImportSource = {
  id: 'markdown',
  name: 'Markdown notes (Obsidian, Joplin, Logseq, Notesnook)',
  async recognise(input) {
    return input.files.some(isMarkdown);
  },
  async read(input, context) {
    const notes = input.files.filter(isMarkdown);
    const others = input.files.filter((f) => !isMarkdown(f));
    for (const file of others) {
      context.skip(
        'Pictures and attached files',
        'Holding keeps your words; pictures and attached files stay in the export you brought in.',
        file.path,
      );
    }
    const read: Read[] = [];
    let done = 0;
    for (const file of notes) {
      done += 1;
      if (done % 20 === 0) {
        context.task?.progress(done, notes.length);
        await context.breathe();
      }
      if (file.size > MAX_NOTE_BYTES) {
        context.skip(
          'Notes too long for one entry',
          'Holding keeps up to two million characters in one entry.',
          file.path,
        );
        continue;
      }
      const text = decodeText(await input.read(file, MAX_NOTE_BYTES));
      if (text === null) {
        context.skip(
          'Files that are not readable text',
          'They are not written in UTF-8, so Holding cannot tell what they say.',
          file.path,
        );
        continue;
      }
      if (text.length > MAX_MARKDOWN_CHARS) {
        context.skip(
          'Notes too long for one entry',
          'Holding keeps up to two million characters in one entry.',
          file.path,
        );
        continue;
      }
      read.push(readNote(file, text, context));
    }
    // Links by the names another note would use: file name, path without .md, title, aliases.
    const byName = new Map<string, string>();
    for (const r of read) for (const name of r.names) if (!byName.has(name)) byName.set(name, r.entry.key);
    for (const r of read) {
      const links = new Set<string>();
      for (const target of r.targets) {
        const key = resolve(target, byName);
        if (key && key !== r.entry.key) links.add(key);
      }
      r.entry.links = [...links];
    }
    return { entries: read.map((r) => r.entry), skipped: [] };
  },
};

function nameKey(name: string): string {
  return name.normalize('NFC').trim().toLocaleLowerCase('en-GB');
}

function resolve(target: string, byName: Map<string, string>): string | null {
  // [[Note#Heading]] and [[Note^block]] point into a note: the note is the link.
  let name = target;
  for (const mark of ['#', '^']) {
    const at = name.indexOf(mark);
    if (at >= 0) name = name.slice(0, at);
  }
  name = name.trim();
  if (!name) return null;
  const lower = name.toLowerCase();
  const withoutExt = lower.endsWith('.md') ? name.slice(0, -3) : name;
  return byName.get(nameKey(withoutExt)) ?? byName.get(nameKey(baseName(withoutExt))) ?? null;
}

function readNote(file: InputFile, text: string, context: ReadContext): Read {
  let converted;
  if (markdownIsTame(text)) {
    converted = markdownToDoc(text, context);
  } else {
    context.skip(
      'Formatting in very unusual notes',
      'Their Markdown was too tangled to read safely, so their words came in as plain lines.',
      file.path,
    );
    converted = { body: plainParagraphs(text), frontMatter: null, linkTargets: [], leadingHeading: null };
  }
  const fm = frontMatterOf(converted.frontMatter, context, file.path);
  const base = baseName(file.path);
  const folders = file.path.split('/').slice(0, -1);
  const title = String(first(fm, ['title']) ?? base)
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 500);

  const dailyDay = dayFromName(base);
  const dayField = readWhen(first(fm, ['date', 'day']));
  const created =
    readWhen(first(fm, ['created', 'created_at', 'createdAt', 'date created', 'creation date'])) ??
    dayField ??
    (dailyDay ? readWhen(dailyDay) : null) ??
    (file.modifiedAt ? readWhen(file.modifiedAt) : null);
  const updated =
    readWhen(first(fm, ['updated', 'updated_at', 'updatedAt', 'modified', 'date modified', 'last modified'])) ??
    (file.modifiedAt ? readWhen(file.modifiedAt) : null) ??
    created;
  const now = new Date().toISOString();
  const tags = [
    ...folders.filter((f) => !LAYOUT_FOLDERS.has(f.toLowerCase())),
    ...strings(first(fm, ['tags', 'tag', 'keywords']), true),
  ];
  const aliases = strings(first(fm, ['aliases', 'alias']), false);
  const names = [file.path.slice(0, file.path.lastIndexOf('.')), base, title, ...aliases].map(nameKey);
  const pinned = first(fm, ['pinned', 'favorite', 'favourite', 'starred']) === true;
  return {
    entry: {
      key: file.path,
      title,
      body: converted.body,
      createdAt: created?.instant ?? now,
      updatedAt: updated?.instant ?? created?.instant ?? now,
      day: dailyDay ?? dayField?.day ?? created?.day ?? null,
      tags: normaliseTags(tags),
      pinned,
      links: [],
    },
    targets: converted.linkTargets,
    names,
  };
}
