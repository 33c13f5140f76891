import { afterEach, describe, expect, it } from 'vitest';
import { isMainThread } from 'node:worker_threads';
import { EMPTY_SELECTION } from '../../common/export/types';
import type { LockReason, Progress } from '../../common/ipc/contract';
import { docFromParagraphs } from '../../common/journal/doc';
import { createServices, type Services } from '../../main/app';
import { Vault } from '../../main/vault/vault';
import { ServicesHost } from '../../main/worker/host';
import { PASSPHRASE, tempDir } from '../support/temp';
import { workerFile } from '../support/worker';

const ORIGIN = 'holding://app';
const SENDER = { url: `${ORIGIN}/index.html`, isMainFrame: true };

const hosts: ServicesHost[] = [];
afterEach(async () => {
  while (hosts.length) await hosts.pop()!.dispose();
});

async function openHost(dataDir?: string) {
  const dir = dataDir ?? (await tempDir());
  const logged: string[] = [];
  const host = new ServicesHost({
    workerFile: await workerFile(),
    dataDir: dir,
    host: 'browser-shell',
    version: '0.0.0',
    appOrigin: ORIGIN,
    idleSeconds: () => 0,
    testHooks: true,
    verboseErrors: true,
    logError: (description) => logged.push(description),
  });
  hosts.push(host);
  await host.whenReady();
  const locks: LockReason[] = [];
  host.onLock((reason) => locks.push(reason));
  const call = (channel: string, input?: unknown) => host.router(channel, input, SENDER);
  return { host, call, dir, locks, logged, services: host.syncServices<Services>() };
}

