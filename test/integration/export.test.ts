import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_SELECTION, type ExportSelection, type Resolutions } from '../../common/export/types';
import { IDENTIFIERS, seedIdentifyingEntries } from '../support/export-fixture';
import { launchPdfRenderer } from '../support/pdf';
import { tempDir } from '../support/temp';
import { servicesPerTest } from '../support/vault';

const open = servicesPerTest();
let pdf: Awaited<ReturnType<typeof launchPdfRenderer>>;
beforeAll(async () => {
  pdf = await launchPdfRenderer();
});
afterAll(async () => {
  await pdf?.close();
});

const sender = { isMainFrame: true, url: 'holding://app/' };

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

async function docxText(file: string): Promise<string> {
  return (await mammoth.extractRawText({ path: file })).value;
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
    const check = s.exports.check({ ...EMPTY_SELECTION, entries: ids.map((id) => ({ id, excerpt: null })) });
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
    expect(check.pseudonyms['name:keziah']).toBe('Client A');
    expect(check.pseudonyms['name:margaret okafor']).toBe('Client B');
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
    const check = s.exports.check(selection);
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
      const result = await s.router('export:save', { selection, resolutions, format }, sender);
      expect(result.ok, JSON.stringify(result)).toBe(true);
      const saved = (result as { value: { path: string } }).value.path;
      texts[format] =
        format === 'pdf' ? pdfText(saved) : format === 'docx' ? await docxText(saved) : await readFile(saved, 'utf8');
      // Markdown as a reader shows it: backslash escapes are not part of the words.
      if (format === 'markdown') texts[format] = texts[format]!.replace(/\\(.)/g, '$1');
    }
    for (const [format, text] of Object.entries(texts)) {
      const flat = text.replace(/\s+/g, ' ');
      for (const value of [
        IDENTIFIERS.nhs,
        IDENTIFIERS.dob,
        IDENTIFIERS.postcode,
        IDENTIFIERS.phone,
        IDENTIFIERS.email,
        'Keziah',
        'Margaret',
        'Okafor',
      ]) {
        expect(flat, `${format} still holds ${value}`).not.toContain(value);
      }
      expect(flat, format).toContain('Client A');
      expect(flat, format).toContain('my colleague');
      expect(flat, format).toContain(IDENTIFIERS.place); // kept, with a reason
      expect(flat, format).toContain('[redacted]');
      expect(flat, format).toMatch(/Confidential — prepared for supervision/i);
      // The same person is the same pseudonym in every entry and in the title.
      expect(flat.match(/Client A/g)!.length, format).toBeGreaterThanOrEqual(5);
    }
    expect(texts['pdf']).toMatch(/Page 1 of \d/);
    expect(texts['html']).not.toMatch(/<script|src=|@import|url\(/i);
    expect(pdf.blocked).toEqual([]);

    const records = s.exports.records();
    expect(records.map((r) => r.format).sort()).toEqual(['docx', 'html', 'markdown', 'pdf']);
    expect(records[0]).toMatchObject({ title: 'For supervision with Client A in mind', items: 3, kept: 1 });
    expect(records[0]!.fileName).toMatch(/^For supervision with Client A in mind - \d{4}-\d{2}-\d{2}\.\w+$/);
  });

  it('refuses while anything is undecided, and writes nothing', async () => {
    const dir = await tempDir();
    const s = await withSaving(dir);
    const { ids } = seedIdentifyingEntries(s);
    const selection = { ...EMPTY_SELECTION, entries: [{ id: ids[0]!, excerpt: null }] };
    const check = s.exports.check(selection);
    const resolutions: Resolutions = { byValue: {}, byFinding: {}, pseudonyms: {} };
    for (const f of check.findings.slice(1)) resolutions.byFinding[f.id] = { action: 'redact' };
    const refused = await s.router('export:save', { selection, resolutions, format: 'markdown' }, sender);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/still needs a decision/) },
    });
    const noReason = await s.router(
      'export:save',
      {
        selection,
        resolutions: { ...resolutions, byValue: { [check.findings[0]!.valueKey]: { action: 'keep', reason: '  ' } } },
        format: 'markdown',
      },
      sender,
    );
    expect(noReason).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
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
        { selection, resolutions: { byValue: {}, byFinding: {}, pseudonyms: {} }, format },
        sender,
      );
      expect(refused).toMatchObject({
        ok: false,
        error: { message: expect.stringMatching(/could not save the file there/) },
      });
    }
    expect(existsSync(path.join(dir, 'missing'))).toBe(false);
    expect(await readdir(dir)).toEqual([]);
    expect(s.exports.records()).toEqual([]);
  });
});
