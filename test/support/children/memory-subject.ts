// Child process for the memory-after-lock test: main's side of the app (ServicesHost) and the real services
// worker, driven as the window drives them, through the router. It creates a journal, writes entries, locks;
// unlocks with the passphrase and changes it; unlocks with the recovery key and makes a new one; unlocks with
// that and re-encrypts the journal; locking after each (the three ways the app locks); then starts an unlock
// and locks (for sleep) while its key is still being derived; forces garbage collection, says `locked`, and
// waits while the parent reads its memory.
//
// Careful not to plant secrets the app would not hold: the passphrase arrives on standard input, read
// straight into a buffer that is zeroed at once (never argv or the environment, which stay in memory for
// the life of the process); the recovery key leaves through a buffer zeroed after writing. Holding's main
// process, too, receives both as strings over IPC. Run with --expose-gc.
//
// Protocol. stdin: a control marker and a newline (kept alive in memory to the end, so the parent can show
// that its scan finds what is there), then three passphrases, a line each (the first, the one it is changed
// to, and the one the journal is re-encrypted under), then an `ok` line for each `keyfile` said, then any line
// to end. stdout: `recovery <key>` for each recovery key shown (at creation, the new one, the re-encryption's),
// `keyfile <when>` when the parent should copy the key file before it changes (the child waits for `ok`),
// `locked` when the scan may begin, `error <message>` on failure.
import { readSync, writeSync } from 'node:fs';
import type { LockReason } from '../../../common/ipc/contract';
import { docFromParagraphs } from '../../../common/journal/doc';
import { ServicesHost } from '../../../main/worker/host';

const [workerFile, dataDir] = process.argv.slice(2) as [string, string];
const ORIGIN = 'holding://app';
const SENDER = { url: `${ORIGIN}/index.html`, isMainFrame: true };

function readLine(): string {
  const buffer = Buffer.alloc(256);
  let length = 0;
  while (length < buffer.length) {
    const got = readSync(0, buffer, length, 1, null);
    if (got === 0 || buffer[length] === 0x0a) break;
    length += got;
  }
  const line = buffer.toString('utf8', 0, length);
  buffer.fill(0);
  return line;
}

function say(text: string): void {
  const bytes = Buffer.from(`${text}\n`, 'utf8');
  writeSync(1, bytes);
  bytes.fill(0);
}

const host = new ServicesHost({
  workerFile,
  dataDir,
  host: 'browser-shell',
  version: '0.0.0',
  appOrigin: ORIGIN,
  idleSeconds: () => 0,
  chooseSavePath: async () => null,
  chooseOpenPath: async () => null,
  chooseFolder: async () => null,
});
const locks: LockReason[] = [];
host.onLock((reason) => locks.push(reason));

async function call(channel: string, input?: unknown): Promise<unknown> {
  const result = await host.router(channel, input, SENDER);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

async function writeEntries(label: string, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    const entry = (await call('journal:create', { title: `${label} ${i}` })) as { id: string };
    await call('journal:save', {
      id: entry.id,
      title: `${label} ${i}`,
      body: docFromParagraphs([`Something that happened in session ${i}, and what I made of it.`]),
      eventDate: null,
      tags: ['memory'],
      bringToSupervision: false,
      containsClientMaterial: false,
      pinned: false,
    });
  }
}

async function until(check: () => boolean, what: string): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > 20_000) throw new Error(`waited too long for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Kept to the end, as bytes: the parent's scan must find it. */
let control: Buffer | null = null;

async function main(): Promise<void> {
  control = Buffer.from(readLine(), 'latin1');
  await host.whenReady();
  // Held as the window would hold them, and let go before the scan.
  const held: { passphrase: string | null; recoveryKey: string | null; next: string | null; third: string | null } = {
    passphrase: readLine(),
    recoveryKey: null,
    next: readLine(),
    third: readLine(),
  };
  held.recoveryKey = (
    (await call('vault:create', { passphrase: held.passphrase })) as { recoveryKey: string }
  ).recoveryKey;
  say(`recovery ${held.recoveryKey}`);
  await keyFileCopied('created');
  await writeEntries('Created', 5);
  // Lock now, from the window.
  await call('vault:lock');
  await until(() => locks.length === 1, 'the first lock');

  // A passphrase change, then sleep: main locks at once.
  await call('vault:unlock', { passphrase: held.passphrase });
  await writeEntries('By passphrase', 5);
  await call('vault:changePassphrase', { current: held.passphrase, next: held.next });
  host.lockNow('suspend');
  await until(() => locks.length === 2, 'the second lock');

  // A new recovery key, kept, then idle or the shortcut: the window is asked to save first (there is none
  // here to answer).
  await call('vault:unlockWithRecoveryKey', { recoveryKey: held.recoveryKey });
  await writeEntries('By recovery key', 5);
  const fresh = (await call('vault:newRecoveryKey', { passphrase: held.next })) as {
    recoveryKey: string;
    token: string;
  };
  say(`recovery ${fresh.recoveryKey}`);
  await call('vault:keepRecoveryKey', { token: fresh.token });
  await keyFileCopied('before re-encrypting');
  await host.lockGently('idle');
  await until(() => locks.length === 3, 'the third lock');

  // A re-encryption, then a lock from the window.
  await call('vault:unlockWithRecoveryKey', { recoveryKey: fresh.recoveryKey });
  const prepared = (await call('vault:prepareReencrypt', { current: held.next, next: held.third })) as {
    recoveryKey: string;
    token: string;
  };
  say(`recovery ${prepared.recoveryKey}`);
  await call('vault:reencrypt', { token: prepared.token });
  await call('vault:lock');
  await until(() => locks.length === 4, 'the lock after re-encrypting');

  // An unlock still deriving its key when Holding locks for sleep: it never opens, and what it held goes.
  await host.whenReady();
  const unlocking = host.router('vault:unlock', { passphrase: held.third }, SENDER);
  await new Promise((resolve) => setTimeout(resolve, 150));
  host.lockNow('suspend');
  const undone = await unlocking;
  if (undone.ok) expectLocked(undone.value as { state: string });

  held.passphrase = null;
  held.recoveryKey = null;
  held.next = null;
  held.third = null;
  fresh.recoveryKey = '';
  prepared.recoveryKey = '';
  // Whatever the host does after a lock (a fresh worker) is done before the scan.
  await host.whenReady();
  expectLocked((await call('vault:status')) as { state: string });
  await new Promise((resolve) => setTimeout(resolve, 200));
  for (let i = 0; i < 3; i += 1) {
    (globalThis as { gc?: () => void }).gc?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  say('locked');
  readLine();
  control.fill(0);
  await host.dispose();
}

/** Tells the parent to copy the key file as it is now, and waits until it has. */
async function keyFileCopied(when: string): Promise<void> {
  say(`keyfile ${when}`);
  const answer = readLine();
  if (answer !== 'ok') throw new Error(`expected ok from the parent, got: ${answer}`);
}

function expectLocked(status: { state: string }): void {
  if (status.state !== 'locked') throw new Error(`expected locked, got ${status.state}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    say(`error ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
