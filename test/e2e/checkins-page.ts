import { expect, type Page } from '@playwright/test';
import type { Services } from '../../main/app';

export const DAY = 24 * 60 * 60 * 1000;

export interface SeededCheckin {
  at: string;
  capacity: number;
  withSign: boolean;
}

/**
 * Six weeks of check-ins, every other day, about three hours before the time of day now: capacity
 * around 7, then 3 to 5 over the last fortnight. The sign given is ticked on a few of them; `recurring`
 * ticks it often enough in the last fortnight for that suggestion to appear too.
 */
export function seedWeeks(
  services: Services,
  { signId, recurring = false }: { signId: string; recurring?: boolean },
): SeededCheckin[] {
  const now = Date.now();
  const steady = [7, 6, 7, 8, 7, 7, 6, 8, 7, 7, 6, 7, 8, 7, 7];
  const lower = [5, 4, 4, 3, 4, 3];
  const tickedOn = recurring ? [30, 10, 6, 2] : [30, 22, 6];
  const seeded: SeededCheckin[] = [];
  for (let daysAgo = 42; daysAgo >= 2; daysAgo -= 2) {
    const capacity = daysAgo > 12 ? steady[(42 - daysAgo) / 2]! : lower[(12 - daysAgo) / 2]!;
    const withSign = tickedOn.includes(daysAgo);
    const at = new Date(now - daysAgo * DAY - 3 * 60 * 60 * 1000).toISOString();
    services.checkins.save({
      at,
      capacity,
      energy: capacity > 5 ? 4 : 2,
      sleep: capacity > 5 ? 4 : 2,
      load: capacity > 5 ? 2 : 4,
      helping: capacity > 5 ? 'Walking home along the canal.' : '',
      hard: capacity > 5 ? '' : 'A run of heavy sessions.',
      signIds: withSign ? [signId] : [],
      entryId: null,
    });
    seeded.push({ at, capacity, withSign });
  }
  return seeded;
}

/** How many of these fall within the last `days` days. */
export const within = (checkins: readonly { at: string }[], days: number) =>
  checkins.filter((c) => Date.parse(c.at) >= Date.now() - days * DAY).length;

/** The check-ins page, as a person uses it. */
export class CheckinsPageObject {
  constructor(readonly page: Page) {}

  get form() {
    return this.page.getByRole('form', { name: /check-in/i });
  }

  get recent() {
    return this.page.getByRole('list', { name: 'Recent check-ins' });
  }

  get signs() {
    return this.page.getByRole('list', { name: 'Your early-warning signs' });
  }

  get chartPoints() {
    return this.page.getByTestId('capacity-chart').getByTestId('chart-point');
  }

  get signMarkers() {
    return this.page.getByTestId('capacity-chart').locator('[data-testid="chart-point"][data-with-sign="true"]');
  }

  get tableRows() {
    return this.page.getByRole('table').locator('tbody tr');
  }

  get status() {
    return this.page.getByTestId('checkin-status');
  }

  suggestion(name: string | RegExp) {
    return this.page.getByRole('group', { name });
  }

  async period(label: 'Week' | 'Month' | 'Year'): Promise<void> {
    const button = this.page.getByRole('group', { name: 'Period to show' }).getByRole('button', { name: label });
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
  }

  async showTable(): Promise<void> {
    const toggle = this.page.getByRole('button', { name: 'Show as a table' });
    await toggle.click();
    await expect(this.page.getByRole('button', { name: 'Hide the table' })).toHaveAttribute('aria-expanded', 'true');
  }

  async addSign(name: string, whatHelps: string, contact: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Add a sign' }).click();
    const form = this.page.getByRole('form', { name: 'Add a sign' });
    await form.getByLabel('The sign, in your own words').fill(name);
    await form.getByLabel('What helps').fill(whatHelps);
    await form.getByLabel('Who to contact').fill(contact);
    await form.getByRole('button', { name: 'Save sign' }).click();
  }

  item(text: string | RegExp) {
    return this.recent.getByRole('listitem').filter({ hasText: text });
  }
}
