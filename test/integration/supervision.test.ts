import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { capacityFalling } from '../support/checkins-fixture';
import { expectCode } from '../support/errors';
import { agendaItem, CONTRACT, pastSession } from '../support/supervision-fixture';
import { servicesIn } from '../support/services';
import { tempDir } from '../support/temp';
import { sortedTitles } from '../support/titles';
import { servicesPerTest, type TestServices } from '../support/vault';

const open = servicesPerTest();

const contract = { ...CONTRACT, focusAreas: ['Risk', 'Formulation', ' Risk '], startDate: '2026-01-05' };

const item = agendaItem;

function flaggedEntry(s: TestServices, title: string) {
  const entry = s.journal.create({ title });
  s.journal.save({ ...entry, body: entry.body, tags: [], bringToSupervision: true });
  return entry;
}

describe('supervisors and contracts', () => {
  it('keeps several relationships, tidies focus areas and refuses what does not make sense', async () => {
    const s = await open();
    const clinical = s.supervision.saveSupervisor(contract);
    expect(clinical).toMatchObject({
      name: 'Dr Ama Mensah',
      minHoursPerMonth: 1.5,
      focusAreas: ['Risk', 'Formulation'],
    });
    s.supervision.saveSupervisor({
      ...contract,
      name: 'Team lead',
      role: 'Managerial',
      type: 'group',
      frequency: 'six-weekly',
    });
    expect(s.supervision.supervisors()).toHaveLength(2);
    expectCode(() => s.supervision.saveSupervisor({ ...contract, name: '  ' }), 'INVALID_INPUT', /name/);
    expectCode(
      () => s.supervision.saveSupervisor({ ...contract, type: 'solo' }),
      'INVALID_INPUT',
      /individual, group or peer/,
    );
    expectCode(() => s.supervision.saveSupervisor({ ...contract, minHoursPerMonth: -1 }), 'INVALID_INPUT', /0 to 200/);
    expectCode(() => s.supervision.saveSupervisor({ ...contract, sessionMinutes: 0 }), 'INVALID_INPUT');
    expectCode(() => s.supervision.saveSupervisor({ ...contract, startDate: '2026-02-30' }), 'INVALID_INPUT');
    expect(s.supervision.supervisors()).toHaveLength(2);
    expect(s.supervision.setEnded(clinical.id, true).endedAt).not.toBeNull();
    expect(s.supervision.supervisors().at(-1)!.id).toBe(clinical.id);
  });
});

