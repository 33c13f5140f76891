import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { type BackupRecord, RETENTION_RULES, type RetentionRule } from '../../common/backup/types';
import { applyRetention, planRetention, type RetentionCandidate } from '../../main/backup/retention';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-06-15T12:00:00Z');
const STANDARD = RETENTION_RULES.standard!;

const day = (t: number) => {
  const d = new Date(t);
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
};
const month = (t: number) => {
  const d = new Date(t);
  return `${d.getFullYear()}-${d.getMonth()}`;
};

/** Backups over the last two years (and a few from a clock set ahead), some not Holding's own. */
const candidates = fc
  .array(
    fc.record({
      ageMinutes: fc.oneof(
        fc.integer({ min: -600, max: 60 * 72 }),
        fc.integer({ min: 0, max: 60 * 24 * 60 }),
        fc.integer({ min: 0, max: 60 * 24 * 730 }),
      ),
      ours: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    }),
    { maxLength: 120 },
  )
  .map((list) =>
    list.map((b, i): RetentionCandidate => ({
      id: `b${i}`,
      madeAt: new Date(NOW - b.ageMinutes * 60_000).toISOString(),
      ours: b.ours,
    })),
  );

const rules = fc.oneof(
  fc.constant(STANDARD),
  fc.constant(RETENTION_RULES.fewer!),
  fc.record({
    recentHours: fc.integer({ min: 0, max: 96 }),
    daily: fc.integer({ min: 0, max: 10 }),
    weekly: fc.integer({ min: 0, max: 8 }),
    monthly: fc.integer({ min: 0, max: 14 }),
  }),
);

const time = (b: RetentionCandidate) => Date.parse(b.madeAt);
const newestOurs = (list: RetentionCandidate[]) =>
  list.filter((b) => b.ours).sort((a, b) => time(b) - time(a) || (a.id < b.id ? 1 : -1))[0];

