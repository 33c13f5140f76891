import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { Database as DB } from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { docFromParagraphs } from '../../common/journal/doc';
import type { Entry } from '../../common/journal/types';
import { migrate } from '../../main/db/migrate';
import { setConnectionPragmas } from '../../main/db/open';
import { migrations } from '../../main/db/migration-list';
import { migration0010 } from '../../main/db/migrations/0010-journal-search-index';
import { migration0018 } from '../../main/db/migrations/0018-search-prefixes';
import { migration0019 } from '../../main/db/migrations/0019-search-merges-off-saves';
import { JournalService } from '../../main/journal/journal';
import { REWRITE_ON_UNLOCK_MAX_WORDS, tidyIndexOnUnlock } from '../../main/journal/index-upkeep';
import { JournalRepository } from '../../main/journal/repository';
import { TemplateService } from '../../main/journal/templates';
import type { Vault } from '../../main/vault/vault';
import { tempDir } from '../support/temp';
import { servicesPerTest } from '../support/vault';
import { prng } from '../support/prng';

/**
 * The search index without FTS5 secure-delete: saves add small segments and leave replaced words in
 * older ones, unfindable, until a merge; deleting for ever rewrites the whole index so that nothing
 * of a deleted entry is left in it; and the migration that made it so keeps every entry findable.
 */

const open = servicesPerTest();
const memory: DB[] = [];
afterEach(() => {
  while (memory.length) memory.pop()!.close();
});

/** A journal in memory at the given schema version, with a clock the test moves. */
function journalAt(version = migrations.length) {
  const db = new Database(':memory:');
  memory.push(db);
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  migrate(db, migrations.slice(0, version));
  const clock = { now: new Date('2026-11-01T09:00:00Z') };
  const vault = { db: () => db } as unknown as Vault;
  const journal = new JournalService(vault, new TemplateService(vault), () => clock.now);
  return { db, journal, clock };
}

function saveText(journal: JournalService, entry: Entry, text: string, changes: Partial<Entry> = {}) {
  return journal.save({
    id: entry.id,
    title: changes.title ?? entry.title,
    body: docFromParagraphs([text]),
    eventDate: entry.eventDate,
    tags: changes.tags ?? entry.tags,
    bringToSupervision: entry.bringToSupervision,
    containsClientMaterial: entry.containsClientMaterial,
    pinned: changes.pinned ?? entry.pinned,
  });
}

/** Prose of many different words, so that an entry's words lie on many of the index's pages. */
function prose(rand: () => number, words: number): string {
  const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'we', 'zu', 'pe', 'do'];
  return Array.from({ length: words }, () =>
    Array.from({ length: 2 + Math.floor(rand() * 3) }, () => syllables[Math.floor(rand() * syllables.length)]).join(''),
  ).join(' ');
}

/** Whether any of the index's own rows holds these bytes (terms are stored whole, less a prefix shared with the one before). */
function inIndexData(db: DB, bytes: string): boolean {
  const blocks = db.prepare('SELECT block FROM entries_fts_data').pluck().all() as unknown[];
  return blocks.some((block) => Buffer.isBuffer(block) && block.includes(bytes));
}

