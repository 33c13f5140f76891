/**
 * Day One's JSON export: a zip holding one JSON file per journal (Journal.json, or the journal's name)
 * and a photos/ folder. Each entry has a uuid, creationDate and modifiedDate in UTC, the timeZone it was
 * written in, Markdown text (with Day One's escapes, `\.` and `\-`, which CommonMark reads as the plain
 * characters), tags and starred. Photos are `dayone-moment://` links: left out, with a note.
 */
import { normaliseTags } from '../../../common/journal/tags';
import { ImportRefusedError } from '../errors';
import type { InputFile, InputFiles } from '../input-files';
import { markdownToDoc } from '../markdown';
import { dayIn, decodeText, markdownIsTame, parseJson, plainParagraphs, readWhen } from '../text';
import type { ImportedEntry, ImportSource } from '../types';

/** A Day One journal's JSON: ten thousand long entries are well under this. */
const MAX_JSON_BYTES = 256 * 1024 * 1024;

const isJournalJson = (file: InputFile) => !file.path.includes('/') && file.path.toLowerCase().endsWith('.json');

/** The text read to recognise a journal, kept for reading it (a zip cannot be read from the middle). */
const seen = new WeakMap<InputFiles, Map<string, string | null>>();

async function textOf(input: InputFiles, file: InputFile): Promise<string | null> {
  const cached = seen.get(input)?.get(file.path);
  if (cached !== undefined) return cached;
  const text = decodeText(await input.read(file, MAX_JSON_BYTES));
  const map = seen.get(input) ?? new Map<string, string | null>();
  map.set(file.path, text);
  seen.set(input, map);
  return text;
}

async function peek(input: InputFiles, file: InputFile): Promise<boolean> {
  if (file.size > MAX_JSON_BYTES) return false;
  const text = await textOf(input, file);
  if (!text) return false;
  const start = text.slice(0, 2000);
  return start.includes('"metadata"') && text.includes('"entries"') && text.includes('"creationDate"');
}

export const dayOne: ImportSource = {
  id: 'day-one',
  name: 'Day One',
  async recognise(input) {
    const candidates = input.files.filter(isJournalJson);
    if (candidates.length === 0 || candidates.length > 50) return false;
    for (const file of candidates) if (await peek(input, file)) return true;
    return false;
  },
  async read(input, context) {
    const journals = input.files.filter(isJournalJson);
    const entries: ImportedEntry[] = [];
    const media = input.files.filter((f) => !isJournalJson(f)).length;
    for (const file of journals) {
      const text = await textOf(input, file);
      seen.get(input)?.delete(file.path);
      if (text === null) {
        throw new ImportRefusedError(`“${file.path}” is not readable text (it is not UTF-8). Nothing was imported.`);
      }
      const json = parseJson(text, `“${file.path}”`) as { metadata?: unknown; entries?: unknown };
      if (!json || typeof json !== 'object' || !Array.isArray(json.entries)) {
        throw new ImportRefusedError(`“${file.path}” is not a Day One journal. Nothing was imported.`);
      }
      // With more than one journal, each entry is tagged with its journal's name.
      const journalTag = journals.length > 1 ? file.path.slice(0, -'.json'.length) : null;
      let done = 0;
      for (const raw of json.entries as unknown[]) {
        const entry = readEntry(raw, journalTag, context);
        if (entry) entries.push(entry);
        done += 1;
        if (done % 50 === 0) {
          context.task?.progress(done, json.entries.length);
          await context.breathe();
        }
      }
    }
    if (media > 0) {
      for (let i = 0; i < media; i += 1) {
        context.skip(
          'Photos and other media',
          'Holding keeps your words; photos, audio and files stay in your Day One export.',
        );
      }
    }
    return { entries, skipped: [] };
  },
};

function readEntry(
  raw: unknown,
  journalTag: string | null,
  context: Parameters<ImportSource['read']>[1],
): ImportedEntry | null {
  if (!raw || typeof raw !== 'object') {
    context.skip('Entries Holding could not read', 'They are missing their text or their date.');
    return null;
  }
  const e = raw as Record<string, unknown>;
  const uuid = typeof e['uuid'] === 'string' ? e['uuid'].slice(0, 100) : '';
  const created = readWhen(e['creationDate']);
  if (!uuid || !created) {
    context.skip('Entries Holding could not read', 'They are missing their text or their date.', uuid || undefined);
    return null;
  }
  const modified = readWhen(e['modifiedDate']) ?? created;
  const zone = typeof e['timeZone'] === 'string' ? e['timeZone'] : 'UTC';
  const day = dayIn(new Date(created.instant), zone) ?? created.day;
  const text = typeof e['text'] === 'string' ? e['text'] : '';
  let title = '';
  let body;
  if (markdownIsTame(text)) {
    const converted = markdownToDoc(text, context, { takeLeadingHeading: true });
    title = converted.leadingHeading ?? '';
    body = converted.body;
  } else {
    context.skip(
      'Formatting in very unusual entries',
      'Their Markdown was too tangled to read safely, so their words came in as plain lines.',
      uuid,
    );
    body = plainParagraphs(text);
  }
  if (e['location'] || e['weather']) {
    context.skip('Places and weather', 'Holding does not keep where, or in what weather, an entry was written.');
  }
  const tags = Array.isArray(e['tags']) ? e['tags'].filter((t): t is string => typeof t === 'string') : [];
  if (journalTag) tags.unshift(journalTag);
  return {
    key: uuid,
    title,
    body,
    createdAt: created.instant,
    updatedAt: modified.instant,
    day,
    tags: normaliseTags(tags),
    pinned: e['starred'] === true,
    links: [],
  };
}
