import { describe, expect, it } from 'vitest';
import { RestartBudget } from '../../main/shell-common/restart-budget';

describe('RestartBudget', () => {
  it('allows the limit within the window, refuses the next, and forgives restarts older than the window', () => {
    let now = 0;
    const budget = new RestartBudget(3, 60_000, () => now);
    expect([budget.spend(), budget.spend(), budget.spend()]).toEqual([true, true, true]);
    expect(budget.spend()).toBe(false);
    now += 60_000;
    expect(budget.spend()).toBe(true);
  });
});