describe('the agenda and a session', () => {
  it('builds an agenda from flagged entries, an excerpt and a restorative item, and carries forward what was not reached', async () => {
    const s = await open();
    const sup = s.supervision.saveSupervisor(contract);
    const a = flaggedEntry(s, 'The referral I turned down');
    const b = flaggedEntry(s, 'A difficult team meeting');
    expect(sortedTitles(s.supervision.flagged(sup.id))).toEqual([
      'A difficult team meeting',
      'The referral I turned down',
    ]);
    const first = s.supervision.addAgendaItem(sup.id, item('The referral', { question: 'Was I right?' }), {
      kind: 'entry',
      entryId: a.id,
      excerpt: null,
    });
    const second = s.supervision.addAgendaItem(
      sup.id,
      item('The meeting', { function: 'normative', graces: ['Class'] }),
      {
        kind: 'entry',
        entryId: b.id,
        excerpt: 'Only the part about the rota.',
      },
    );
    const restorative = s.supervision.addAgendaItem(sup.id, item('How I am', { function: 'restorative', minutes: 10 }));
    expect(s.supervision.flagged(sup.id)).toEqual([]);
    expect(second.source).toEqual({
      kind: 'entry',
      entryId: b.id,
      entryTitle: 'A difficult team meeting',
      excerpt: 'Only the part about the rota.',
    });
    expectCode(() => s.supervision.addAgendaItem(sup.id, item(' ')), 'INVALID_INPUT', /title/);
    expectCode(
      () => s.supervision.addAgendaItem(sup.id, item('x', { graces: ['Weather'] })),
      'INVALID_INPUT',
      /GRACES/,
    );

    // Reordered: the restorative item first.
    expect(s.supervision.reorderAgenda(sup.id, [restorative.id, first.id]).map((i) => i.title)).toEqual([
      'How I am',
      'The referral',
      'The meeting',
    ]);

    const session = s.supervision.recordSession({
      supervisorId: sup.id,
      startsAt: '2026-11-12T10:00:00Z',
      timeZone: 'Europe/London',
      minutes: 60,
      attendees: 'Ama and me',
      notes: '',
      items: [
        { agendaItemId: restorative.id, outcome: 'discussed', discussed: 'Tiredness', decided: 'Book leave' },
        { agendaItemId: first.id, outcome: 'discussed', discussed: 'The criteria', decided: 'It was a fair call' },
        { agendaItemId: second.id, outcome: 'not-reached', discussed: '', decided: '' },
      ],
      actions: [
        { text: 'Book two days of leave', owner: 'Me', due: '2026-11-20' },
        { text: 'Read the rota policy', owner: 'Me', due: '2020-01-01' }, // in the past: kept as given
        { text: '   ', owner: '', due: null }, // empty: left out
      ],
    });
    expect(session.items.map((i) => [i.title, i.outcome])).toEqual([
      ['How I am', 'discussed'],
      ['The referral', 'discussed'],
      ['The meeting', 'not-reached'],
    ]);
    expect(session.actions.map((x) => x.text)).toEqual(['Book two days of leave', 'Read the rota policy']);

    // The next agenda: the item not reached, then each open action.
    const next = s.supervision.agenda(sup.id);
    expect(next.map((i) => i.title)).toEqual([
      'The meeting',
      'Action: Book two days of leave',
      'Action: Read the rota policy',
    ]);
    expect(next[0]).toMatchObject({ carriedFrom: session.id, source: { kind: 'entry', entryId: b.id } });
    // The entry knows where it was discussed, and where it waits.
    expect(s.supervision.forEntry(a.id)).toEqual({
      agenda: [],
      sessions: [expect.objectContaining({ sessionId: session.id, title: 'The referral', outcome: 'discussed' })],
    });
    expect(s.supervision.forEntry(b.id).agenda).toEqual([expect.objectContaining({ supervisorName: 'Dr Ama Mensah' })]);

    // Done: off the agenda. Not done after all: back on it.
    const leave = session.actions[0]!;
    s.supervision.setActionDone(leave.id, true);
    expect(s.supervision.agenda(sup.id).map((i) => i.title)).not.toContain('Action: Book two days of leave');
    s.supervision.setActionDone(leave.id, false);
    expect(s.supervision.agenda(sup.id).map((i) => i.title)).toContain('Action: Book two days of leave');
    expect(s.supervision.openActions(sup.id)).toHaveLength(2);
  });

  it('refuses a session with no length, a negative one or one still to come, and changes nothing', async () => {
    const s = await open();
    const sup = s.supervision.saveSupervisor(contract);
    s.supervision.addAgendaItem(sup.id, item('Something'));
    const base = {
      supervisorId: sup.id,
      startsAt: '2026-11-12T10:00:00Z',
      timeZone: 'Europe/London',
      attendees: '',
      notes: '',
      items: [],
      actions: [],
    };
    expectCode(() => s.supervision.recordSession({ ...base, minutes: 0 }), 'INVALID_INPUT', /at least one minute/);
    expectCode(() => s.supervision.recordSession({ ...base, minutes: -30 }), 'INVALID_INPUT', /at least one minute/);
    expectCode(() => s.supervision.recordSession({ ...base, minutes: 2000 }), 'INVALID_INPUT', /more than a day/);
    expectCode(
      () =>
        s.supervision.recordSession({
          ...base,
          minutes: 60,
          startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
        }),
      'INVALID_INPUT',
      /still to come/,
    );
    expect(s.supervision.sessions()).toEqual([]);
    expect(s.supervision.agenda(sup.id)).toHaveLength(1);
  });

  it('keeps sessions, under the name they were recorded with, when a supervisor is deleted', async () => {
    const s = await open();
    const sup = s.supervision.saveSupervisor(contract);
    s.supervision.addAgendaItem(sup.id, item('Something'));
    const session = s.supervision.recordSession(
      pastSession(sup.id, {
        startsAt: '2026-10-01T09:00:00Z',
        minutes: 90,
        notes: 'Good session',
        actions: [{ text: 'Write it up', owner: '', due: null }],
      }),
    );
    s.supervision.deleteSupervisor(sup.id);
    expect(s.supervision.supervisors()).toEqual([]);
    expect(s.supervision.sessions()).toEqual([
      expect.objectContaining({
        id: session.id,
        supervisorId: null,
        supervisorName: 'Dr Ama Mensah',
        notes: 'Good session',
      }),
    ]);
    expect(s.supervision.openActions()).toEqual([expect.objectContaining({ text: 'Write it up' })]);
    // Marking it done still works with no supervisor to carry it to.
    expect(s.supervision.setActionDone(s.supervision.openActions()[0]!.id, true).doneAt).not.toBeNull();
  });
});

