import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, resolveDataDir } from '../../main/config/data-dir';
import { ActivityClock } from '../../main/shell-common/activity';
import { CONTENT_SECURITY_POLICY, isExternalLinkAllowed, resolveAppAsset } from '../../main/shell-common/assets';
import { describeForLog } from '../../main/shell-common/log';
import { PrintDocuments } from '../../main/shell-common/print';

describe('serving the renderer', () => {
  const root = path.resolve('/app/dist/renderer');

  it('maps app URLs to files inside the renderer folder', () => {
    expect(resolveAppAsset(root, 'holding://app/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppAsset(root, 'holding://app/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppAsset(root, 'holding://app/assets/index-1.js?v=2')).toBe(path.join(root, 'assets', 'index-1.js'));
  });

  it('never escapes the renderer folder', () => {
    for (const url of [
      'holding://app/../../etc/passwd',
      'holding://app/%2e%2e/%2e%2e/etc/passwd',
      'holding://app/assets/..%2f..%2f..%2fsecret',
      'holding://app/%00index.html',
      'holding://app/%E0%A4%A',
    ]) {
      const resolved = resolveAppAsset(root, url);
      expect(resolved === null || resolved.startsWith(root + path.sep), url).toBe(true);
    }
  });

  it('has a strict content security policy', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    // The only inline style allowed is the export preview's stylesheet, by its hash.
    expect(CONTENT_SECURITY_POLICY).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/]{43}='(;|$)/);
  });
});

describe('data folder', () => {
  it('prefers --data-dir, then HOLDING_DATA_DIR, then the OS folder', () => {
    expect(resolveDataDir(['node', 'x', '--data-dir', '/a'], { HOLDING_DATA_DIR: '/b' }, '/c')).toBe(
      path.resolve('/a'),
    );
    expect(resolveDataDir(['--data-dir=/a2'], {}, '/c')).toBe(path.resolve('/a2'));
    expect(resolveDataDir(['node'], { HOLDING_DATA_DIR: '/b' }, '/c')).toBe(path.resolve('/b'));
    expect(resolveDataDir(['node'], {}, '/c')).toBe('/c');
    expect(resolveDataDir(['--data-dir'], {}, '/c')).toBe('/c');
  });

  it('follows each platform’s convention for user data', () => {
    expect(defaultDataDir('linux', {}, '/home/a')).toBe(path.join('/home/a', '.config', 'Holding'));
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/x' }, '/home/a')).toBe(path.join('/x', 'Holding'));
    expect(defaultDataDir('darwin', {}, '/Users/a')).toBe(
      path.join('/Users/a', 'Library', 'Application Support', 'Holding'),
    );
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'C:\\Users\\a')).toBe(
      path.join('C:\\Users\\a\\AppData\\Roaming', 'Holding'),
    );
  });
});

describe('window web preferences', () => {
  it('isolate, sandbox and secure every window, with Node and spell-check off', async () => {
    const { secureWebPreferences } = await import('../../main/shell-common/web-preferences');
    const prefs = secureWebPreferences('/app/preload.cjs', false);
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      webSecurity: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
  });
});

describe('external links', () => {
  it('allows only https: and mailto:', () => {
    expect(isExternalLinkAllowed('https://www.hcpc-uk.org/')).toBe(true);
    expect(isExternalLinkAllowed('mailto:supervisor@example.org')).toBe(true);
    for (const url of [
      'http://example.org',
      'javascript:alert(1)',
      'data:text/html,x',
      'file:///etc/passwd',
      'holding://app/',
      'vbscript:x',
      'not a url',
    ]) {
      expect(isExternalLinkAllowed(url), url).toBe(false);
    }
  });
});

