/**
 * The snapshot: an export selection read from the vault into plain data (common/export/types.ts).
 * Nothing here decides what is safe to send; the check does that on exactly what this returns.
 */
import { type Checkin, LEVEL_WORDS, type WarningSign } from '../../common/checkins/types';
import { AppError } from '../../common/errors';
import type { Block, ExportDocument, ExportSection, ExportSelection, Inlines } from '../../common/export/types';
import { longDate } from '../../common/export/html';
import { itemsPhrase } from '../../common/export/items';
import {
  dayOf,
  describeMinutes,
  type HoursMonth,
  localTimeZone,
  monthName,
  standingWords,
} from '../../common/supervision/hours';
import { type AgendaItem, FUNCTION_LABELS, SEVEN_EYED_MODES, type SessionRecord } from '../../common/supervision/types';
import type { Entry } from '../../common/journal/types';
import { twoTruthsLabel } from '../../common/two-truths/two-truths';
import { blocksOf, paragraphsOf, plain } from './blocks';

export interface SnapshotSources {
  entry(id: string): Entry;
  supervisorName(id: string): string;
  agenda(supervisorId: string): AgendaItem[];
  session(id: string): SessionRecord;
  hours(supervisorId: string, range: { from: string; to: string }): HoursMonth[];
  checkins(range: { from: string; to: string }): Checkin[];
  signs(): WarningSign[];
  /** The person's replies to a supervisor's comments, not yet sent, as sections (main/sharing/replies.ts). */
  replies?(contactId: string): ExportSection[];
}

/** "21 November 2026": the day an instant falls on, where it was recorded (or here). */
const longDay = (iso: string, timeZone = localTimeZone()) => longDate(dayOf(iso, timeZone));

/**
 * How long a two-truths entry's heading may be in an export: its name in the journal is kept short, but a
 * supervisor reads the whole of it (two truths of ordinary length), and only truths of paragraphs are cut,
 * between words; the truths follow in full below it.
 */
export const TWO_TRUTHS_HEADING_MAX = 300;

function entrySection(entry: Entry, excerpt: string | null): ExportSection {
  const when = entry.eventDate ? longDate(entry.eventDate) : longDay(entry.createdAt);
  const title = entry.twoTruths
    ? twoTruthsLabel(entry.twoTruths, TWO_TRUTHS_HEADING_MAX, { keepCase: true })
    : entry.title.trim();
  return {
    kind: entry.kind === 'two-truths' ? 'two-truths' : 'entry',
    sourceId: entry.id,
    title: plain(title || 'Untitled'),
    meta: excerpt ? `An excerpt from ${when}` : when,
    blocks: excerpt ? [{ type: 'quote', blocks: paragraphsOf(excerpt) }] : blocksOf(entry.body.content ?? []),
    clientMaterial: entry.containsClientMaterial,
  };
}

function field(label: string, value: string): { label: string; value: Inlines } | null {
  return value.trim() ? { label, value: plain(value.trim()) } : null;
}

function present<T>(values: (T | null)[]): T[] {
  return values.filter((v): v is T => v !== null);
}

function itemFields(item: {
  question: string;
  function: AgendaItem['function'];
  sevenEyed: number | null;
  graces: readonly string[];
  priority: string;
  minutes: number;
  notes: string;
  excerpt?: string | null;
}) {
  return present([
    field('Question', item.question),
    // "Function: Restorative (how you are: …)": the label's colon is the only one before the value.
    field('Function', `${FUNCTION_LABELS[item.function].label} (${FUNCTION_LABELS[item.function].hint})`),
    item.sevenEyed ? field('Focus', SEVEN_EYED_MODES.find((m) => m.id === item.sevenEyed)?.label ?? '') : null,
    item.graces.length ? field('Social GRACES', item.graces.join(', ')) : null,
    field('Priority', item.priority[0]!.toUpperCase() + item.priority.slice(1)),
    item.minutes ? field('Time', describeMinutes(item.minutes)) : null,
    field('Notes', item.notes),
    item.excerpt ? field('From the entry', item.excerpt) : null,
  ]);
}