describe('balance, hours and the CSV', () => {
  async function withSessions() {
    const s = await open();
    const sup = s.supervision.saveSupervisor(contract);
    const days = ['2026-08-12', '2026-09-09', '2026-10-14'];
    for (const day of days) {
      s.supervision.addAgendaItem(sup.id, item('Caseload', { function: 'normative' }));
      s.supervision.addAgendaItem(sup.id, item('A new approach', { function: 'formative' }));
      const agenda = s.supervision.agenda(sup.id);
      s.supervision.recordSession(
        pastSession(sup.id, {
          startsAt: `${day}T09:00:00Z`,
          attendees: '=HYPERLINK("http://example.invalid")',
          items: agenda.map((i) => ({ agendaItemId: i.id, outcome: 'discussed' as const, discussed: '', decided: '' })),
        }),
      );
    }
    // A late-night session on 31 October, London time: it counts for October.
    s.supervision.recordSession(
      pastSession(sup.id, { startsAt: '2026-10-31T23:15:00Z', timeZone: 'Europe/London', minutes: 45 }),
    );
    return { s, sup };
  }

  it('notices when restorative time has been missing for three sessions', async () => {
    const { s, sup } = await withSessions();
    const balance = s.supervision.balance(sup.id);
    expect(balance.totals).toEqual({ normative: 3, formative: 3, restorative: 0 });
    expect(balance.missing).toEqual(['restorative']);
  });

  it('sums hours by month against the minimum, in the zone each session was recorded in', async () => {
    const { s, sup } = await withSessions();
    expect(
      s.supervision.hours(sup.id, { from: '2026-08', to: '2026-11' }).map((m) => [m.month, m.minutes, m.shortBy]),
    ).toEqual([
      ['2026-08', 60, 30],
      ['2026-09', 60, 30],
      ['2026-10', 105, 0],
      ['2026-11', 0, 90],
    ]);
  });

  it('writes the log as valid CSV, with formula-like cells defused', async () => {
    const { s, sup } = await withSessions();
    const csv = s.supervision.hoursCsv(sup.id, { from: '2026-08', to: '2026-11' });
    const rows = parse(csv, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
    expect(rows[0]).toEqual(['Supervisor', 'Month', 'Sessions', 'Hours', 'Minimum hours', 'Met minimum']);
    expect(rows[3]).toEqual(['Dr Ama Mensah', '2026-10', '2', '1.75', '1.50', 'yes']);
    const sessionRows = rows.slice(rows.findIndex((r) => r[1] === 'Date') + 1);
    expect(sessionRows).toHaveLength(4);
    expect(sessionRows[0]![5]).toBe('\'=HYPERLINK("http://example.invalid")');
    expect(sessionRows.at(-1)!.slice(1, 4)).toEqual(['2026-10-31', '2026-10', '45']);
  });

  it('saves the CSV through the router where the person chooses, or says kindly why not', async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'hours.csv');
    const services = servicesIn(path.join(dir, 'vault'), {
      version: '0',
      chooseSavePath: async (name) => (name.endsWith('.csv') ? target : null),
    });
    try {
      await services.vault.create('quiet harbour lantern meadow');
      const sup = services.supervision.saveSupervisor(contract);
      const sender = { isMainFrame: true, url: 'holding://app/' };
      const saved = await services.router(
        'supervision:exportHoursCsv',
        { supervisorId: sup.id, from: '2026-01', to: '2026-03' },
        sender,
      );
      expect(saved).toEqual({ ok: true, value: { path: target } });
      expect((await readFile(target, 'utf8')).includes('Met minimum')).toBe(true);
      const unwritable = servicesIn(path.join(dir, 'vault'), {
        version: '0',
        chooseSavePath: async () => path.join(dir, 'no-such-folder', 'hours.csv'),
      });
      await unwritable.vault.unlock('quiet harbour lantern meadow');
      const refused = await unwritable.router(
        'supervision:exportHoursCsv',
        { supervisorId: sup.id, from: '2026-01', to: '2026-03' },
        sender,
      );
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', message: expect.stringMatching(/could not save the file there/) },
      });
      unwritable.dispose();
    } finally {
      services.dispose();
    }
  });
});

