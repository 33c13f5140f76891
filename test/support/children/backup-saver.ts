// Child process for the backup kill test: saves journal entries over and over, a few milliseconds apart,
// and prints `ack <entryId> <version> <sha256>` once each save has returned (committed, synchronous = FULL).
//
// Test only: the data key arrives as hex in HOLDING_TEST_DB_KEY.
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { docFromParagraphs, plainTextOf, sanitiseDoc } from '../../../common/journal/doc';
import { openJournal } from './journal-child';

const dbPath = process.argv[2]!;
const MAX_ENTRIES = 40;

// Two processes write this journal here (the app has one connection): wait for the other's lock.
const { db, journal } = await openJournal(dbPath, { shared: true });
const ids = db.prepare('SELECT id FROM entries WHERE deleted_at IS NULL').pluck().all() as string[];

for (let n = 0; ; n++) {
  const id = ids.length < MAX_ENTRIES ? journal.create({}).id : ids[n % ids.length]!;
  if (ids.length < MAX_ENTRIES) ids.push(id);
  const title = `Save ${n}`;
  const body = docFromParagraphs([`Written while backups were taken, save ${n}.`, `${Math.random()}`]);
  let version: number;
  for (;;) {
    try {
      version = journal.save({
        id,
        title,
        body,
        eventDate: null,
        tags: [],
        bringToSupervision: false,
        containsClientMaterial: false,
        pinned: journal.get(id).pinned,
      }).version;
      break;
    } catch (error) {
      // The backup child's write (its record) can land between this save's read and its write: in WAL mode
      // that is SQLITE_BUSY_SNAPSHOT, which no busy timeout waits out. The save did not happen; try again.
      if (!String((error as { code?: string }).code).startsWith('SQLITE_BUSY')) throw error;
      await sleep(2);
    }
  }
  const digest = createHash('sha256')
    .update(`${title}\u0000${plainTextOf(sanitiseDoc(body))}`)
    .digest('hex');
  process.stdout.write(`ack ${id} ${version} ${digest}\n`);
  await sleep(10);
}
