import { execFileSync } from 'node:child_process';
import { existsSync, promises as fs, readdirSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { docFromParagraphs } from '../../common/journal/doc';
import {
  EMPTY_SELECTION,
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportSelection,
  type Resolutions,
} from '../../common/export/types';
import { IDENTIFIERS, identifiersLeftIn, keepingEverything, seedIdentifyingEntries } from '../support/export-fixture';
import { exportText } from '../support/readback';
import { agendaItem, CONTRACT } from '../support/supervision-fixture';
import { pdfRendererPerFile } from '../support/pdf-per-file';
import { tempDir } from '../support/temp';
import { servicesPerTest, type TestServices } from '../support/vault';

const open = servicesPerTest();
const pdf = pdfRendererPerFile();

const sender = { isMainFrame: true, url: 'holding://app/' };

/** Saves as the Export page does, through the window's call: the answer as the window gets it, refused or not. */
function saveViaIpc(
  s: TestServices,
  input: { selection: ExportSelection; resolutions: Resolutions; fingerprint: string; format: ExportFormat },
) {
  return s.router('export:save', input, sender);
}

async function withSaving(dir: string) {
  return open({
    renderPdf: pdf.render,
    chooseSavePath: async (name) => path.join(dir, name),
  });
}

describe('the de-identification check', () => {
  it('finds every kind of identifier in the chosen entries, with context', async () => {
    const s = await open();
    const { ids } = seedIdentifyingEntries(s);
    const check = await s.exports.check({ ...EMPTY_SELECTION, entries: ids.map((id) => ({ id, excerpt: null })) });
    const kinds = new Set(check.findings.map((f) => f.kind));
    expect([...kinds].sort()).toEqual(
      [
        'date-of-birth',
        'email',
        'listed-name',
        'listed-place',
        'nhs-number',
        'person-name',
        'phone',
        'postcode',
      ].sort(),
    );
    const nhs = check.findings.find((f) => f.kind === 'nhs-number')!;
    expect(nhs.text).toBe(IDENTIFIERS.nhs);
    expect(nhs.before).toMatch(/Her NHS number is $/);
    expect(nhs.sectionTitle).toBe('A hard afternoon with Keziah');
    // The title is checked too, and the same name shares one value and one pseudonym everywhere.
    const keziah = check.findings.filter((f) => f.valueKey === 'name:keziah');
    expect(keziah.length).toBeGreaterThanOrEqual(5);
    // No word near either says who they are, so each is a person: "Person A", "Person B".
    expect(check.pseudonyms['name:keziah']).toBe('Person A');
    expect(check.pseudonyms['name:margaret okafor']).toBe('Person B');
    expect(check.clientMaterial).toEqual([{ id: ids[0], title: 'A hard afternoon with Keziah' }]);
  });
});

describe('exporting', () => {
  it('writes every format with the decisions applied, consistently, and records it', async () => {
    const dir = await tempDir();
    const s = await withSaving(dir);
    const { ids } = seedIdentifyingEntries(s);
    const selection: ExportSelection = {
      ...EMPTY_SELECTION,
      title: 'For supervision with Keziah in mind',
      entries: ids.map((id) => ({ id, excerpt: null })),
    };
    const check = await s.exports.check(selection);
    const resolutions: Resolutions = { byValue: {}, byFinding: {}, pseudonyms: {} };
    for (const f of check.findings) {
      if (f.kind === 'listed-name' || f.kind === 'person-name')
        resolutions.byValue[f.valueKey] = { action: 'pseudonym' };
      else if (f.kind === 'listed-place')
        resolutions.byValue[f.valueKey] = { action: 'keep', reason: 'A ward name is not identifying here' };
      else resolutions.byValue[f.valueKey] = { action: 'redact' };
    }
    resolutions.pseudonyms['name:margaret okafor'] = 'my colleague';

    const texts: Record<string, string> = {};
    for (const format of ['pdf', 'markdown', 'docx', 'html'] as const) {
      const result = await saveViaIpc(s, { selection, resolutions, fingerprint: check.fingerprint, format });
      expect(result.ok, JSON.stringify(result)).toBe(true);
      const saved = (result as { value: { path: string } }).value.path;
      texts[format] = await exportText(saved, format);
    }
    for (const [format, text] of Object.entries(texts)) {
      const flat = text.replace(/\s+/g, ' ');
      expect(identifiersLeftIn(flat), format).toEqual([]);
      expect(flat, format).toContain('Person A');
      expect(flat, format).toContain('my colleague');
      expect(flat, format).toContain(IDENTIFIERS.place); // kept, with a reason
      expect(flat, format).toContain('[redacted]');
      expect(flat, format).toMatch(/Confidential — prepared for supervision/i);
      // The same person is the same pseudonym in every entry and in the title.
      expect(flat.match(/Person A/g)!.length, format).toBeGreaterThanOrEqual(5);
    }
    expect(texts['pdf']).toMatch(/Page 1 of \d/);
    expect(texts['html']).not.toMatch(/<script|src=|@import|url\(/i);
    expect(pdf.blocked).toEqual([]);

    const records = s.exports.records();
    expect(records.map((r) => r.format).sort()).toEqual(['docx', 'html', 'markdown', 'pdf']);
    expect(records[0]).toMatchObject({ title: 'For supervision with Person A in mind', items: 3, kept: 1 });
    expect(records[0]!.fileName).toMatch(/^For supervision with Person A in mind - \d{4}-\d{2}-\d{2}\.\w+$/);
    // The PDF's own metadata: the title (de-identified) and Holding as its creator, nothing of the system.
    const info = execFileSync('pdfinfo', [path.join(dir, records[0]!.fileName.replace(/\.\w+$/, '.pdf'))], {
      encoding: 'utf8',
    });
    expect(info).toMatch(/^Title:\s+For supervision with Person A in mind$/m);
    expect(info).toMatch(/^Creator:\s+Holding$/m);
    expect(info).not.toMatch(/Linux|X11|Mozilla|Keziah/);
  });

  it('refuses while anything is undecided, and writes nothing', async () => {
    const dir = await tempDir();
    const s = await withSaving(dir);
    const { ids } = seedIdentifyingEntries(s);
    const selection = { ...EMPTY_SELECTION, entries: [{ id: ids[0]!, excerpt: null }] };
    const check = await s.exports.check(selection);
    const resolutions: Resolutions = { byValue: {}, byFinding: {}, pseudonyms: {} };
    for (const f of check.findings.slice(1)) resolutions.byFinding[f.id] = { action: 'redact' };
    const refused = await saveViaIpc(s, { selection, resolutions, fingerprint: check.fingerprint, format: 'markdown' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/still needs a decision/) },
    });
    const noReason = await s.router(
      'export:save',
      {
        selection,
        resolutions: { ...resolutions, byValue: { [check.findings[0]!.valueKey]: { action: 'keep', reason: '  ' } } },
        fingerprint: check.fingerprint,
        format: 'markdown',
      },
      sender,
    );
    expect(noReason).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Please say why this can stay.' },
    });
    expect(await readdir(dir)).toEqual([]);
    expect(s.exports.records()).toEqual([]);
  });

  it('says kindly when the folder cannot be written, and leaves no partial file', async () => {
    const dir = await tempDir();
    const s = await open({ renderPdf: pdf.render, chooseSavePath: async (name) => path.join(dir, 'missing', name) });
    const entry = s.journal.create({ title: 'Plain' });
    const selection = { ...EMPTY_SELECTION, entries: [{ id: entry.id, excerpt: null }] };
    for (const format of ['pdf', 'docx'] as const) {
      const refused = await s.router(
        'export:save',
        {
          selection,
          resolutions: { byValue: {}, byFinding: {}, pseudonyms: {} },
          fingerprint: (await s.exports.check(selection)).fingerprint,
          format,
        },
        sender,
      );
      expect(refused).toMatchObject({
        ok: false,
        error: {
          message: expect.stringMatching(
            /could not save the file there: that folder no longer exists\. Nothing was written/,
          ),
        },
      });
    }
    expect(existsSync(path.join(dir, 'missing'))).toBe(false);
    expect(await readdir(dir)).toEqual([]);
    expect(s.exports.records()).toEqual([]);
  });

  it('records the folder each export went to, and shows the file there only while it is still there', async () => {
    const dir = await tempDir();
    const shown: string[] = [];
    const s = await open({
      chooseSavePath: async (name) => path.join(dir, name),
      showInFolder: async (file) => void shown.push(file),
    });
    const entry = s.journal.create({ title: 'Plain' });
    const selection = { ...EMPTY_SELECTION, entries: [{ id: entry.id, excerpt: null }] };
    const fingerprint = (await s.exports.check(selection)).fingerprint;
    const saved = await saveViaIpc(s, { selection, resolutions: plainResolutions(), fingerprint, format: 'markdown' });
    expect(saved.ok).toBe(true);
    const { path: file, record } = (saved as { value: { path: string; record: { id: string; folder: string } } }).value;
    expect(record.folder).toBe(dir);
    expect(s.exports.records()).toEqual([
      expect.objectContaining({ id: record.id, folder: dir, fileName: path.basename(file) }),
    ]);
    // Kept in the journal, as the person's own note.
    expect(s.vault.db().prepare('SELECT folder FROM exports WHERE id = ?').pluck().get(record.id)).toBe(dir);

    expect(await s.router('export:showInFolder', { record: record.id }, sender)).toEqual({ ok: true, value: null });
    expect(shown).toEqual([file]);

    // The window names an export by its record, never by a path.
    expect(await s.router('export:showInFolder', { path: file }, sender)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await s.router('export:showInFolder', { record: randomUUID() }, sender)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    // Moved or deleted since: said plainly, and the file manager is not opened on nothing.
    await fs.rm(file);
    expect(await s.router('export:showInFolder', { record: record.id }, sender)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringMatching(/no longer where Holding saved it/) },
    });
    // An export noted before Holding kept the folder has none to show.
    s.vault.db().prepare('UPDATE exports SET folder = NULL').run();
    expect(s.exports.records()[0]!.folder).toBeNull();
    expect(await s.router('export:showInFolder', { record: record.id }, sender)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringMatching(/did not keep a note of the folder/) },
    });
    expect(shown).toEqual([file]);
  });
});