describe('packaging', () => {
  it('sets the Electron fuses the security model relies on', () => {
    const yml = readFileSync('electron-builder.yml', 'utf8');
    const fuses = yml.slice(yml.indexOf('electronFuses:'));
    for (const line of [
      'runAsNode: false',
      'enableNodeOptionsEnvironmentVariable: false',
      'enableNodeCliInspectArguments: false',
      'enableEmbeddedAsarIntegrityValidation: true',
      'onlyLoadAppFromAsar: true',
    ]) {
      expect(fuses, line).toMatch(new RegExp(`^\\s+${line}\\s*$`, 'm'));
    }
    expect(yml).toMatch(/^asar: true$/m);
  });
});

describe('what reaches the log', () => {
  it('keeps the kind of error and drops addresses, documents, paths, quoted text and long messages', () => {
    const html = `<p>${'Maria told me about her week. '.repeat(200)}</p>`;
    const error = new Error(
      `ERR_INVALID_URL (-300) loading 'data:text/html;base64,${Buffer.from(html).toString('base64')}'`,
    );
    const logged = describeForLog(error);
    expect(logged).toMatch(/^Error: ERR_INVALID_URL \(-300\) loading '…'/);
    expect(logged).not.toContain('base64');
    expect(logged.split('\n')[0]!.length).toBeLessThan(300);
    const long = describeForLog(Object.assign(new Error('x'.repeat(5000)), { code: 'E_LONG' }));
    expect(long.split('\n')[0]).toMatch(/^Error \(E_LONG\): x+… \(5000 characters\)$/);
    expect(describeForLog('a string')).toBe('something other than an Error was thrown (string)');
    for (const message of [
      'failed at holding-print://document/1234.html',
      'ERR_FAILED (-2) loading holding-print://document/1234.html',
      "ENOENT: no such file or directory, open '/home/sam/Feedback from Ama.holdingbundle'",
      'EACCES: permission denied, open C:\\Users\\Ama Mensah\\Documents\\x.pdf',
      'could not open mailto:ama.mensah@example.org',
      'Unexpected token in JSON at position 3: "Ama wrote"',
      'EPERM /home/ama/notes.txt',
    ]) {
      const line = describeForLog(new Error(message));
      expect(line).not.toMatch(/1234|Ama|ama|sam|Users/);
    }
    // Stack frames keep which file of ours and where, not the folders above it.
    const framed = new Error('boom');
    framed.stack = 'Error: boom\n    at save (/home/sam/Apps/Holding/resources/app.asar/dist/main/index.cjs:120:7)';
    expect(describeForLog(framed)).toBe('Error: boom\n    at save (…/index.cjs:120:7)');
  });
});

describe('idle time for auto-lock', () => {
  it('takes the longer of time away from Holding and time away from the computer', () => {
    let now = 0;
    const clock = new ActivityClock(() => now);
    expect(new ActivityClock().idleSeconds(0)).toBeLessThan(1);
    now = 90_000;
    // Under Wayland the system says 0 for ever: Holding's own clock still counts.
    expect(clock.idleSeconds(0)).toBe(90);
    clock.touch();
    expect(clock.idleSeconds(0)).toBe(0);
    // Away from the computer for longer than from Holding (its window was not touched meanwhile).
    expect(clock.idleSeconds(600)).toBe(600);
    expect(clock.idleSeconds(Number.NaN)).toBe(0);
  });
});

describe('documents held for printing', () => {
  it('serves each held document at its own short address, and nothing else, until released', () => {
    const documents = new PrintDocuments();
    const html = `<!doctype html><p>${'a'.repeat(3_000_000)}</p>`;
    const held = documents.hold(html);
    expect(held.url).toMatch(/^holding-print:\/\/document\/[0-9a-f-]{36}\.html$/);
    expect(documents.allows(held.url)).toBe(true);
    expect(documents.respond(held.url)).toMatchObject({ status: 200, body: html });
    expect(documents.respond(held.url).headers['content-security-policy']).toContain("default-src 'none'");
    expect(documents.allows('holding-print://document/other.html')).toBe(false);
    expect(documents.respond('https://example.org/').status).toBe(404);
    held.release();
    expect(documents.allows(held.url)).toBe(false);
    expect(documents.size).toBe(0);
  });
});