/** Waits (a little at a time) until `check` holds. */
async function until(check: () => boolean, timeoutMs = 10_000) {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('waited too long');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the services worker', () => {
  it('the journal cannot be opened on a main thread unless a test says so', async () => {
    expect(isMainThread).toBe(true);
    const dataDir = await tempDir();
    expect(() => new Vault({ dataDir })).toThrow(/services worker/);
    const make = (inProcess: boolean) => () =>
      createServices({ dataDir, host: 'browser-shell', version: '0', appOrigin: ORIGIN, inProcess });
    expect(make(false)).toThrow(/services worker/);
    expect(make(true)).not.toThrow();
  });

  it('answers checked calls, refuses unchecked ones in main, and the services live in the worker', async () => {
    const { call, services } = await openHost();
    expect(await call('vault:status')).toEqual({ ok: true, value: { state: 'none', lastLockReason: null } });
    // Refused in main: nothing reaches the worker.
    expect(await call('vault:explode')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await call('journal:get', { id: 42 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call('settings:get')).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await call('vault:create', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    const created = await call('journal:create', { title: 'Tuesday' });
    expect(created).toMatchObject({ ok: true, value: { title: 'Tuesday' } });
    // The same data through the test port: one worker, one database.
    expect(services.journal.list({}).total).toBe(1);
    expect(() => services.journal.get('not-an-id')).toThrow(/could not be found|not found/i);
  });

  it('a crashed worker is started again, locked, says why, and loses no acknowledged save', async () => {
    const { host, call, locks } = await openHost();
    await call('vault:create', { passphrase: PASSPHRASE });
    const entry = (await call('journal:create', { title: 'Before the crash' })) as {
      ok: true;
      value: { id: string };
    };
    const saved = await call('journal:save', {
      id: entry.value.id,
      title: 'Before the crash',
      body: docFromParagraphs(['Written and acknowledged, then the worker stopped.']),
      eventDate: null,
      tags: ['kept'],
      bringToSupervision: false,
      containsClientMaterial: false,
      pinned: false,
    });
    expect(saved).toMatchObject({ ok: true });
    expect(host.isUnlocked()).toBe(true);

    // Stopped as a crash would stop it: no lock, no goodbye.
    const stopped = host.workerForTests;
    await stopped.terminate();
    await until(() => locks.includes('restarted'));
    expect(host.isUnlocked()).toBe(false);
    expect(host.workerForTests).not.toBe(stopped);
    expect(await call('vault:status')).toEqual({ ok: true, value: { state: 'locked', lastLockReason: 'restarted' } });
    expect(await call('journal:list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });

    expect(await call('vault:unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    const back = (await call('journal:get', { id: entry.value.id })) as { ok: true; value: { tags: string[] } };
    expect(back.value.tags).toEqual(['kept']);
    expect(JSON.stringify(back.value)).toContain('Written and acknowledged');
  });

  it('a call in flight when the worker stops answers that it did not finish, never hangs', async () => {
    const { host, call } = await openHost();
    await call('vault:create', { passphrase: PASSPHRASE });
    const slow = call('vault:changePassphrase', { current: PASSPHRASE, next: 'a different long passphrase here' });
    await host.workerForTests.terminate();
    expect(await slow).toMatchObject({ ok: false, error: { code: 'INTERRUPTED', message: /restart/ } });
  });

  it('a worker too busy to lock for sleep is ended and started again locked; one still starting is left be', async () => {
    const dataDir = await tempDir();
    const starting = new ServicesHost({
      workerFile: await workerFile(),
      dataDir,
      host: 'browser-shell',
      version: '0',
      appOrigin: ORIGIN,
      idleSeconds: () => 0,
    });
    hosts.push(starting);
    const first = starting.workerForTests;
    starting.lockNow('suspend'); // before it is ready: nothing can be open, nothing to wait for
    expect(starting.workerForTests).toBe(first);
    await starting.whenReady();

    const { host, call, locks } = await openHost();
    await call('vault:create', { passphrase: PASSPHRASE });
    const busy = host.workerForTests;
    // Two Argon2id derivations, synchronous in the worker: it cannot answer a lock for a second or more.
    const changing = call('vault:changePassphrase', { current: PASSPHRASE, next: 'copper kettle under willow rain' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    host.lockNow('suspend');
    expect(host.workerForTests).not.toBe(busy);
    expect(host.isUnlocked()).toBe(false);
    expect(locks).toEqual(['suspend']);
    expect(await changing).toMatchObject({ ok: false, error: { code: 'INTERRUPTED' } });
    expect(await call('vault:status')).toEqual({ ok: true, value: { state: 'locked', lastLockReason: 'suspend' } });
  });

  it('says so once, rather than looping, when the worker cannot start', async () => {
    const fatal: string[] = [];
    const host = new ServicesHost({
      workerFile: `${await workerFile()}.missing.cjs`,
      dataDir: await tempDir(),
      host: 'browser-shell',
      version: '0',
      appOrigin: ORIGIN,
      idleSeconds: () => 0,
      onFatal: (description) => fatal.push(description),
    });
    hosts.push(host);
    const locks: LockReason[] = [];
    host.onLock((reason) => locks.push(reason));
    await expect(host.whenReady()).rejects.toThrow();
    await until(() => fatal.length > 0);
    expect(fatal).toEqual([expect.stringMatching(/could not start/)]);
    expect(locks).toEqual([]);
    expect(await host.router('vault:status', undefined, SENDER)).toMatchObject({
      ok: false,
      error: { code: 'LOCKED' },
    });
  });

  it('locks at once for sleep: locked before lockNow returns', async () => {
    const { host, call, locks } = await openHost();
    await call('vault:create', { passphrase: PASSPHRASE });
    expect(host.isUnlocked()).toBe(true);
    const worker = host.workerForTests;
    const ended = new Promise((resolve) => worker.once('exit', resolve));
    host.lockNow('suspend');
    // The worker has locked already (it said so through the shared flag), and with no call waiting on it, it
    // is ended at once and a fresh one, locked, takes its place (issue 19: nothing of the key is left).
    expect(locks).toEqual(['suspend']);
    expect(host.workerForTests).not.toBe(worker);
    expect(await call('vault:status')).toEqual({ ok: true, value: { state: 'locked', lastLockReason: 'suspend' } });
    await ended;
  });

  it('after every lock the worker is replaced by a fresh one, once no call is waiting on it', async () => {
    const { host, call, locks } = await openHost();
    await call('vault:create', { passphrase: PASSPHRASE });
    const first = host.workerForTests;
    // Locked from the window: the call itself is answered by the worker that locked, which then goes.
    expect(await call('vault:lock')).toEqual({ ok: true, value: { state: 'locked', lastLockReason: 'manual' } });
    await until(() => host.workerForTests !== first);
    expect(locks).toEqual(['manual']);
    expect(await call('vault:status')).toEqual({ ok: true, value: { state: 'locked', lastLockReason: 'manual' } });
    expect(await call('vault:unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
    expect(await call('journal:create', { title: 'After a fresh worker' })).toMatchObject({ ok: true });

    // Locked gently (idle): the window is asked to save first, and the worker goes after answering.
    const second = host.workerForTests;
    await host.lockGently('idle');
    await until(() => host.workerForTests !== second);
    expect(await call('vault:status')).toEqual({ ok: true, value: { state: 'locked', lastLockReason: 'idle' } });
    expect(host.isUnlocked()).toBe(false);
    // A lock while locked changes nothing.
    const third = host.workerForTests;
    host.lockNow('suspend');
    expect(host.workerForTests).toBe(third);
    expect(locks).toEqual(['manual', 'idle']);
  });

  it('a worker sent a secret is replaced at a lock even when the journal never opened', async () => {
    const { host, call, locks } = await openHost();
    await call('vault:create', { passphrase: PASSPHRASE });
    const first = host.workerForTests;
    await call('vault:lock');
    await until(() => host.workerForTests !== first);

    // A lock for sleep while an unlock is still deriving its key: the unlock never opens the journal, and the
    // worker that derived it goes once it has answered.
    const second = host.workerForTests;
    const unlocking = call('vault:unlock', { passphrase: PASSPHRASE });
    await new Promise((resolve) => setTimeout(resolve, 150));
    host.lockNow('suspend');
    expect(await unlocking).toMatchObject({ ok: true, value: { state: 'locked' } });
    await until(() => host.workerForTests !== second);
    expect(host.isUnlocked()).toBe(false);
    expect(await call('vault:status')).toMatchObject({ ok: true, value: { state: 'locked' } });

    // A wrong passphrase, then a lock from the window: replaced too.
    const third = host.workerForTests;
    expect(await call('vault:unlock', { passphrase: 'not the passphrase at all' })).toMatchObject({ ok: false });
    await call('vault:lock');
    await until(() => host.workerForTests !== third);
    expect(locks).toEqual(['manual']);
    expect(await call('vault:unlock', { passphrase: PASSPHRASE })).toMatchObject({ ok: true });
  }, 120_000);

  it('long work reports progress and stops when cancelled, and the worker carries on', async () => {
    const { host, call, services } = await openHost();
    await call('vault:create', { passphrase: PASSPHRASE });
    const paragraphs = Array.from(
      { length: 40 },
      (_, i) =>
        `On visit ${i} I met Margaret Okonkwo-Hughes at 14 Larch Road, Bristol BS3 4QT; she rang 07700 900${String(i).padStart(3, '0')} after.`,
    );
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) {
      const entry = services.journal.create({ title: `Visit ${i}` });
      services.journal.save({ ...entry, body: docFromParagraphs(paragraphs) });
      ids.push(entry.id);
    }
    const selection = { ...EMPTY_SELECTION, entries: ids.map((id) => ({ id, excerpt: null })) };
    const seen: Progress[] = [];
    host.onProgress((progress) => seen.push(progress));
    const checking = call('export:check', selection);
    await until(() => seen.length > 0, 30_000);
    // Each paragraph (and title) is a text, read twice.
    const total = seen[0]!.total;
    expect(seen[0]).toMatchObject({ channel: 'export:check' });
    expect(total).toBeGreaterThan(ids.length * paragraphs.length * 2);
    expect(await call('app:cancel', { channel: 'export:check' })).toEqual({ ok: true, value: null });
    expect(await checking).toEqual({
      ok: false,
      error: { code: 'CANCELLED', message: 'Stopped. Nothing was changed.' },
    });
    expect(seen.at(-1)!.done).toBeLessThan(total);

    // Run whole, the last word is "all done".
    seen.length = 0;
    const whole = await call('export:check', { ...selection, entries: selection.entries.slice(0, 3) });
    expect(whole).toMatchObject({ ok: true });
    const last = seen.at(-1)!;
    expect(last.done).toBe(last.total);
    expect(last.total).toBeGreaterThan(3 * paragraphs.length * 2);
  });
});