const plainResolutions = (): Resolutions => ({ byValue: {}, byFinding: {}, pseudonyms: {} });

/** Settles every finding by redacting it: what a hurried person might do. */
async function redactAll(s: TestServices, selection: ExportSelection): Promise<Resolutions> {
  const resolutions = plainResolutions();
  for (const f of (await s.exports.check(selection)).findings) resolutions.byValue[f.valueKey] = { action: 'redact' };
  return resolutions;
}

async function saveAs(s: TestServices, selection: ExportSelection, resolutions: Resolutions, format: ExportFormat) {
  const { fingerprint } = await s.exports.check(selection);
  const result = await saveViaIpc(s, { selection, resolutions, fingerprint, format });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return exportText((result.value as { path: string }).path, format);
}

describe('bad and unusual input', () => {
  it('a temporary file an earlier export left when the app was killed mid-write is gone after the next (issue 19)', async () => {
    const dir = await tempDir();
    const s = await withSaving(dir);
    const { ids } = seedIdentifyingEntries(s);
    const selection = { ...EMPTY_SELECTION, entries: [{ id: ids[0]!, excerpt: null }] };
    // What a kill between creating the temporary file and renaming it leaves: hidden, empty, beside the export.
    const left = path.join(dir, '.Holding export.md.0a1b2c3d4e5f.tmp');
    await fs.writeFile(left, '');
    const anHourAgo = new Date(Date.now() - 3_600_000);
    await fs.utimes(left, anHourAgo, anHourAgo);
    await saveAs(s, selection, await redactAll(s, selection), 'markdown');
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it('exports 500 entries to every format', { timeout: 180_000 }, async () => {
    const dir = await tempDir();
    const s = await withSaving(dir);
    const ids: string[] = [];
    s.vault.db().transaction(() => {
      for (let i = 0; i < 500; i++) {
        const e = s.journal.create({ title: `Reflection ${i + 1}` });
        s.journal.save({
          ...e,
          body: docFromParagraphs([
            `Entry number ${i + 1}. The clinic was busy and I noticed the pull to rush. `.repeat(4),
            'I stayed with it, and afterwards I walked for a while before writing this.',
          ]),
          tags: [],
        });
        ids.push(e.id);
      }
    })();
    const selection = { ...EMPTY_SELECTION, entries: ids.map((id) => ({ id, excerpt: null })) };
    const resolutions = await redactAll(s, selection);
    for (const format of EXPORT_FORMATS) {
      const text = (await saveAs(s, selection, resolutions, format)).replace(/\s+/g, ' ');
      expect(text, format).toMatch(/Reflection 1(?!\d)/);
      expect(text, format).toContain('Entry number 500.');
    }
    expect(s.exports.records()[0]!.items).toBe(500);
  });

  it('keeps long words, right-to-left text and emoji in every format', async () => {
    const dir = await tempDir();
    const s = await withSaving(dir);
    const long = 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(4);
    const e = s.journal.create({ title: 'Languages 🌿' });
    s.journal.save({
      ...e,
      body: docFromParagraphs([long, 'שלום עולם, and مرحبا بالعالم.', 'A small win today 🌱🙂.']),
      tags: [],
    });
    const selection = { ...EMPTY_SELECTION, entries: [{ id: e.id, excerpt: null }] };
    const resolutions = await redactAll(s, selection);
    for (const format of EXPORT_FORMATS) {
      const text = await saveAs(s, selection, resolutions, format);
      expect(text.replace(/\s+/g, ''), format).toContain(long);
      if (format !== 'pdf') {
        // pdftotext reorders right-to-left runs and cannot read glyphs a font lacks; the words are checked in the other three.
        expect(text, format).toContain('שלום עולם');
        expect(text, format).toContain('مرحبا بالعالم');
        expect(text, format).toContain('🌱🙂');
      }
    }
  });

  it('keeps tables, merged cells included, in every format', async () => {
    const dir = await tempDir();
    const s = await withSaving(dir);
    const cell = (text: string, type = 'tableCell', attrs: Record<string, number> = {}) => ({
      type,
      attrs: { colspan: 1, rowspan: 1, ...attrs },
      content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
    });
    const e = s.journal.create({ title: 'A formulation' });
    s.journal.save({
      ...e,
      body: {
        type: 'doc',
        content: [
          {
            type: 'table',
            content: [
              { type: 'tableRow', content: [cell('Factor', 'tableHeader'), cell('Keeps it going', 'tableHeader')] },
              { type: 'tableRow', content: [cell('Loss', 'tableCell', { rowspan: 2 }), cell('Avoidance')] },
              { type: 'tableRow', content: [cell('Withdrawal')] },
              { type: 'tableRow', content: [cell('Across both columns', 'tableCell', { colspan: 2 })] },
            ],
          },
        ],
      },
      tags: [],
    });
    const selection = { ...EMPTY_SELECTION, entries: [{ id: e.id, excerpt: null }] };
    const resolutions = await redactAll(s, selection);
    for (const format of EXPORT_FORMATS) {
      const text = (await saveAs(s, selection, resolutions, format)).replace(/\s+/g, ' ');
      for (const word of ['Factor', 'Keeps it going', 'Loss', 'Avoidance', 'Withdrawal', 'Across both columns']) {
        expect(text, format).toContain(word);
      }
    }
    const html = await readFile(path.join(dir, s.exports.records().find((r) => r.format === 'html')!.fileName), 'utf8');
    expect(html).toContain('<td rowspan="2" dir="auto">Loss</td>');
    const docx = s.exports.records().find((r) => r.format === 'docx')!.fileName;
    const asHtml = (await mammoth.convertToHtml({ path: path.join(dir, docx) })).value;
    expect(asHtml).toMatch(/<td rowspan="2"><p>Loss<\/p><\/td>/);
    expect(asHtml).toMatch(/<td colspan="2"><p>Across both columns<\/p><\/td>/);
  });

  it('treats names with regular-expression characters as plain words', async () => {
    const s = await open();
    s.settings.update({ deidNames: ["O'Brien (Jr.)", 'a+b', '[x]', '.*'] });
    const e = s.journal.create({ title: 'Names' });
    s.journal.save({ ...e, body: docFromParagraphs(["Met O'Brien (Jr.) and a+b; [x] too. Nothing else."]), tags: [] });
    const check = await s.exports.check({ ...EMPTY_SELECTION, entries: [{ id: e.id, excerpt: null }] });
    expect(check.findings.filter((f) => f.kind === 'listed-name').map((f) => f.text)).toEqual([
      "O'Brien (Jr.)",
      'a+b',
      '[x]',
    ]);
  });

  it('refuses an entry in the trash, an empty selection and an entry twice, kindly', async () => {
    const s = await open();
    const e = s.journal.create({ title: 'Gone' });
    s.journal.trash(e.id);
    const refused = await s.router(
      'export:check',
      { ...EMPTY_SELECTION, entries: [{ id: e.id, excerpt: null }] },
      sender,
    );
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringMatching(/in the trash/) },
    });
    expect(await s.router('export:check', EMPTY_SELECTION, sender)).toMatchObject({
      ok: false,
      error: { message: 'Choose at least one thing to include.' },
    });
    s.journal.restore(e.id);
    const twice = {
      ...EMPTY_SELECTION,
      entries: [
        { id: e.id, excerpt: null },
        { id: e.id, excerpt: 'x' },
      ],
    };
    expect(await s.router('export:check', twice, sender)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    const unknown = { ...EMPTY_SELECTION, sessions: [randomUUID()] };
    expect(await s.router('export:check', unknown, sender)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('what can be included', () => {
  it('sends an excerpt instead of the whole entry, checked like the rest', async () => {
    const s = await open();
    const { ids } = seedIdentifyingEntries(s);
    const selection = {
      ...EMPTY_SELECTION,
      entries: [{ id: ids[0]!, excerpt: 'Tired, and a bit flat after Keziah left.' }],
    };
    const check = await s.exports.check(selection);
    expect(check.findings.map((f) => f.text)).toEqual(['Keziah', 'Keziah']); // the title and the excerpt
    const preview = await s.exports.preview(selection, plainResolutions(), check.fingerprint);
    expect(preview.unresolved).toBe(2);
    expect(preview.html).toContain('An excerpt from');
    expect(preview.html).not.toContain(IDENTIFIERS.nhs);
  });

  it('includes agendas, sessions and hours; check-ins and signs only when ticked', async () => {
    const s = await open();
    const sup = s.supervision.saveSupervisor({ ...CONTRACT, startDate: '2026-01-05', minHoursPerMonth: 1 });
    const item = s.supervision.addAgendaItem(
      sup.id,
      agendaItem('Endings with a long-term client', {
        question: 'How do I end well?',
        sevenEyed: 3,
        graces: ['Age'],
        priority: 'high',
        minutes: 20,
      }),
      { kind: 'scratch' },
    );
    const session = s.supervision.recordSession({
      supervisorId: sup.id,
      startsAt: '2026-10-14T10:00:00.000Z',
      timeZone: 'Europe/London',
      minutes: 60,
      attendees: '',
      notes: 'A steady hour.',
      items: [
        {
          agendaItemId: item.id,
          outcome: 'discussed',
          discussed: 'Pacing the ending.',
          decided: 'Three more sessions.',
        },
      ],
      actions: [{ text: 'Draft an ending letter', owner: 'me', due: '2026-11-01' }],
    });
    s.supervision.addAgendaItem(sup.id, agendaItem('My own tiredness', { function: 'restorative', minutes: 10 }), {
      kind: 'scratch',
    });
    const sign = s.checkins.saveSign({
      name: 'Skipping lunch',
      whatHelps: 'A walk at noon',
      contact: 'Sam, 07700 900456',
    });
    s.checkins.save({
      at: '2026-10-20T09:00:00.000Z',
      capacity: 4,
      energy: 2,
      sleep: 3,
      load: 4,
      helping: 'Walking',
      hard: 'Caseload',
      signIds: [sign.id],
      entryId: null,
    });
    const base = {
      ...EMPTY_SELECTION,
      agendas: [sup.id],
      sessions: [session.id],
      hours: { supervisorId: sup.id, from: '2026-09', to: '2026-10' },
    };
    const without = await s.exports.preview(base, plainResolutions(), (await s.exports.check(base)).fingerprint);
    expect(without.html).toContain('Agenda for our next supervision');
    expect(without.html).toContain('My own tiredness');
    expect(without.html).toContain('Supervision on 14 October 2026');
    expect(without.html).toContain('Three more sessions.');
    expect(without.html).toContain('Draft an ending letter');
    expect(without.html).toContain('Supervision hours with');
    expect(without.html).not.toContain('Check-ins');
    expect(without.html).not.toContain('Skipping lunch');

    const withPrivate = { ...base, checkins: { from: '2026-10-01', to: '2026-10-31' }, signs: true };
    const check = await s.exports.check(withPrivate);
    expect(check.findings.map((f) => f.text)).toEqual(expect.arrayContaining(['07700 900456']));
    const html = (await s.exports.preview(withPrivate, plainResolutions(), check.fingerprint)).html;
    expect(html).toContain('Check-ins');
    expect(html).toContain('Skipping lunch');
    expect(html).toContain('A walk at noon');
    expect(html).toContain('<td dir="auto">4</td>');
  });
});

describe('what the review found', () => {
  it('refuses a save when an entry changed after the check, so nothing unseen leaves', async () => {
    const dir = await tempDir();
    const s = await withSaving(dir);
    const e = s.journal.create({ title: 'Plain' });
    s.journal.save({ ...e, body: docFromParagraphs(['A quiet day.']), tags: [] });
    const selection = { ...EMPTY_SELECTION, entries: [{ id: e.id, excerpt: null }] };
    const { fingerprint } = await s.exports.check(selection);
    // Something the check would not catch, written after the check and before the save.
    s.journal.save({
      ...s.journal.get(e.id),
      body: docFromParagraphs(['A quiet day. Her son is the only boy in Year 9 at the school.']),
      tags: [],
    });
    const refused = await saveViaIpc(s, { selection, resolutions: plainResolutions(), fingerprint, format: 'html' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'CHANGED', message: expect.stringMatching(/has changed since the check/) },
    });
    const preview = await s.router(
      'export:preview',
      { selection, resolutions: plainResolutions(), fingerprint },
      sender,
    );
    expect(preview).toMatchObject({ ok: false, error: { code: 'CHANGED' } });
    expect(await readdir(dir)).toEqual([]);
    // A decision made for one place does not carry to other words that moved into it.
    const again = await s.exports.check(selection);
    expect(again.fingerprint).not.toBe(fingerprint);
  });

  it('refuses a pseudonym that gives a name away, or names someone else the check found', async () => {
    const dir = await tempDir();
    const s = await withSaving(dir);
    s.settings.update({ deidNames: ['Keziah Patel', 'Tom Reed'] });
    const e = s.journal.create({ title: 'Two people' });
    s.journal.save({ ...e, body: docFromParagraphs(['I saw Keziah Patel, and later Tom Reed.']), tags: [] });
    const selection = { ...EMPTY_SELECTION, entries: [{ id: e.id, excerpt: null }] };
    const check = await s.exports.check(selection);
    const save = (pseudonym: string) =>
      s.router(
        'export:save',
        {
          selection,
          resolutions: {
            byValue: Object.fromEntries(
              check.findings.map((f) => [
                f.valueKey,
                f.text === 'Tom Reed' ? { action: 'redact' as const } : { action: 'pseudonym' as const },
              ]),
            ),
            byFinding: {},
            pseudonyms: { 'name:keziah patel': pseudonym },
          },
          fingerprint: check.fingerprint,
          format: 'markdown',
        },
        sender,
      );
    expect(await save('Ms Patel')).toMatchObject({
      ok: false,
      // It says which word gives it away.
      error: { message: expect.stringMatching(/“Ms Patel” still holds “Patel”/) },
    });
    expect(await save('Tom Reed’s sister')).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/still holds/) },
    });
    expect(await readdir(dir)).toEqual([]);
    expect(await save('Client A')).toMatchObject({ ok: true });
  });

  it('sees a name split by an invisible soft hyphen', async () => {
    const s = await open();
    s.settings.update({ deidNames: ['Keziah'] });
    const e = s.journal.create({ title: 'Soft' });
    s.journal.save({ ...e, body: docFromParagraphs(['Kez\u00ADiah and Kez\u200Biah rang.']), tags: [] });
    const check = await s.exports.check({ ...EMPTY_SELECTION, entries: [{ id: e.id, excerpt: null }] });
    expect(check.findings.map((f) => f.text)).toEqual(['Keziah', 'Keziah']);
  });

  it('checks text as a reader sees it, and exports exactly what it checked', async () => {
    const dir = await tempDir();
    const s = await withSaving(dir);
    s.settings.update({ deidNames: ['Keziah'] });
    const e = s.journal.create({ title: 'Hidden' });
    const hidden = [
      'NHS 9\u200D4\u200C3 4\u200E76 59\u{E0041}19.',
      'Mail k\u034Fez@exa\u180Emple.org, call ０７７００ ９００１２３, postcode L\uFE0FS6 2QD.',
      'K\u2060eziah rang; her number is ٠٧٧٠٠ ٩٠٠١٢٤.',
    ];
    s.journal.save({ ...e, body: docFromParagraphs(hidden), tags: [] });
    const selection = { ...EMPTY_SELECTION, entries: [{ id: e.id, excerpt: null }] };
    const check = await s.exports.check(selection);
    expect(check.findings.map((f) => [f.kind, f.text])).toEqual([
      ['nhs-number', '943 476 5919'],
      ['email', 'kez@example.org'],
      ['phone', '07700 900123'],
      ['postcode', 'LS6 2QD'],
      ['listed-name', 'Keziah'],
      ['phone', '07700 900124'],
    ]);
    const resolutions = keepingEverything(check.findings);
    const result = await saveViaIpc(s, { selection, resolutions, fingerprint: check.fingerprint, format: 'markdown' });
    const saved = await readFile((result as { value: { path: string } }).value.path, 'utf8');
    // What left is what was checked: no invisible characters, every digit plain.
    expect(saved).toContain('NHS 943 476 5919.');
    expect(saved).toContain('call 07700 900123');
    expect(saved).not.toMatch(
      /[\u200B-\u200F\u2060]|\uFE0F|\u034F|\u180E|[\u{E0000}-\u{E007F}]|[\u0660-\u0669\uFF10-\uFF19]/u,
    );
  });

  it('writes nothing when the vault locks while the save dialog is open', async () => {
    const dir = await tempDir();
    let services: TestServices | null = null;
    const s = await open({
      chooseSavePath: async (name) => {
        services!.vault.lock('idle');
        return path.join(dir, name);
      },
    });
    services = s;
    const e = s.journal.create({ title: 'Plain' });
    const selection = { ...EMPTY_SELECTION, entries: [{ id: e.id, excerpt: null }] };
    const { fingerprint } = await s.exports.check(selection);
    const refused = await saveViaIpc(s, { selection, resolutions: plainResolutions(), fingerprint, format: 'html' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'LOCKED', message: expect.stringMatching(/nothing was written/) },
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it('puts only the de-identified title in the Word file’s header and properties', async () => {
    const dir = await tempDir();
    const s = await withSaving(dir);
    const { ids } = seedIdentifyingEntries(s);
    const selection = { ...EMPTY_SELECTION, title: 'About Keziah', entries: [{ id: ids[1]!, excerpt: null }] };
    const check = await s.exports.check(selection);
    const resolutions = plainResolutions();
    for (const f of check.findings) resolutions.byValue[f.valueKey] = { action: 'pseudonym' };
    const saved = await saveViaIpc(s, { selection, resolutions, fingerprint: check.fingerprint, format: 'docx' });
    const file = (saved as { value: { path: string } }).value.path;
    // Every part of the file, as Python's zipfile reads it (unzip takes "[Content_Types].xml" for a pattern).
    const parts = JSON.parse(
      execFileSync(
        'python3',
        [
          '-c',
          'import json,sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); print(json.dumps({n: z.read(n).decode("utf8", "replace") for n in z.namelist()}))',
          file,
        ],
        { encoding: 'utf8' },
      ),
    ) as Record<string, string>;
    const part = (name: string) => parts[name] ?? '';
    const listing = Object.keys(parts);
    const everything = Object.values(parts).join('\n');
    expect(part('docProps/core.xml')).toContain('About Person A');
    expect(
      listing
        .filter((n) => /header\d*\.xml$/.test(n))
        .map(part)
        .join(''),
    ).toContain('About Person A');
    expect(everything).not.toMatch(/Keziah|Margaret|Okafor/);
  });
});
