import { describe, expect, it } from 'vitest';
import {
  HURRIED_STEP_PAGES,
  IndexMerges,
  MERGE_STEP_PAGES,
  SEGMENTS_BEFORE_HURRYING,
} from '../../main/journal/index-upkeep';
import type { JournalRepository } from '../../main/journal/repository';

/**
 * The index's merge steps (migration 0019): one owed for each entry written, run only once the call that wrote
 * it is over, one at a time with the event loop let go between, never in a transaction or while locked.
 */

const pause = () => new Promise((resolve) => setImmediate(resolve));

function merges() {
  const state = {
    steps: [] as number[],
    segments: 3,
    locked: false,
    inTransaction: false,
    failWith: null as Error | null,
  };
  const repo = {
    indexSegments: () => state.segments,
    mergeIndexStep: (pages: number) => {
      if (state.failWith) throw state.failWith;
      state.steps.push(pages);
    },
  } as unknown as JournalRepository;
  const errors: unknown[] = [];
  const upkeep = new IndexMerges(
    () => {
      if (state.locked) throw new Error('locked');
      return repo;
    },
    () => state.inTransaction,
  );
  upkeep.onError = (error) => errors.push(error);
  return { state, upkeep, errors };
}

describe('the index’s merge steps', () => {
  it('follow each write, once the call that wrote it is over, never within it', async () => {
    const { state, upkeep } = merges();
    upkeep.wrote();
    upkeep.wrote();
    expect(state.steps).toEqual([]);
    await pause();
    expect(state.steps).toEqual([MERGE_STEP_PAGES]);
    await pause();
    expect(state.steps).toEqual([MERGE_STEP_PAGES, MERGE_STEP_PAGES]);
    await pause();
    expect(state.steps).toHaveLength(2);
  });

  it('give an import’s slice of 200 a step for each, one per turn of the event loop, and no more than 400', async () => {
    const { state, upkeep } = merges();
    upkeep.wrote(200);
    await pause();
    expect(state.steps).toHaveLength(1);
    for (let i = 0; i < 250; i += 1) await pause();
    expect(state.steps).toHaveLength(200);

    state.steps.length = 0;
    upkeep.wrote(100_000);
    for (let i = 0; i < 500; i += 1) await pause();
    expect(state.steps).toHaveLength(400);
  });

  it('do ten times the work while segments pile up (a merge of the whole index under way)', async () => {
    const { state, upkeep } = merges();
    state.segments = SEGMENTS_BEFORE_HURRYING;
    upkeep.wrote();
    await pause();
    state.segments = SEGMENTS_BEFORE_HURRYING + 1;
    upkeep.wrote();
    await pause();
    expect(state.steps).toEqual([MERGE_STEP_PAGES, HURRIED_STEP_PAGES]);
    expect(HURRIED_STEP_PAGES).toBe(MERGE_STEP_PAGES * 10);
  });

  it('wait while a transaction is open or the journal is locked, and run at the next write', async () => {
    const { state, upkeep, errors } = merges();
    state.inTransaction = true;
    upkeep.wrote();
    await pause();
    expect(state.steps).toEqual([]);
    state.inTransaction = false;
    state.locked = true;
    upkeep.wrote();
    await pause();
    expect(state.steps).toEqual([]);
    state.locked = false;
    upkeep.wrote();
    await pause();
    expect(state.steps).toHaveLength(1);
    // The steps owed while it waited are kept.
    for (let i = 0; i < 5; i += 1) await pause();
    expect(state.steps).toHaveLength(3);
    expect(errors).toEqual([]);
  });

  it('take no count but a whole number of entries', async () => {
    const { state, upkeep } = merges();
    for (const odd of [Number.NaN, -3, 0, 1.5, Number.POSITIVE_INFINITY]) upkeep.wrote(odd);
    for (let i = 0; i < 5; i += 1) await pause();
    expect(state.steps).toEqual([]);
    upkeep.wrote(2);
    for (let i = 0; i < 5; i += 1) await pause();
    expect(state.steps).toHaveLength(2);
  });

  it('report a step that fails and drop the steps owed', async () => {
    const { state, upkeep, errors } = merges();
    const full = new Error('database or disk is full');
    state.failWith = full;
    upkeep.wrote(5);
    for (let i = 0; i < 10; i += 1) await pause();
    expect(errors).toEqual([full]);
    state.failWith = null;
    for (let i = 0; i < 10; i += 1) await pause();
    expect(state.steps).toEqual([]);
    upkeep.wrote();
    for (let i = 0; i < 10; i += 1) await pause();
    expect(state.steps).toHaveLength(1);
  });
});
