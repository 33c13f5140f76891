/**
 * Bringing a journal in: the pipeline every source shares. Open what was chosen, let the first source
 * that recognises it read it (slowly enough that the worker answers other calls meanwhile), clean every
 * document through the allow-list, and show a preview; then write the new entries as one batch, a slice
 * at a time, with progress and cancel. A batch is all or nothing: stopped, failed or cut short by a crash,
 * whatever it had written is taken back (here, or when the journal next opens).
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ImportPreview, ImportRecord, SkippedItem, UndoResult } from '../../common/import/types';
import { countWords, excerptOf, plainTextOf, sanitiseDoc } from '../../common/journal/doc';
import { AppError, LockedError } from '../../common/errors';
import { stopIfCancelled, type Task } from '../ipc/tasks';
import { JournalRepository, type StoredEntry } from '../journal/repository';
import type { Vault } from '../vault/vault';
import { ImportRefusedError } from './errors';
import {
  HOLDING_SOURCE,
  HOLDING_SOURCE_NAME,
  previewHolding,
  undoHoldingBatch,
  writeHoldingBatch,
} from './holding/batch';
import { type HoldingExport, isHoldingExport, readHoldingExport } from './holding/read';
import { addSkipped, openInput } from './input-files';
import { daysAndTags } from './preview';
import { ImportRepository } from './repository';
import { SOURCES, sourceById } from './sources';
import type { ImportedEntry, ReadContext } from './types';
import { isCalendarDay } from './text';

/** Entries written per transaction: small enough that a save typed meanwhile waits only a moment. */
const SLICE_ENTRIES = 200;
/** How many read exports wait for "Import" at once (the window names them by id). */
const REMEMBERED = 2;
const MAX_ENTRIES = 100_000;

interface Pending {
  preview: ImportPreview;
  /** Holding's own export, read whole: it goes in through applyHoldingExport rather than entry by entry. */
  holding?: HoldingExport;
  /** Keyed by the source's id and the export's own key, cleaned, in the order they came. */
  entries: (ImportedEntry & { sourceKey: string })[];
  skipped: SkippedItem[];
}

const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

