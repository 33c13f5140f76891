/**
 * The journal at scale: saving, searching and listing with 10,000 and 100,000 entries, unlock
 * time against a 100-entry journal, and the same saves and searches on an unencrypted copy of
 * the data, so the cost of encryption shows as a ratio.
 *
 *   npm run bench:journal                      writes bench/results/journal.json and journal.md
 *   BENCH_SIZES=1000 npm run bench:journal     a quick run
 *
 * The entries are written through JournalService.create + save in transactions of 1,000, on a
 * clock set to each entry's date; everything measured goes through JournalService and Vault, as
 * the app does.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import type { Database as DB } from 'better-sqlite3-multiple-ciphers';
import { docFromParagraphs, type DocNode } from '../common/journal/doc';
import { createServices, type Services } from '../main/app';
import { migrate } from '../main/db/migrate';
import { openEncryptedDatabase } from '../main/db/open';
import { JournalService, type SaveInput } from '../main/journal/journal';
import { TemplateService } from '../main/journal/templates';
import type { Vault } from '../main/vault/vault';

/** Earlier runs at 100,000 entries, encrypted (p50 / p95 ms), so each change's effect stays on record. */
const HISTORY = [
  {
    change: '2026-11-21 (an Intel Xeon, 2 cores): every match looked up in the table; snippets for every match',
    search: '534.96 / 1958.74',
    word: '1070.54 / 2164.68',
    firstPage: '1002.48 / 1057.71',
    save: '91.67 / 164.36',
  },
  {
    change:
      '2026-12-04 (an AMD EPYC, 2 cores): the covering index; rows and snippets for the page only, but the match run once per row shown',
    search: '56.77 / 376.26',
    word: '64.71 / 166.47',
    firstPage: '69.09 / 73.74',
    save: '104.01 / 184.1',
  },
  {
    change: "2026-12-04 (an AMD EPYC, 2 cores): the match run once over the page's range",
    search: '49.98 / 168.16',
    word: '66.48 / 183.41',
    firstPage: '70.13 / 73.24',
    save: '91.84 / 158.54',
  },
  {
    change:
      '2026-12-04 (an AMD EPYC, 2 cores): the search index rebuilt without prefix indexes or FTS5 secure-delete (deleting for ever rewrites it instead), filters covered by entries_by_seq; the search SQL as before',
    search: '39.18 / 120.56',
    word: '54.74 / 128.35',
    firstPage: '51.58 / 53.45',
    save: '1.15 / 2.54',
  },
];

/** What this run measures, for its row in the table of changes. */
const THIS_CHANGE =
  process.env['BENCH_CHANGE'] ??
  'the usual search from the search index alone, each match checked against the trash and pinned entries in memory; phrases and words re-run per row for snippets';

const SIZES = (process.env['BENCH_SIZES'] ?? '10000,100000').split(',').map((s) => Number(s.trim()));
const SAVES = 300;
const SEARCHES = 200;
const LIST_RUNS = 30;
/** Of the searches, how many are run again with a filter and with another order. */
const OTHER_SEARCHES = 60;
/** Entries deleted for ever from the trash, each rewriting the search index. */
const DELETES = 3;
const UNLOCK_RUNS = Number(process.env['BENCH_UNLOCK_RUNS'] ?? 5);
const SMALL = 100;
const BATCH = 1000;
const PASSPHRASE = 'quiet harbour lantern meadow';
const here = path.dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------------------------------------
// Deterministic, realistic-looking entries.