describe('planRetention', () => {
  it('keeps and removes each backup exactly once, and removes only Holding’s own', () => {
    fc.assert(
      fc.property(candidates, rules, (list, rule) => {
        const { keep, remove } = planRetention(list, new Date(NOW), rule);
        expect([...keep, ...remove].sort()).toEqual(list.map((b) => b.id).sort());
        expect(keep.filter((id) => remove.includes(id))).toEqual([]);
        const theirs = new Set(list.filter((b) => !b.ours).map((b) => b.id));
        expect(remove.filter((id) => theirs.has(id))).toEqual([]);
      }),
    );
  });

  it('always keeps the newest backup', () => {
    fc.assert(
      fc.property(candidates, rules, (list, rule) => {
        const newest = newestOurs(list);
        fc.pre(newest !== undefined);
        expect(planRetention(list, new Date(NOW), rule).keep).toContain(newest!.id);
      }),
    );
  });

  it('keeps every backup from the recent hours, and any from a clock set ahead', () => {
    fc.assert(
      fc.property(candidates, rules, (list, rule) => {
        const { keep } = planRetention(list, new Date(NOW), rule);
        const recent = list.filter((b) => time(b) >= NOW - rule.recentHours * HOUR).map((b) => b.id);
        expect(keep).toEqual(expect.arrayContaining(recent));
      }),
    );
  });

  it('is idempotent: applied to what it kept, it removes nothing more', () => {
    fc.assert(
      fc.property(candidates, rules, (list, rule) => {
        const first = planRetention(list, new Date(NOW), rule);
        const kept = list.filter((b) => first.keep.includes(b.id));
        const second = planRetention(kept, new Date(NOW), rule);
        expect(second.remove).toEqual([]);
        expect(second.keep.sort()).toEqual(first.keep.sort());
      }),
    );
  });

  it('keeps at most one backup a bucket beyond the recent hours', () => {
    fc.assert(
      fc.property(candidates, rules, (list, rule) => {
        const { keep } = planRetention(list, new Date(NOW), rule);
        const older = list.filter((b) => b.ours && keep.includes(b.id) && time(b) < NOW - rule.recentHours * HOUR);
        // Each bucket keeps one, and the newest is kept even when every count is 0.
        expect(older.length).toBeLessThanOrEqual(rule.daily + rule.weekly + rule.monthly + 1);
        if (rule.daily > 0) expect(older.length).toBeLessThanOrEqual(rule.daily + rule.weekly + rule.monthly);
      }),
    );
  });

  it('keeps the newest backup of each of the most recent days and months that have one', () => {
    fc.assert(
      fc.property(candidates, (list) => {
        const { keep } = planRetention(list, new Date(NOW), STANDARD);
        const ours = list.filter((b) => b.ours).sort((a, b) => time(b) - time(a) || (a.id < b.id ? 1 : -1));
        for (const [count, key] of [
          [STANDARD.daily, day],
          [STANDARD.monthly, month],
        ] as const) {
          const firsts = new Map<string, string>();
          for (const b of ours) if (!firsts.has(key(time(b)))) firsts.set(key(time(b)), b.id);
          expect(keep).toEqual(expect.arrayContaining([...firsts.values()].slice(0, count)));
        }
      }),
    );
  });

  it('keeps, beyond the recent hours, only the newest backup of a day (each bucket’s newest is its day’s)', () => {
    fc.assert(
      fc.property(candidates, rules, (list, rule) => {
        const { keep } = planRetention(list, new Date(NOW), rule);
        const ours = list.filter((b) => b.ours);
        const newer = (o: RetentionCandidate, b: RetentionCandidate) =>
          time(o) > time(b) || (time(o) === time(b) && o.id > b.id);
        for (const b of ours.filter((o) => keep.includes(o.id) && time(o) < NOW - rule.recentHours * HOUR)) {
          expect(ours.some((o) => o !== b && day(time(o)) === day(time(b)) && newer(o, b))).toBe(false);
        }
      }),
    );
  });

  it('keeps everything when the person keeps every backup, and a backup it cannot date', () => {
    fc.assert(
      fc.property(candidates, (list) => {
        expect(planRetention(list, new Date(NOW), null).remove).toEqual([]);
      }),
    );
    const odd = [
      { id: 'a', madeAt: 'not a date', ours: true },
      { id: 'b', madeAt: new Date(NOW - 400 * 24 * HOUR).toISOString(), ours: true },
      { id: 'c', madeAt: new Date(NOW - 800 * 24 * HOUR).toISOString(), ours: true },
    ];
    expect(planRetention(odd, new Date(NOW), STANDARD)).toEqual({ keep: ['a', 'b', 'c'], remove: [] });
  });

  it('thins a year of daily backups to the recent ones, 7 days, 5 weeks and 12 months', () => {
    const list: RetentionCandidate[] = Array.from({ length: 400 }, (_, i) => ({
      id: `d${i}`,
      madeAt: new Date(NOW - i * 24 * HOUR - 2 * HOUR).toISOString(),
      ours: true,
    }));
    const { keep } = planRetention(list, new Date(NOW), STANDARD);
    // The last 48 hours (2), the 7 daily (of which 2 are the same), weeks and months overlapping them.
    expect(keep.length).toBeGreaterThanOrEqual(7 + 12 - 1);
    expect(keep.length).toBeLessThanOrEqual(2 + 7 + 5 + 12);
    expect(keep).toEqual(expect.arrayContaining(['d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6']));
    expect(keep).not.toContain('d399');
  });
});

