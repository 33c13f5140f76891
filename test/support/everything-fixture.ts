/**
 * A journal with something in every table "Export everything" writes (entries of both kinds with history,
 * tags, links, a template, the trash, check-ins and signs, supervision with agenda, session items and
 * actions, an identity and a contact, a share sent and its feedback back, a share received), and the way
 * to compare two journals table by table.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import * as yauzl from 'yauzl';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { docFromParagraphs } from '../../common/journal/doc';
import { EMPTY_SELECTION, type ExportCheck, type Resolutions } from '../../common/export/types';
import { expect } from 'vitest';
import { fillJournal, tableHashes } from './children/backup-fixture';
import { call, importAt, shareFromSam, twoPeople } from './sharing-fixture';
import { agendaItem, CONTRACT } from './supervision-fixture';
import type { TestServices } from './vault';
import type { ServicesOptions } from '../../main/app';
import { EXPORTED_SETTINGS, NOT_EXPORTED } from '../../main/export/everything/format';
import { TABLES } from '../../main/export/everything/tables';

/** An entry with a title and one paragraph, written straight into the journal. */
export function entryWith(services: TestServices, title: string, text: string): string {
  const entry = services.journal.create({ title });
  services.journal.save({ ...entry, body: docFromParagraphs([text]), tags: [] });
  return entry.id;
}

type Opener = (extra?: Partial<ServicesOptions>) => Promise<TestServices>;

/** Sam's journal, full; Ama is the supervisor who sent feedback (and shared nothing back). */
export async function richJournal(open: Opener) {
  const people = await twoPeople(open);
  const { sam, ama, files } = people;
  const shared = await shareFromSam(people);
  const imported = await importAt(ama, files, shared.file);
  if (imported.kind !== 'share') throw new Error('expected a share');
  const received = await call<{ items: { ref: string }[] }>(ama, 'sharing:receivedShare', { id: imported.share.id });
  await call(ama, 'sharing:saveComment', {
    shareId: imported.share.id,
    ref: received.items[0]!.ref,
    body: 'Well done.',
  });
  await call(ama, 'sharing:saveComment', { shareId: imported.share.id, ref: null, body: 'Thank you for this.' });
  const feedback = await call<{ path: string }>(ama, 'sharing:sendFeedback', { shareId: imported.share.id });
  await importAt(sam, files, feedback.path);
  // A conversation (issue 18): Sam replies under the comment; the reply goes back in the next share and Ama
  // opens it; a second reply waits for the share after that.
  const [sent] = await call<{ bundleId: string; feedback: { id: string }[] }[]>(sam, 'sharing:sent');
  const feedbackId = sent!.feedback[0]!.id;
  await call(sam, 'sharing:addReply', { feedbackId, ref: received.items[0]!.ref, body: 'Thank you, that helps.' });
  const withReplies = { ...EMPTY_SELECTION, title: 'Replies', entries: [{ id: shared.entryIds[2]!, excerpt: null }] };
  const replySelection = { ...withReplies, replies: people.amaAtSam.id };
  const replyCheck = await call<ExportCheck>(sam, 'export:check', replySelection);
  const replyResolutions: Resolutions = { byValue: {}, byFinding: {}, pseudonyms: {} };
  for (const f of replyCheck.findings) replyResolutions.byValue[f.valueKey] = { action: 'redact' };
  const second = await call<{ path: string }>(sam, 'sharing:share', {
    selection: replySelection,
    resolutions: replyResolutions,
    fingerprint: replyCheck.fingerprint,
    contactId: people.amaAtSam.id,
  });
  await importAt(ama, files, second.path);
  await call(sam, 'sharing:addReply', { feedbackId, ref: null, body: 'One more thought, for next time.' });
  // A record of an export for supervision.
  await call(sam, 'export:save', {
    selection: shared.selection,
    resolutions: shared.resolutions,
    fingerprint: shared.fingerprint,
    format: 'markdown',
  });

  fillJournal(sam, 6);
  const pair = sam.journal.createTwoTruths({ prompt: null });
  sam.journal.saveTwoTruths({
    id: pair.id,
    fields: {
      truthA: 'I am good at this work',
      contextA: 'Years of it.\nAnd people say so.',
      truthB: 'I doubt myself every week',
      contextB: '',
      honouring: 'Both can be so.',
      promptId: null,
    },
    eventDate: '2026-11-30',
    tags: ['doubt'],
    bringToSupervision: true,
    containsClientMaterial: false,
    pinned: false,
  });
  const template = sam.templates.save({
    name: 'After a hard session',
    description: 'For the days that stay with me',
    sections: [
      { heading: 'What happened', prompt: 'Just the facts' },
      { heading: 'What I felt', prompt: '' },
    ],
  });
  const fromTemplate = sam.journal.create({ templateId: template.id, title: 'A hard Tuesday' });
  sam.journal.link(fromTemplate.id, pair.id);
  // A revision for certain: emptying an entry keeps what it held.
  const emptied = sam.journal.create({ title: 'Emptied' });
  const emptiedSave = { ...emptied, body: { type: 'doc', content: [] }, tags: [] };
  sam.journal.save({
    ...emptiedSave,
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Gone soon' }] }] },
  });
  sam.journal.save(emptiedSave);
  const trashed = sam.journal.create({ title: 'Not this one' });
  sam.journal.trash(trashed.id);
  sam.prompts.save({ theme: 'help', a: 'I care a lot', b: 'I need to rest' });
  const supervisor = sam.supervision.supervisors()[0] ?? sam.supervision.saveSupervisor(CONTRACT);
  sam.supervision.addAgendaItem(supervisor.id, agendaItem('Endings', { function: 'restorative' }));
  const agenda = sam.supervision.agenda(supervisor.id);
  sam.supervision.recordSession({
    supervisorId: supervisor.id,
    startsAt: '2026-10-31T23:15:00Z',
    timeZone: 'Europe/London',
    minutes: 50,
    attendees: '=HYPERLINK("http://example.invalid")',
    notes: 'Late one',
    items: agenda.map((i) => ({ agendaItemId: i.id, outcome: 'discussed' as const, discussed: 'Yes', decided: '' })),
    actions: [{ text: 'Rest', owner: 'Me', due: '2026-11-07' }],
  });
  sam.settings.update({ deidNames: ['Maria Kowalski'], autoLockMinutes: 15 });
  // A journal brought in from notes written elsewhere (the import record travels too).
  const notes = mkdtempSync(path.join(os.tmpdir(), 'holding-notes-'));
  writeFileSync(path.join(notes, '2026-03-14.md'), '---\ntags: [brought-in]\n---\nA note from before Holding.\n');
  try {
    const preview = await sam.imports.open(notes);
    await sam.imports.run(preview.id);
  } finally {
    rmSync(notes, { recursive: true, force: true });
  }
  return { ...people, pairId: pair.id, templateId: template.id, trashedId: trashed.id };
}