/** mulberry32: small, fast and the same on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Roughly in order of frequency: the sampler below is Zipf-like over this order.
const COMMON = `the and to of a I in was it that he she they with for on her his my but not as at be had this
  have we you me from what so by about all were one there when would if out no more like them about
  time just can up did into do could some then said how felt know only after think over also back
  because first way much before even still well see again need day told really new find own little
  feel something long while last always week might people make going never another thing where each
  same most those why away today morning evening later through right next sense quite bit seemed
  understand talk talked wanted asked left room door small quiet hard slow afternoon year home work
  family mother father sister brother friend child children partner school house tired worried hope
  hopeful angry sad afraid calm heavy light voice eyes hands face silence moment minutes hour hours
  change changed changing better worse different difficult easy important possible clear unclear
  remember remembered forget noticed notice noticing wonder wondered wondering question questions
  answer story stories word words name names reason reasons place places night nights life lives
  body breath breathing sleep sleeping eating walking sitting waiting watching listening speaking
  open closed close distance near far warm cold strong weak safe unsafe held holding letting go`;
const REFLECTIVE = `client session sessions supervision supervisor therapy therapist therapeutic counselling
  counsellor formulation transference countertransference boundary boundaries rupture repair alliance
  attunement empathy empathic containment contained containing defence defences resistance enactment
  projection projective identification attachment avoidant anxious ambivalent secure trauma traumatic
  dissociation dissociative shame guilt grief loss bereavement anxiety depression depressive panic
  self-harm risk safeguarding referral assessment contract ending endings beginning process parallel
  reflective reflection reflexivity mentalisation mentalising curiosity stuckness impasse frame
  interpretation intervention validation rumination avoidance exposure schema cognitive behavioural
  psychodynamic person-centred humanistic systemic integrative relational somatic embodied regulation
  dysregulation window tolerance overwhelm burnout self-care caseload notes disclosure confidentiality
  consent ethics ethical dilemma uncertainty competence vulnerability`;
const VOCAB = [...new Set(`${COMMON} ${REFLECTIVE}`.split(/\s+/).filter(Boolean))];
const CUMULATIVE = (() => {
  let total = 0;
  const weights = VOCAB.map((_, i) => (total += 1 / (i + 8)));
  return weights.map((w) => w / total);
})();
const TAGS = `supervision cpd difficult-session ethics risk self-care ending new-client group couples
  children trauma grief reading training research team boundaries rupture good-session admin`.split(/\s+/);
const NAMES = ['A.', 'B.', 'C.', 'D.', 'J.', 'K.', 'M.', 'R.', 'S.', 'T.'];

function word(rand: () => number): string {
  const r = rand();
  let lo = 0;
  let hi = CUMULATIVE.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (CUMULATIVE[mid]! < r) lo = mid + 1;
    else hi = mid;
  }
  return VOCAB[lo]!;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function paragraphs(rand: () => number, words: number): string[] {
  const out: string[] = [];
  let left = words;
  while (left > 0) {
    const sentences: string[] = [];
    let inParagraph = Math.min(left, 30 + Math.floor(rand() * 90));
    left -= inParagraph;
    while (inParagraph > 0) {
      const n = Math.min(inParagraph, 6 + Math.floor(rand() * 18));
      inParagraph -= n;
      const ws = Array.from({ length: n }, () => word(rand));
      if (n > 8 && rand() < 0.4) ws[Math.floor(n / 2)] += ',';
      sentences.push(`${capital(ws.join(' '))}${rand() < 0.1 ? '?' : '.'}`);
    }
    out.push(sentences.join(' '));
  }
  return out;
}

const START = Date.parse('2021-01-04T09:00:00Z');
const END = Date.parse('2026-10-31T18:00:00Z');

interface Generated {
  createdAt: Date;
  input: Omit<SaveInput, 'id'>;
  trashed: boolean;
}

function makeEntry(rand: () => number, index: number, count: number): Generated {
  const createdAt = new Date(START + ((END - START) * index) / count + Math.floor(rand() * 3_600_000));
  const kind = rand();
  const title =
    kind < 0.35
      ? `Session with ${NAMES[Math.floor(rand() * NAMES.length)]}`
      : kind < 0.5
        ? `Supervision ${createdAt.toISOString().slice(0, 10)}`
        : kind < 0.95
          ? capital(Array.from({ length: 2 + Math.floor(rand() * 5) }, () => word(rand)).join(' '))
          : '';
  return {
    createdAt,
    input: {
      title,
      body: docFromParagraphs(paragraphs(rand, 80 + Math.floor(rand() * 321))),
      tags: Array.from({ length: Math.floor(rand() * 4) }, () => TAGS[Math.floor(rand() * TAGS.length)]!),
      eventDate: rand() < 0.6 ? createdAt.toISOString().slice(0, 10) : null,
      bringToSupervision: rand() < 0.1,
      containsClientMaterial: rand() < 0.3,
      pinned: rand() < 0.002,
    },
    trashed: rand() < 0.005,
  };
}

/**
 * Writes `count` entries through JournalService.create + save (so every trigger and derived column
 * is the app's own), in transactions of BATCH, on a clock set to each entry's date. The same seed
 * gives the same journal.
 */
