// Child process for the migration kill test: opens the encrypted journal at argv[2], prints `start`,
// brings it up to date (migrate()) and prints `done <ms>`. The parent kills it part way.
//
// Test only: the data key arrives as hex in HOLDING_TEST_DB_KEY.
import { migrate } from '../../../main/db/migrate';
import { openEncryptedDatabase } from '../../../main/db/open';

const dbPath = process.argv[2]!;
const key = Uint8Array.from(Buffer.from(process.env['HOLDING_TEST_DB_KEY'] ?? '', 'hex'));
const db = openEncryptedDatabase(dbPath, key, { create: false });
process.stdout.write('start\n');
const started = performance.now();
migrate(db);
process.stdout.write(`done ${Math.round(performance.now() - started)}\n`);
db.close();
