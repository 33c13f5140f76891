import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledChildren, startChild } from '../support/kill-child';
import { tempDir } from '../support/temp';

const writer = bundledChildren(['atomic-writer'], 'atomic-kill-');
/** ATOMIC_KILLS lowers (or raises) the count for a quick run by hand; 20 otherwise. */
const KILLS = Number(process.env.ATOMIC_KILLS) || 20;

/**
 * Starts the writer, kills it at a random moment after its first acknowledged write. A writer that ends on
 * its own (it crashed, or never wrote) fails the test: only a kill proves anything here.
 */
async function runAndKill(target: string): Promise<number> {
  let acknowledged = 0;
  const child = startChild(
    writer('atomic-writer'),
    [target],
    {},
    {
      inheritStderr: true,
      onLine: (line) => {
        if (line) acknowledged = Math.max(acknowledged, Number(line));
        child.killIn(5 + Math.random() * 150);
      },
    },
  );
  const { killed } = await child.ended;
  expect(killed).toBe(true);
  return acknowledged;
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