describe('from a check-in suggestion', () => {
  it('puts a restorative item on the current supervision’s agenda as well as in the journal', async () => {
    const s = await open();
    const sup = s.supervision.saveSupervisor(contract);
    capacityFalling(s);
    const [falling] = s.checkins.suggestions();
    const result = await s.router(
      'checkins:bringToSupervision',
      { key: falling!.key },
      { isMainFrame: true, url: 'holding://app/' },
    );
    expect(result).toMatchObject({ ok: true, value: { supervisorName: 'Dr Ama Mensah' } });
    expect(s.supervision.agenda(sup.id)).toEqual([
      expect.objectContaining({
        function: 'restorative',
        title: 'How I have been lately',
        source: expect.objectContaining({ kind: 'entry' }),
      }),
    ]);
  });

  it('joins the agenda of the supervision the person chooses, and refuses an ended one', async () => {
    const s = await open();
    s.supervision.saveSupervisor(contract);
    const team = s.supervision.saveSupervisor({ ...contract, name: 'Team reflective group', type: 'group' });
    capacityFalling(s);
    const [falling] = s.checkins.suggestions();
    const sender = { isMainFrame: true, url: 'holding://app/' };
    s.supervision.setEnded(team.id, true);
    const refused = await s.router('checkins:bringToSupervision', { key: falling!.key, supervisorId: team.id }, sender);
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(s.journal.list({}).total).toBe(0);
    s.supervision.setEnded(team.id, false);
    const result = await s.router('checkins:bringToSupervision', { key: falling!.key, supervisorId: team.id }, sender);
    expect(result).toMatchObject({ ok: true, value: { supervisorName: 'Team reflective group' } });
    expect(s.supervision.agenda(team.id)).toHaveLength(1);
  });
});

