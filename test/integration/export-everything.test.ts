/**
 * "Export everything": the zip another program can open, and Holding's own reading of it back in.
 * Export → read → apply into an empty journal gives every table equal by hash (two-truths parts, links,
 * supervision records, sharing, and revisions when chosen); applying it again adds nothing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LockedError } from '../../common/errors';
import { type EverythingOptions, exportEverything } from '../../main/export/everything/make';
import { applyHoldingExport } from '../../main/import/holding/apply';
import { readHoldingExport } from '../../main/import/holding/read';
import { CancelledError } from '../../main/ipc/tasks';
import {
  comparableHashes,
  entryWith,
  expectRowsEverywhere,
  hasPython,
  hasUnzip,
  readWithPython,
  richJournal,
  unzipAll,
  zipPath,
} from '../support/everything-fixture';
import { call, refused } from '../support/sharing-fixture';
import { tempDir } from '../support/temp';
import { servicesPerTest, type TestServices } from '../support/vault';

const open = servicesPerTest();

/** Sam's rich journal exported without its history: Sam, the folder it went to, and the export read back. */
async function exportedWithoutHistory() {
  const { sam } = await richJournal(open);
  const folder = await tempDir('holding-everything-');
  await exportEverything(sam.vault, zipPath(folder), { history: false, appVersion: '1.2.3' });
  return { sam, folder, data: await readHoldingExport(zipPath(folder)) };
}

/** Exports all of `sam`'s journal into a new folder, expecting it to stop with `stopped` and leave the folder empty. */
async function expectStopsLeavingNothing(
  sam: TestServices,
  how: Pick<EverythingOptions, 'task' | 'hooks'>,
  stopped: new (...args: never[]) => Error,
) {
  const folder = await tempDir('holding-everything-');
  await expect(
    exportEverything(sam.vault, zipPath(folder), { history: true, appVersion: '1', ...how }),
  ).rejects.toBeInstanceOf(stopped);
  expect(readdirSync(folder)).toEqual([]);
}