/** Tables that never leave (docs/export-format.md), so are not compared. */
const NOT_COMPARED = new Set([...Object.keys(NOT_EXPORTED), 'settings']);

/** Every table's hash, for the tables an export carries; settings only for the keys it carries. */
export function comparableHashes(db: Database): Record<string, string> {
  const all = tableHashes(db);
  const out: Record<string, string> = {};
  for (const [table, hash] of Object.entries(all)) if (!NOT_COMPARED.has(table)) out[table] = hash;
  // A column that stays behind (an export's folder: a place on this computer) is not compared either.
  for (const spec of TABLES) {
    if (!spec.stayBehind || out[spec.name] === undefined) continue;
    const rows = db
      .prepare(`SELECT ${Object.keys(spec.columns).join(', ')} FROM ${spec.name} ORDER BY ${spec.key.join(', ')}`)
      .raw(true)
      .all();
    out[spec.name] = `${rows.length}:${createHash('sha256').update(JSON.stringify(rows)).digest('hex')}`;
  }
  out['settings (exported keys)'] = JSON.stringify(
    db
      .prepare(
        `SELECT key, value FROM settings WHERE key IN (${EXPORTED_SETTINGS.map(() => '?').join(', ')}) ORDER BY key`,
      )
      .all(...EXPORTED_SETTINGS),
  );
  return out;
}

/** Every table has rows (so "equal" means something), except those listed. */
export function expectRowsEverywhere(db: Database, except: string[] = []): void {
  for (const [table, hash] of Object.entries(comparableHashes(db))) {
    if (except.includes(table) || table.startsWith('settings')) continue;
    expect(hash.startsWith('0:'), `${table} has rows`).toBe(false);
  }
}

/** Python's zipfile, as another program would read the archive: names, and testzip's verdict. */
export function readWithPython(file: string): { status: number; names: string[]; bad: string | null } {
  const run = spawnSync(
    '/usr/bin/python3',
    [
      '-c',
      'import json, sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nprint(json.dumps({"bad": z.testzip(), "names": z.namelist()}))',
      file,
    ],
    { encoding: 'utf8' },
  );
  const parsed = run.status === 0 ? (JSON.parse(run.stdout) as { bad: string | null; names: string[] }) : null;
  return { status: run.status ?? -1, names: parsed?.names ?? [], bad: parsed ? parsed.bad : `failed: ${run.stderr}` };
}

export const hasUnzip = spawnSync('unzip', ['-v'], { stdio: 'ignore' }).status === 0;
export const hasPython = spawnSync('/usr/bin/python3', ['-c', 'import zipfile'], { stdio: 'ignore' }).status === 0;

export const zipPath = (folder: string) => path.join(folder, 'Holding export.zip');

/** Every file in the zip, inflated, in the zip's order. */
export async function unzipAll(file: string): Promise<Map<string, Buffer>> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  const out = new Map<string, Buffer>();
  try {
    for (;;) {
      const entry = await new Promise<yauzl.Entry | null>((resolve, reject) => {
        zip.once('entry', resolve);
        zip.once('end', () => resolve(null));
        zip.once('error', reject);
        zip.readEntry();
      });
      zip.removeAllListeners('entry');
      zip.removeAllListeners('end');
      zip.removeAllListeners('error');
      if (!entry) break;
      const stream = await zip.openReadStreamPromise(entry);
      const chunks: Buffer[] = [];
      for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
      out.set(entry.fileName, Buffer.concat(chunks));
    }
  } finally {
    zip.close();
  }
  return out;
}
