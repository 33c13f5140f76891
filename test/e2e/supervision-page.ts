import { execFileSync } from 'node:child_process';
import { expect, type Page } from '@playwright/test';
import type { Services } from '../../main/app';

import { agendaItem, CONTRACT } from '../support/supervision-fixture';

export { agendaItem, CONTRACT };

export const DAY = 24 * 60 * 60 * 1000;

/** A journal entry flagged to bring to supervision, written straight into the services. */
export function flaggedEntry(services: Services, title: string, text: string) {
  const entry = services.journal.create({ title });
  services.journal.save({
    ...entry,
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
    tags: [],
    bringToSupervision: true,
  });
  return entry;
}

/**
 * Sessions on the days given (days ago), each discussing a normative and a formative item and
 * nothing restorative.
 */
export function seedSessions(services: Services, supervisorId: string, daysAgo: number[]): void {
  for (const days of daysAgo) {
    services.supervision.addAgendaItem(supervisorId, agendaItem('Caseload', { function: 'normative' }));
    services.supervision.addAgendaItem(supervisorId, agendaItem('A new approach', { function: 'formative' }));
    const agenda = services.supervision.agenda(supervisorId);
    services.supervision.recordSession({
      supervisorId,
      startsAt: new Date(Date.now() - days * DAY).toISOString(),
      timeZone: 'Europe/London',
      minutes: 60,
      attendees: 'Ama and me',
      notes: '',
      items: agenda.map((i) => ({ agendaItemId: i.id, outcome: 'discussed' as const, discussed: '', decided: '' })),
      actions: [],
    });
  }
}

/** The Supervision page, as a person uses it. */
export class SupervisionPageObject {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Supervision' });
  }

  get pageStatus() {
    return this.page.getByTestId('page-status');
  }

  get agenda() {
    return this.page.getByRole('list', { name: 'Agenda items, in order' });
  }

  get agendaTitles() {
    return this.agenda.getByRole('heading', { level: 3 });
  }

  get agendaStatus() {
    return this.page.getByTestId('agenda-status');
  }

  get sessionsStatus() {
    return this.page.getByTestId('sessions-status');
  }

  get sessions() {
    return this.page.getByRole('list', { name: 'Recorded sessions, newest first' });
  }

  get openActions() {
    return this.page.getByRole('list', { name: 'Open actions' });
  }

  get hoursTable() {
    return this.page.getByTestId('hours-table');
  }

  form(name: string | RegExp) {
    return this.page.getByRole('form', { name });
  }

  item(title: string) {
    return this.agenda.getByRole('listitem').filter({ has: this.page.getByRole('heading', { name: title }) });
  }

  handle(title: string) {
    return this.page.getByRole('button', { name: `Move “${title}”`, exact: true });
  }

  async addSupervisor(fields: { name: string; role?: string; minHours?: string; minutes?: string; focus?: string }) {
    const form = this.form('Add a supervisor');
    await form.getByLabel('Name', { exact: true }).fill(fields.name);
    if (fields.role !== undefined) await form.getByLabel('Role (optional)').fill(fields.role);
    if (fields.minHours !== undefined) await form.getByLabel('Minimum hours a month').fill(fields.minHours);
    if (fields.minutes !== undefined) await form.getByLabel('Usual session length, in minutes').fill(fields.minutes);
    if (fields.focus !== undefined) await form.getByLabel('Focus areas (optional)').fill(fields.focus);
    await form.getByRole('button', { name: 'Add supervisor' }).click();
  }

  /** A day some days from today, as a date input wants it, on the browser's calendar. */
  async dayFromToday(days: number): Promise<string> {
    return this.page.evaluate((d) => {
      const date = new Date(Date.now() + d * 24 * 60 * 60 * 1000);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
    }, days);
  }

  async expectOrder(titles: string[]): Promise<void> {
    await expect(this.agendaTitles).toHaveText(titles);
  }
}

export { pdfText } from '../support/readback';

/** The first page of a PDF as a PNG at 60 dpi (poppler's pdftoppm), to look at; returns its path. */
export function pdfFirstPage(file: string, prefix: string): string {
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, prefix]);
  return `${prefix}-1.png`;
}

export { monthName } from '../../common/supervision/hours';
