// Child process for the restore kill test: restores one backup (restoreBackup, the code BackupService runs)
// in place of the journal in a data folder, printing `step <name>` at each point of the final swap
// (main/backup/swap.ts). With HOLDING_TEST_KILL_AT set to a step's name it kills itself there with SIGKILL,
// exactly at that point; otherwise the parent kills it at a random moment. The journal there is closed (as
// after the service's lock), so there is nothing to lock.
//
// Test only: the recovery key arrives in HOLDING_TEST_RECOVERY_KEY.
import { restoreBackup } from '../../../main/backup/restore';
import { reportStep } from './kill-point';

const [dataDir, file] = process.argv.slice(2) as [string, string];

process.stdout.write('started\n');
await restoreBackup(
  file,
  { recoveryKey: process.env['HOLDING_TEST_RECOVERY_KEY'] ?? '' },
  { dataDir, keyFilePath: `${dataDir}/holding.key`, now: () => new Date() },
  { lock: async () => undefined, hooks: { onStep: reportStep } },
);
process.stdout.write('restored\n');
