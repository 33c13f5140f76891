/**
 * Exports as a supervisor reads them (issue 18): a two-truths heading whole, never cut mid-word; each agenda
 * item's function said once, without a doubled colon; and a PDF that a screen reader can follow: tagged, in
 * a language, with its headings in the structure.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMPTY_SELECTION, type ExportFormat, type ExportSelection } from '../../common/export/types';
import { twoTruthsLabel } from '../../common/two-truths/two-truths';
import { keepingEverything } from '../support/export-fixture';
import { pdfRendererPerFile } from '../support/pdf-per-file';
import { exportText } from '../support/readback';
import { agendaItem, CONTRACT } from '../support/supervision-fixture';
import { tempDir } from '../support/temp';
import { servicesPerTest, type TestServices } from '../support/vault';

const open = servicesPerTest();
const pdf = pdfRendererPerFile();

const TRUTH_A = 'I stay calm with people in crisis and am good at it';
const TRUTH_B = 'I find it hard to ask for help myself when things kick off at home';
const WHOLE = `${TRUTH_A}, and yet ${TRUTH_B}`;

/** A two-truths entry whose two truths make a long name, and an agenda with a restorative item. */
function seed(s: TestServices): ExportSelection {
  const entry = s.journal.createTwoTruths({});
  s.journal.saveTwoTruths({
    id: entry.id,
    fields: { ...entry.twoTruths!, truthA: TRUTH_A, truthB: TRUTH_B },
    eventDate: null,
    tags: [],
    bringToSupervision: false,
    containsClientMaterial: false,
    pinned: false,
  });
  const sup = s.supervision.saveSupervisor(CONTRACT);
  s.supervision.addAgendaItem(sup.id, agendaItem('How I have been', { function: 'restorative' }));
  return {
    ...EMPTY_SELECTION,
    title: 'For supervision',
    entries: [{ id: entry.id, excerpt: null }],
    agendas: [sup.id],
  };
}

async function save(s: TestServices, selection: ExportSelection, format: ExportFormat): Promise<string> {
  const check = await s.exports.check(selection);
  const resolutions = keepingEverything(check.findings);
  const result = await s.router(
    'export:save',
    { selection, resolutions, fingerprint: check.fingerprint, format },
    { isMainFrame: true, url: 'holding://app/' },
  );
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as { path: string }).path;
}

describe('an export as it is read', () => {
  it('shows a two-truths heading whole and says an item’s function without a doubled colon, in every format', async () => {
    const dir = await tempDir();
    const s = await open({ renderPdf: pdf.render, chooseSavePath: async (name) => path.join(dir, name) });
    const selection = seed(s);
    // The name kept with the entry is short, and cut between words.
    const title = s.journal.list({}).items[0]!.title;
    expect(title.length).toBeLessThanOrEqual(90);
    expect(WHOLE.startsWith(title.replace(/…$/, ''))).toBe(true);
    expect(WHOLE.charAt(title.length - 1)).toBe(' ');
    for (const format of ['pdf', 'docx', 'markdown', 'html'] as const) {
      const text = (await exportText(await save(s, selection, format), format)).replace(/\s+/g, ' ');
      expect(text, format).toContain(WHOLE);
      expect(text, format).not.toContain('for he…');
      expect(text, format).not.toMatch(/Function:? Restorative:/);
      expect(text, format).toContain('Restorative (how you are: support, feelings, wellbeing)');
    }
  });

  it('keeps a name at the start of the “and yet” truth as written, so the check finds it in the heading too', async () => {
    const dir = await tempDir();
    const s = await open({ chooseSavePath: async (name) => path.join(dir, name) });
    const entry = s.journal.createTwoTruths({});
    s.journal.saveTwoTruths({
      id: entry.id,
      fields: {
        ...entry.twoTruths!,
        truthA: 'I stay calm with people in crisis on the ward',
        truthB: 'Maria Kowalski from bed four still frightens me',
      },
      eventDate: null,
      tags: [],
      bringToSupervision: false,
      containsClientMaterial: false,
      pinned: false,
    });
    const selection = { ...EMPTY_SELECTION, title: 'For supervision', entries: [{ id: entry.id, excerpt: null }] };
    const check = await s.exports.check(selection);
    const byValue = Object.fromEntries(check.findings.map((f) => [f.valueKey, { action: 'redact' as const }]));
    const result = await s.router(
      'export:save',
      {
        selection,
        resolutions: { byValue, byFinding: {}, pseudonyms: {} },
        fingerprint: check.fingerprint,
        format: 'markdown',
      },
      { isMainFrame: true, url: 'holding://app/' },
    );
    if (!result.ok) throw new Error(result.error.message);
    const text = await exportText((result.value as { path: string }).path, 'markdown');
    expect(text).not.toMatch(/maria/i);
    expect(text).not.toMatch(/kowalski/i);
  });

  it('makes a tagged PDF, in British English, with the export’s headings in its structure', async () => {
    const dir = await tempDir();
    const s = await open({ renderPdf: pdf.render, chooseSavePath: async (name) => path.join(dir, name) });
    const file = await save(s, seed(s), 'pdf');
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    const structure = execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8' });
    // The document's title, then each item's own heading and the headings within, as headings, with their words.
    const heading = (level: number, words: string) =>
      new RegExp(`H${level} \\(block\\)\\s+NonStruct\\s+"${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
    expect(structure).toMatch(heading(1, 'For supervision"'));
    expect(structure).toMatch(heading(2, 'I stay calm with people in crisis and am good at it,'));
    expect(structure).toMatch(heading(3, 'One truth"'));
    expect(structure).toMatch(heading(2, 'Agenda for our next supervision"'));
    expect(structure).toMatch(heading(3, '1. How I have been"'));
    // Every word, read on past "find": printed as a ligature, the structure's text once stopped at "I ﬁ".
    expect(structure).toContain('ask for help myself when things kick');
    // The language, for a screen reader's voice: in the document's catalogue.
    expect(pdfLanguage(file)).toBe('en-GB');
  });
});

it('names a two-truths entry by its truths, cut between words', () => {
  expect(twoTruthsLabel({ truthA: TRUTH_A, truthB: TRUTH_B })).toBe(
    'I stay calm with people in crisis and am good at it, and yet I find it hard to ask for…',
  );
});

/** The /Lang of a PDF's catalogue, read with Python's zlib from the file's object streams or plain objects. */
function pdfLanguage(file: string): string | null {
  const script = String.raw`
import re, sys, zlib
data = open(sys.argv[1], 'rb').read()
chunks = [data]
for m in re.finditer(rb'stream\r?\n', data):
    end = data.find(b'endstream', m.end())
    try:
        chunks.append(zlib.decompress(data[m.end():end]))
    except Exception:
        pass
for chunk in chunks:
    found = re.search(rb'/Lang\s*\(([^)]*)\)', chunk)
    if found:
        print(found.group(1).decode('latin-1'))
        break
`;
  const out = execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' }).trim();
  return out || null;
}
