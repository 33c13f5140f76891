import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import {
  MAX_TRUTH_CHARS,
  normaliseTwoTruths,
  type TwoTruthsFields,
  twoTruthsDoc,
  twoTruthsLabel,
  twoTruthsText,
} from '../../common/two-truths/two-truths';
import { AppError } from '../../common/errors';
import { countWords, type DocNode, excerptOf, plainTextOf, sanitiseDoc } from '../../common/journal/doc';
import { parseSearchQuery } from '../../common/journal/search-query';
import { normaliseTags } from '../../common/journal/tags';
import { docFromTemplate } from '../../common/journal/templates';
import {
  type Entry,
  type EntryKind,
  type EntryPage,
  type LinkedEntry,
  type EntrySort,
  type Revision,
  type RevisionReason,
  type RevisionSummary,
  type SaveResult,
  type TagCount,
  TRASH_DAYS,
} from '../../common/journal/types';
import type { Vault } from '../vault/vault';
import { IndexMerges, tidyIndexOnUnlock } from './index-upkeep';
import { JournalRepository, type StoredEntry, toEntry } from './repository';
import { LARGE_CHANGE_CHARS, REPLACED_MIN_CHARS, REVISION_INTERVAL_MS, removedChars } from './revision-rules';
import type { TemplateService } from './templates';

export { LARGE_CHANGE_CHARS, REPLACED_MIN_CHARS, REVISION_INTERVAL_MS, removedChars } from './revision-rules';

/** What every save carries besides the text itself. */
interface SaveCommon {
  id: string;
  title: string;
  eventDate: string | null;
  tags: string[];
  bringToSupervision: boolean;
  containsClientMaterial: boolean;
  pinned: boolean;
}

export interface TwoTruthsSaveInput extends Omit<SaveCommon, 'title'> {
  fields: Partial<TwoTruthsFields>;
}

export interface SaveInput {
  id: string;
  title: string;
  body: unknown;
  eventDate: string | null;
  tags: string[];
  bringToSupervision: boolean;
  containsClientMaterial: boolean;
  pinned: boolean;
}

export interface ListInput {
  query?: string | undefined;
  kind?: EntryKind | null | undefined;
  trash?: boolean | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
  tags?: string[] | undefined;
  templateId?: string | null | undefined;
  bringToSupervision?: boolean | null | undefined;
  containsClientMaterial?: boolean | null | undefined;
  pinned?: boolean | null | undefined;
  sort?: EntrySort | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
}

const notFound = () => new AppError('NOT_FOUND', 'That entry could not be found. It may have been deleted for good.');

export class JournalService {
  private cache: { db: Database; repo: JournalRepository } | null = null;
  /** FTS5's merge work, a step after each save (migration 0019); imports count their entries here too. */
  readonly indexMerges = new IndexMerges(
    () => this.repo(),
    () => this.vault.db().inTransaction,
  );

