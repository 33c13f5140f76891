import { describe, expect, it, vi } from 'vitest';
import { agendaItemFromEntry } from '../../common/supervision/from-entry';
import { CheckinService } from '../../main/checkins/checkins';
import { CONTRACT } from '../support/supervision-fixture';
import { expectCode } from '../support/errors';
import { servicesPerTest } from '../support/vault';

const open = servicesPerTest();

const base = {
  at: new Date().toISOString(),
  capacity: 6,
  energy: 3,
  sleep: 4,
  load: 2,
  helping: 'A walk at lunch',
  hard: 'A long clinic',
  signIds: [] as string[],
  entryId: null,
};

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();

describe('check-ins and early-warning signs', () => {
  it('records, edits and deletes a check-in with its signs and a linked entry', async () => {
    const s = await open();
    const sign = s.checkins.saveSign({ name: 'Skipping lunch', whatHelps: 'A proper break', contact: 'Sam, my buddy' });
    const entry = s.journal.create({ title: 'Tuesday clinic' });
    const saved = s.checkins.save({ ...base, signIds: [sign.id, sign.id], entryId: entry.id });
    expect(saved.signs).toEqual([{ id: sign.id, name: 'Skipping lunch' }]);
    expect(saved.entryTitle).toBe('Tuesday clinic');
    expect(s.checkins.signs()[0]!.timesTicked).toBe(1);

    const edited = s.checkins.save({ ...base, id: saved.id, capacity: 3, signIds: [], entryId: null });
    expect(edited).toMatchObject({ capacity: 3, signs: [], entryId: null, createdAt: saved.createdAt });
    expect(s.checkins.list()).toHaveLength(1);

    s.checkins.delete(saved.id);
    expect(s.checkins.list()).toEqual([]);
    expectCode(() => s.checkins.delete(saved.id), 'NOT_FOUND');
  });

  it('refuses out-of-range values, future times and very long text, and stores nothing', async () => {
    const s = await open();
    expectCode(() => s.checkins.save({ ...base, capacity: 11 }), 'INVALID_INPUT', /from 0 to 10/);
    expectCode(() => s.checkins.save({ ...base, capacity: -1 }), 'INVALID_INPUT');
    expectCode(() => s.checkins.save({ ...base, capacity: 4.5 }), 'INVALID_INPUT');
    expectCode(() => s.checkins.save({ ...base, energy: 6 }), 'INVALID_INPUT', /energy/);
    expectCode(() => s.checkins.save({ ...base, sleep: 0 }), 'INVALID_INPUT', /sleep/);
    expectCode(
      () => s.checkins.save({ ...base, at: new Date(Date.now() + DAY).toISOString() }),
      'INVALID_INPUT',
      /already come/,
    );
    expectCode(() => s.checkins.save({ ...base, helping: 'x'.repeat(1001) }), 'INVALID_INPUT', /1,000 characters/);
    expectCode(() => s.checkins.save({ ...base, signIds: ['3f1c7a4e-0000-4000-8000-000000000000'] }), 'NOT_FOUND');
    expectCode(() => s.checkins.save({ ...base, entryId: '3f1c7a4e-0000-4000-8000-000000000000' }), 'NOT_FOUND');
    expect(s.checkins.list()).toEqual([]);
    // The edges are fine.
    expect(
      s.checkins.save({ ...base, capacity: 0, energy: null, sleep: null, load: null, helping: '', hard: '' }).capacity,
    ).toBe(0);
    expect(s.checkins.save({ ...base, capacity: 10, helping: 'x'.repeat(1000) }).capacity).toBe(10);
  });

  it('keeps the name of a deleted sign in past check-ins, and shows a renamed sign by its new name', async () => {
    const s = await open();
    const a = s.checkins.saveSign({ name: 'Not sleeping', whatHelps: '', contact: '' });
    const b = s.checkins.saveSign({ name: 'Snapping at home', whatHelps: '', contact: '' });
    const c = s.checkins.save({ ...base, signIds: [a.id, b.id] });
    s.checkins.saveSign({ id: b.id, name: 'Short with people at home', whatHelps: '', contact: '' });
    s.checkins.deleteSign(a.id);
    expect(s.checkins.signs().map((f) => f.name)).toEqual(['Short with people at home']);
    expect(s.checkins.get(c.id).signs).toEqual([
      { id: b.id, name: 'Short with people at home' },
      { id: null, name: 'Not sleeping' },
    ]);
    // Editing the check-in later still keeps the deleted sign's name.
    s.checkins.save({ ...base, id: c.id, signIds: [] });
    expect(s.checkins.get(c.id).signs).toEqual([{ id: null, name: 'Not sleeping' }]);
  });

  it('checks signs: a name is needed, names are unique, text has limits', async () => {
    const s = await open();
    expectCode(() => s.checkins.saveSign({ name: '   ', whatHelps: '', contact: '' }), 'INVALID_INPUT', /name/);
    s.checkins.saveSign({ name: 'Withdrawing', whatHelps: '', contact: '' });
    expectCode(
      () => s.checkins.saveSign({ name: 'withdrawing ', whatHelps: '', contact: '' }),
      'INVALID_INPUT',
      /already/,
    );
    expectCode(() => s.checkins.saveSign({ name: 'x', whatHelps: 'y'.repeat(2001), contact: '' }), 'INVALID_INPUT');
    const signs = s.checkins.signs();
    expect(signs).toHaveLength(1);
    const second = s.checkins.saveSign({ name: 'Cancelling plans', whatHelps: '', contact: '' });
    expect(s.checkins.reorderSigns([second.id, signs[0]!.id]).map((f) => f.name)).toEqual([
      'Cancelling plans',
      'Withdrawing',
    ]);
  });

  it('suggests gently when capacity falls or a sign recurs, and a dismissal lasts', async () => {
    const s = await open();
    const sign = s.checkins.saveSign({ name: 'Dreading Mondays', whatHelps: '', contact: '' });
    for (const day of [30, 26, 22, 18]) s.checkins.save({ ...base, at: daysAgo(day), capacity: 7 });
    expect(s.checkins.suggestions()).toEqual([]);
    for (const day of [6, 4, 2]) s.checkins.save({ ...base, at: daysAgo(day), capacity: 4, signIds: [sign.id] });
    const suggestions = s.checkins.suggestions();
    expect(suggestions).toEqual([
      expect.objectContaining({ kind: 'falling', recent: 4, baseline: 7 }),
      expect.objectContaining({ kind: 'recurring', signName: 'Dreading Mondays', times: 3 }),
    ]);
    s.checkins.dismiss(suggestions[0]!.key);
    expect(s.checkins.suggestions().map((x) => x.kind)).toEqual(['recurring']);
    // A deleted sign still counts by its kept name.
    s.checkins.deleteSign(sign.id);
    expect(s.checkins.suggestions()).toEqual([
      expect.objectContaining({ kind: 'recurring', signName: 'Dreading Mondays' }),
    ]);
  });

  it('starts a journal entry for supervision from a suggestion and sets the suggestion aside', async () => {
    const s = await open();
    for (const day of [30, 26, 22]) s.checkins.save({ ...base, at: daysAgo(day), capacity: 8 });
    for (const day of [5, 3, 1]) s.checkins.save({ ...base, at: daysAgo(day), capacity: 3 });
    const [falling] = s.checkins.suggestions();
    const result = await s.router(
      'checkins:bringToSupervision',
      { key: falling!.key },
      { isMainFrame: true, url: 'holding://app/' },
    );
    expect(result.ok).toBe(true);
    const entry = result.ok ? (result.value as { entry: { id: string } }).entry : null;
    const stored = s.journal.get(entry!.id);
    expect(stored).toMatchObject({
      kind: 'journal',
      bringToSupervision: true,
      tags: ['restorative'],
      title: 'How I have been lately',
    });
    expect(s.checkins.suggestions()).toEqual([]);
  });

  it('brings no check-in numbers into the entry it starts, which may be shared', async () => {
    const s = await open();
    for (const day of [6, 4, 2]) s.checkins.save({ ...base, at: daysAgo(day), capacity: 2 });
    const [low] = s.checkins.suggestions();
    expect(low).toMatchObject({ kind: 'low', key: 'low' });
    const result = await s.router(
      'checkins:bringToSupervision',
      { key: 'low' },
      { isMainFrame: true, url: 'holding://app/' },
    );
    expect(result.ok).toBe(true);
    const entry = result.ok ? (result.value as { entry: { id: string; bodyText?: string } }).entry : null;
    const text = JSON.stringify(s.journal.get(entry!.id));
    expect(text).toContain('My last few check-ins have all been low');
    expect(text).not.toMatch(/\d+ out of 10|around \d/);
  });

  it('brought before any supervision, it is offered later as the same restorative item as one brought during it', async () => {
    const s = await open();
    for (const day of [30, 26, 22]) s.checkins.save({ ...base, at: daysAgo(day), capacity: 8 });
    for (const day of [5, 3, 1]) s.checkins.save({ ...base, at: daysAgo(day), capacity: 3 });
    const sender = { isMainFrame: true, url: 'holding://app/' };
    const [falling] = s.checkins.suggestions();
    expect((await s.router('checkins:bringToSupervision', { key: falling!.key }, sender)).ok).toBe(true);
    const sup = s.supervision.saveSupervisor(CONTRACT);
    const [waiting] = s.supervision.flagged(sup.id);
    expect(waiting).toMatchObject({ title: 'How I have been lately', tags: ['restorative'] });
    const later = s.supervision.addAgendaItem(sup.id, agendaItemFromEntry(waiting!), {
      kind: 'entry',
      entryId: waiting!.id,
      excerpt: null,
    });

    // The same suggestion, in another journal, brought while a supervision is under way.
    const other = await open();
    for (const day of [30, 26, 22]) other.checkins.save({ ...base, at: daysAgo(day), capacity: 8 });
    for (const day of [5, 3, 1]) other.checkins.save({ ...base, at: daysAgo(day), capacity: 3 });
    const otherSup = other.supervision.saveSupervisor(CONTRACT);
    const [now] = other.checkins.suggestions();
    expect((await other.router('checkins:bringToSupervision', { key: now!.key }, sender)).ok).toBe(true);
    const during = other.supervision.agenda(otherSup.id)[0]!;
    const fields = (i: typeof later) => ({
      title: i.title,
      question: i.question,
      function: i.function,
      sevenEyed: i.sevenEyed,
      priority: i.priority,
      minutes: i.minutes,
    });
    expect(fields(later)).toEqual(fields(during));
    expect(later.function).toBe('restorative');
  });
});