function populate(db: DB, count: number, seed = 1): number {
  let clock = new Date();
  const vault = { db: () => db } as unknown as Vault;
  const journal = new JournalService(vault, new TemplateService(vault), () => clock);
  const rand = prng(seed);
  // Trashed recently, so the purge on unlock leaves them alone and every run sees the same data.
  const trashedAt = new Date(Date.now() - 5 * 86_400_000);
  const start = performance.now();
  for (let done = 0; done < count; done += BATCH) {
    db.transaction(() => {
      for (let i = done; i < Math.min(count, done + BATCH); i++) {
        const { createdAt, input, trashed } = makeEntry(rand, i, count);
        clock = createdAt;
        const { id } = journal.create({});
        // A little later the same day: the first words are written.
        clock = new Date(createdAt.getTime() + Math.floor(rand() * 4 * 3_600_000));
        journal.save({ id, ...input });
        if (trashed) {
          clock = trashedAt;
          journal.trash(id);
        }
      }
    })();
  }
  return performance.now() - start;
}

// ---------------------------------------------------------------------------------------------
// Measuring.

interface Stats {
  p50: number;
  p95: number;
  mean: number;
  max: number;
  n: number;
}

function stats(xs: number[]): Stats {
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const round = (n: number) => Math.round(n * 100) / 100;
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return { p50: round(at(0.5)), p95: round(at(0.95)), mean: round(mean), max: round(sorted.at(-1)!), n: xs.length };
}

