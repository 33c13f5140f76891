/**
 * Two people sharing, for the integration tests: each with their own vault and folder, cards exchanged
 * and confirmed, and a settled selection of identifying entries and an agenda to share.
 */
import path from 'node:path';
import { expect } from 'vitest';
import { EMPTY_SELECTION, type ExportSelection, type Resolutions } from '../../common/export/types';
import type { ImportResult } from '../../common/sharing/types';
import type { ServicesOptions } from '../../main/app';
import { seedIdentifyingEntries } from './export-fixture';
import { agendaItem, CONTRACT } from './supervision-fixture';
import { tempDir } from './temp';
import type { TestServices } from './vault';

type Opener = (extra?: Partial<ServicesOptions>) => Promise<TestServices>;
const sender = { isMainFrame: true, url: 'holding://app/' };

type Ok<T> = { ok: true; value: T };
export async function call<T>(s: TestServices, channel: string, input?: unknown): Promise<T> {
  const result = await s.router(channel, input, sender);
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as Ok<T>).value;
}
export async function refused(s: TestServices, channel: string, input?: unknown): Promise<string> {
  const result = await s.router(channel, input, sender);
  expect(result.ok, `${channel} should have been refused`).toBe(false);
  return (result as { ok: false; error: { message: string } }).error.message;
}

/** Rows in every sharing table: a refused import must leave them all as they were. */
export function sharingRows(s: TestServices): number {
  return s.vault
    .db()
    .prepare(
      `SELECT (SELECT count(*) FROM shares_received) + (SELECT count(*) FROM share_comments)
            + (SELECT count(*) FROM feedback_received) + (SELECT count(*) FROM feedback_comments)
            + (SELECT count(*) FROM shares_sent) + (SELECT count(*) FROM share_items)`,
    )
    .pluck()
    .get() as number;
}

/** Two people, each with their own vault, folder and card, who have added and confirmed each other. */
export async function twoPeople(open: Opener, { verify = true } = {}) {
  const folder = await tempDir();
  const files = { next: '' };
  const options = {
    chooseSavePath: async (name: string) => path.join(folder, `${Math.random().toString(36).slice(2, 8)} ${name}`),
    chooseOpenPath: async () => files.next,
  };
  const sam = await open(options);
  const ama = await open(options);
  await call(sam, 'sharing:saveIdentity', { name: 'Sam Rivers', role: 'Clinical psychologist' });
  await call(ama, 'sharing:saveIdentity', { name: 'Dr Ama Mensah', role: 'Clinical supervisor' });
  const samCard = (await call<{ card: string }>(sam, 'sharing:identity')).card;
  const amaCard = (await call<{ card: string }>(ama, 'sharing:identity')).card;
  const amaAtSam = await call<{ id: string }>(sam, 'sharing:addContact', { card: amaCard });
  const samAtAma = await call<{ id: string }>(ama, 'sharing:addContact', { card: samCard });
  if (verify) {
    await call(sam, 'sharing:verifyContact', { id: amaAtSam.id, verified: true });
    await call(ama, 'sharing:verifyContact', { id: samAtAma.id, verified: true });
  }
  return { sam, ama, amaAtSam, samAtAma, files, folder };
}

/** Sam's selection: the identifying entries and the agenda, with every finding settled. */
export async function settledSelection(sam: TestServices) {
  const { ids } = seedIdentifyingEntries(sam);
  const supervisor = sam.supervision.saveSupervisor(CONTRACT);
  const item = sam.supervision.addAgendaItem(supervisor.id, agendaItem('Staying with not knowing'), {
    kind: 'scratch',
  });
  const selection: ExportSelection = {
    ...EMPTY_SELECTION,
    title: 'For supervision',
    entries: ids.map((id) => ({ id, excerpt: null })),
    agendas: [supervisor.id],
  };
  const check = await sam.exports.check(selection);
  const resolutions: Resolutions = { byValue: {}, byFinding: {}, pseudonyms: {} };
  for (const f of check.findings) {
    resolutions.byValue[f.valueKey] =
      f.kind === 'listed-name' || f.kind === 'person-name' ? { action: 'pseudonym' } : { action: 'redact' };
  }
  return {
    selection,
    resolutions,
    fingerprint: check.fingerprint,
    entryIds: ids,
    itemId: item.id,
    supervisorId: supervisor.id,
  };
}

export async function shareFromSam(people: People) {
  const settled = await settledSelection(people.sam);
  const {
    path: file,
    folder,
    share,
  } = await call<{ path: string; folder: string; share: { id: string; items: { ref: string }[] } }>(
    people.sam,
    'sharing:share',
    {
      selection: settled.selection,
      resolutions: settled.resolutions,
      fingerprint: settled.fingerprint,
      contactId: people.amaAtSam.id,
    },
  );
  expect(folder).toBe(path.dirname(file));
  return { ...settled, file, share };
}

export async function importAt(s: TestServices, files: { next: string }, file: string) {
  files.next = file;
  return call<ImportResult>(s, 'sharing:import');
}

/** Sam shares with Ama and Ama opens it: what Sam shared, and the share's id and items as Ama received them. */
export async function shareOpenedByAma(people: People) {
  const shared = await shareFromSam(people);
  const imported = await importAt(people.ama, people.files, shared.file);
  if (imported.kind !== 'share') throw new Error('expected a share');
  const shareId = imported.share.id;
  const { items } = await call<{ items: { ref: string }[] }>(people.ama, 'sharing:receivedShare', { id: shareId });
  return { shared, shareId, items };
}

export type People = Awaited<ReturnType<typeof twoPeople>>;