  constructor(
    private readonly vault: Vault,
    private readonly templates: TemplateService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** One repository per open database; a new one after each unlock. */
  private repo(): JournalRepository {
    const db = this.vault.db();
    if (this.cache?.db !== db) this.cache = { db, repo: new JournalRepository(db) };
    return this.cache.repo;
  }

  private tx<T>(fn: (repo: JournalRepository) => T): T {
    const repo = this.repo();
    return this.vault.db().transaction(() => fn(repo))();
  }

  create(input: {
    templateId?: string | null | undefined;
    title?: string | undefined;
    eventDate?: string | null | undefined;
  }): Entry {
    const template = input.templateId ? this.templates.get(input.templateId) : null;
    const body = template ? docFromTemplate(template) : docFromTemplate({ sections: [] });
    const title = (input.title ?? '').trim();
    return this.insertNew({
      kind: 'journal',
      twoTruths: null,
      title,
      body,
      // Counted the same way as on save: whatever is on the page, a template's headings included.
      wordCount: countWords(`${title}\n${plainTextOf(body)}`),
      eventDate: input.eventDate ?? null,
      templateId: template?.id ?? null,
    });
  }

  /** A new two-truths entry, from a prompt pair (its words to start from) or empty. */
  createTwoTruths(input: { prompt?: { id: string; a: string; b: string } | null | undefined }): Entry {
    const fields = normaliseTwoTruths(
      input.prompt ? { truthA: input.prompt.a, truthB: input.prompt.b, promptId: input.prompt.id } : {},
    );
    return this.insertNew({
      kind: 'two-truths',
      twoTruths: fields,
      title: twoTruthsLabel(fields),
      body: twoTruthsDoc(fields),
      wordCount: countWords(twoTruthsText(fields)),
      eventDate: null,
      templateId: null,
    });
  }

  private insertNew(
    start: Pick<StoredEntry, 'kind' | 'twoTruths' | 'title' | 'body' | 'wordCount' | 'eventDate' | 'templateId'>,
  ): Entry {
    const stamp = this.now().toISOString();
    const entry: StoredEntry = {
      ...start,
      id: randomUUID(),
      bodyJson: JSON.stringify(start.body),
      text: start.twoTruths ? twoTruthsText(start.twoTruths) : plainTextOf(start.body),
      excerpt: excerptOf(start.body),
      tags: [],
      createdAt: stamp,
      updatedAt: stamp,
      bringToSupervision: false,
      containsClientMaterial: false,
      pinned: false,
      deletedAt: null,
      version: 1,
    };
    this.tx((repo) => repo.insert(entry));
    this.indexMerges.wrote();
    return toEntry(entry);
  }

  get(id: string): Entry {
    const entry = this.repo().find(id);
    if (!entry) throw notFound();
    return toEntry(entry);
  }

  /**
   * Saves the whole entry. Before the text changes, the previous version is kept as a revision when
   * enough time has passed, a lot changed at once, or the entry is being emptied, so nothing
   * written is ever lost to a slip.
   */
  save(input: SaveInput): SaveResult {
    return this.persist(input, 'journal', () => ({ body: sanitiseDoc(input.body), twoTruths: null }));
  }

  /** Saves a two-truths entry: its parts, and the document built from them. */
  saveTwoTruths(input: TwoTruthsSaveInput): SaveResult {
    // Its two truths are its name: "this, and yet that".
    const fields = normaliseTwoTruths(input.fields);
    return this.persist({ ...input, title: twoTruthsLabel(fields) }, 'two-truths', () => {
      const longest = Math.max(
        ...[fields.truthA, fields.contextA, fields.truthB, fields.contextB, fields.honouring].map((t) => t.length),
      );
      if (longest > MAX_TRUTH_CHARS) {
        throw new AppError(
          'INVALID_INPUT',
          `One of the boxes holds more than ${MAX_TRUTH_CHARS.toLocaleString('en-GB')} characters, which is more than Holding can keep in one place. Please move some of it into a journal entry and link the two.`,
        );
      }
      // Searched and counted by what the person wrote, not by the form's own headings.
      return { body: twoTruthsDoc(fields), twoTruths: fields, ownText: twoTruthsText(fields) };
    });
  }

  private persist(
    input: SaveCommon,
    kind: EntryKind,
    build: () => { body: DocNode; twoTruths: TwoTruthsFields | null; ownText?: string },
  ): SaveResult {
    const result = this.tx((repo) => {
      const previous = repo.find(input.id);
      if (!previous) throw notFound();
      if (previous.kind !== kind) {
        throw new AppError('INVALID_INPUT', 'That entry is of a different kind and cannot be saved this way.');
      }
      if (previous.deletedAt) {
        throw new AppError(
          'ENTRY_IN_TRASH',
          'This entry is in the trash. Restore it first if you would like to change it.',
        );
      }
      const { body, twoTruths, ownText } = build();
      const bodyJson = JSON.stringify(body);
      const text = ownText ?? plainTextOf(body);
      const stamp = this.now().toISOString();
      const title = input.title.replace(/\s+/g, ' ').trim();
      const textChanged = bodyJson !== previous.bodyJson || title !== previous.title;
      if (textChanged) {
        const reason = this.revisionReason(repo, previous, text);
        if (reason) repo.addRevision(previous, stamp, reason);
      }
      const next: StoredEntry = {
        ...previous,
        title,
        body,
        bodyJson,
        text,
        twoTruths,
        excerpt: excerptOf(body),
        tags: normaliseTags(input.tags),
        wordCount: countWords(ownText ?? `${title}\n${text}`),
        updatedAt: textChanged ? stamp : previous.updatedAt,
        eventDate: input.eventDate,
        bringToSupervision: input.bringToSupervision,
        containsClientMaterial: input.containsClientMaterial,
        pinned: input.pinned,
      };
      repo.update(next, previous.tags);
      return { version: previous.version + 1, updatedAt: next.updatedAt, wordCount: next.wordCount };
    });
    this.indexMerges.wrote();
    return result;
  }

  private revisionReason(repo: JournalRepository, previous: StoredEntry, nextText: string): RevisionReason | null {
    const hadWords = previous.text.trim().length > 0 || previous.title.length > 0;
    if (!hadWords) return null;
    if (nextText.trim().length === 0 && previous.text.trim().length > 0) return 'emptied';
    if (Math.abs(nextText.length - previous.text.length) >= LARGE_CHANGE_CHARS) return 'large-change';
    // Select-all and type over happens faster than autosave: keep what was replaced.
    const removed = removedChars(previous.text, nextText);
    if (removed >= LARGE_CHANGE_CHARS || (removed >= REPLACED_MIN_CHARS && removed * 2 >= previous.text.length)) {
      return 'large-change';
    }
    const last = repo.lastRevisionAt(previous.id) ?? previous.createdAt;
    if (this.now().getTime() - Date.parse(last) >= REVISION_INTERVAL_MS) return 'edited';
    return null;
  }

  list(input: ListInput): EntryPage {
    const parsed = parseSearchQuery(input.query ?? '');
    const offset = input.offset ?? 0;
    const { total, items } = this.repo().list({
      match: parsed.match,
      kind: input.kind ?? null,
      trash: input.trash ?? false,
      from: input.from ?? null,
      to: input.to ?? null,
      tags: input.tags ?? [],
      templateId: input.templateId ?? null,
      bringToSupervision: input.bringToSupervision ?? null,
      containsClientMaterial: input.containsClientMaterial ?? null,
      pinned: input.pinned ?? null,
      sort: input.sort ?? (parsed.match ? 'relevance' : 'updated'),
      offset,
      limit: input.limit ?? 50,
    });
    return { total, offset, items };
  }

  tags(): TagCount[] {
    return this.repo().tags();
  }

  trash(id: string): void {
    this.tx((repo) => {
      if (!repo.setDeleted(id, this.now().toISOString())) throw notFound();
    });
  }

  restore(id: string): void {
    this.tx((repo) => {
      if (!repo.setDeleted(id, null)) throw notFound();
    });
  }

  /** Only from the trash: an entry is always trashed first, so one slip cannot destroy it. */
  deleteForever(id: string): void {
    this.tx((repo) => {
      const entry = repo.find(id);
      if (!entry) throw notFound();
      if (!entry.deletedAt)
        throw new AppError('INVALID_INPUT', 'Move the entry to the trash before deleting it for good.');
      repo.deleteForever([id]);
    });
    this.scrubWal();
  }

  emptyTrash(): number {
    const count = this.tx((repo) => repo.deleteForever(repo.allTrashed()));
    this.scrubWal();
    return count;
  }

  /**
   * Deletes for good whatever has been in the trash longer than TRASH_DAYS. Runs on unlock; when
   * nothing was deleted (which rewrites the search index), a small index is rewritten anyway.
   */
  purgeExpired(): number {
    const cutoff = new Date(this.now().getTime() - TRASH_DAYS * 24 * 60 * 60 * 1000).toISOString();
    const count = this.tx((repo) => repo.deleteForever(repo.trashedBefore(cutoff)));
    if (count || this.tx(tidyIndexOnUnlock)) this.scrubWal();
    return count;
  }

  revisions(entryId: string): RevisionSummary[] {
    if (!this.repo().exists(entryId)) throw notFound();
    return this.repo().revisions(entryId);
  }

  revision(id: number): Revision {
    const revision = this.repo().revision(id);
    if (!revision) throw new AppError('NOT_FOUND', 'That earlier version could not be found.');
    return revision;
  }

  /** Puts an earlier version back, keeping the current one as a revision first. */
  restoreRevision(entryId: string, revisionId: number): Entry {
    this.tx((repo) => {
      const current = repo.find(entryId);
      const revision = repo.revision(revisionId);
      if (!current || !revision || revision.entryId !== entryId) throw notFound();
      if (current.deletedAt) throw new AppError('ENTRY_IN_TRASH', 'Restore the entry from the trash first.');
      const stamp = this.now().toISOString();
      repo.addRevision(current, stamp, 'before-restore');
      repo.update(
        {
          ...current,
          title: revision.title,
          body: revision.body,
          bodyJson: JSON.stringify(revision.body),
          text: revision.text,
          twoTruths: current.kind === 'two-truths' ? (revision.twoTruths ?? current.twoTruths) : null,
          excerpt: excerptOf(revision.body),
          wordCount: revision.wordCount,
          updatedAt: stamp,
        },
        current.tags,
      );
    });
    this.indexMerges.wrote();
    return this.get(entryId);
  }

  links(id: string): LinkedEntry[] {
    if (!this.repo().exists(id)) throw notFound();
    return this.repo().links(id);
  }

  link(fromId: string, toId: string): LinkedEntry[] {
    if (fromId === toId) throw new AppError('INVALID_INPUT', 'An entry cannot be linked to itself.');
    this.tx((repo) => {
      if (!repo.exists(fromId) || !repo.exists(toId)) throw notFound();
      repo.link(fromId, toId, this.now().toISOString());
    });
    return this.links(fromId);
  }

  unlink(fromId: string, toId: string): LinkedEntry[] {
    this.tx((repo) => repo.unlink(fromId, toId));
    return this.links(fromId);
  }

  /** Old page images of deleted text can linger in the WAL until a checkpoint; clear them now. */
  private scrubWal(): void {
    this.vault.db().pragma('wal_checkpoint(TRUNCATE)');
  }
}
