/**
 * What goes into the export, file by file (docs/export-format.md): made from the rows alone, so the same
 * rows always make the same files. Nothing here touches the disk.
 */
import { stringify as csv } from 'csv-stringify/sync';
import type { RootContent } from 'mdast';
import { escapeHtml, CONFIDENTIAL, renderHtml } from '../../../common/export/html';
import type { DocNode } from '../../../common/journal/doc';
import type { Entry, EntryKind } from '../../../common/journal/types';
import { dayOf } from '../../../common/supervision/hours';
import type { TwoTruthsFields } from '../../../common/two-truths/two-truths';
import { buildDocument } from '../snapshot';
import { type EntryFrontMatter, entryMarkdown, markdownOf } from './markdown';
import { safeStem, UniqueNames } from './names';
import type { JournalRows, Row } from './repository';
import { TABLES } from './tables';
import { README } from './readme';
import { EXPORT_FORMAT_NAME, EXPORT_FORMAT_VERSION } from './format';

export interface ExportFile {
  name: string;
  data: string | Uint8Array;
}

export interface ContentsOptions {
  exportedAt: Date;
  appVersion: string;
  history: boolean;
  /** The time zone days and months are counted in (the computer's). */
  timeZone: string;
}

type Value = Row[string] | undefined;
const str = (v: Value) => (typeof v === 'string' ? v : '');
const strOrNull = (v: Value) => (typeof v === 'string' ? v : null);
const num = (v: Value) => (typeof v === 'number' ? v : 0);

const FLAG_COLUMNS = [
  ['pinned', 'pinned'],
  ['bring_to_supervision', 'bring-to-supervision'],
  ['contains_client_material', 'contains-client-material'],
] as const;

/** The rows of `holding-export.json`: blobs as base64, everything else as it is. */
function jsonRows(rows: Row[]): Record<string, string | number | null>[] {
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => [k, v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v]),
    ),
  );
}

export function exportJson(rows: JournalRows, options: ContentsOptions): string {
  const tables: Record<string, unknown> = {};
  for (const spec of TABLES) {
    const table = rows.tables[spec.name];
    if (table) tables[spec.name] = jsonRows(table);
  }
  const identity = rows.identity
    ? {
        name: rows.identity.name,
        role: rows.identity.role,
        encryption_public: Buffer.from(rows.identity.encryption_public).toString('base64'),
        signing_public: Buffer.from(rows.identity.signing_public).toString('base64'),
        created_at: rows.identity.created_at,
      }
    : null;
  return `${JSON.stringify(
    {
      format: EXPORT_FORMAT_NAME,
      version: EXPORT_FORMAT_VERSION,
      exportedAt: options.exportedAt.toISOString(),
      appVersion: options.appVersion,
      schemaVersion: rows.schemaVersion,
      history: options.history,
      identity,
      tables,
    },
    null,
    1,
  )}\n`;
}

/** An entry row as the journal's own Entry, for the HTML renderer. */
function entryOf(row: Row, tags: string[]): Entry {
  const title = str(row['title']);
  return {
    id: str(row['id']),
    kind: str(row['kind']) as EntryKind,
    title,
    titleHighlighted: title,
    excerpt: str(row['excerpt']),
    createdAt: str(row['created_at']),
    updatedAt: str(row['updated_at']),
    eventDate: strOrNull(row['event_date']),
    templateId: strOrNull(row['template_id']),
    tags,
    wordCount: num(row['word_count']),
    deletedAt: strOrNull(row['deleted_at']),
    pinned: row['pinned'] === 1,
    bringToSupervision: row['bring_to_supervision'] === 1,
    containsClientMaterial: row['contains_client_material'] === 1,
    body: JSON.parse(str(row['body_json'])) as DocNode,
    version: num(row['version']),
    twoTruths: row['fields_json'] ? (JSON.parse(str(row['fields_json'])) as TwoTruthsFields) : null,
  };
}