function timed(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

type QueryKind = 'word' | 'prefix' | 'phrase' | 'exclusion';
interface Query {
  kind: QueryKind;
  text: string;
}

/** Single words, prefixes (thera*), two-word phrases taken from real entries, and word -exclusion. */
function makeQueries(db: DB, count: number): Query[] {
  const rand = prng(42);
  const maxSeq = db.prepare('SELECT max(seq) FROM entries').pluck().get() as number;
  const bodyAt = db.prepare('SELECT body_text FROM entries WHERE seq >= ? ORDER BY seq LIMIT 1').pluck();
  const fixed = ['thera*', 'super*', 'bound*', 'trans*', 'grie*', 'attach*'];
  const long = VOCAB.filter((w) => w.length >= 6 && /^[a-z]+$/.test(w));
  const queries: Query[] = [];
  for (let i = 0; i < count; i++) {
    const kind = (['word', 'prefix', 'phrase', 'exclusion'] as const)[i % 4]!;
    if (kind === 'word') {
      queries.push({ kind, text: rand() < 0.5 ? word(rand) : long[Math.floor(rand() * long.length)]! });
    } else if (kind === 'prefix') {
      const w = long[Math.floor(rand() * long.length)]!;
      queries.push({ kind, text: i % 8 === 1 ? fixed[(i >> 3) % fixed.length]! : `${w.slice(0, 4)}*` });
    } else if (kind === 'phrase') {
      const text = bodyAt.get(1 + Math.floor(rand() * maxSeq)) as string;
      const ws = text.toLowerCase().match(/[a-z'-]+/g)!;
      const at = Math.floor(rand() * (ws.length - 1));
      queries.push({ kind, text: `"${ws[at]} ${ws[at + 1]}"` });
    } else {
      queries.push({ kind, text: `${long[Math.floor(rand() * long.length)]} -${word(rand)}` });
    }
  }
  return queries;
}

/** A few words changed in a random existing entry, as a typing session would. */
function makeEdits(db: DB, count: number): { seq: number; replacements: [number, string][] }[] {
  const rand = prng(7);
  const maxSeq = db.prepare('SELECT max(seq) FROM entries').pluck().get() as number;
  return Array.from({ length: count }, () => ({
    seq: 1 + Math.floor(rand() * maxSeq),
    replacements: Array.from({ length: 1 + Math.floor(rand() * 5) }, () => [rand(), word(rand)] as [number, string]),
  }));
}

function edited(body: DocNode, replacements: [number, string][]): DocNode {
  const copy = structuredClone(body);
  const texts = (copy.content ?? []).flatMap((p) => p.content ?? []).filter((n) => typeof n.text === 'string');
  for (const [where, replacement] of replacements) {
    const node = texts[Math.floor(where * texts.length)];
    if (!node) continue;
    const ws = node.text!.split(' ');
    ws[Math.floor(where * 997) % ws.length] = replacement;
    node.text = ws.join(' ');
  }
  return copy;
}

interface Measured {
  save: Stats;
  search: Stats;
  searchByKind: Record<QueryKind, Stats>;
  searchMatches: { median: number; max: number };
  listFirstPage: Stats;
  searchFirstPage: Stats;
  searchFiltered: Stats;
  searchNewest: Stats;
  deleteForever: Stats;
}

function measure(db: DB, journal: JournalService, queries: Query[], edits: ReturnType<typeof makeEdits>): Measured {
  const idAt = db.prepare('SELECT id FROM entries WHERE seq = ?').pluck();
  const saveMs: number[] = [];
  for (const edit of edits) {
    const id = idAt.get(edit.seq) as string;
    const entry = journal.get(id);
    if (entry.deletedAt) journal.restore(id);
    const input = {
      id,
      title: entry.title,
      body: edited(entry.body, edit.replacements),
      eventDate: entry.eventDate,
      tags: entry.tags,
      bringToSupervision: entry.bringToSupervision,
      containsClientMaterial: entry.containsClientMaterial,
      pinned: entry.pinned,
    };
    saveMs.push(timed(() => journal.save(input)));
  }

  for (const q of queries.slice(0, 10)) journal.list({ query: q.text }); // warm the statement cache
  const searchMs: number[] = [];
  const byKind: Record<QueryKind, number[]> = { word: [], prefix: [], phrase: [], exclusion: [] };
  const matches: number[] = [];
  for (const q of queries) {
    let total = 0;
    const ms = timed(() => (total = journal.list({ query: q.text }).total));
    searchMs.push(ms);
    byKind[q.kind].push(ms);
    matches.push(total);
  }
  matches.sort((a, b) => a - b);

  const listMs = Array.from({ length: LIST_RUNS }, () => timed(() => journal.list({ limit: 50 })));
  const searchPageMs = Array.from({ length: LIST_RUNS }, () =>
    timed(() => journal.list({ query: 'supervision', limit: 50 })),
  );
  const others = queries.slice(0, OTHER_SEARCHES);
  const filteredMs = others.map((q) => timed(() => journal.list({ query: q.text, kind: 'journal' })));
  const newestMs = others.map((q) => timed(() => journal.list({ query: q.text, sort: 'updated' })));
  // Last, as it changes the journal: a few entries deleted for ever from the trash.
  const trashed = journal.list({ trash: true, limit: DELETES }).items.map((item) => item.id);
  const deleteMs = trashed.map((id) => timed(() => journal.deleteForever(id)));
  return {
    save: stats(saveMs),
    search: stats(searchMs),
    searchByKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, stats(v)])) as Record<QueryKind, Stats>,
    searchMatches: { median: matches[Math.floor(matches.length / 2)]!, max: matches.at(-1)! },
    listFirstPage: stats(listMs),
    searchFirstPage: stats(searchPageMs),
    searchFiltered: stats(filteredMs),
    searchNewest: stats(newestMs),
    deleteForever: stats(deleteMs),
  };
}

/** End-to-end Vault.unlock (Argon2id dominates), and separately the database part of it. */
async function measureUnlock(services: Services): Promise<{ unlockMs: Stats; openMs: Stats }> {
  // Bench only: the raw key, to time opening the database apart from the key derivation.
  const key = Uint8Array.from((services.vault as unknown as { dataKey: Uint8Array }).dataKey);
  const dbPath = services.vault.dbPath;
  services.vault.lock();
  const unlockMs: number[] = [];
  const openMs: number[] = [];
  for (let i = 0; i < UNLOCK_RUNS; i++) {
    openMs.push(
      timed(() => {
        const db = openEncryptedDatabase(dbPath, key, { create: false });
        migrate(db);
        db.prepare(
          'SELECT id FROM entries WHERE deleted_at IS NULL ORDER BY pinned DESC, updated_at DESC LIMIT 50',
        ).all();
        db.close();
      }),
    );
    const start = performance.now();
    await services.vault.unlock(PASSPHRASE);
    unlockMs.push(performance.now() - start);
    services.vault.lock();
  }
  await services.vault.unlock(PASSPHRASE);
  return { unlockMs: stats(unlockMs), openMs: stats(openMs) };
}