/** The index's own word list, read through an fts5vocab table. */
function vocabulary(db: DB): Set<string> {
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.entries_vocab USING fts5vocab(main, entries_fts, 'row')`);
  return new Set(db.prepare('SELECT term FROM temp.entries_vocab').pluck().all() as string[]);
}

function integrityCheck(db: DB): void {
  db.prepare("INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 1)").run();
}

describe('saving', () => {
  it('leaves FTS5 secure-delete off and writes a small new segment, not every page an entry’s words are on', () => {
    const { db, journal } = journalAt();
    const rand = prng(3);
    const entries = Array.from({ length: 40 }, () => {
      const entry = journal.create({});
      saveText(journal, entry, prose(rand, 300));
      return journal.get(entry.id);
    });
    expect(db.prepare("SELECT v FROM entries_fts_config WHERE k = 'secure-delete'").pluck().get()).toBeUndefined();

    const target = entries[7]!;
    const distinctWords = new Set(journal.get(target.id).body.content![0]!.content![0]!.text!.split(' ')).size;
    expect(distinctWords).toBeGreaterThan(100);
    const changes = db.prepare('SELECT total_changes()').pluck();
    const before = changes.get() as number;
    saveText(journal, target, `${journal.get(target.id).body.content![0]!.content![0]!.text} oneextraword`);
    // The entry's row, its tags and a few index rows: with secure-delete, a row per distinct word.
    expect((changes.get() as number) - before).toBeLessThan(20);
  });

  it('makes a replaced word unfindable at once, and leaves it in an older segment until the index is rewritten', () => {
    const { db, journal } = journalAt();
    const rand = prng(5);
    for (let i = 0; i < 30; i += 1) saveText(journal, journal.create({}), prose(rand, 200));
    const entry = journal.create({});
    saveText(journal, entry, 'The first word was quillfeatherstone.');
    for (let i = 0; i < 30; i += 1) saveText(journal, journal.create({}), prose(rand, 200));
    // One large segment, as the migration leaves it (and deleting for ever); then the edit, and more.
    new JournalRepository(db).rewriteIndex();
    saveText(journal, journal.get(entry.id), 'The first word was changed to lanternwickmoss.');
    for (let i = 0; i < 10; i += 1) saveText(journal, journal.create({}), prose(rand, 200));

    expect(journal.list({ query: 'quillfeatherstone' }).total).toBe(0);
    expect(journal.list({ query: 'lanternwickmoss' }).items.map((e) => e.id)).toEqual([entry.id]);
    // Unfindable, but not yet gone: an older segment still holds it (docs/security-model.md).
    expect(vocabulary(db).has('quillfeatherstone')).toBe(false);
    expect(inIndexData(db, 'featherstone')).toBe(true);

    // A journal too large to rewrite on unlock keeps it until something is deleted for ever...
    const repo = new JournalRepository(db);
    const words = repo.indexedWords();
    expect(words).toBeGreaterThan(12_000);
    expect(words).toBeLessThan(REWRITE_ON_UNLOCK_MAX_WORDS);
    expect(tidyIndexOnUnlock(repo, words - 1)).toBe(false);
    expect(inIndexData(db, 'featherstone')).toBe(true);
    // ...a smaller one loses it on the next unlock, which runs this.
    expect(journal.purgeExpired()).toBe(0);
    expect(inIndexData(db, 'featherstone')).toBe(false);
    expect(journal.list({ query: 'lanternwickmoss' }).total).toBe(1);
    integrityCheck(db);
  });

  it('keeps a word typed and removed between autosaves, marked deleted, through FTS5’s merges, until rewritten whole', () => {
    // What docs/security-model.md says an edit leaves: not in any revision, never found, but in the index.
    const { db, journal } = journalAt();
    const rand = prng(13);
    for (let i = 0; i < 30; i += 1) saveText(journal, journal.create({}), prose(rand, 200));
    new JournalRepository(db).rewriteIndex();
    const entry = journal.create({});
    saveText(journal, entry, 'Seen today with thistledownquarry at the clinic.');
    saveText(journal, journal.get(entry.id), 'Seen today at the clinic.');
    const segments = () => db.prepare('SELECT count(DISTINCT segid) FROM entries_fts_idx').pluck().get() as number;
    // Enough saves for FTS5 to merge the recent segments, more than once, into fewer: here its crisis merge (16 on a
    // level), as these saves come without a pause for the journal's own steps (migration 0019).
    let most = 0;
    for (let i = 0; i < 120; i += 1) {
      saveText(journal, journal.create({}), prose(rand, 60));
      most = Math.max(most, segments());
    }
    expect(segments()).toBeLessThan(most);
    expect(journal.revisions(entry.id)).toEqual([]);
    expect(journal.list({ query: 'thistledownquarry' }).total).toBe(0);
    expect(vocabulary(db).has('thistledownquarry')).toBe(false);
    expect(inIndexData(db, 'downquarry')).toBe(true);
    new JournalRepository(db).rewriteIndex();
    expect(inIndexData(db, 'downquarry')).toBe(false);
    integrityCheck(db);
  });

  it('does not touch the index when only flags, dates or the trash change', () => {
    const { db, journal } = journalAt();
    const entry = journal.create({});
    saveText(journal, entry, 'Steady words.');
    const segments = () => db.prepare('SELECT count(*) FROM entries_fts_data').pluck().get();
    const before = segments();
    const saved = journal.get(entry.id);
    journal.save({ ...saved, body: saved.body, bringToSupervision: true, pinned: true, eventDate: '2026-10-10' });
    journal.trash(entry.id);
    journal.restore(entry.id);
    expect(segments()).toBe(before);
    expect(journal.list({ query: 'steady' }).items.map((e) => e.pinned)).toEqual([true]);
  });

  it('indexes a change of the title alone, and of the tags alone', () => {
    const { db, journal } = journalAt();
    const entry = journal.create({});
    saveText(journal, entry, 'The same body throughout.', { title: 'Firsttitleword', tags: ['oldtagword'] });
    const count = (query: string) => journal.list({ query }).total;
    saveText(journal, journal.get(entry.id), 'The same body throughout.', { title: 'Renamedtitleword' });
    expect([count('renamedtitleword'), count('firsttitleword')]).toEqual([1, 0]);
    saveText(journal, journal.get(entry.id), 'The same body throughout.', { tags: ['newtagword'] });
    expect([count('newtagword'), count('oldtagword'), count('renamedtitleword')]).toEqual([1, 0, 1]);
    integrityCheck(db);
  });
});

describe('deleting for ever', () => {
  it('leaves no word of the entry in the index, words its edits had replaced included: delete, empty trash, purge', async () => {
    const s = await open();
    const rand = prng(11);
    for (let i = 0; i < 20; i += 1) {
      const entry = s.journal.create({});
      saveText(s.journal, entry, `${prose(rand, 150)} keepsakeword`);
    }
    const db = s.vault.db();
    const secrets = (name: string) => ({
      first: `${name}earlierxylemquartz`,
      then: `${name}laterjunipervortex`,
      title: `${name}titlemarigoldzephyr`,
    });
    const make = (name: string) => {
      const words = secrets(name);
      const entry = s.journal.create({});
      saveText(s.journal, entry, `${prose(rand, 100)} ${words.first}`);
      // An edit: the first word is replaced, and left behind in an older segment.
      saveText(s.journal, s.journal.get(entry.id), `${prose(rand, 100)} ${words.then}`, {
        title: `About ${words.title}`,
        tags: [words.title],
      });
      for (let i = 0; i < 5; i += 1) saveText(s.journal, s.journal.create({}), prose(rand, 100));
      s.journal.trash(entry.id);
      return { id: entry.id, words: Object.values(words) };
    };
    const gone = (made: { words: string[] }) => {
      const vocab = vocabulary(db);
      for (const word of made.words) {
        expect(s.journal.list({ query: word, trash: true }).total, word).toBe(0);
        expect(vocab.has(word), word).toBe(false);
        // The end of the word: a stored term may lack the start it shares with the one before it.
        expect(inIndexData(db, word.slice(-14)), word).toBe(false);
      }
    };

    const one = make('alpha');
    expect(inIndexData(db, one.words[0]!.slice(-14))).toBe(true);
    s.journal.deleteForever(one.id);
    gone(one);

    const two = make('bravo');
    const three = make('charlie');
    expect(s.journal.emptyTrash()).toBe(2);
    gone(two);
    gone(three);

    const four = make('delta');
    s.journal.purgeExpired(); // not yet
    expect(inIndexData(db, four.words[1]!.slice(-14))).toBe(true);
    const later = new Date(Date.now() + 31 * 24 * 60 * 60 * 1000);
    const purging = new JournalService(s.vault, s.templates, () => later);
    expect(purging.purgeExpired()).toBe(1);
    gone(four);

    expect(s.journal.list({ query: 'keepsakeword' }).total).toBe(20);
    integrityCheck(db);
  });
  it('leaves none of its words anywhere in the database file, free pages and WAL included, nor words edits replaced', async () => {
    // The same file, page for page, as the encrypted one holds once decrypted: an unencrypted database
    // with the very pragmas openEncryptedDatabase sets (secure_delete among them), so its bytes can be read.
    const file = path.join(await tempDir('holding-file-'), 'plain.db');
    const db = new Database(file);
    memory.push(db);
    setConnectionPragmas(db);
    migrate(db);
    const vault = { db: () => db } as unknown as Vault;
    const journal = new JournalService(vault, new TemplateService(vault), () => new Date('2026-11-01T09:00:00Z'));
    const rand = prng(41);
    const fill = (n: number) => {
      for (let i = 0; i < n; i += 1) saveText(journal, journal.create({}), prose(rand, 150));
    };
    fill(150);
    new JournalRepository(db).rewriteIndex(); // one large segment, as the migration leaves it
    const gone = journal.create({});
    saveText(journal, gone, 'Met with quillfeatherstone about the referral.', { title: 'About marigoldzephyrine' });
    fill(20);
    // Small edits, no revision kept (the history would keep earlier text on purpose): the replaced
    // word is left in an older segment of the index, unfindable.
    saveText(journal, journal.get(gone.id), 'Met with lanternwickmoss about the referral.');
    const kept = journal.create({});
    saveText(journal, kept, 'The supervisor said brackenhollowmere twice.');
    fill(20);
    saveText(journal, journal.get(kept.id), 'The supervisor said it twice.');
    fill(20);
    expect(journal.revisions(gone.id)).toEqual([]);
    expect(journal.revisions(kept.id)).toEqual([]);

    const words = ['quillfeatherstone', 'marigoldzephyrine', 'lanternwickmoss', 'brackenhollowmere'];
    // The end of each word: a stored term may lack the start it shares with the term before it.
    const onDisk = () => {
      const bytes = [file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f));
      return words.filter((word) => bytes.some((b) => b.includes(word.slice(-11))));
    };
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(onDisk()).toEqual(words);

    journal.trash(gone.id);
    journal.deleteForever(gone.id);
    expect(onDisk()).toEqual([]);
    expect(journal.list({ query: 'referral', trash: true }).total).toBe(0);
    expect(journal.list({ query: 'supervisor' }).items.map((e) => e.id)).toEqual([kept.id]);
    expect(db.pragma('freelist_count', { simple: true })).toBeGreaterThan(0);
    integrityCheck(db);
  });
});

describe('merging, after saves rather than in them (migration 0019)', () => {
  const segments = (db: DB) => new JournalRepository(db).indexSegments();
  const automerge = (db: DB) => db.prepare("SELECT v FROM entries_fts_config WHERE k = 'automerge'").pluck().get();
  const pause = () => new Promise((resolve) => setImmediate(resolve));

  it('counts the index’s segments from FTS5’s own structure record', async () => {
    const { db, journal } = journalAt();
    const rand = prng(39);
    const distinct = () => db.prepare('SELECT count(DISTINCT segid) FROM entries_fts_idx').pluck().get();
    expect(segments(db)).toBe(0);
    for (let i = 0; i < 40; i += 1) {
      saveText(journal, journal.create({}), prose(rand, 60));
      if (i % 3 === 0) await pause();
      expect(segments(db)).toBe(distinct());
    }
    journal.emptyTrash();
    new JournalRepository(db).rewriteIndex();
    expect(segments(db)).toBe(1);
  });

  it('leaves FTS5 no merge work to do inside a save; before 0019 it had some', () => {
    expect(automerge(journalAt().db)).toBe(0);
    expect(automerge(journalAt(migrations.indexOf(migration0019)).db)).toBe(4);
  });

  it('merges after the saves, once each call is over, and not inside a save', async () => {
    const { db, journal } = journalAt();
    const rand = prng(41);
    const entries = Array.from({ length: 10 }, () => journal.create({}));
    for (let i = 0; i < 20; i += 1) await pause();
    const start = segments(db);
    // Each save its own transaction, so its own small segment: none merged while the calls come one after another.
    for (const entry of entries) saveText(journal, entry, prose(rand, 50));
    expect(segments(db)).toBe(start + 10);
    for (let i = 0; i < 20; i += 1) await pause();
    expect(segments(db)).toBeLessThan(start + 10);
  });

  it('keeps the index in few segments through a thousand saves, and every word findable', async () => {
    const { db, journal } = journalAt();
    const rand = prng(43);
    const entries = Array.from({ length: 60 }, () => journal.create({}));
    await pause();
    const last = new Map<string, string>();
    const afterSteps: number[] = [];
    for (let i = 0; i < 1000; i += 1) {
      const entry = entries[Math.floor(rand() * entries.length)]!;
      const text = `${prose(rand, 40)} mark${i}`;
      saveText(journal, journal.get(entry.id), text);
      last.set(entry.id, `mark${i}`);
      await pause();
      if (i % 10 === 9) afterSteps.push(segments(db));
    }
    // Each save adds a segment, and the steps after them merge any level that has four into one: a handful are
    // left (here 1 to 11, six on average). Steps of a page at most left 4 to 22, fifteen on average; with none at
    // all, only FTS5's crisis merge (16 on a level) would merge them.
    const mean = afterSteps.reduce((sum, n) => sum + n, 0) / afterSteps.length;
    expect(mean).toBeLessThan(9);
    expect(Math.max(...afterSteps)).toBeLessThan(14);
    const find = db.prepare('SELECT count(*) FROM entries_fts WHERE entries_fts MATCH ?').pluck();
    for (const mark of last.values()) expect(find.get(mark)).toBe(1);
    integrityCheck(db);
  });

  it('counts an import’s entries too, and does nothing while the journal is locked or inside a transaction', async () => {
    const { db, journal } = journalAt();
    const rand = prng(47);
    // Four saved, each its own segment; the steps they are owed are queued, not yet run.
    const entries = Array.from({ length: 4 }, () => journal.create({}));
    for (const entry of entries) saveText(journal, entry, prose(rand, 30));
    const before = segments(db);
    expect(before).toBeGreaterThanOrEqual(4); // one a save (an empty new entry adds none): a level a step merges
    db.transaction(() => expect(journal.indexMerges.step()).toBe(false))();
    expect(segments(db)).toBe(before);
    await pause();
    expect(segments(db)).toBeLessThan(before);
    for (let i = 0; i < 20; i += 1) await pause();

    // Four more segments written past the journal service (nothing owed), then an import's slice reported.
    const write = db.prepare('UPDATE entries SET body_text = ? WHERE seq = ?');
    const seqs = db.prepare('SELECT seq FROM entries').pluck().all() as number[];
    for (const seq of seqs) write.run(prose(rand, 30), seq);
    const unmerged = segments(db);
    expect(unmerged).toBeGreaterThanOrEqual(4);
    for (let i = 0; i < 5; i += 1) await pause();
    expect(segments(db)).toBe(unmerged);
    journal.indexMerges.wrote(200); // a slice of an import
    await pause();
    expect(segments(db)).toBeLessThan(unmerged);
    for (let i = 0; i < 250; i += 1) await pause(); // the other 199 steps, with nothing left to merge

    const locked = new JournalService(
      {
        db: () => {
          throw new Error('locked');
        },
      } as unknown as Vault,
      new TemplateService({ db: () => db } as unknown as Vault),
    );
    expect(locked.indexMerges.step()).toBe(false);
    locked.indexMerges.wrote(10);
    await pause(); // and nothing thrown from the step it queued
  });
});

describe('the index stays exact', () => {
  it('through saves, trash, restores, deletions and merges, in a seeded random order', async () => {
    const { db, journal, clock } = journalAt();
    const rand = prng(23);
    const vocab = Array.from({ length: 24 }, (_, i) => `word${String.fromCharCode(97 + i)}`);
    const text = () =>
      Array.from({ length: 1 + Math.floor(rand() * 12) }, () => vocab[Math.floor(rand() * 24)]).join(' ');
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
    const ids = () => db.prepare('SELECT id FROM entries').pluck().all() as string[];
    const trashed = () => db.prepare('SELECT id FROM entries WHERE deleted_at IS NOT NULL').pluck().all() as string[];
    const expected = (word: string) =>
      (
        db.prepare('SELECT seq, title, body_text, tags_text FROM entries ORDER BY seq').raw().all() as [
          number,
          string,
          string,
          string,
        ][]
      )
        .filter((row) => row.slice(1).join(' ').toLowerCase().split(/\W+/).includes(word))
        .map((row) => row[0]);
    const found = (word: string) =>
      db.prepare('SELECT rowid FROM entries_fts WHERE entries_fts MATCH ? ORDER BY rowid').pluck().all(`"${word}"`);

    for (let step = 0; step < 400; step += 1) {
      clock.now = new Date(clock.now.getTime() + 60_000);
      const r = rand();
      const live = ids().filter((id) => !trashed().includes(id));
      if (r < 0.2 || live.length < 5) {
        saveText(journal, journal.create({ title: rand() < 0.3 ? text() : '' }), text());
      } else if (r < 0.7) {
        const entry = journal.get(pick(live));
        saveText(journal, entry, text(), {
          title: rand() < 0.3 ? text() : entry.title,
          tags: rand() < 0.2 ? [pick(vocab)] : entry.tags,
        });
      } else if (r < 0.8) {
        journal.trash(pick(live));
      } else if (r < 0.86 && trashed().length) {
        journal.restore(pick(trashed()));
      } else if (r < 0.93 && trashed().length) {
        journal.deleteForever(pick(trashed()));
      } else if (r < 0.96) {
        journal.purgeExpired(); // on unlock: nothing has expired, so the index is rewritten while small
      } else {
        journal.emptyTrash();
      }
      // Now and then the calls pause, as the worker's do between them: the merge steps saves queued run.
      if (rand() < 0.3) await new Promise((resolve) => setImmediate(resolve));
      for (const word of vocab) expect(found(word), `${word} after step ${step}`).toEqual(expected(word));
    }
    integrityCheck(db);
  });
});

describe.each([
  {
    migration: migration0010,
    was: { prefix: "prefix = '2 3'", secureDelete: 1 },
    becomes: 'without prefix indexes or secure-delete',
    prefix: null,
  },
  {
    migration: migration0018,
    was: { prefix: null, secureDelete: undefined },
    becomes: 'with prefix indexes of 2 to 6 letters',
    prefix: "prefix = '2 3 4 5 6'",
  },
])('migration $migration.version (the search index)', ({ migration, was, becomes, prefix }) => {
  it(`rebuilds the index from the entries, ${becomes}, and every search finds what it did`, () => {
    const { db, journal, clock } = journalAt(migrations.indexOf(migration));
    const rand = prng(31);
    const unique: [string, string][] = [];
    for (let i = 0; i < 60; i += 1) {
      clock.now = new Date(clock.now.getTime() + 3_600_000);
      const word = `unique${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}marker`;
      const entry =
        i % 10 === 3
          ? journal.createTwoTruths({ prompt: { id: 'p', a: `Both ${word}`, b: 'and yet supervision' } })
          : journal.create({});
      if (entry.kind === 'journal') {
        saveText(journal, entry, `${prose(rand, 40)} supervision ${word}`, {
          title: i % 4 === 0 ? `Session ${prose(rand, 2)}` : '',
          tags: i % 5 === 0 ? ['risk'] : [],
          pinned: i % 9 === 0,
        });
      }
      if (i % 8 === 5) journal.trash(entry.id);
      unique.push([word, entry.id]);
    }
    const queries = [
      'supervision',
      'sup*',
      'ka*',
      's*',
      'supervi*',
      'supervis*',
      '"and yet"',
      'supervision -risk',
      'session',
      'risk',
      'both',
    ];
    const inputs = queries.flatMap((query) => [
      { query },
      { query, trash: true },
      { query, sort: 'title' as const },
      { query, offset: 10, limit: 10 },
      { query, kind: 'two-truths' as const },
    ]);
    const before = inputs.map((input) => journal.list(input));
    const old = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'entries_fts'").pluck().get() as string;
    if (was.prefix) expect(old).toContain(was.prefix);
    else expect(old).not.toContain('prefix');
    expect(db.prepare("SELECT v FROM entries_fts_config WHERE k = 'secure-delete'").pluck().get()).toBe(
      was.secureDelete,
    );

    const cacheSize = db.pragma('cache_size', { simple: true });
    migrate(db, migrations.slice(0, migrations.indexOf(migration) + 1));
    const rebuilt = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'entries_fts'").pluck().get() as string;
    if (prefix) expect(rebuilt).toContain(prefix);
    else expect(rebuilt).not.toContain('prefix');
    expect(db.prepare("SELECT v FROM entries_fts_config WHERE k = 'secure-delete'").pluck().get()).toBeUndefined();
    // What it changed to build the index quickly is put back: FTS5's defaults, and the page cache.
    expect(
      db.prepare("SELECT k, v FROM entries_fts_config WHERE k IN ('automerge', 'hashsize') ORDER BY k").all(),
    ).toEqual([
      { k: 'automerge', v: 4 },
      { k: 'hashsize', v: 1048576 },
    ]);
    expect(db.pragma('cache_size', { simple: true })).toBe(cacheSize);
    // One segment to start from.
    expect(db.prepare('SELECT count(DISTINCT segid) FROM entries_fts_idx').pluck().get()).toBe(1);
    expect(inputs.map((input) => journal.list(input))).toEqual(before);
    for (const [word, id] of unique) {
      const trash = journal.get(id).deletedAt !== null;
      expect(
        journal.list({ query: word, trash }).items.map((e) => e.id),
        word,
      ).toEqual([id]);
    }
    // The entries' triggers, which it kept, fill the new index as before.
    const later = journal.create({});
    saveText(journal, later, 'a freshly written zephyrine');
    for (const query of ['zephyrine', 'ze*', 'zep*', 'zephyr*', 'zephyri*']) {
      expect(
        journal.list({ query }).items.map((e) => e.id),
        query,
      ).toEqual([later.id]);
    }
    integrityCheck(db);
  });
});