function agendaSection(supervisorId: string, items: AgendaItem[]): ExportSection {
  const blocks: Block[] = [];
  const parts: NonNullable<ExportSection['parts']> = [];
  if (!items.length) blocks.push({ type: 'paragraph', content: plain('Nothing on the agenda yet.') });
  items.forEach((item, index) => {
    const from = blocks.length;
    blocks.push({ type: 'heading', level: 2, content: plain(`${index + 1}. ${item.title}`) });
    const excerpt = item.source.kind === 'entry' ? item.source.excerpt : null;
    blocks.push({ type: 'fields', rows: itemFields({ ...item, excerpt }) });
    parts.push({ sourceId: item.id, from, to: blocks.length });
  });
  const total = items.reduce((sum, i) => sum + i.minutes, 0);
  return {
    kind: 'agenda',
    sourceId: supervisorId,
    title: plain('Agenda for our next supervision'),
    meta: `${items.length ? itemsPhrase(items.length) : 'Nothing on it yet'}${total ? `, about ${describeMinutes(total)}` : ''}`,
    blocks,
    clientMaterial: false,
    parts,
  };
}

function sessionSection(session: SessionRecord): ExportSection {
  const blocks: Block[] = [];
  const details = present([field('Attendees', session.attendees), field('Notes', session.notes)]);
  if (details.length) blocks.push({ type: 'fields', rows: details });
  for (const item of session.items) {
    blocks.push({ type: 'heading', level: 2, content: plain(item.title) });
    blocks.push({
      type: 'fields',
      rows: present([
        field('Outcome', item.outcome === 'discussed' ? 'Discussed' : 'Not reached'),
        ...itemFields(item),
        field('What we discussed', item.discussed),
        field('What we decided', item.decided),
      ]),
    });
  }
  if (session.actions.length) {
    blocks.push({ type: 'heading', level: 2, content: plain('Actions') });
    blocks.push({
      type: 'list',
      ordered: false,
      start: 1,
      items: session.actions.map((a) => ({
        checked: a.doneAt !== null,
        blocks: [
          {
            type: 'paragraph',
            content: plain(
              [a.text, a.owner ? `(${a.owner})` : '', a.due ? `by ${longDate(a.due)}` : ''].filter(Boolean).join(' '),
            ),
          },
        ],
      })),
    });
  }
  return {
    kind: 'session',
    sourceId: session.id,
    title: plain(`Supervision on ${longDay(session.startsAt, session.timeZone)}`),
    meta: describeMinutes(session.minutes),
    blocks,
    clientMaterial: false,
  };
}

/** The hours log as a section; `current` is the month it is made in (YYYY-MM), so months over are not "to go". */
export function hoursSection(
  supervisorName: string,
  supervisorId: string,
  months: HoursMonth[],
  current: string,
): ExportSection {
  const total = months.reduce((s, m) => s + m.minutes, 0);
  const rows = months.map((m) => ({
    header: false,
    cells: [
      plain(monthName(m.month)),
      plain(m.minutes ? describeMinutes(m.minutes) : 'None'),
      plain(String(m.sessions)),
      plain(m.inContract && m.minimumMinutes ? describeMinutes(m.minimumMinutes) : '—'),
      plain(standingWords(m, current)),
    ],
  }));
  return {
    kind: 'hours',
    sourceId: supervisorId,
    title: plain(`Supervision hours with ${supervisorName}`),
    meta: months.length
      ? `${monthName(months[0]!.month)} to ${monthName(months[months.length - 1]!.month)}: ${describeMinutes(total)} in all`
      : null,
    blocks: [
      {
        type: 'table',
        rows: [
          { header: true, cells: ['Month', 'Time', 'Sessions', 'Minimum', 'Against the minimum'].map(plain) },
          ...rows,
          ...(months.length > 1
            ? [
                {
                  header: false,
                  cells: [
                    [{ text: 'In all', bold: true }],
                    [{ text: total ? describeMinutes(total) : 'None', bold: true }],
                    [{ text: String(months.reduce((s, m) => s + m.sessions, 0)), bold: true }],
                    [],
                    [],
                  ],
                },
              ]
            : []),
        ],
      },
    ],
    clientMaterial: false,
  };
}

