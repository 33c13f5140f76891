/**
 * Hostile imports: each refused, or made harmless, in bounded time and memory, and nothing of a refused
 * file comes in. Names that climb out of a zip, absolute names, links (in zips and folders), zip bombs
 * (a huge declared size, a huge ratio), 100,000 tiny files, deeply nested JSON, bad UTF-8, script and
 * remote pictures; and damaged exports (flipped bytes, cut short) refused with a sentence, never a crash.
 */
import { promises as fs, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../common/errors';
import type { DocNode } from '../../common/journal/doc';
import { dayOneJson, dayOneZip, makeZip, MARKDOWN_NOTES, writeFolder } from '../support/import-fixtures';
import { prng } from '../support/prng';
import { tempDir } from '../support/temp';
import { servicesPerTest, type TestServices } from '../support/vault';

const open = servicesPerTest();

async function fileOf(name: string, data: string | Buffer): Promise<string> {
  const file = path.join(await tempDir(), name);
  await fs.writeFile(file, data);
  return file;
}

/** The same bytes with every `from` replaced by `to` (the same length): in the local header and the directory. */
function renamed(zip: Buffer, from: string, to: string): Buffer {
  expect(from.length).toBe(to.length);
  const out = Buffer.from(zip);
  let at = out.indexOf(from);
  expect(at).toBeGreaterThanOrEqual(0);
  while (at >= 0) {
    out.write(to, at, 'latin1');
    at = out.indexOf(from, at + 1);
  }
  return out;
}

async function expectRefused(s: TestServices, chosen: string, message: RegExp): Promise<void> {
  const error = await s.imports.open(chosen).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('INVALID_INPUT');
  expect((error as AppError).message).toMatch(message);
  expect(s.journal.list({}).total).toBe(0);
  expect(s.imports.records()).toEqual([]);
}

describe('zips', () => {
  it('refuses a name that climbs out of the zip, and writes nothing anywhere', async () => {
    const s = await open();
    const dir = await tempDir();
    const zip = renamed(await makeZip({ 'aa/evil.md': 'climbing out', 'ok.md': 'fine' }), 'aa/evil.md', '../evil.md');
    const file = path.join(dir, 'inner', 'export.zip');
    await fs.mkdir(path.dirname(file));
    await fs.writeFile(file, zip);
    await expectRefused(s, file, /outside the zip|names Holding cannot accept/);
    expect(await fs.readdir(dir)).toEqual(['inner']);
    expect(await fs.readdir(path.dirname(file))).toEqual(['export.zip']);
  });

  it('refuses an absolute name', async () => {
    const s = await open();
    const zip = renamed(await makeZip({ 'abcd/evil.md': 'absolute', 'ok.md': 'fine' }), 'abcd/evil.md', '/etc/evil.md');
    await expectRefused(s, await fileOf('export.zip', zip), /outside the zip|names Holding cannot accept/);
  });

  it('refuses a symbolic link inside a zip', async () => {
    const s = await open();
    const zip = await makeZip({ 'ok.md': 'fine', 'link.md': { data: '../../../etc/passwd', mode: 0o120777 } });
    await expectRefused(s, await fileOf('export.zip', zip), /link to somewhere outside/);
  });

  it('refuses a zip bomb by its ratio before unpacking it', async () => {
    const s = await open();
    const zip = await makeZip({ 'bomb.md': Buffer.alloc(24 * 1024 * 1024, 0x20) });
    expect(zip.length).toBeLessThan(200_000);
    await expectRefused(s, await fileOf('bomb.zip', zip), /unpacks to far more/);
  });

  it('refuses a zip whose directory claims more than a journal could hold', async () => {
    const s = await open();
    const zip = Buffer.from(await makeZip({ 'a.md': 'small', 'b.md': 'small too' }));
    // Each central directory record: signature, then its uncompressed size at offset 24.
    for (
      let at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      at >= 0;
      at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)
    ) {
      zip.writeUInt32LE(0xfffffff0, at + 24);
    }
    await expectRefused(s, await fileOf('claims.zip', zip), /unpacks to far more/);
  });

  it('refuses 100,000 tiny files before reading any', async () => {
    const s = await open();
    const files: Record<string, { data: string; compress: boolean }> = {};
    for (let i = 0; i < 100_000; i += 1) files[`n/${i}.md`] = { data: 'x', compress: false };
    const file = await fileOf('many.zip', await makeZip(files));
    const started = performance.now();
    await expectRefused(s, file, /more than 50,000 files/);
    // Bounded: refused from the zip's directory alone, in seconds even on a busy machine (reading a hundred
    // thousand entries would take minutes). Speed itself is measured in bench/, not here.
    expect(performance.now() - started).toBeLessThan(60_000);
  }, 120_000);
});