describe('export everything', () => {
  it('round-trips every table into an empty journal, by hash, and a second import adds nothing', async () => {
    const { sam, ama } = await richJournal(open);
    for (const [who, except] of [
      [sam, ['shares_received', 'share_comments', 'dismissed_suggestions']],
      [ama, []],
    ] as const) {
      if (who === sam) expectRowsEverywhere(who.vault.db(), [...except]);
      const folder = await tempDir('holding-everything-');
      const result = await exportEverything(who.vault, zipPath(folder), { history: true, appVersion: '1.2.3' });
      expect(result.fileName).toBe('Holding export.zip');
      // Nothing but the zip is left in the folder.
      expect(readdirSync(folder)).toEqual(['Holding export.zip']);

      const data = await readHoldingExport(zipPath(folder));
      const empty = await open();
      const first = applyHoldingExport(empty.vault.db(), data);
      expect(first.added['entries']).toBe(data.tables['entries']!.length);
      expect(first.addedKeys['entries']!.map(([id]) => id).sort()).toEqual(
        data.tables['entries']!.map((e) => e['id']).sort(),
      );
      expect(comparableHashes(empty.vault.db())).toEqual(comparableHashes(who.vault.db()));

      const again = applyHoldingExport(empty.vault.db(), data);
      expect(Object.values(again.added).every((n) => n === 0)).toBe(true);
      expect(comparableHashes(empty.vault.db())).toEqual(comparableHashes(who.vault.db()));

      // Into the journal it came from: nothing is added there either.
      const back = applyHoldingExport(who.vault.db(), data);
      expect(Object.values(back.added).every((n) => n === 0)).toBe(true);
    }
    // Ama's journal really held what Sam's did not.
    expect(ama.vault.db().prepare('SELECT count(*) FROM share_comments').pluck().get()).toBe(2);
  }, 120_000);

  it('comes in beside a supervisor’s card added again here, pointing its shares at the card here', async () => {
    const { data } = await exportedWithoutHistory();
    const card = data.tables['contacts']![0]!;
    // On the new computer the person added the same card (same keys and fingerprint) before bringing the rest in.
    const here = await open();
    const columns = Object.keys(card);
    here.vault
      .db()
      .prepare(`INSERT INTO contacts (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`)
      .run(
        Object.fromEntries(
          columns.map((c) => [
            c,
            c === 'id'
              ? '00000000-0000-4000-8000-00000000c0de'
              : card[c] instanceof Uint8Array
                ? Buffer.from(card[c] as Uint8Array)
                : card[c],
          ]),
        ),
      );
    const result = applyHoldingExport(here.vault.db(), data);
    expect(result.alreadyHere['contacts']).toBe(1);
    expect(result.added['shares_sent']).toBe(data.tables['shares_sent']!.length);
    const pointing = here.vault.db().prepare('SELECT DISTINCT contact_id FROM shares_sent').pluck().all();
    expect(pointing).toEqual(['00000000-0000-4000-8000-00000000c0de']);
  }, 120_000);

  it('leaves the history out unless asked, and everything else is still equal', async () => {
    const { sam, folder, data } = await exportedWithoutHistory();
    expect(data.history).toBe(false);
    expect(data.tables['entry_revisions']).toBeUndefined();
    const json = (await unzipAll(zipPath(folder))).get('holding-export.json')!.toString('utf8');
    expect(json).not.toContain('entry_revisions');
    const empty = await open();
    applyHoldingExport(empty.vault.db(), data);
    const source = comparableHashes(sam.vault.db());
    const target = comparableHashes(empty.vault.db());
    expect(target['entry_revisions']).toMatch(/^0:/);
    expect(source['entry_revisions']).not.toMatch(/^0:/);
    delete source['entry_revisions'];
    delete target['entry_revisions'];
    expect(target).toEqual(source);
  }, 120_000);

  it('is a zip unzip and Python read whole, with the promised layout, and no secret key anywhere in it', async () => {
    const { sam, pairId, trashedId } = await richJournal(open);
    const folder = await tempDir('holding-everything-');
    const file = zipPath(folder);
    await exportEverything(sam.vault, file, { history: true, appVersion: '1.2.3' });

    if (hasUnzip) {
      const run = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
      expect(run.stdout).toContain('No errors detected');
      expect(run.status).toBe(0);
    } else console.warn('unzip is not installed here: the unzip -t check was skipped');
    const files = await unzipAll(file);
    const names = [...files.keys()];
    if (hasPython) {
      const python = readWithPython(file);
      expect(python.bad).toBeNull();
      expect(python.names).toEqual(names);
    } else console.warn('python3 is not installed here: the zipfile check was skipped');

    for (const name of [
      'README.txt',
      'holding-export.json',
      'checkins/checkins.csv',
      'checkins/warning-signs.md',
      'supervision/contracts.csv',
      'supervision/agendas.csv',
      'supervision/sessions.csv',
      'supervision/session-items.csv',
      'supervision/actions.csv',
      'supervision/hours.csv',
      'templates/templates.md',
      'templates/prompts.csv',
      'sharing/shares-sent.csv',
      'sharing/share-items.csv',
      'sharing/feedback.csv',
    ])
      expect(names, name).toContain(name);
    const entryFiles = names.filter((n) => /^(entries|trash)\/\d{4}\/\d{2}\/.+\.md$/.test(n));
    const entries = sam.vault.db().prepare('SELECT count(*) FROM entries').pluck().get() as number;
    expect(entryFiles).toHaveLength(entries);
    expect(names.filter((n) => /^html\/.+\.html$/.test(n))).toHaveLength(entries);
    // Unique however cased; no name a system refuses.
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    for (const name of names) expect(name).not.toMatch(/[<>:"\\|?*]|[. ]$|[. ]\//);

    // The two-truths entry has its parts, and the link to the entry from the template.
    const pair = entryFiles.map((n) => files.get(n)!.toString('utf8')).find((t) => t.includes(`id: ${pairId}`))!;
    expect(pair).toContain('kind: two-truths');
    expect(pair).toContain('## One truth');
    expect(pair).toContain('I doubt myself every week');
    expect(pair).toMatch(/links:\n {2}- id: .+\n {4}title: A hard Tuesday\n {4}file: \.\.\/\.\.\/\.\.\/entries\//);
    expect(entryFiles.find((n) => files.get(n)!.toString('utf8').includes(`id: ${trashedId}`))).toMatch(/^trash\//);
    // The HTML copy is the renderer's, with its own policy and no scripts.
    const html = files.get(names.find((n) => n.startsWith('html/'))!)!.toString('utf8');
    expect(html).toContain('Content-Security-Policy');
    expect(html).not.toContain('<script');
    expect(files.get('README.txt')!.toString('utf8')).toContain('It is not encrypted');
    expect(files.get('supervision/hours.csv')!.toString('utf8')).toContain('2026-10');

    // The identity's secret keys: not as bytes, hex or base64, in any file.
    const secrets = sam.vault
      .db()
      .prepare('SELECT encryption_secret, signing_secret FROM identity')
      .raw()
      .get() as Buffer[];
    expect(secrets).toHaveLength(2);
    const everything = Buffer.concat([...files.values(), readFileSync(file)]);
    for (const secret of secrets) {
      for (const form of [secret, Buffer.from(secret.toString('hex')), Buffer.from(secret.toString('base64'))]) {
        expect(everything.includes(form)).toBe(false);
      }
      // Nor even part of one (the signing secret's second half is its public key, which may leave).
      expect(everything.includes(Buffer.from(secret.subarray(0, 32).toString('base64').slice(0, 40)))).toBe(false);
    }
    const vaultKeyFile = readFileSync(sam.vault.keyFilePath);
    expect(everything.includes(vaultKeyFile.subarray(0, 64))).toBe(false);
    // Nor the names and places to look out for, which Holding promises never leave.
    expect(everything.includes(Buffer.from('Maria Kowalski'))).toBe(false);

    // CSV for a spreadsheet: a byte-order mark, and a formula someone typed kept as text.
    const sessions = files.get('supervision/sessions.csv')!;
    expect([...sessions.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(sessions.toString('utf8')).toContain(`'=HYPERLINK`);
  }, 120_000);

  it('stops when cancelled, leaving nothing in the folder', async () => {
    const { sam } = await richJournal(open);
    const controller = new AbortController();
    const task = {
      signal: controller.signal,
      progress: (done: number) => {
        if (done >= 5) controller.abort();
      },
    };
    await expectStopsLeavingNothing(sam, { task }, CancelledError);
  }, 120_000);

  it('goes through IPC: the save dialog in main, the file named by an id, a synced folder recognised, never a path from the window', async () => {
    const folder = await tempDir('holding-everything-');
    const dropbox = path.join(folder, 'Dropbox');
    mkdirSync(dropbox);
    let where = folder;
    const s = await open({ chooseSavePath: async (name) => path.join(where, name) });
    entryWith(s, 'One entry', 'Its words.');
    const chosen = await call<{ id: string; fileName: string; folder: string; synced: string | null }>(
      s,
      'export:chooseEverythingFile',
    );
    expect(chosen.fileName).toMatch(/^Holding export \d{4}-\d{2}-\d{2}\.zip$/);
    expect(chosen).toMatchObject({ folder, synced: null });
    const done = await call<{ fileName: string; entries: number; bytes: number }>(s, 'export:everything', {
      file: chosen.id,
      history: false,
    });
    expect(done).toMatchObject({ fileName: chosen.fileName, entries: 1 });
    expect(readdirSync(folder)).toContain(chosen.fileName);

    where = dropbox;
    const synced = await call<{ synced: string | null }>(s, 'export:chooseEverythingFile');
    expect(synced.synced).toBe('Dropbox');
    expect(
      await refused(s, 'export:everything', { file: '00000000-0000-4000-8000-000000000000', history: false }),
    ).toBe('Please choose where to save the export again.');
    await refused(s, 'export:everything', { file: path.join(folder, 'x.zip'), history: false });
    expect(readdirSync(dropbox)).toEqual([]);
  }, 120_000);

  it('stops when Holding locks part-way, leaving nothing in the folder', async () => {
    const { sam } = await richJournal(open);
    const hooks = {
      beforeFile: (_name: string, index: number) => {
        if (index === 3) sam.vault.lock('manual');
      },
    };
    await expectStopsLeavingNothing(sam, { hooks }, LockedError);
  }, 120_000);

  it('leaves no half file under the chosen name when killed mid-export, and the next export tidies up', async () => {
    const parent = await tempDir('holding-everything-kill-');
    const target = zipPath(parent);
    const child = path.resolve('test/support/children/everything-writer.ts');
    await new Promise<void>((resolve, reject) => {
      const proc = spawn(process.execPath, ['--import', 'tsx', child, path.join(parent, 'data'), target], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      proc.stdout.setEncoding('utf8');
      proc.stdout.on('data', (chunk: string) => {
        if (chunk.includes('writing')) proc.kill('SIGKILL');
      });
      proc.on('exit', () => resolve());
      proc.on('error', reject);
    });
    expect(existsSync(target)).toBe(false);
    const partials = readdirSync(parent).filter((n) => n.endsWith('.partial'));
    expect(partials).toHaveLength(1);
    expect(partials[0]).toMatch(/^\.holding-export-[0-9a-f]{12}\.partial$/);

    // An hour later, the next export into that folder removes what the kill left.
    const s = await open();
    const later = () => new Date(Date.now() + 2 * 60 * 60 * 1000);
    await exportEverything(s.vault, target, { history: false, appVersion: '1', now: later });
    expect(readdirSync(parent).filter((n) => n.endsWith('.partial'))).toEqual([]);
    expect(existsSync(target)).toBe(true);
  }, 120_000);
});
