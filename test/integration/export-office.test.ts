/**
 * "Opens in a word processor": the DOCX export converted by LibreOffice (headless) to PDF, and the
 * words read back. .ci/run installs LibreOffice Writer; where it is missing this test says so and skips.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMPTY_SELECTION, type Resolutions } from '../../common/export/types';
import { IDENTIFIERS, seedIdentifyingEntries } from '../support/export-fixture';
import { tempDir } from '../support/temp';
import { servicesPerTest } from '../support/vault';

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
const open = servicesPerTest();

describe('the Word export in a word processor', () => {
  it.skipIf(!SOFFICE)(
    `opens in LibreOffice with its header, footer and page numbers${SOFFICE ? '' : ' (skipped: LibreOffice is not installed)'}`,
    { timeout: 120_000 },
    async () => {
      const dir = await tempDir();
      const s = await open({ chooseSavePath: async (name) => path.join(dir, name) });
      const { ids } = seedIdentifyingEntries(s);
      const selection = { ...EMPTY_SELECTION, entries: ids.map((id) => ({ id, excerpt: null })) };
      const resolutions: Resolutions = { byValue: {}, byFinding: {}, pseudonyms: {} };
      const check = await s.exports.check(selection);
      for (const f of check.findings) {
        resolutions.byValue[f.valueKey] = f.kind.endsWith('name') ? { action: 'pseudonym' } : { action: 'redact' };
      }
      const saved = await s.router(
        'export:save',
        { selection, resolutions, fingerprint: check.fingerprint, format: 'docx' },
        { isMainFrame: true, url: 'holding://app/' },
      );
      expect(saved.ok).toBe(true);
      const docx = (saved as { value: { path: string } }).value.path;
      const out = path.join(dir, 'office');
      execFileSync(
        SOFFICE!,
        [
          '--headless',
          `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
          '--convert-to',
          'pdf',
          '--outdir',
          out,
          docx,
        ],
        {
          stdio: 'pipe',
          timeout: 100_000,
        },
      );
      const [pdf] = await readdir(out);
      const text = execFileSync('pdftotext', ['-layout', path.join(out, pdf!), '-'], { encoding: 'utf8' }).replace(
        /\s+/g,
        ' ',
      );
      expect(text).toContain('A hard afternoon with Person A');
      expect(text).toContain('Confidential — prepared for supervision');
      expect(text).toMatch(/Page 1 of \d/);
      expect(text).not.toContain(IDENTIFIERS.nhs);
      expect(text).not.toContain('Keziah');
    },
  );
});
