// Child process for the migration kill test: opens the encrypted journal at argv[2], prints `start`,
// brings it up to date (migrate(), reporting each step as an unlock does: `step <done>/<total>`) and prints
// `done <ms>`. The parent kills it part way.
//
// Test only: the data key arrives as hex in HOLDING_TEST_DB_KEY.
import { migrate } from '../../../main/db/migrate';
import { openEncryptedDatabase } from '../../../main/db/open';
import { reportUpdate } from '../../../main/db/update-progress';

const dbPath = process.argv[2]!;
const key = Uint8Array.from(Buffer.from(process.env['HOLDING_TEST_DB_KEY'] ?? '', 'hex'));
const db = openEncryptedDatabase(dbPath, key, { create: false });
process.stdout.write('start\n');
const started = performance.now();
migrate(
  db,
  undefined,
  reportUpdate(db, (done, total) => process.stdout.write(`step ${done}/${total}\n`)),
);
process.stdout.write(`done ${Math.round(performance.now() - started)}\n`);
db.close();