function servicesIn(dataDir: string): Services {
  return createServices({
    // The app runs them in its services worker; measured here in process, as the other benches do.
    inProcess: true,
    dataDir,
    host: 'browser-shell',
    version: 'bench',
    appOrigin: 'holding://app',
    idleSeconds: () => 0,
  });
}

/** The same pragmas as openEncryptedDatabase, without a key: the unencrypted baseline. */
function openPlain(file: string): DB {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('temp_store = MEMORY');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  migrate(db);
  return db;
}

const fileBytes = (file: string) => statSync(file).size;
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

// ---------------------------------------------------------------------------------------------

const root = mkdtempSync(path.join(os.tmpdir(), 'holding-bench-journal-'));
const opened: Services[] = [];
try {
  console.log(`journal benchmark: sizes ${SIZES.join(', ')}`);
  const small = servicesIn(path.join(root, 'small'));
  opened.push(small);
  await small.vault.create(PASSPHRASE);
  populate(small.vault.db(), SMALL);
  small.vault.db().pragma('wal_checkpoint(TRUNCATE)');
  const smallUnlock = await measureUnlock(small);
  small.dispose();
  console.log(
    `unlock at ${SMALL} entries: p50 ${smallUnlock.unlockMs.p50} ms (database part ${smallUnlock.openMs.p50} ms)`,
  );

  const sizes = [];
  for (const n of SIZES) {
    const dir = path.join(root, `n${n}`);
    const services = servicesIn(dir);
    opened.push(services);
    await services.vault.create(PASSPHRASE);
    const db = services.vault.db();
    const insertMs = populate(db, n);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const dbBytes = fileBytes(services.vault.dbPath);
    console.log(`${n}: inserted in ${(insertMs / 1000).toFixed(1)} s, ${(dbBytes / 2 ** 20).toFixed(1)} MiB`);

    const queries = makeQueries(db, SEARCHES);
    const edits = makeEdits(db, SAVES);
    const encrypted = measure(db, services.journal, queries, edits);
    console.log(`${n} encrypted: save p50 ${encrypted.save.p50} ms, search p50 ${encrypted.search.p50} ms`);
    const unlock = await measureUnlock(services);
    console.log(`${n} unlock: p50 ${unlock.unlockMs.p50} ms (database part ${unlock.openMs.p50} ms)`);
    services.dispose();

    const plainPath = path.join(dir, 'plain.db');
    const plainDb = openPlain(plainPath);
    const plainInsertMs = populate(plainDb, n);
    plainDb.pragma('wal_checkpoint(TRUNCATE)');
    const plainBytes = fileBytes(plainPath);
    const standIn = { db: () => plainDb } as unknown as Vault;
    const plain = measure(plainDb, new JournalService(standIn, new TemplateService(standIn)), queries, edits);
    plainDb.close();
    console.log(`${n} plain: save p50 ${plain.save.p50} ms, search p50 ${plain.search.p50} ms`);

    sizes.push({
      entries: n,
      insert: {
        seconds: Math.round(insertMs / 100) / 10,
        entriesPerSecond: Math.round(n / (insertMs / 1000)),
        plainSeconds: Math.round(plainInsertMs / 100) / 10,
      },
      dbBytes,
      plainDbBytes: plainBytes,
      encrypted,
      plain,
      ratios: {
        saveP50: ratio(encrypted.save.p50, plain.save.p50),
        saveP95: ratio(encrypted.save.p95, plain.save.p95),
        searchP50: ratio(encrypted.search.p50, plain.search.p50),
        searchP95: ratio(encrypted.search.p95, plain.search.p95),
        insert: ratio(insertMs, plainInsertMs),
      },
      unlock: {
        ...unlock,
        ratioTo100: ratio(unlock.unlockMs.p50, smallUnlock.unlockMs.p50),
        openRatioTo100: ratio(unlock.openMs.p50, smallUnlock.openMs.p50),
      },
    });
    rmSync(dir, { recursive: true, force: true });
  }

  const cpu = os.cpus()[0]?.model ?? 'unknown';
  const result = {
    benchmark: 'journal',
    date: new Date().toISOString(),
    machine: { cpu, cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    config: { saves: SAVES, searches: SEARCHES, listRuns: LIST_RUNS, unlockRuns: UNLOCK_RUNS, wordsPerEntry: '80-400' },
    unlockAt100: smallUnlock,
    sizes,
  };
  const outDir = path.join(here, 'results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'journal.json'), `${JSON.stringify(result, null, 2)}\n`);

  const fmt = (n: number) => n.toLocaleString('en-GB');
  const mib = (b: number) => `${(b / 2 ** 20).toFixed(1)} MiB`;
  const md = [
    '# Journal benchmark',
    '',
    `${result.date.slice(0, 10)} · ${cpu} · ${result.machine.cores} cores · Node ${process.version}`,
    '',
    `Entries of 80–400 words of generated prose, a few tags, some flagged; ${SAVES} saves of random entries ` +
      `(a few words changed), ${SEARCHES} searches (single words, prefixes like \`thera*\`, two-word phrases, ` +
      `word \`-exclusion\`), ${LIST_RUNS} runs of each first page. Times in milliseconds; "plain" is the same ` +
      'data and code on an unencrypted database with the same pragmas.',
    '',
  ];
  for (const s of sizes) {
    const e = s.encrypted;
    const p = s.plain;
    md.push(
      `## ${fmt(s.entries)} entries`,
      '',
      `Database ${mib(s.dbBytes)} (plain ${mib(s.plainDbBytes)}); bulk insert ${s.insert.seconds} s ` +
        `(${fmt(s.insert.entriesPerSecond)} entries/s; plain ${s.insert.plainSeconds} s).`,
      '',
      '| operation | p50 | p95 | plain p50 | plain p95 | encrypted / plain (p50, p95) |',
      '|---|---|---|---|---|---|',
      `| save | ${e.save.p50} | ${e.save.p95} | ${p.save.p50} | ${p.save.p95} | ${s.ratios.saveP50}×, ${s.ratios.saveP95}× |`,
      `| search (all ${SEARCHES}) | ${e.search.p50} | ${e.search.p95} | ${p.search.p50} | ${p.search.p95} | ${s.ratios.searchP50}×, ${s.ratios.searchP95}× |`,
      ...(Object.keys(e.searchByKind) as QueryKind[]).map(
        (k) =>
          `| · ${k} | ${e.searchByKind[k].p50} | ${e.searchByKind[k].p95} | ${p.searchByKind[k].p50} | ${p.searchByKind[k].p95} | ${ratio(e.searchByKind[k].p50, p.searchByKind[k].p50)}×, ${ratio(e.searchByKind[k].p95, p.searchByKind[k].p95)}× |`,
      ),
      `| first page of the list (50) | ${e.listFirstPage.p50} | ${e.listFirstPage.p95} | ${p.listFirstPage.p50} | ${p.listFirstPage.p95} | ${ratio(e.listFirstPage.p50, p.listFirstPage.p50)}×, ${ratio(e.listFirstPage.p95, p.listFirstPage.p95)}× |`,
      `| first page of a search ("supervision") | ${e.searchFirstPage.p50} | ${e.searchFirstPage.p95} | ${p.searchFirstPage.p50} | ${p.searchFirstPage.p95} | ${ratio(e.searchFirstPage.p50, p.searchFirstPage.p50)}×, ${ratio(e.searchFirstPage.p95, p.searchFirstPage.p95)}× |`,
      `| search, journal entries only (first ${OTHER_SEARCHES}) | ${e.searchFiltered.p50} | ${e.searchFiltered.p95} | ${p.searchFiltered.p50} | ${p.searchFiltered.p95} | ${ratio(e.searchFiltered.p50, p.searchFiltered.p50)}×, ${ratio(e.searchFiltered.p95, p.searchFiltered.p95)}× |`,
      `| search, last changed first (first ${OTHER_SEARCHES}) | ${e.searchNewest.p50} | ${e.searchNewest.p95} | ${p.searchNewest.p50} | ${p.searchNewest.p95} | ${ratio(e.searchNewest.p50, p.searchNewest.p50)}×, ${ratio(e.searchNewest.p95, p.searchNewest.p95)}× |`,
      `| delete for ever (${DELETES}; rewrites the search index) | ${e.deleteForever.p50} | ${e.deleteForever.max} (max) | ${p.deleteForever.p50} | ${p.deleteForever.max} (max) | ${ratio(e.deleteForever.p50, p.deleteForever.p50)}× |`,
      '',
      `Searches matched a median of ${fmt(e.searchMatches.median)} entries (most ${fmt(e.searchMatches.max)}).`,
      '',
    );
  }
  md.push(
    '## Unlock does not grow with the journal',
    '',
    `Median of ${UNLOCK_RUNS}. "Database part" is opening the encrypted file, checking migrations and reading the first page; the rest is Argon2id.`,
    '',
    '| entries | Vault.unlock p50 | vs 100 entries | database part p50 | vs 100 entries |',
    '|---|---|---|---|---|',
    `| ${SMALL} | ${smallUnlock.unlockMs.p50} | 1× | ${smallUnlock.openMs.p50} | 1× |`,
    ...sizes.map(
      (s) =>
        `| ${fmt(s.entries)} | ${s.unlock.unlockMs.p50} | ${s.unlock.ratioTo100}× | ${s.unlock.openMs.p50} | ${s.unlock.openRatioTo100}× |`,
    ),
    '',
  );
  const big = sizes.at(-1);
  if (big) {
    const e = big.encrypted;
    md.push(
      `With ${fmt(big.entries)} entries a save takes ${e.save.p50} ms at the median (p95 ${e.save.p95}) and a search ` +
        `${e.search.p50} ms (p95 ${e.search.p95}); encryption makes saves ${big.ratios.saveP50}× and searches ` +
        `${big.ratios.searchP50}× as slow as on a plain database at the median. ` +
        `Unlocking takes ${big.unlock.unlockMs.p50} ms against ${smallUnlock.unlockMs.p50} ms with ${SMALL} entries ` +
        `(${big.unlock.ratioTo100}×): nearly all of it is Argon2id, which does not depend on the journal, and the ` +
        `database part is ${big.unlock.openMs.p50} ms against ${smallUnlock.openMs.p50} ms.`,
      '',
      `The slow cases are a search for a common word or prefix, which matches much of the journal, and a ` +
        `phrase of two common words, whose match is slow to run: ${e.searchByKind.word.p50} ms ` +
        `(p95 ${e.searchByKind.word.p95}) for single words and ${e.searchByKind.phrase.p50} ms ` +
        `(p95 ${e.searchByKind.phrase.p95}) for phrases at ${fmt(big.entries)} entries. Most relevant first, ` +
        `every match is counted and scored.`,
      '',
      '## What each change bought',
      '',
      `At ${fmt(big.entries)} entries, encrypted, p50 / p95 in milliseconds.`,
      '',
      '| change | search (all) | · word | first page of a search ("supervision") | save |',
      '|---|---|---|---|---|',
      ...HISTORY.map((h) => `| ${h.change} | ${h.search} | ${h.word} | ${h.firstPage} | ${h.save} |`),
      `| this run (machine at the top): ${THIS_CHANGE} | ${e.search.p50} / ${e.search.p95} | ${e.searchByKind.word.p50} / ${e.searchByKind.word.p95} | ` +
        `${e.searchFirstPage.p50} / ${e.searchFirstPage.p95} | ${e.save.p50} / ${e.save.p95} |`,
      '',
      'The usual search (no filter, most relevant first) is answered from the search index alone: one pass ' +
        'counts the matches and notes those in the trash or pinned (both few, each read once into a set), one ' +
        "scores them all and keeps the best, and the page's rows and snippets are read for the page only, a " +
        "word's or phrase's match run again per row (a short seek), a prefix's once over the range of entry " +
        'numbers the page spans. Other orders and filters count and order through the index `entries_by_seq`, ' +
        'which covers every filter and sort but the title and tags.',
      '',
      'Saves no longer use FTS5 secure-delete, and the index has no prefix indexes: a save writes a small ' +
        'segment, and the words it replaced stay in older segments, unfindable, until merged (all of them on ' +
        'unlock while the index is small). Deleting for ever rewrites the whole index, so that nothing of the ' +
        'entry is left in it: that is the "delete for ever" line above. See docs/security-model.md.',
      '',
    );
  }
  writeFileSync(path.join(outDir, 'journal.md'), md.join('\n'));
  console.log(md.join('\n'));
} finally {
  for (const s of opened) s.dispose();
  rmSync(root, { recursive: true, force: true });
}
