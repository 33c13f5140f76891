import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

/**
 * The Electron binary's path, or null where it was not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD).
 * Read from the package's path.txt: requiring 'electron' itself would try to download it.
 */
function electronBinary(): string | null {
  const pkg = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = path.join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const built =
  existsSync('dist/main/index.cjs') &&
  existsSync('dist/preload/index.cjs') &&
  existsSync('.native/electron/better_sqlite3.node');
const reason = !binary
  ? 'SKIPPED: the Electron binary is not installed on this machine (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1), so the Electron smoke test cannot run here.'
  : 'SKIPPED: the Electron build is missing; run `npm run build && npm run build:native:electron` first.';

if (!binary || !built) console.log(`\n[electron smoke] ${reason}\n`);

test('Electron smoke: hardened window on the holding:// protocol, bridge present, Node absent', async () => {
  test.skip(!binary || !built, reason);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'holding-electron-'));
  const app = await electron.launch({ executablePath: binary!, args: ['.', '--data-dir', dataDir] });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { name: 'A private place for your practice' })).toBeVisible();
    expect(new URL(page.url()).protocol).toBe('holding:');
    const windows = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
    expect(windows).toBe(1);
    const inPage = await page.evaluate(() => ({
      bridge: typeof window.holding?.vault?.status,
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      opened: window.open('https://example.org') === null,
      // The editor turns on its Chrome workarounds only when the user agent says Chrome.
      chrome: /Chrome\/\d+/.test(navigator.userAgent),
    }));
    expect(inPage).toEqual({
      bridge: 'function',
      require: 'undefined',
      process: 'undefined',
      opened: true,
      chrome: true,
    });
    const status = await page.evaluate(() => window.holding.vault.status());
    expect(status).toEqual({ ok: true, value: { state: 'none', lastLockReason: null } });
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
