/**
 * The SIGKILL harness the kill tests share (restore-kill, reencrypt-kill): child scripts bundled once, and a
 * child run that prints `started`, then `step <name>` at each point of its work, and is killed exactly at a
 * step (the child kills itself there, given HOLDING_TEST_KILL_AT) or a number of milliseconds after
 * `started` (the parent kills it). The child's side is children/kill-point.ts.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll } from 'vitest';

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

/** Runs `script` with `args` and `env`, killed as `kill` says; resolves how it ended. A child that fails rejects. */
export function runChild(
  script: string,
  args: string[],
  env: Record<string, string>,
  kill: KillPlan = {},
): Promise<ChildRun> {
  return new Promise<ChildRun>((resolve, reject) => {
    const proc = spawn(process.execPath, [script, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env, HOLDING_TEST_KILL_AT: kill.at ?? '' },
    });
    const steps: string[] = [];
    const said: string[] = [];
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | null = null;
    let started = 0;
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (chunk: string) => {
      out += chunk;
      const lines = out.split('\n');
      out = lines.pop()!;
      for (const line of lines) {
        if (line === 'started') {
          started = performance.now();
          if (kill.afterMs !== undefined) timer = setTimeout(() => proc.kill('SIGKILL'), kill.afterMs);
        } else if (line.startsWith('step ')) steps.push(line.slice(5));
        else said.push(line);
      }
    });
    proc.stderr.setEncoding('utf8');
    proc.stderr.on('data', (chunk: string) => (err += chunk));
    proc.on('error', reject);
    proc.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      const ms = started ? performance.now() - started : 0;
      if (signal === 'SIGKILL') resolve({ killed: true, steps, said, ms });
      else if (code === 0) resolve({ killed: false, steps, said, ms });
      else reject(new Error(`${path.basename(script)} failed (${code}): ${err}`));
    });
  });
}
