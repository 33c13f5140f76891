/**
 * Calls that carry a passphrase or recovery key, or turn one into a key: once the worker has had one (even a
 * wrong one, even with the journal never opened), it is replaced at the next lock like a worker that held the
 * key, since what it derived or was sent may still be in its memory (main/worker/host.ts).
 */
export const SECRET_CHANNELS: ReadonlySet<string> = new Set([
  'vault:create',
  'vault:unlock',
  'vault:unlockWithRecoveryKey',
  'vault:resetPassphrase',
  'vault:changePassphrase',
  'vault:newRecoveryKey',
  'vault:keepRecoveryKey',
  'vault:prepareReencrypt',
  'vault:reencrypt',
  'backup:inspect',
  'backup:restore',
]);