describe('check-in edges', () => {
  it('reads a range given with an offset or without milliseconds as the same instants', async () => {
    const s = await open();
    s.checkins.save({ ...base, at: '2026-11-10T09:00:00.000Z' });
    expect(s.checkins.list({ from: '2026-11-10T09:00:00Z' })).toHaveLength(1);
    expect(s.checkins.list({ from: '2026-11-10T10:00:00+01:00' })).toHaveLength(1);
    expect(s.checkins.list({ to: '2026-11-10T09:59:59+01:00' })).toHaveLength(0);
  });

  it('keeps a recurring suggestion set aside when its sign is deleted', async () => {
    const s = await open();
    const sign = s.checkins.saveSign({ name: 'Dreading Mondays', whatHelps: '', contact: '' });
    for (const day of [6, 4, 2]) s.checkins.save({ ...base, at: daysAgo(day), signIds: [sign.id] });
    const [recurring] = s.checkins.suggestions();
    s.checkins.dismiss(recurring!.key);
    s.checkins.deleteSign(sign.id);
    expect(s.checkins.suggestions()).toEqual([]);
  });

  it('leaves nothing behind when bringing a suggestion to supervision fails part-way', async () => {
    const s = await open();
    for (const day of [30, 26, 22]) s.checkins.save({ ...base, at: daysAgo(day), capacity: 8 });
    for (const day of [5, 3, 1]) s.checkins.save({ ...base, at: daysAgo(day), capacity: 3 });
    const [falling] = s.checkins.suggestions();
    const dismiss = vi.spyOn(s.checkins, 'dismiss').mockImplementation(() => {
      throw new Error('disk full');
    });
    const result = await s.router(
      'checkins:bringToSupervision',
      { key: falling!.key },
      { isMainFrame: true, url: 'holding://app/' },
    );
    expect(result.ok).toBe(false);
    dismiss.mockRestore();
    expect(s.journal.list({}).total).toBe(0);
    expect(s.checkins.suggestions()).toHaveLength(1);
  });
});