export class ImportService {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly vault: Vault,
    private readonly now: () => Date = () => new Date(),
    /** Told how many entries went into the search index (JournalService.indexMerges: FTS5's merge work). */
    private readonly wroteEntries: (count: number) => void = () => undefined,
  ) {
    // What was read is forgotten with the key.
    vault.onLock(() => this.pending.clear());
    vault.onUnlock(() => this.takeBackUnfinished());
  }

  private db(): Database {
    return this.vault.db();
  }

  /** Reads what was chosen (a file, a zip or a folder) and says what importing it would do. Writes nothing. */
  async open(chosen: string, task?: Task): Promise<ImportPreview> {
    if (!this.vault.isUnlocked()) throw new LockedError();
    if (await isHoldingExport(chosen)) return this.openHolding(chosen, task);
    const input = await openInput(chosen);
    try {
      let source = null;
      for (const candidate of SOURCES) {
        if (await candidate.recognise(input)) {
          source = candidate;
          break;
        }
      }
      if (!source) {
        throw new ImportRefusedError(
          'Holding does not recognise that as an export it can read. It reads its own export (“Export everything”, a zip), Day One’s JSON export (a zip), a folder or zip of Markdown notes (Obsidian, Joplin, Logseq, Notesnook), and Standard Notes’ decrypted backup.',
        );
      }
      const skipped: SkippedItem[] = input.skipped.map((s) => ({ ...s, examples: [...s.examples] }));
      let since = performance.now();
      const context: ReadContext = {
        task,
        skip: (what, why, example) => addSkipped(skipped, what, why, example),
        breathe: async () => {
          stopIfCancelled(task);
          if (performance.now() - since < 30) return;
          await breathe();
          stopIfCancelled(task);
          if (!this.vault.isUnlocked()) throw new LockedError();
          since = performance.now();
        },
      };
      const journal = await source.read(input, context);
      for (const s of journal.skipped)
        for (let i = 0; i < s.count; i += 1) addSkipped(skipped, s.what, s.why, s.examples[i]);
      if (journal.entries.length > MAX_ENTRIES) {
        throw new ImportRefusedError(
          `It holds more than ${MAX_ENTRIES.toLocaleString('en-GB')} entries, more than Holding will bring in at once. Nothing was imported.`,
        );
      }
      const seen = new Set<string>();
      const entries: Pending['entries'] = [];
      for (const entry of journal.entries) {
        const sourceKey = `${source.id}:${entry.key}`;
        if (seen.has(sourceKey)) {
          context.skip(
            'Entries that appear twice',
            'The export holds the same entry twice; it came in once.',
            entry.title,
          );
          continue;
        }
        seen.add(sourceKey);
        entries.push({
          ...entry,
          body: sanitiseDoc(entry.body),
          day: entry.day && isCalendarDay(entry.day) ? entry.day : null,
          sourceKey,
        });
        if (entries.length % 200 === 0) await context.breathe();
      }
      if (!this.vault.isUnlocked()) throw new LockedError();
      const known = new ImportRepository(this.db()).knownKeys(entries.map((e) => e.sourceKey));
      const fresh = entries.filter((e) => !known.has(e.sourceKey));
      const days = fresh.map((e) => e.day).filter((d): d is string => !!d);
      const tags = fresh.flatMap((e) => e.tags);
      const id = randomUUID();
      const preview: ImportPreview = {
        id,
        name: input.name,
        source: source.id,
        sourceName: source.name,
        entries: fresh.length,
        alreadyImported: entries.length - fresh.length,
        ...daysAndTags(days, tags),
        links: fresh.reduce((sum, e) => sum + e.links.length, 0),
        skipped,
      };
      this.remember(id, { preview, entries, skipped });
      return preview;
    } finally {
      await input.close();
    }
  }

  private remember(id: string, pending: Pending): void {
    this.pending.set(id, pending);
    while (this.pending.size > REMEMBERED) this.pending.delete(this.pending.keys().next().value!);
  }

  /** Holding's own export: read and checked whole (holding/read.ts), then counted against this journal. */
  private async openHolding(chosen: string, task?: Task): Promise<ImportPreview> {
    task?.progress(0, 2);
    const data = await readHoldingExport(chosen);
    stopIfCancelled(task);
    if (!this.vault.isUnlocked()) throw new LockedError();
    task?.progress(1, 2);
    const id = randomUUID();
    const preview = previewHolding(this.db(), data, { id, name: path.basename(chosen) });
    this.remember(id, { preview, entries: [], skipped: preview.skipped, holding: data });
    task?.progress(2, 2);
    return preview;
  }

  /** Holding's own export, as one transaction: all of it, with its batch record, or nothing at all. */
  private runHolding(pending: Pending & { holding: HoldingExport }, task?: Task): ImportRecord {
    const db = this.db();
    const imports = new ImportRepository(db);
    const batchId = randomUUID();
    task?.progress(0, 1);
    const written = db.transaction(() => {
      imports.startBatch({
        id: batchId,
        source: HOLDING_SOURCE,
        name: pending.preview.name,
        startedAt: this.now().toISOString(),
      });
      const { added, already, rowsAdded } = writeHoldingBatch(db, batchId, pending.holding);
      imports.countRows(batchId, { added: rowsAdded });
      imports.finishBatch(batchId, {
        finishedAt: this.now().toISOString(),
        added,
        already,
        skipped: pending.skipped,
      });
      return added;
    })();
    this.wroteEntries(written);
    task?.progress(1, 1);
    return this.record(batchId);
  }

  /** Imports what open() read, as one batch (long: progress, cancel). Entries already here are left out. */
  async run(id: string, task?: Task): Promise<ImportRecord> {
    const pending = this.pending.get(id);
    if (!pending) throw new AppError('NOT_FOUND', 'Please choose what to import again.');
    if (!this.vault.isUnlocked()) throw new LockedError();
    this.pending.delete(id);
    if (pending.holding) return this.runHolding({ ...pending, holding: pending.holding }, task);
    const db = this.db();
    const imports = new ImportRepository(db);
    const journal = new JournalRepository(db);
    const known = imports.knownKeys(pending.entries.map((e) => e.sourceKey));
    const fresh = pending.entries.filter((e) => !known.has(e.sourceKey));
    const batchId = randomUUID();
    const startedAt = this.now().toISOString();
    db.transaction(() =>
      imports.startBatch({ id: batchId, source: pending.preview.source, name: pending.preview.name, startedAt }),
    )();
    const ids = new Map<string, string>();
    try {
      for (let at = 0; at < fresh.length; at += SLICE_ENTRIES) {
        const slice = fresh.slice(at, at + SLICE_ENTRIES);
        this.writable(db).transaction(() => {
          for (const entry of slice) {
            const stored = toStored(entry);
            journal.insert(stored);
            imports.remember(batchId, entry.sourceKey, stored.id);
            ids.set(entry.sourceKey, stored.id);
          }
        })();
        this.wroteEntries(slice.length);
        task?.progress(Math.min(at + SLICE_ENTRIES, fresh.length), fresh.length + 1);
        await breathe();
        stopIfCancelled(task);
      }
      // Links last, when every entry has its id: to entries of this import, or of an earlier one.
      const source = pending.preview.source;
      const targets = [...new Set(fresh.flatMap((e) => e.links.map((k) => `${source}:${k}`)))].filter(
        (k) => !ids.has(k),
      );
      for (const [key, entryId] of imports.entryIds(targets)) ids.set(key, entryId);
      const stamp = this.now().toISOString();
      this.writable(db).transaction(() => {
        for (const entry of fresh) {
          const from = ids.get(entry.sourceKey)!;
          for (const link of entry.links) {
            const to = ids.get(`${source}:${link}`);
            if (to && to !== from) journal.link(from, to, stamp);
          }
        }
        imports.finishBatch(batchId, {
          finishedAt: this.now().toISOString(),
          added: fresh.length,
          already: pending.entries.length - fresh.length,
          skipped: pending.skipped,
        });
      })();
      task?.progress(fresh.length + 1, fresh.length + 1);
    } catch (error) {
      if (this.vault.isUnlocked() && this.vault.db() === db) this.takeBack(batchId);
      throw error;
    }
    return this.record(batchId);
  }

  /** The journal may have locked (or locked and opened again) between slices: then nothing more is written. */
  private writable(db: Database): Database {
    if (!this.vault.isUnlocked() || this.vault.db() !== db) throw new LockedError();
    return db;
  }

  records(): ImportRecord[] {
    return new ImportRepository(this.db()).records().map(named);
  }

  private record(id: string): ImportRecord {
    const record = new ImportRepository(this.db()).batch(id);
    if (!record) throw new AppError('NOT_FOUND', 'That import could not be found.');
    return named(record);
  }

  /**
   * Undo this import: removes, for good, every entry it added that the person has not changed since; an
   * entry they have made their own (edited, retagged, pinned, linked to their own entries, written about in a
   * check-in or brought to supervision) is kept (their own writing is never lost to an undo) and
   * the result says how many. Importing the same export again afterwards brings the removed ones back.
   * A Holding export's undo takes back its other rows as well, in groups (holding/batch.ts). Only an import
   * made in this journal can be undone here.
   */
  undo(batchId: string): UndoResult {
    const db = this.db();
    const imports = new ImportRepository(db);
    const batch = imports.batch(batchId);
    if (!batch) throw new AppError('NOT_FOUND', 'That import could not be found.');
    if (batch.status !== 'done') throw new AppError('INVALID_INPUT', 'That import has already been undone.');
    if (!batch.here) {
      throw new AppError(
        'INVALID_INPUT',
        'That import was made in the journal this one came from, so it can only be undone there.',
      );
    }
    const result = db.transaction(() => {
      if (batch.source === HOLDING_SOURCE) {
        const undone = undoHoldingBatch(db, batchId);
        imports.countRows(batchId, { keptOnUndo: undone.rowsKept });
        imports.markUndone(batchId, this.now().toISOString(), undone.kept);
        return undone;
      }
      const entries = imports.batchEntries(batchId);
      const keep = entries.filter((e) => e.changed).map((e) => e.entryId);
      const remove = entries.filter((e) => !e.changed).map((e) => e.entryId);
      // The keys first: deleting an entry for ever clears its key's entry id.
      imports.forgetRemoved(remove);
      const count = remove.length ? new JournalRepository(db).deleteForever(remove) : 0;
      imports.markUndone(batchId, this.now().toISOString(), keep.length);
      return { removed: count, kept: keep.length };
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    return { ...result, record: this.record(batchId) };
  }

  /** Takes back every entry of a batch and the batch itself: for an import stopped or cut short. */
  private takeBack(batchId: string): void {
    const db = this.db();
    const imports = new ImportRepository(db);
    db.transaction(() => {
      const ids = imports.batchEntries(batchId).map((e) => e.entryId);
      if (ids.length) new JournalRepository(db).deleteForever(ids);
      imports.deleteBatch(batchId);
    })();
  }

  private takeBackUnfinished(): void {
    const unfinished = new ImportRepository(this.db()).unfinished();
    for (const id of unfinished) this.takeBack(id);
    if (unfinished.length) this.db().pragma('wal_checkpoint(TRUNCATE)');
  }
}

function named(record: ImportRecord): ImportRecord {
  const name = record.source === HOLDING_SOURCE ? HOLDING_SOURCE_NAME : sourceById(record.source)?.name;
  return { ...record, sourceName: name ?? record.source };
}

function toStored(entry: ImportedEntry): StoredEntry {
  const body = entry.body;
  const text = plainTextOf(body);
  const title = entry.title.replace(/\s+/g, ' ').trim().slice(0, 300);
  return {
    id: randomUUID(),
    kind: 'journal',
    twoTruths: null,
    title,
    body,
    bodyJson: JSON.stringify(body),
    text,
    excerpt: excerptOf(body),
    tags: entry.tags,
    wordCount: countWords(`${title}\n${text}`),
    createdAt: entry.createdAt,
    updatedAt: entry.updatedAt,
    eventDate: entry.day,
    templateId: null,
    bringToSupervision: false,
    containsClientMaterial: false,
    pinned: entry.pinned,
    deletedAt: null,
    version: 1,
  };
}