describe('folders', () => {
  it('leaves out links to files and folders outside the chosen folder, with a note', async () => {
    const s = await open();
    const outside = await writeFolder(await tempDir(), {
      'secret.md': 'OUTSIDE-SECRET',
      'more/also.md': 'OUTSIDE-SECRET',
    });
    const folder = await writeFolder(await tempDir(), { 'note.md': 'inside' });
    await fs.symlink(path.join(outside, 'secret.md'), path.join(folder, 'linked.md'));
    await fs.symlink(path.join(outside, 'more'), path.join(folder, 'linked-folder'));
    const preview = await s.imports.open(folder);
    expect(preview.entries).toBe(1);
    expect(preview.skipped.find((x) => x.what === 'Links to other places')?.count).toBe(2);
    await s.imports.run(preview.id);
    expect(s.journal.list({ query: 'OUTSIDE' }).total).toBe(0);
    expect(s.journal.list({}).total).toBe(1);
  });

  it('refuses a folder of 100,000 tiny files before reading any', async () => {
    const s = await open();
    const folder = await tempDir();
    await fs.mkdir(path.join(folder, 'notes'));
    // Written synchronously: a hundred thousand awaited writes take over a minute here.
    for (let i = 0; i < 100_000; i += 1) writeFileSync(path.join(folder, 'notes', `${i}.md`), 'x');
    const started = performance.now();
    await expectRefused(s, folder, /more than 50,000 files/);
    expect(performance.now() - started).toBeLessThan(60_000);
  }, 180_000);

  it('leaves out a note that is not UTF-8, bringing in the rest', async () => {
    const s = await open();
    const folder = await writeFolder(await tempDir(), {
      'good.md': 'Good words',
      'bad.md': Buffer.from([0x48, 0x69, 0xff, 0xfe, 0xc3, 0x28]),
    });
    const preview = await s.imports.open(folder);
    expect(preview.entries).toBe(1);
    expect(preview.skipped).toEqual([
      expect.objectContaining({ what: 'Files that are not readable text', count: 1, examples: ['bad.md'] }),
    ]);
  });
});