function checkinsSection(range: { from: string; to: string }, checkins: Checkin[]): ExportSection {
  const level = (kind: keyof typeof LEVEL_WORDS, n: number | null) =>
    n === null ? '' : (LEVEL_WORDS[kind][n - 1] ?? String(n));
  return {
    kind: 'checkins',
    sourceId: `${range.from}/${range.to}`,
    title: plain('Check-ins'),
    meta: `${longDate(range.from)} to ${longDate(range.to)}`,
    blocks: checkins.length
      ? [
          {
            type: 'table',
            rows: [
              {
                header: true,
                cells: ['Day', 'Capacity (0–10)', 'Energy', 'Sleep', 'Load', 'Signs', 'Helping', 'Hard'].map(plain),
              },
              ...checkins.map((c) => ({
                header: false,
                cells: [
                  plain(longDay(c.at)),
                  plain(String(c.capacity)),
                  plain(level('energy', c.energy)),
                  plain(level('sleep', c.sleep)),
                  plain(level('load', c.load)),
                  plain(c.signs.map((f) => f.name).join(', ')),
                  plain(c.helping),
                  plain(c.hard),
                ],
              })),
            ],
          },
        ]
      : [{ type: 'paragraph', content: plain('No check-ins in these days.') }],
    clientMaterial: false,
  };
}

function signsSection(signs: WarningSign[]): ExportSection {
  const blocks: Block[] = [];
  for (const sign of signs) {
    blocks.push({ type: 'heading', level: 2, content: plain(sign.name) });
    const rows = present([field('What helps', sign.whatHelps), field('Who to contact', sign.contact)]);
    if (rows.length) blocks.push({ type: 'fields', rows });
  }
  if (!blocks.length) blocks.push({ type: 'paragraph', content: plain('No warning signs written down yet.') });
  return {
    kind: 'signs',
    sourceId: 'signs',
    title: plain('My early warning signs'),
    meta: null,
    blocks,
    clientMaterial: false,
  };
}

/** The selection, read now, in a fixed order: entries as chosen, then agendas, sessions, hours, check-ins, signs. */
export function buildDocument(
  selection: ExportSelection,
  sources: SnapshotSources,
  preparedOn: string,
): ExportDocument {
  const sections: ExportSection[] = [];
  for (const { id, excerpt } of selection.entries) {
    const entry = sources.entry(id);
    if (entry.deletedAt) {
      throw new AppError(
        'NOT_FOUND',
        `“${entry.title || 'Untitled'}” is in the trash. Restore it first, or leave it out.`,
      );
    }
    const trimmed = excerpt?.trim() ?? '';
    sections.push(entrySection(entry, trimmed ? trimmed : null));
  }
  for (const id of selection.agendas) sections.push(agendaSection(id, sources.agenda(id)));
  for (const id of selection.sessions) sections.push(sessionSection(sources.session(id)));
  if (selection.hours) {
    const { supervisorId, from, to } = selection.hours;
    sections.push(
      hoursSection(
        sources.supervisorName(supervisorId),
        supervisorId,
        sources.hours(supervisorId, { from, to }),
        preparedOn.slice(0, 7),
      ),
    );
  }
  if (selection.checkins) sections.push(checkinsSection(selection.checkins, sources.checkins(selection.checkins)));
  if (selection.signs) sections.push(signsSection(sources.signs()));
  if (selection.replies) {
    if (!sources.replies) throw new AppError('INVALID_INPUT', 'Replies can only go with a share.');
    sections.push(...sources.replies(selection.replies));
  }
  return { title: plain(selection.title.trim() || 'Reflections for supervision'), preparedOn, sections };
}