describe('applyRetention', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const record = (id: string, daysAgo: number, folder: string): BackupRecord => ({
    id,
    folder,
    fileName: `${id}.holdingbackup`,
    madeAt: new Date(NOW - daysAgo * 24 * HOUR).toISOString(),
    verifiedAt: new Date(NOW - daysAgo * 24 * HOUR).toISOString(),
    bytes: 6,
    counts: { entries: 1, checkins: 0, sessions: 0 },
    computer: 'desk',
  });

  /** These records, every file of journal "v", and the ids retention forgets, in order. */
  const journalVBackups = (records: BackupRecord[]) => {
    const forgotten: string[] = [];
    const backups = {
      records: () => records,
      readHeader: async () => ({ vaultId: 'v', madeAt: '' }),
      forget: (id: string) => void forgotten.push(id),
    };
    return { backups, forgotten };
  };

  it('deletes only files Holding recorded, of this journal, that are present; forgets only those', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'holding-retention-'));
    // A backup every day for 400 days, one of them another journal's, one missing, one not recorded at all.
    const records = Array.from({ length: 400 }, (_, i) => record(`r${i}`, i, dir));
    const headers = new Map<string, string>();
    for (const r of records) {
      if (r.id === 'r300') continue; // missing: its drive was unplugged
      writeFileSync(path.join(dir, r.fileName), 'backup');
      headers.set(path.join(dir, r.fileName), r.id === 'r200' ? 'another-journal' : 'this-journal');
    }
    const stranger = path.join(dir, 'mine.holdingbackup');
    writeFileSync(stranger, 'not recorded');
    const forgotten: string[] = [];
    let held = [...records];
    const backups = {
      records: () => held,
      readHeader: async (file: string) =>
        headers.has(file) && existsSync(file) ? { vaultId: headers.get(file)!, madeAt: '' } : null,
      forget: (id: string) => {
        forgotten.push(id);
        held = held.filter((r) => r.id !== id);
      },
    };
    const removed = await applyRetention({ backups, vaultId: 'this-journal', rule: STANDARD, now: new Date(NOW) });
    expect(removed.length).toBeGreaterThan(350);
    expect(forgotten.sort()).toEqual(removed.map((r) => r.id).sort());
    for (const r of removed) expect(existsSync(path.join(dir, r.fileName))).toBe(false);
    expect(existsSync(stranger)).toBe(true);
    expect(existsSync(path.join(dir, 'r200.holdingbackup'))).toBe(true);
    expect(forgotten).not.toContain('r200');
    expect(forgotten).not.toContain('r300');
    expect(existsSync(path.join(dir, 'r0.holdingbackup'))).toBe(true);
    // Once more: nothing further goes.
    expect(await applyRetention({ backups, vaultId: 'this-journal', rule: STANDARD, now: new Date(NOW) })).toEqual([]);
    // Keeping every backup deletes nothing at all.
    expect(await applyRetention({ backups, vaultId: 'this-journal', rule: null, now: new Date(NOW) })).toEqual([]);
  });

  it('leaves a file (and its record) that could not be deleted', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'holding-retention-'));
    const records = Array.from({ length: 40 }, (_, i) => record(`r${i}`, i * 40, dir));
    for (const r of records) writeFileSync(path.join(dir, r.fileName), 'backup');
    const { backups, forgotten } = journalVBackups(records);
    const rule: RetentionRule = { recentHours: 0, daily: 1, weekly: 0, monthly: 0 };
    const removed = await applyRetention({
      backups,
      vaultId: 'v',
      rule,
      now: new Date(NOW),
      remove: async () => {
        throw Object.assign(new Error('read-only'), { code: 'EROFS' });
      },
    });
    expect(removed).toEqual([]);
    expect(forgotten).toEqual([]);
  });

  it('leaves a file that is no longer the one Holding wrote (another put in its place under its name)', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'holding-retention-'));
    const sha256 = createHash('sha256').update('backup').digest('hex');
    const records = Array.from({ length: 4 }, (_, i) => ({ ...record(`r${i}`, 100 * (i + 1), dir), sha256 }));
    writeFileSync(path.join(dir, 'r0.holdingbackup'), 'backup');
    writeFileSync(path.join(dir, 'r1.holdingbackup'), 'backup');
    writeFileSync(path.join(dir, 'r2.holdingbackup'), 'BACKUP'); // the same size, other bytes
    writeFileSync(path.join(dir, 'r3.holdingbackup'), 'a longer file'); // another size
    const { backups, forgotten } = journalVBackups(records);
    const rule: RetentionRule = { recentHours: 0, daily: 1, weekly: 0, monthly: 0 };
    await applyRetention({ backups, vaultId: 'v', rule, now: new Date(NOW) });
    expect(forgotten).toEqual(['r1']);
    expect(existsSync(path.join(dir, 'r0.holdingbackup'))).toBe(true);
    expect(existsSync(path.join(dir, 'r1.holdingbackup'))).toBe(false);
    expect(existsSync(path.join(dir, 'r2.holdingbackup'))).toBe(true);
    expect(existsSync(path.join(dir, 'r3.holdingbackup'))).toBe(true);
  });
});