describe('after a session', () => {
  it('does not offer a discussed entry again until it changes, and speaks of dates in words', async () => {
    const s = await open();
    const sup = s.supervision.saveSupervisor(contract);
    const entry = flaggedEntry(s, 'The referral I turned down');
    const added = s.supervision.addAgendaItem(sup.id, item('The referral'), {
      kind: 'entry',
      entryId: entry.id,
      excerpt: null,
    });
    s.supervision.recordSession(
      pastSession(sup.id, {
        items: [{ agendaItemId: added.id, outcome: 'discussed', discussed: '', decided: '' }],
        actions: [{ text: 'Read the policy', owner: 'Me', due: '2026-11-19' }],
      }),
    );
    expect(s.supervision.flagged(sup.id)).toEqual([]);
    expect(s.supervision.agenda(sup.id)[0]!.question).toBe('Due 19 November 2026. Where has it got to?');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const current = s.journal.get(entry.id);
    s.journal.save({ ...current, title: 'The referral, a month on' });
    expect(s.supervision.flagged(sup.id).map((e) => e.title)).toEqual(['The referral, a month on']);
  });

  it('asks for whole minutes, and an ended supervision no longer claims an entry for its agenda', async () => {
    const s = await open();
    const sup = s.supervision.saveSupervisor(contract);
    const base = {
      supervisorId: sup.id,
      startsAt: '2026-11-12T10:00:00Z',
      timeZone: 'UTC',
      attendees: '',
      notes: '',
      items: [],
      actions: [],
    };
    expectCode(() => s.supervision.recordSession({ ...base, minutes: 1.5 }), 'INVALID_INPUT', /whole minutes/);
    expectCode(
      () => s.supervision.saveSupervisor({ ...contract, sessionMinutes: 52.5 }),
      'INVALID_INPUT',
      /whole minutes/,
    );
    const entry = flaggedEntry(s, 'Waiting');
    s.supervision.addAgendaItem(sup.id, item('Waiting'), { kind: 'entry', entryId: entry.id, excerpt: null });
    expect(s.supervision.forEntry(entry.id).agenda).toHaveLength(1);
    s.supervision.setEnded(sup.id, true);
    expect(s.supervision.forEntry(entry.id).agenda).toEqual([]);
  });
});

describe('edges found in review', () => {
  it('keeps each item whole in the session, ignores empty sessions in the balance, and guards ended supervisions', async () => {
    const s = await open();
    const sup = s.supervision.saveSupervisor({ ...contract, startDate: '2026-03-20' });
    const entry = flaggedEntry(s, 'Home visit');
    const added = s.supervision.addAgendaItem(
      sup.id,
      item('The stairs', { notes: 'Ask about the risk assessment', sevenEyed: 7, graces: ['Ability'], minutes: 12 }),
      { kind: 'entry', entryId: entry.id, excerpt: 'Only the part about the stairs.' },
    );
    const base = { supervisorId: sup.id, timeZone: 'Europe/London', minutes: 60, attendees: '', notes: '' };
    const session = s.supervision.recordSession({
      ...base,
      startsAt: '2026-04-02T10:00:00Z',
      items: [{ agendaItemId: added.id, outcome: 'discussed', discussed: 'Yes', decided: '' }],
      actions: [],
    });
    expect(session.items[0]).toMatchObject({
      notes: 'Ask about the risk assessment',
      excerpt: 'Only the part about the stairs.',
      sevenEyed: 7,
      graces: ['Ability'],
      minutes: 12,
    });
    // Three sessions with nothing on the agenda say nothing about balance.
    for (const day of ['2026-05-01', '2026-06-01', '2026-07-01']) {
      s.supervision.recordSession({ ...base, startsAt: `${day}T10:00:00Z`, items: [], actions: [] });
    }
    expect(s.supervision.balance(sup.id).missing).toEqual([]);
    // Before the contract began there is no minimum to fall short of.
    expect(
      s.supervision.hours(sup.id, { from: '2026-02', to: '2026-04' }).map((m) => [m.month, m.inContract, m.shortBy]),
    ).toEqual([
      ['2026-02', false, 0],
      ['2026-03', true, 90],
      ['2026-04', true, 30],
    ]);
    expectCode(
      () =>
        s.supervision.recordSession({
          ...base,
          startsAt: '2026-07-02T10:00:00Z',
          items: [],
          actions: [{ text: ' ', owner: 'Me', due: null }],
        }),
      'INVALID_INPUT',
      /few words/,
    );
    s.supervision.setEnded(sup.id, true);
    expectCode(() => s.supervision.addAgendaItem(sup.id, item('Late')), 'INVALID_INPUT', /has ended/);
    expectCode(
      () => s.supervision.recordSession({ ...base, startsAt: '2026-08-01T10:00:00Z', items: [], actions: [] }),
      'INVALID_INPUT',
      /has ended/,
    );
  });
});
