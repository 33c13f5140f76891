/**
 * The SIGKILL harness the kill tests share (crash, atomic-kill, backup-kill, restore-kill, reencrypt-kill):
 * child scripts bundled once, a child started with its output read line by line and a SIGKILL that can be
 * timed, and, on top of that, a child run that prints `started`, then `step <name>` at each point of its work,
 * and is killed exactly at a step (the child kills itself there, given HOLDING_TEST_KILL_AT) or a number of
 * milliseconds after `started` (the parent kills it). The child's side of that is children/kill-point.ts.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll } from 'vitest';
import { tempDir } from './temp';

/**
 * Bundles `test/support/children/<name>.ts` before the file's tests, inside the repository (test-results/
 * is gitignored) so their externals resolve from node_modules: plain node on a bundle starts several times
 * faster than tsx. Returns the path of a bundle by name; removed after the file's tests.
 */
export function bundledChildren(names: string[], prefix: string): (name: string) => string {
  let dir = '';
  beforeAll(async () => {
    mkdirSync(path.resolve('test-results'), { recursive: true });
    dir = mkdtempSync(path.resolve('test-results', prefix));
    await build({
      entryPoints: names.map((name) => path.resolve(`test/support/children/${name}.ts`)),
      outdir: dir,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'error',
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return (name) => path.join(dir, `${name}.mjs`);
}

export interface KillPlan {
  /** Kill exactly at this step (the child kills itself there). */
  at?: string;
  /** Kill this many milliseconds after the child says `started`. */
  afterMs?: number;
}

export interface ChildRun {
  killed: boolean;
  steps: string[];
  /** Every other line the child printed (not `started`, not a step), in order. */
  said: string[];
  /** From the child's `started` to its end. */
  ms: number;
}

/** Lines from a child's standard output, as they come; a line cut off by a kill was never said. */
export function readLines(proc: ChildProcess, onLine: (line: string) => void): void {
  let pending = '';
  proc.stdout!.setEncoding('utf8');
  proc.stdout!.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop()!;
    lines.forEach(onLine);
  });
}

export interface Child {
  proc: ChildProcess;
  /** SIGKILLs the child `ms` from now; only the first call counts. */
  killIn(ms: number): void;
  /**
   * How it ended, on 'close' (not 'exit': every line the child got out before it died has been read by then):
   * killed, or its exit code and what it wrote to standard error. A child that cannot be started rejects.
   */
  ended: Promise<{ killed: boolean; code: number | null; stderr: string }>;
}

export interface ChildOptions {
  /** Each whole line of its standard output. */
  onLine?: (line: string) => void;
  /** Leave its standard input open to write to (else it is ignored). */
  stdin?: boolean;
  /** Its standard error straight to this process's (else collected for `ended`). */
  inheritStderr?: boolean;
  /** Arguments for node before the script's own. */
  nodeArgs?: string[];
}

/** Starts node on `script` with `args`, and `env` over this process's environment. */
export function startChild(
  script: string,
  args: string[],
  env: Record<string, string>,
  options: ChildOptions = {},
): Child {
  const proc = spawn(process.execPath, [...(options.nodeArgs ?? []), script, ...args], {
    stdio: [options.stdin ? 'pipe' : 'ignore', 'pipe', options.inheritStderr ? 'inherit' : 'pipe'],
    env: { ...process.env, ...env },
  });
  let timer: NodeJS.Timeout | null = null;
  let stderr = '';
  readLines(proc, options.onLine ?? (() => undefined));
  if (proc.stderr) {
    proc.stderr.setEncoding('utf8');
    proc.stderr.on('data', (chunk: string) => (stderr += chunk));
  }
  const ended = new Promise<{ killed: boolean; code: number | null; stderr: string }>((resolve, reject) => {
    proc.on('error', reject);
    proc.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', code, stderr });
    });
  });
  return {
    proc,
    killIn: (ms) => {
      timer ??= setTimeout(() => proc.kill('SIGKILL'), ms);
    },
    ended,
  };
}

/** A saver child's acknowledgement, `ack <entryId> <version> <sha256>`: the save has committed. */
export interface Ack {
  version: number;
  digest: string;
}

/** The entry id and its ack from a line, or null for any other line. */
export function parseAck(line: string): [string, Ack] | null {
  const [word, id, version, digest] = line.split(' ');
  return word === 'ack' && id && digest ? [id, { version: Number(version), digest }] : null;
}

/** The raw data key of an unlocked vault, as hex for a child (test only: copy it before lock() wipes it). */
export function dataKeyHex(vault: object): string {
  return Buffer.from((vault as { dataKey: Uint8Array }).dataKey).toString('hex');
}

/**
 * Copies of the data folder `template`, one per run: `fresh()` gives `<run>/Holding` and its parent `<run>`,
 * so what a run leaves beside the data folder can be looked at.
 */
export async function freshCopies(
  template: string,
  prefix: string,
): Promise<() => { parent: string; dataDir: string }> {
  const runs = await tempDir(prefix);
  let n = 0;
  return () => {
    const parent = path.join(runs, `run-${n++}`);
    const dataDir = path.join(parent, 'Holding');
    cpSync(template, dataDir, { recursive: true });
    return { parent, dataDir };
  };
}

/** Runs `script` with `args` and `env`, killed as `kill` says; resolves how it ended. A child that fails rejects. */
export async function runChild(
  script: string,
  args: string[],
  env: Record<string, string>,
  kill: KillPlan = {},
): Promise<ChildRun> {
  const steps: string[] = [];
  const said: string[] = [];
  let started = 0;
  const child = startChild(
    script,
    args,
    { ...env, HOLDING_TEST_KILL_AT: kill.at ?? '' },
    {
      onLine: (line) => {
        if (line === 'started') {
          started = performance.now();
          if (kill.afterMs !== undefined) child.killIn(kill.afterMs);
        } else if (line.startsWith('step ')) steps.push(line.slice(5));
        else said.push(line);
      },
    },
  );
  const { killed, code, stderr } = await child.ended;
  const ms = started ? performance.now() - started : 0;
  if (killed || code === 0) return { killed, steps, said, ms };
  throw new Error(`${path.basename(script)} failed (${code}): ${stderr}`);
}