describe('a dismissal over time', () => {
  it('holds through a long episode, a re-timed check-in and a deleted one, and lifts when a new episode begins', async () => {
    const s = await open();
    const start = Date.parse('2026-09-01T09:00:00Z');
    let now = start;
    const service = new CheckinService(s.vault, () => new Date(now));
    const sign = service.saveSign({ name: 'Dreading Mondays', whatHelps: '', contact: '' });
    const tick = (day: number, capacity = 6) =>
      service.save({ ...base, at: new Date(start + day * DAY + 37_123).toISOString(), capacity, signIds: [sign.id] });
    // A sign ticked every three days for sixty days.
    const first = [0, 3, 6].map((d) => {
      now = start + d * DAY + DAY / 2;
      return tick(d);
    });
    now = start + 7 * DAY;
    const [recurring] = service.suggestions();
    expect(recurring).toMatchObject({ kind: 'recurring', signName: 'Dreading Mondays' });
    service.dismiss(recurring!.key);
    for (let d = 9; d <= 60; d += 3) {
      now = start + d * DAY + DAY / 2;
      tick(d);
      expect(service.suggestions(), `day ${d}`).toEqual([]);
    }
    // The first check-in re-timed to the minute, then deleted: still set aside.
    service.save({ ...base, id: first[0]!.id, at: '2026-09-01T09:00:00.000Z', capacity: 6, signIds: [sign.id] });
    expect(service.suggestions()).toEqual([]);
    service.delete(first[0]!.id);
    expect(service.suggestions()).toEqual([]);
    // Three clear weeks, then the sign returns: a new episode, offered again.
    for (const d of [84, 86, 88]) {
      now = start + d * DAY + DAY / 2;
      tick(d);
    }
    expect(service.suggestions()).toEqual([expect.objectContaining({ kind: 'recurring', times: 3 })]);
  });
});
