import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp';

const child = path.resolve('test/support/children/atomic-writer.ts');
const KILLS = 20;

/** Starts the writer, kills it at a random moment after its first acknowledged write. */
function runAndKill(target: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, target], { stdio: ['ignore', 'pipe', 'inherit'] });
    let acknowledged = 0;
    let timer: NodeJS.Timeout | null = null;
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) if (line) acknowledged = Math.max(acknowledged, Number(line));
      timer ??= setTimeout(() => proc.kill('SIGKILL'), 5 + Math.random() * 150);
    });
    proc.on('exit', () => resolve(acknowledged));
    proc.on('error', reject);
  });
}

describe('atomic writes under SIGKILL', () => {
  it(`leave a whole file, never older than the last acknowledged write, across ${KILLS} kills`, async () => {
    const target = path.join(await tempDir(), 'key');
    let lastAcknowledged = 0;
    for (let i = 0; i < KILLS; i++) {
      const acknowledged = await runAndKill(target);
      expect(acknowledged).toBeGreaterThan(0);
      const saved = JSON.parse(readFileSync(target, 'utf8')) as { version: number; digest: string; payload: string };
      expect(createHash('sha256').update(saved.payload).digest('hex')).toBe(saved.digest);
      expect(saved.version).toBeGreaterThanOrEqual(acknowledged);
      lastAcknowledged = acknowledged;
    }
    expect(lastAcknowledged).toBeGreaterThan(0);
  });
});
