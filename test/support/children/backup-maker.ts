// Child process for the backup kill test: makes one backup of the journal with makeBackup (the same code
// BackupService runs), printing `step <name>` as each step begins and `verified <file name>` at the end.
// The parent kills it at random moments. It starts up first (Node, SQLite, libsodium, zod: most of a
// second on a busy machine), prints `ready`, and begins when a line arrives on standard input, so the
// parent can have the next one ready while the last one runs.
//
// Test only: the data key arrives as hex in HOLDING_TEST_DB_KEY.
import path from 'node:path';
import { makeBackup } from '../../../main/backup/make';
import { openEncryptedDatabase } from '../../../main/db/open';
import { sodiumReady } from '../../../main/vault/crypto';
import { keyFromParent } from './journal-child';

const [dataDir, folder] = process.argv.slice(2) as [string, string];
const key = keyFromParent();

await sodiumReady();
const db = openEncryptedDatabase(path.join(dataDir, 'holding.db'), key, { create: false });
// Two processes write this journal here (the app has one connection): wait for the other's lock.
db.pragma('busy_timeout = 10000');
process.stdout.write('ready\n');
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
const record = await makeBackup(
  {
    dataDir,
    keyFilePath: path.join(dataDir, 'holding.key'),
    db: () => db,
    useKey: (use) => use(key),
  },
  folder,
  {
    appVersion: 'kill-test',
    computer: 'Kill-Test',
    now: () => new Date(),
    hooks: { onStep: (step) => process.stdout.write(`step ${step}\n`) },
  },
);
db.close();
process.stdout.write(`verified ${record.fileName}\n`);
