/**
 * Backups under SIGKILL while the journal is being written (issue 15). One child process saves entries
 * continuously; another makes a backup (makeBackup, the code BackupService runs) and is killed at a random
 * moment of its pipeline (snapshot, summary, write, verify, place, record), a hundred times. After each:
 * every backup the journal counts as verified restores (into a fresh folder, checked as a restore checks)
 * and holds every save acknowledged before that backup began; every file under a backup's name restores
 * too; and every earlier backup is byte for byte as recorded.
 */
import { createHash } from 'node:crypto';
import { promises as fs, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUP_FILE_PATTERN } from '../../main/backup/files';
import { peekHeader } from '../../main/backup/read';
import { restoreBackup } from '../../main/backup/restore';
import { openCopy } from '../../main/backup/snapshot';
import { Vault } from '../../main/vault/vault';
import { type Ack, bundledChildren, dataKeyHex, parseAck, startChild } from '../support/kill-child';
import { PASSPHRASE, tempDir } from '../support/temp';

const KILLS = Number(process.env['BACKUP_KILLS'] ?? 100);

const bundle = bundledChildren(['backup-saver', 'backup-maker'], 'backup-kill-');

interface Run {
  killed: boolean;
  lastStep: string;
  verified: string | null;
  /** From the first step to the end, for a run left to finish. */
  ms: number;
}

/** Where to kill: within `within` ms of the start of `step` (the first step: anywhere in the pipeline). */
interface KillPlan {
  step: string | null;
  within: number;
}

interface Maker {
  ready: Promise<void>;
  /** Starts the backup; with a plan, kills it at a random moment up to `within` ms after `step` begins. */
  go(plan: KillPlan | null): Promise<Run>;
  /** Ends a maker that was never told to begin. */
  stop(): void;
}

/** A maker child, started now so it is ready (loaded and opened) by the time it is told to begin. */
function startMaker(dataDir: string, folder: string, keyHex: string): Maker {
  let lastStep = '';
  let verified: string | null = null;
  let started = 0;
  let plan: KillPlan | null = null;
  let onReady = () => undefined as void;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  const child = startChild(
    bundle('backup-maker'),
    [dataDir, folder],
    { HOLDING_TEST_DB_KEY: keyHex },
    {
      stdin: true,
      onLine: (line) => {
        const space = line.indexOf(' ');
        const [word, rest] = space < 0 ? [line, ''] : [line.slice(0, space), line.slice(space + 1)];
        if (word === 'ready') onReady();
        else if (word === 'verified') verified = rest;
        else if (word === 'step') {
          lastStep = rest;
          if (!started) started = performance.now();
          if (plan && (plan.step === null || plan.step === rest)) child.killIn(Math.random() * plan.within);
        }
      },
    },
  );
  const done = child.ended.then(({ killed, code, stderr }): Run => {
    if (killed) return { killed: true, lastStep, verified, ms: 0 };
    if (code === 0) return { killed: false, lastStep, verified, ms: performance.now() - started };
    throw new Error(`backup child failed (${code}): ${stderr}`);
  });
  return {
    ready,
    go: (given) => {
      plan = given;
      child.proc.stdin!.end('go\n');
      return done;
    },
    stop: () => {
      done.catch(() => undefined);
      child.proc.kill('SIGKILL');
    },
  };
}

