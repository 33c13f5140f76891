// Child process for the crash test: saves journal entries in a tight loop and prints
// `ack <entryId> <version> <sha256>` once each save has returned (that is, committed with
// synchronous = FULL). The parent kills it at random moments and checks every ack survived.
//
// Test only: the data key arrives as hex in HOLDING_TEST_DB_KEY.
import { createHash } from 'node:crypto';
import { docFromParagraphs, type DocNode, plainTextOf, sanitiseDoc } from '../../../common/journal/doc';
import { openJournal } from './journal-child';

const dbPath = process.argv[2]!;
const MAX_ENTRIES = 60;

const { db, journal } = await openJournal(dbPath);

const WORDS = (
  'the session felt heavy today and I noticed my own tiredness before the client arrived ' +
  'supervision might help me think about boundaries transference hope anger silence repair ' +
  'we talked about her mother the move the long winter and what it means to be seen ' +
  'café naïve résumé — “quotes” ‘single’ emoji 🌧️ and a tab\there'
).split(' ');

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

function sentence(): string {
  const n = 4 + Math.floor(Math.random() * 16);
  return Array.from({ length: n }, () => pick(WORDS)).join(' ') + '.';
}

/** Mostly a few paragraphs; sometimes empty, sometimes a large (~50 KB) body. */
function randomBody(): DocNode {
  const roll = Math.random();
  if (roll < 0.08) return docFromParagraphs([]);
  const targetChars = roll > 0.96 ? 50_000 : 20 + Math.floor(Math.random() * 3000);
  const paragraphs: string[] = [];
  let chars = 0;
  while (chars < targetChars) {
    const p = Array.from({ length: 1 + Math.floor(Math.random() * 5) }, sentence).join(' ');
    paragraphs.push(Math.random() < 0.1 ? '' : p);
    chars += p.length;
  }
  return docFromParagraphs(paragraphs);
}

/** Exactly what is stored: the service folds the title's whitespace and derives text from the sanitised body. */
function digest(title: string, body: DocNode): string {
  const storedTitle = title.replace(/\s+/g, ' ').trim();
  const storedText = plainTextOf(sanitiseDoc(body));
  return createHash('sha256').update(`${storedTitle}\u0000${storedText}`).digest('hex');
}

const ids = db.prepare('SELECT id FROM entries WHERE deleted_at IS NULL').pluck().all() as string[];

for (;;) {
  let id: string;
  if (ids.length === 0 || (ids.length < MAX_ENTRIES && Math.random() < 0.1)) {
    id = journal.create({}).id;
    ids.push(id);
  } else {
    id = pick(ids);
  }
  const current = journal.get(id);
  const title = Math.random() < 0.1 ? '' : `  ${sentence()}  `;
  const body = randomBody();
  const result = journal.save({
    id,
    title,
    body,
    eventDate: Math.random() < 0.5 ? null : '2026-03-14',
    tags: Math.random() < 0.5 ? [] : [pick(WORDS), pick(WORDS)],
    bringToSupervision: Math.random() < 0.3,
    containsClientMaterial: Math.random() < 0.3,
    pinned: current.pinned,
  });
  process.stdout.write(`ack ${id} ${result.version} ${digest(title, body)}\n`);
}