describe('JSON and text', () => {
  it('refuses deeply nested JSON before building it', async () => {
    const s = await open();
    const deep = `{"metadata":{},"entries":[{"creationDate":"2026-01-01T00:00:00Z","text":${'['.repeat(200_000)}${']'.repeat(200_000)}}]}`;
    const started = performance.now();
    await expectRefused(s, await fileOf('Journal.json', deep), /nested far deeper/);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('refuses a Day One journal that is not UTF-8', async () => {
    const s = await open();
    const json = Buffer.from(dayOneJson([{ uuid: 'U1', creationDate: '2026-01-01T00:00:00Z', text: 'café' }]));
    const at = json.indexOf(Buffer.from('caf')) + 3;
    json[at] = 0xff;
    const zip = await makeZip({ 'Journal.json': json });
    // Not readable text is not a Day One export at all: nothing recognises it.
    await expect(s.imports.open(await fileOf('export.zip', zip))).rejects.toThrow(
      /not readable text|does not recognise/,
    );
    expect(s.journal.list({}).total).toBe(0);
  });

  it('makes script, event handlers, javascript: links and remote pictures harmless', async () => {
    const s = await open();
    const text = [
      '[click me](javascript:alert(1)) and [data](data:text/html,<script>x</script>)',
      '',
      '<iframe src="https://evil.example"></iframe>',
      '',
      '<div onclick="alert(2)">block html</div>',
      '',
      'Inline <span onmouseover="alert(3)">words</span> stay, <script>alert(4)</script> goes.',
      '',
      '![tracker](http://evil.example/pixel.gif) ![ref][r]',
      '',
      '[r]: https://evil.example/ref.png',
    ].join('\n');
    const zip = await makeZip({
      'Journal.json': dayOneJson([{ uuid: 'H1', creationDate: '2026-01-01T10:00:00Z', text }]),
    });
    const preview = await s.imports.open(await fileOf('export.zip', zip));
    expect(preview.skipped.map((x) => x.what)).toEqual(
      expect.arrayContaining(['Scripts', 'Parts written in HTML', 'Pictures from the internet']),
    );
    await s.imports.run(preview.id);
    const [summary] = s.journal.list({}).items;
    const body = JSON.stringify(s.journal.get(summary!.id).body);
    expect(body).not.toMatch(/javascript|data:|script|iframe|onclick|onmouseover|alert|evil\.example/);
    expect(body).toContain('click me');
    expect(body).toContain('words');
  });

  it('keeps Markdown too tangled to parse quickly as plain lines, in bounded time', async () => {
    const s = await open();
    const folder = await writeFolder(await tempDir(), {
      'lists.md': `${'- '.repeat(40)}deep\n`.repeat(2000),
      'stars.md': `${'*'.repeat(5000)}x`,
    });
    const started = performance.now();
    const preview = await s.imports.open(folder);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(preview.entries).toBe(2);
    expect(preview.skipped.map((x) => x.what)).toContain('Formatting in very unusual notes');
  });
});

describe('damaged exports', () => {
  it('a flipped byte anywhere, or a zip cut short, is read or refused with a sentence, never a crash', async () => {
    const s = await open();
    const exports = [await dayOneZip(), await makeZip(MARKDOWN_NOTES)];
    const random = prng(16);
    const dir = await tempDir();
    let refused = 0;
    let read = 0;
    for (const [n, original] of exports.entries()) {
      const mutants: Buffer[] = [];
      for (let i = 0; i < 40; i += 1) {
        const bytes = Buffer.from(original);
        for (let k = 0; k < 1 + Math.floor(random() * 3); k += 1) {
          bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
        }
        mutants.push(bytes);
      }
      for (let cut = 1; cut < original.length; cut += Math.ceil(original.length / 10))
        mutants.push(original.subarray(0, cut));
      for (const [i, bytes] of mutants.entries()) {
        const file = path.join(dir, `${n}-${i}.zip`);
        await fs.writeFile(file, bytes);
        try {
          await s.imports.open(file);
          read += 1;
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).code).toBe('INVALID_INPUT');
          refused += 1;
        }
      }
    }
    expect(refused).toBeGreaterThan(0);
    expect(read + refused).toBeGreaterThan(90);
    // Reading writes nothing: whatever was read waits for "Import".
    expect(s.journal.list({}).total).toBe(0);
  }, 120_000);
});

describe('Markdown, mutated', () => {
  it('any mix of Markdown’s own characters becomes a clean document, never an error', async () => {
    const { markdownToDoc } = await import('../../main/import/markdown');
    const { markdownIsTame } = await import('../../main/import/text');
    const { sanitiseDoc } = await import('../../common/journal/doc');
    const random = prng(1616);
    const pieces = [
      '*',
      '_',
      '[',
      ']',
      '(',
      ')',
      '<',
      '>',
      '!',
      '`',
      '|',
      '-',
      '#',
      '\\',
      '\n',
      ' ',
      'a',
      '[[',
      ']]',
      '---\n',
      '<script>',
      'javascript:',
      'https://x.example/',
      '1.',
      '- [ ]',
      '\t',
      '\u0000',
      '\ud800',
    ];
    const notes = { skip: () => undefined };
    for (let i = 0; i < 300; i += 1) {
      let text = '';
      for (let k = 0; k < 20 + Math.floor(random() * 400); k += 1) text += pieces[Math.floor(random() * pieces.length)];
      if (!markdownIsTame(text)) continue;
      const { body } = markdownToDoc(text, notes);
      const clean = sanitiseDoc(body);
      expect(clean.type).toBe('doc');
      // Whatever the words say, every link left is https: or mailto:, and the document is its own clean copy.
      const hrefs: unknown[] = [];
      const walk = (n: DocNode) => {
        for (const m of n.marks ?? []) if (m.type === 'link') hrefs.push(m.attrs?.['href']);
        (n.content ?? []).forEach(walk);
      };
      walk(clean);
      expect(hrefs.every((h) => typeof h === 'string' && /^(https:|mailto:)/.test(h))).toBe(true);
      expect(sanitiseDoc(clean)).toEqual(clean);
    }
  });
});