const PRIVATE = 'Private — from your Holding journal';

/** The entry as one web page, by the same renderer as the supervision export, marked as the person's own. */
function entryHtml(entry: Entry, preparedOn: string): string {
  const unavailable = () => {
    throw new Error('only entries are rendered here');
  };
  const doc = buildDocument(
    {
      title: entry.title.trim() || 'Untitled',
      entries: [{ id: entry.id, excerpt: null }],
      agendas: [],
      sessions: [],
      hours: null,
      checkins: null,
      signs: false,
    },
    {
      entry: () => ({ ...entry, deletedAt: null }),
      supervisorName: unavailable,
      agenda: unavailable,
      session: unavailable,
      hours: unavailable,
      checkins: unavailable,
      signs: unavailable,
    },
    preparedOn,
  );
  return renderHtml(doc).replaceAll(escapeHtml(CONFIDENTIAL), escapeHtml(PRIVATE));
}

function groupBy(rows: Row[] | undefined, column: string): Map<string, Row[]> {
  const map = new Map<string, Row[]>();
  for (const row of rows ?? []) {
    const key = str(row[column]);
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  }
  return map;
}

const table = (rows: Record<string, unknown>[], columns: string[]) =>
  // A byte-order mark so a spreadsheet on Windows reads accents and dashes rightly; a cell that starts with
  // =, +, - or @ (perhaps from a feedback comment someone else wrote) is kept as text, never run as a formula.
  csv(rows, { header: true, columns, bom: true, escape_formulas: true, record_delimiter: 'unix' });