describe('backups under SIGKILL while the journal is written', () => {
  it(`never count a backup that fails to restore, across ${KILLS} kills`, async () => {
    const t0 = performance.now();
    const parent = await tempDir('holding-backup-kill-');
    const dataDir = path.join(parent, 'Holding');
    const folder = path.join(parent, 'Backups');
    await fs.mkdir(folder);
    const vault = new Vault({ dataDir, inProcess: true });
    const { recoveryKey } = await vault.create(PASSPHRASE);
    // Test only: the children need the raw data key; copy it before lock() wipes it.
    const keyHex = dataKeyHex(vault);
    const key = Uint8Array.from(Buffer.from(keyHex, 'hex'));
    vault.lock();

    // The saver, for the whole test.
    const acked = new Map<string, Ack>();
    let saves = 0;
    const saver = startChild(
      bundle('backup-saver'),
      [vault.dbPath],
      { HOLDING_TEST_DB_KEY: keyHex },
      {
        inheritStderr: true,
        onLine: (line) => {
          const ack = parseAck(line);
          if (!ack) return;
          acked.set(...ack);
          saves += 1;
        },
      },
    );
    let saverExited = false;
    let next: Maker | null = null;
    saver.proc.on('exit', () => (saverExited = true));
    try {
      while (acked.size < 5) await new Promise((r) => setTimeout(r, 20));

      /** What was acknowledged when each maker started, by start time, to check its backup against. */
      const starts: { at: number; acks: Map<string, Ack> }[] = [];
      const restored = new Set<string>();
      let scratch = 0;

      /** Restores a backup into a fresh folder, as a restore on a new computer would, and checks its saves. */
      const restoreAndCheck = async (fileName: string) => {
        const file = path.join(folder, fileName);
        const header = await peekHeader(file);
        expect(header, fileName).not.toBeNull();
        const target = path.join(parent, `restored-${scratch++}`, 'Holding');
        await restoreBackup(
          file,
          { recoveryKey },
          { dataDir: target, keyFilePath: '', now: () => new Date() },
          {
            lock: async () => undefined,
          },
        );
        const madeAt = Date.parse(header!.madeAt);
        const start = [...starts].reverse().find((s) => s.at <= madeAt);
        expect(start, `a run began before ${header!.madeAt}`).toBeDefined();
        const db = openCopy(path.join(target, 'holding.db'), key, { readonly: true });
        try {
          const find = db.prepare('SELECT version, title, body_text FROM entries WHERE id = ?');
          for (const [id, ack] of start!.acks) {
            const row = find.get(id) as { version: number; title: string; body_text: string } | undefined;
            expect(row, `save ${id} v${ack.version}, acknowledged before ${fileName} began, is in it`).toBeDefined();
            expect(row!.version).toBeGreaterThanOrEqual(ack.version);
            if (row!.version === ack.version) {
              expect(createHash('sha256').update(`${row!.title}\u0000${row!.body_text}`).digest('hex')).toBe(
                ack.digest,
              );
            }
          }
        } finally {
          db.close();
        }
        await fs.rm(path.dirname(target), { recursive: true, force: true });
        restored.add(fileName);
      };

      /** After every run: each counted backup restores; every earlier one is as recorded. */
      const check = async () => {
        const db = openCopy(vault.dbPath, key, { readonly: true });
        db.pragma('busy_timeout = 10000');
        let records: { file_name: string; sha256: string }[];
        try {
          records = db.prepare('SELECT file_name, sha256 FROM backups').all() as typeof records;
        } finally {
          db.close();
        }
        const named = readdirSync(folder).filter((n) => BACKUP_FILE_PATTERN.test(n));
        for (const r of records) {
          expect(named, `the recorded ${r.file_name} is there`).toContain(r.file_name);
          expect(
            createHash('sha256')
              .update(readFileSync(path.join(folder, r.file_name)))
              .digest('hex'),
          ).toBe(r.sha256);
        }
        for (const name of named) if (!restored.has(name)) await restoreAndCheck(name);
        return { records: records.length, named: named.length };
      };

      // One run left to finish, to learn how long the pipeline takes here.
      next = startMaker(dataDir, folder, keyHex);
      /** Begins the maker that is ready, and starts the one after it. */
      const makeOne = async (plan: KillPlan | null): Promise<Run> => {
        const maker = next!;
        await maker.ready;
        next = startMaker(dataDir, folder, keyHex);
        starts.push({ at: Date.now(), acks: new Map(acked) });
        return maker.go(plan);
      };
      const calibration = await makeOne(null);
      expect(calibration.verified).not.toBeNull();
      await check();
      const window = calibration.ms;

      let making = 0;
      let checking = 0;
      let kills = 0;
      let finished = 1;
      const landed: Record<string, number> = {};
      while (kills < KILLS) {
        const t1 = performance.now();
        // A third of the kills anywhere in the pipeline; the rest just after a chosen step begins, so
        // the short steps (placing the file, recording it) are hit as often as the long ones.
        const steps = ['snapshot', 'summary', 'write', 'verify', 'place', 'record'];
        const plan =
          kills % 3 === 0 ? { step: null, within: window } : { step: steps[kills % steps.length]!, within: 25 };
        const run = await makeOne(plan);
        making += performance.now() - t1;
        if (run.killed) {
          kills += 1;
          landed[run.lastStep] = (landed[run.lastStep] ?? 0) + 1;
        } else {
          finished += 1;
          expect(run.verified).not.toBeNull();
        }
        const t2 = performance.now();
        await check();
        checking += performance.now() - t2;
      }
      expect(saverExited, 'the saver kept saving throughout').toBe(false);
      const savesDuring = saves;

      // A last run, left alone, clears what the kills left.
      expect((await makeOne(null)).verified).not.toBeNull();
      next.stop();
      next = null;
      const final = await check();
      expect(readdirSync(folder).filter((n) => n.endsWith('.partial') && n.includes('Kill-Test'))).toEqual([]);
      expect(readdirSync(dataDir).filter((n) => n.startsWith('.holding-backup-work-'))).toEqual([]);
      expect(final.records).toBeGreaterThanOrEqual(finished + 1);
      // Kills landed all along the pipeline, not only at its start.
      expect(Object.keys(landed).length).toBeGreaterThanOrEqual(5);
      console.log(
        `backup kill test: ${kills} kills (landed in ${JSON.stringify(landed)}), ${finished + 1} backups left to ` +
          `finish; ${final.records} recorded, ${final.named} files under a backup's name, ${restored.size} restored ` +
          `and checked; ${savesDuring} saves acknowledged meanwhile; pipeline ${Math.round(calibration.ms)} ms; children ${Math.round(making / 1000)} s, checks ${Math.round(checking / 1000)} s; ` +
          `${Math.round((performance.now() - t0) / 1000)} s in all`,
      );
    } finally {
      next?.stop();
      saver.proc.kill('SIGKILL');
    }
  }, 300_000);
});
