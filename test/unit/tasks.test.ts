import { describe, expect, it } from 'vitest';
import type { Progress } from '../../common/ipc/contract';
import { Tasks } from '../../main/ipc/tasks';

describe('long work (Tasks)', () => {
  it('sends ticks at most every 100 ms and always the end, but every step that says what it is', async () => {
    const sent: Progress[] = [];
    const tasks = new Tasks((progress) => sent.push(progress));
    await tasks.run('vault:unlock', (task) => {
      // All within one moment: only the first tick goes, then each step, then the end.
      for (let done = 0; done < 5; done += 1) task.progress(done, 10);
      const update = { searchIndexEntries: 12 };
      task.progress(5, 10, { update, unmeasured: true });
      task.progress(6, 10, { update, unmeasured: false });
      task.progress(7, 10);
      task.progress(10, 10);
    });
    expect(sent).toEqual([
      { channel: 'vault:unlock', done: 0, total: 10 },
      { channel: 'vault:unlock', done: 5, total: 10, update: { searchIndexEntries: 12 }, unmeasured: true },
      { channel: 'vault:unlock', done: 6, total: 10, update: { searchIndexEntries: 12 }, unmeasured: false },
      { channel: 'vault:unlock', done: 10, total: 10 },
    ]);
  });
});
