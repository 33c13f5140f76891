/**
 * Standard Notes' decrypted backup: one JSON file of items. Notes carry their title and text; tags are
 * items of their own that reference the notes they are on. An encrypted backup (its items' content is
 * ciphertext such as "004:…") is refused with a sentence saying how to make a decrypted one. Notes in the
 * trash, and Super notes (kept in Standard Notes' own format), are left out with a note.
 */
import { normaliseTags } from '../../../common/journal/tags';
import { ImportRefusedError } from '../errors';
import type { InputFile } from '../input-files';
import { markdownToDoc } from '../markdown';
import { decodeText, markdownIsTame, parseJson, plainParagraphs, readWhen } from '../text';
import type { ImportedEntry, ImportSource } from '../types';

const MAX_JSON_BYTES = 256 * 1024 * 1024;

const isJson = (file: InputFile) => {
  const lower = file.path.toLowerCase();
  return lower.endsWith('.txt') || lower.endsWith('.json');
};

interface Item {
  uuid?: unknown;
  content_type?: unknown;
  content?: unknown;
  created_at?: unknown;
  updated_at?: unknown;
  deleted?: unknown;
}

const ENCRYPTED =
  'This Standard Notes backup is encrypted, so Holding cannot read it. In Standard Notes, open Preferences, then Backups, and download a backup with “Decrypted” chosen; then bring that file in. Nothing was imported.';

async function backupOf(
  input: Parameters<ImportSource['read']>[0],
): Promise<{ file: InputFile; items: Item[]; encrypted: boolean } | null> {
  const candidates = input.files.filter(isJson);
  if (candidates.length !== 1 || input.files.length > 3) return null;
  const file = candidates[0]!;
  if (file.size > MAX_JSON_BYTES) return null;
  const text = decodeText(await input.read(file, MAX_JSON_BYTES));
  if (text === null || !text.includes('"items"') || !text.includes('"content_type"')) return null;
  const json = parseJson(text, `“${file.path}”`) as { items?: unknown; keyParams?: unknown; auth_params?: unknown };
  if (!json || typeof json !== 'object' || !Array.isArray(json.items)) return null;
  const items = json.items as Item[];
  const encrypted =
    json.keyParams !== undefined ||
    json.auth_params !== undefined ||
    items.some((i) => i && typeof i === 'object' && typeof i.content === 'string');
  return { file, items, encrypted };
}

export const standardNotes: ImportSource = {
  id: 'standard-notes',
  name: 'Standard Notes',
  async recognise(input) {
    return (await backupOf(input).catch(() => null)) !== null;
  },
  async read(input, context) {
    const backup = await backupOf(input);
    if (!backup)
      throw new ImportRefusedError('That is not a Standard Notes backup Holding can read. Nothing was imported.');
    if (backup.encrypted) throw new ImportRefusedError(ENCRYPTED);
    const tagsByNote = new Map<string, string[]>();
    for (const item of backup.items) {
      if (!item || typeof item !== 'object' || item.content_type !== 'Tag' || item.deleted === true) continue;
      const content = item.content as { title?: unknown; references?: unknown } | undefined;
      const title = typeof content?.title === 'string' ? content.title : '';
      if (!title || !Array.isArray(content?.references)) continue;
      for (const ref of content.references as { uuid?: unknown }[]) {
        if (typeof ref?.uuid !== 'string') continue;
        tagsByNote.set(ref.uuid, [...(tagsByNote.get(ref.uuid) ?? []), title]);
      }
    }
    const entries: ImportedEntry[] = [];
    let done = 0;
    for (const item of backup.items) {
      done += 1;
      if (done % 50 === 0) {
        context.task?.progress(done, backup.items.length);
        await context.breathe();
      }
      if (!item || typeof item !== 'object' || item.content_type !== 'Note' || item.deleted === true) continue;
      const uuid = typeof item.uuid === 'string' ? item.uuid.slice(0, 100) : '';
      const content = (item.content ?? {}) as Record<string, unknown>;
      const title =
        typeof content['title'] === 'string' ? content['title'].replace(/\s+/g, ' ').trim().slice(0, 500) : '';
      if (!uuid) {
        context.skip('Notes Holding could not read', 'They are missing the details every note has.');
        continue;
      }
      if (content['trashed'] === true) {
        context.skip('Notes in the trash', 'You had put them in Standard Notes’ trash.', title);
        continue;
      }
      if (content['noteType'] === 'super') {
        context.skip(
          'Super notes',
          'Standard Notes keeps these in its own format. In Standard Notes, export them as Markdown, then bring that folder in.',
          title,
        );
        continue;
      }
      const created = readWhen(item.created_at);
      const updated = readWhen(item.updated_at) ?? created;
      const text = typeof content['text'] === 'string' ? content['text'] : '';
      const body = markdownIsTame(text) ? markdownToDoc(text, context).body : plainParagraphs(text);
      const now = new Date().toISOString();
      entries.push({
        key: uuid,
        title,
        body,
        createdAt: created?.instant ?? now,
        updatedAt: updated?.instant ?? now,
        // Standard Notes keeps instants in UTC and no time zone: its day is the UTC day.
        day: created?.day ?? null,
        tags: normaliseTags(tagsByNote.get(uuid) ?? []),
        pinned:
          (content['appData'] as { 'org.standardnotes.sn'?: { pinned?: unknown } } | undefined)?.[
            'org.standardnotes.sn'
          ]?.pinned === true,
        links: [],
      });
    }
    return { entries, skipped: [] };
  },
};
