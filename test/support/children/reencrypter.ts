// Child process for the re-encryption kill test: opens the journal in a data folder as the app does (a Vault
// with the start-up step that finishes an interrupted swap), unlocks it with the recovery key, prepares a
// re-encryption with a new passphrase, prints the new recovery key, then prints `started` and re-encrypts
// (Vault.reencrypt, the code the app runs), printing `step <name>` at each point. With HOLDING_TEST_KILL_AT
// set to a step's name it kills itself there with SIGKILL; otherwise the parent kills it at a random moment.
//
// Test only: the secrets arrive in HOLDING_TEST_RECOVERY_KEY, HOLDING_TEST_PASSPHRASE and
// HOLDING_TEST_NEW_PASSPHRASE.
import { finishInterruptedRestore } from '../../../main/backup/swap';
import { Vault } from '../../../main/vault/vault';
import { reportStep } from './kill-point';

const [dataDir] = process.argv.slice(2) as [string];
const env = (name: string) => process.env[name] ?? '';

const vault = new Vault({ dataDir, inProcess: true, prepare: () => finishInterruptedRestore(dataDir) });
await vault.unlockWithRecoveryKey(env('HOLDING_TEST_RECOVERY_KEY'));
const { recoveryKey, token } = await vault.keys.prepareReencrypt(
  env('HOLDING_TEST_PASSPHRASE'),
  env('HOLDING_TEST_NEW_PASSPHRASE'),
);
process.stdout.write(`recovery ${recoveryKey}\n`);
process.stdout.write('started\n');
await vault.keys.reencrypt(token, undefined, { onStep: reportStep });
vault.lock();
process.stdout.write('reencrypted\n');