/** Every file of the export, in the order they are written; holding-export.json comes last. */
export function* exportFiles(rows: JournalRows, options: ContentsOptions): Generator<ExportFile> {
  const t = (name: string) => rows.tables[name] ?? [];
  const names = new UniqueNames();
  const preparedOn = dayOf(options.exportedAt.toISOString(), options.timeZone);

  yield { name: 'README.txt', data: README.replace(/\n/g, '\r\n') };

  // Entries: where each goes first, so links can name the file of the entry they point to.
  const tagsOf = groupBy(t('entry_tags'), 'entry_id');
  const templates = new Map(t('templates').map((r) => [str(r['id']), str(r['name'])]));
  // Oldest first, so that of two entries with one title on one day, the earlier keeps the plain name.
  const entries = [...t('entries')].sort(
    (a, b) => str(a['created_at']).localeCompare(str(b['created_at'])) || str(a['id']).localeCompare(str(b['id'])),
  );
  const fileOf = new Map<string, string>();
  const htmlOf = new Map<string, string>();
  for (const row of entries) {
    const id = str(row['id']);
    const day = strOrNull(row['event_date']) ?? dayOf(str(row['created_at']), options.timeZone);
    const folder = `${row['deleted_at'] ? 'trash' : 'entries'}/${day.slice(0, 4)}/${day.slice(5, 7)}`;
    const stem = safeStem(`${day} ${str(row['title'])}`.trim(), `${day} Untitled`);
    const file = names.take(folder, stem, 'md');
    fileOf.set(id, file);
    htmlOf.set(id, names.take(`html/${folder}`, stem, 'html'));
  }
  const titles = new Map(entries.map((r) => [str(r['id']), str(r['title'])]));
  const linksOf = new Map<string, Set<string>>();
  for (const link of t('entry_links')) {
    const from = str(link['from_id']);
    const to = str(link['to_id']);
    if (!linksOf.has(from)) linksOf.set(from, new Set());
    if (!linksOf.has(to)) linksOf.set(to, new Set());
    linksOf.get(from)!.add(to);
    linksOf.get(to)!.add(from);
  }
  for (const row of entries) {
    const id = str(row['id']);
    const tags = (tagsOf.get(id) ?? []).map((r) => str(r['tag'])).sort((a, b) => a.localeCompare(b));
    const entry = entryOf(row, tags);
    const file = fileOf.get(id)!;
    const depth = file.split('/').length - 1;
    const relative = (target: string) => `${'../'.repeat(depth)}${target}`;
    const templateId = strOrNull(row['template_id']);
    const front: EntryFrontMatter = {
      id,
      kind: entry.kind,
      title: entry.title,
      created: entry.createdAt,
      updated: entry.updatedAt,
      day: entry.eventDate,
      tags,
      flags: FLAG_COLUMNS.filter(([column]) => row[column] === 1).map(([, flag]) => flag),
      template: templateId ? { id: templateId, name: templates.get(templateId) ?? null } : null,
      links: [...(linksOf.get(id) ?? [])].sort().map((other) => ({
        id: other,
        title: titles.get(other) ?? '',
        file: fileOf.has(other) ? relative(fileOf.get(other)!) : null,
      })),
    };
    if (entry.deletedAt) front.deleted = entry.deletedAt;
    if (entry.twoTruths?.promptId) front.prompt = entry.twoTruths.promptId;
    yield { name: file, data: entryMarkdown(front, entry.body) };
    yield { name: htmlOf.get(id)!, data: entryHtml(entry, preparedOn) };
  }

  // Check-ins and warning signs.
  const signsOf = groupBy(t('checkin_signs'), 'checkin_id');
  yield {
    name: 'checkins/checkins.csv',
    data: table(
      t('checkins').map((r) => ({
        id: r['id'],
        at: r['at'],
        day: dayOf(str(r['at']), options.timeZone),
        capacity: r['capacity'],
        energy: r['energy'],
        sleep: r['sleep'],
        load: r['load'],
        warning_signs: (signsOf.get(str(r['id'])) ?? []).map((s) => str(s['name'])).join('; '),
        helping: r['helping'],
        hard: r['hard'],
        entry_id: r['entry_id'],
        created_at: r['created_at'],
        updated_at: r['updated_at'],
      })),
      [
        'id',
        'at',
        'day',
        'capacity',
        'energy',
        'sleep',
        'load',
        'warning_signs',
        'helping',
        'hard',
        'entry_id',
        'created_at',
        'updated_at',
      ],
    ),
  };
  const signs: RootContent[] = [
    { type: 'heading', depth: 1, children: [{ type: 'text', value: 'My early warning signs' }] },
  ];
  for (const sign of [...t('warning_signs')].sort((a, b) => num(a['position']) - num(b['position']))) {
    signs.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: str(sign['name']) }] });
    for (const [label, column] of [
      ['What helps', 'what_helps'],
      ['Who to contact', 'contact'],
    ] as const) {
      const value = str(sign[column]).trim();
      if (value)
        signs.push({
          type: 'paragraph',
          children: [
            { type: 'strong', children: [{ type: 'text', value: `${label}:` }] },
            { type: 'text', value: ` ${value}` },
          ],
        });
    }
  }
  if (signs.length === 1) signs.push({ type: 'paragraph', children: [{ type: 'text', value: 'None written down.' }] });
  yield { name: 'checkins/warning-signs.md', data: markdownOf(signs) };

  // Supervision.
  const columnsOf = (name: string) => Object.keys(TABLES.find((s) => s.name === name)!.columns);
  const plainTable = (name: string, file: string) => ({ name: file, data: table(t(name), columnsOf(name)) });
  yield plainTable('supervisors', 'supervision/contracts.csv');
  yield plainTable('agenda_items', 'supervision/agendas.csv');
  yield plainTable('supervision_sessions', 'supervision/sessions.csv');
  yield plainTable('session_items', 'supervision/session-items.csv');
  yield plainTable('supervision_actions', 'supervision/actions.csv');
  const hours = new Map<string, { supervisor: string; month: string; minutes: number; sessions: number }>();
  for (const session of t('supervision_sessions')) {
    const month = dayOf(str(session['starts_at']), str(session['time_zone'])).slice(0, 7);
    const supervisor = str(session['supervisor_name']);
    const key = `${supervisor}\u0000${month}`;
    const sum = hours.get(key) ?? { supervisor, month, minutes: 0, sessions: 0 };
    sum.minutes += num(session['minutes']);
    sum.sessions += 1;
    hours.set(key, sum);
  }
  yield {
    name: 'supervision/hours.csv',
    data: table(
      [...hours.values()]
        .sort((a, b) => a.supervisor.localeCompare(b.supervisor) || a.month.localeCompare(b.month))
        .map((h) => ({ ...h, hours: Math.round((h.minutes / 60) * 100) / 100 })),
      ['supervisor', 'month', 'minutes', 'hours', 'sessions'],
    ),
  };

  // Templates and prompts.
  const templateBlocks: RootContent[] = [
    { type: 'heading', depth: 1, children: [{ type: 'text', value: 'My templates' }] },
  ];
  for (const template of t('templates')) {
    templateBlocks.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: str(template['name']) }] });
    const description = str(template['description']).trim();
    if (description) templateBlocks.push({ type: 'paragraph', children: [{ type: 'text', value: description }] });
    let sections: { heading?: unknown; prompt?: unknown }[] = [];
    try {
      const parsed = JSON.parse(str(template['sections_json'])) as unknown;
      if (Array.isArray(parsed)) sections = parsed as typeof sections;
    } catch {
      sections = [];
    }
    for (const section of sections) {
      const heading = typeof section.heading === 'string' ? section.heading : '';
      const prompt = typeof section.prompt === 'string' ? section.prompt : '';
      if (heading) templateBlocks.push({ type: 'heading', depth: 3, children: [{ type: 'text', value: heading }] });
      if (prompt)
        templateBlocks.push({
          type: 'paragraph',
          children: [{ type: 'emphasis', children: [{ type: 'text', value: prompt }] }],
        });
    }
  }
  if (templateBlocks.length === 1)
    templateBlocks.push({ type: 'paragraph', children: [{ type: 'text', value: 'No templates of your own.' }] });
  yield { name: 'templates/templates.md', data: markdownOf(templateBlocks) };
  yield plainTable('truth_prompts', 'templates/prompts.csv');

  // Sharing.
  yield plainTable('shares_sent', 'sharing/shares-sent.csv');
  yield plainTable('share_items', 'sharing/share-items.csv');
  const itemTitles = new Map(t('share_items').map((i) => [`${str(i['share_id'])}\u0000${str(i['ref'])}`, i['title']]));
  const feedback = new Map(t('feedback_received').map((f) => [str(f['id']), f]));
  yield {
    name: 'sharing/feedback.csv',
    data: table(
      [
        ...t('feedback_received').map((f) => ({
          feedback_id: f['id'],
          share_id: f['share_id'],
          from: f['sender_name'],
          created_at: f['created_at'],
          item: '',
          comment: f['overall'],
        })),
        ...t('feedback_comments').map((c) => {
          const f = feedback.get(str(c['feedback_id']));
          return {
            feedback_id: c['feedback_id'],
            share_id: f?.['share_id'] ?? '',
            from: f?.['sender_name'] ?? '',
            created_at: f?.['created_at'] ?? '',
            item: itemTitles.get(`${str(f?.['share_id'] ?? '')}\u0000${str(c['ref'])}`) ?? c['ref'],
            comment: c['body'],
          };
        }),
      ],
      ['feedback_id', 'share_id', 'from', 'created_at', 'item', 'comment'],
    ),
  };
  yield {
    name: 'sharing/shares-received.csv',
    data: table(
      t('shares_received'),
      columnsOf('shares_received').filter((c) => c !== 'payload'),
    ),
  };
  yield plainTable('share_comments', 'sharing/share-comments.csv');
  yield plainTable('feedback_replies', 'sharing/replies.csv');

  yield { name: 'holding-export.json', data: exportJson(rows, options) };
}
