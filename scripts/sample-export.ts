/**
 * npm run sample-export: builds docs/sample-export/ from invented material, through the real services
 * and the real check: a vault in a temporary folder, a few entries with identifiers in them, a
 * supervision agenda, a session and the hours log; names and places become stand-ins that fit them
 * ("Person A", "Ward A"), numbers and addresses are redacted. Then PDF, DOCX, Markdown and HTML, and the
 * pages as PNGs.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { docFromParagraphs } from '../common/journal/doc';
import { EMPTY_SELECTION, EXPORT_FORMATS, type Resolutions } from '../common/export/types';
import { seedIdentifyingEntries } from '../test/support/export-fixture';
import { launchPdfRenderer } from '../test/support/pdf';
import { agendaItem, CONTRACT } from '../test/support/supervision-fixture';
import { createServices } from '../main/app';

const out = path.resolve('docs', 'sample-export');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const staging = mkdtempSync(path.join(os.tmpdir(), 'holding-sample-'));
const pdf = await launchPdfRenderer();
const s = createServices({
  inProcess: true,
  dataDir: path.join(staging, 'vault'),
  host: 'browser-shell',
  version: '0.0.0',
  appOrigin: 'holding://app',
  idleSeconds: () => 0,
  renderPdf: pdf.render,
  chooseSavePath: async (name) => path.join(staging, name),
});
try {
  await s.vault.create('quiet harbour lantern meadow');
  const { ids } = seedIdentifyingEntries(s);
  const truths = s.journal.createTwoTruths({ prompt: null });
  s.journal.saveTwoTruths({
    ...truths,
    fields: {
      truthA: 'I am good at this work',
      contextA: 'Keziah said our sessions were the first time she felt listened to.',
      truthB: 'I am running on empty',
      contextB: 'Three late finishes this week, and I snapped at my partner.',
      honouring: 'Asking for a lighter week without deciding I am failing.',
    },
    tags: [],
  });
  const sup = s.supervision.saveSupervisor({ ...CONTRACT, focusAreas: ['Endings', 'Risk'], startDate: '2026-06-01' });
  const item = s.supervision.addAgendaItem(
    sup.id,
    agendaItem('Endings with Keziah', {
      question: 'How do I end well when she is still struggling?',
      notes: 'Three sessions left under the contract.',
      sevenEyed: 3,
      graces: ['Age', 'Culture'],
      priority: 'high',
      minutes: 20,
    }),
    { kind: 'entry', entryId: ids[0]!, excerpt: null },
  );
  const session = s.supervision.recordSession({
    supervisorId: sup.id,
    startsAt: '2026-10-14T09:00:00.000Z',
    timeZone: 'Europe/London',
    minutes: 90,
    attendees: '',
    notes: 'A steady session.',
    items: [
      {
        agendaItemId: item.id,
        outcome: 'discussed',
        discussed: 'Pacing the ending.',
        decided: 'Name the ending early.',
      },
    ],
    actions: [{ text: 'Draft an ending letter', owner: 'me', due: '2026-11-01' }],
  });
  s.supervision.addAgendaItem(
    sup.id,
    agendaItem('How I am, not only the work', {
      question: 'What would a lighter fortnight look like?',
      function: 'restorative',
      sevenEyed: 4,
    }),
    { kind: 'scratch' },
  );
  const quiet = s.journal.create({ title: 'Noticing the pull to rush' });
  s.journal.save({
    ...quiet,
    body: docFromParagraphs([
      'The clinic ran late again. I noticed the old pull to rush the last person of the day, and I slowed down instead.',
      'What helped: a glass of water, two breaths, and remembering that the hour belongs to them.',
    ]),
    tags: [],
  });
  const selection = {
    ...EMPTY_SELECTION,
    title: 'Reflections for supervision, November',
    entries: [...ids.slice(0, 2), truths.id, quiet.id].map((id) => ({ id, excerpt: null })),
    agendas: [sup.id],
    sessions: [session.id],
    hours: { supervisorId: sup.id, from: '2026-08', to: '2026-11' },
  };
  const check = await s.exports.check(selection);
  const resolutions: Resolutions = { byValue: {}, byFinding: {}, pseudonyms: {} };
  for (const f of check.findings) {
    if (f.kind === 'listed-place' || f.kind === 'place') resolutions.byValue[f.valueKey] = { action: 'pseudonym' };
    else if (f.kind === 'listed-name' || f.kind === 'person-name' || f.kind === 'possible-name') {
      // The supervisor's own name is hers to see; the rest become pseudonyms.
      resolutions.byValue[f.valueKey] = /mensah/i.test(f.text)
        ? { action: 'keep', reason: 'My supervisor' }
        : { action: 'pseudonym' };
    } else resolutions.byValue[f.valueKey] = { action: 'redact' };
  }
  resolutions.pseudonyms['name:margaret okafor'] = 'a colleague';
  console.log(`${check.findings.length} findings:`, check.findings.map((f) => `${f.kind} “${f.text}”`).join(', '));
  for (const format of EXPORT_FORMATS) {
    const result = await s.router(
      'export:save',
      { selection, resolutions, fingerprint: check.fingerprint, format },
      { isMainFrame: true, url: 'holding://app/' },
    );
    if (!result.ok) throw new Error(result.error.message);
  }
  for (const file of readdirSync(staging).filter((f) => f.includes('.'))) {
    const ext = path.extname(file);
    copyFileSync(path.join(staging, file), path.join(out, `sample-export${ext}`));
  }
  execFileSync('pdftoppm', ['-png', '-r', '80', path.join(out, 'sample-export.pdf'), path.join(out, 'page')]);
  console.log('Wrote', readdirSync(out).join(', '));
} finally {
  s.dispose();
  await pdf.close();
  rmSync(staging, { recursive: true, force: true });
}
