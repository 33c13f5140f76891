// Child process for the kill test: writes ever-newer versions of one file atomically and prints
// each version number once its write has been acknowledged (returned).
import { createHash } from 'node:crypto';
import { writeFileAtomic } from '../../../main/fs/atomic';

const target = process.argv[2]!;
for (let version = 1; ; version++) {
  const payload = `${version}:`.padEnd(400_000, String.fromCharCode(97 + (version % 26)));
  const digest = createHash('sha256').update(payload).digest('hex');
  await writeFileAtomic(target, JSON.stringify({ version, digest, payload }));
  process.stdout.write(`${version}\n`);
}
