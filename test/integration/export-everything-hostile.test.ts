/**
 * Reading a Holding export that is damaged or made to do harm: each is refused with a plain sentence (or,
 * for a document, made harmless) in bounded time and memory, and nothing of a refused file is kept.
 * The zips are made with Python's zipfile, which writes whatever names and attributes it is given.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportEverything } from '../../main/export/everything/make';
import { applyHoldingExport } from '../../main/import/holding/apply';
import { HoldingExportError, readHoldingExport } from '../../main/import/holding/read';
import { comparableHashes, entryWith, hasPython, zipPath } from '../support/everything-fixture';
import { tempDir } from '../support/temp';
import { servicesPerTest } from '../support/vault';

const open = servicesPerTest();

interface Member {
  name: string;
  data: string | Buffer;
  symlink?: boolean;
}

/** A zip of exactly these members, as Python writes it. */
function craftZip(file: string, members: Member[]): void {
  const spec = members.map((m) => ({
    name: m.name,
    data: Buffer.from(m.data).toString('base64'),
    symlink: m.symlink ?? false,
  }));
  const script = `
import base64, json, sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    for m in json.load(sys.stdin):
        info = zipfile.ZipInfo(m['name'])
        info.compress_type = zipfile.ZIP_DEFLATED
        if m['symlink']:
            info.create_system = 3
            info.external_attr = (0o120777 << 16)
        z.writestr(info, base64.b64decode(m['data']))
`;
  const run = spawnSync('/usr/bin/python3', ['-c', script, file], { input: JSON.stringify(spec), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
}

async function refusal(file: string, limits?: { maxEntries: number; maxJsonBytes: number }): Promise<string> {
  try {
    await readHoldingExport(file, limits);
  } catch (error) {
    expect(error).toBeInstanceOf(HoldingExportError);
    expect((error as HoldingExportError).message.length).toBeGreaterThan(20);
    return (error as HoldingExportError).reason;
  }
  throw new Error('it was not refused');
}

/** A real export's JSON, to damage in one way at a time. */
async function realJson(): Promise<{ text: string; value: Record<string, unknown> }> {
  const s = await open();
  entryWith(s, 'A real entry', 'Some words.');
  const folder = await tempDir('holding-hostile-');
  await exportEverything(s.vault, zipPath(folder), { history: true, appVersion: '1' });
  const data = await readHoldingExport(zipPath(folder));
  expect(data.tables['entries']).toHaveLength(1);
  const run = spawnSync('unzip', ['-p', zipPath(folder), 'holding-export.json'], { encoding: 'utf8' });
  const text =
    run.status === 0
      ? run.stdout
      : spawnSync(
          '/usr/bin/python3',
          [
            '-c',
            'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read("holding-export.json").decode())',
            zipPath(folder),
          ],
          { encoding: 'utf8' },
        ).stdout;
  return { text, value: JSON.parse(text) as Record<string, unknown> };
}

describe.skipIf(!hasPython)('a hostile or damaged Holding export', () => {
  it('is refused for what a zip can do: names outside the folder, links, too many files, a bomb, not a zip at all', async () => {
    const dir = await tempDir('holding-hostile-');
    const { text } = await realJson();
    /** The member to be refused, beside a real holding-export.json: the file is refused for that member alone. */
    const besideExport = (member: Member): Member[] => [member, { name: 'holding-export.json', data: text }];
    const cases: [string, Member[], string, { maxEntries: number; maxJsonBytes: number }?][] = [
      ['traversal', besideExport({ name: '../evil.txt', data: 'x' }), 'unsafe-entry'],
      ['deep traversal', besideExport({ name: 'entries/../../evil.txt', data: 'x' }), 'unsafe-entry'],
      ['absolute', besideExport({ name: '/tmp/evil.txt', data: 'x' }), 'unsafe-entry'],
      ['backslash', besideExport({ name: '..\\evil.txt', data: 'x' }), 'unsafe-entry'],
      ['symlink', besideExport({ name: 'entries/link', data: '/etc/passwd', symlink: true }), 'unsafe-entry'],
      ['no holding-export.json', [{ name: 'notes/a.md', data: '# A note' }], 'not-holding'],
      [
        'two holding-export.json',
        [
          { name: 'holding-export.json', data: text },
          { name: 'holding-export.json', data: text },
        ],
        'malformed',
      ],
      [
        'many tiny files',
        Array.from({ length: 300 }, (_, i) => ({ name: `f/${i}.md`, data: '' })),
        'too-many-files',
        { maxEntries: 100, maxJsonBytes: 1e6 },
      ],
      [
        'a bomb',
        [{ name: 'holding-export.json', data: Buffer.alloc(5_000_000, 0x20) }],
        'too-large',
        { maxEntries: 100, maxJsonBytes: 1_000_000 },
      ],
    ];
    for (const [name, members, reason, limits] of cases) {
      const file = path.join(dir, `${name}.zip`);
      craftZip(file, members);
      expect(await refusal(file, limits), name).toBe(reason);
    }
    const notZip = path.join(dir, 'not a zip.zip');
    writeFileSync(notZip, 'PK\u0003\u0004 but nothing more');
    expect(await refusal(notZip)).toBe('not-a-zip');
  }, 120_000);

  it('is refused for what JSON can do: nesting, a member twice, bad UTF-8, a newer version, a column too many', async () => {
    const dir = await tempDir('holding-hostile-');
    const { text, value } = await realJson();
    const tables = value['tables'] as Record<string, Record<string, unknown>[]>;
    const withExtra = { ...value, tables: { ...tables, entries: [{ ...tables['entries']![0], extra: 1 }] } };
    const wrongType = { ...value, tables: { ...tables, entries: [{ ...tables['entries']![0], pinned: 'yes' }] } };
    const cases: [string, string | Buffer, string][] = [
      ['nested', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'malformed'],
      [
        'nested inside',
        text.replace('"identity": null', `"identity": ${'['.repeat(5000)}${']'.repeat(5000)}`),
        'malformed',
      ],
      ['a member twice', text.replace('"history": true', '"history": true, "history": false'), 'malformed'],
      [
        'bad UTF-8',
        Buffer.concat([Buffer.from(text.slice(0, 50)), Buffer.from([0xc3, 0x28]), Buffer.from(text.slice(50))]),
        'bad-text',
      ],
      ['newer', text.replace('"version": 2', '"version": 3'), 'newer-version'],
      ['a column too many', JSON.stringify(withExtra), 'malformed'],
      ['a wrong type', JSON.stringify(wrongType), 'malformed'],
      ['a table missing', JSON.stringify({ ...value, tables: { ...tables, checkins: undefined } }), 'malformed'],
      ['not JSON', '{"format": "holding-export", ', 'malformed'],
      ['another format', JSON.stringify({ ...value, format: 'something-else' }), 'malformed'],
    ];
    for (const [name, json, reason] of cases) {
      const file = path.join(dir, `${name}.zip`);
      craftZip(file, [{ name: 'holding-export.json', data: json }]);
      expect(await refusal(file), name).toBe(reason);
    }
  }, 120_000);

  it('makes scripts and unsafe links in a document harmless, and brings in nothing of a file that breaks the journal’s rules', async () => {
    const dir = await tempDir('holding-hostile-');
    const { value } = await realJson();
    const tables = value['tables'] as Record<string, Record<string, unknown>[]>;
    const entry = tables['entries']![0]!;
    const hostileBody = {
      type: 'doc',
      content: [
        { type: 'script', content: [{ type: 'text', text: 'alert(1)' }] },
        {
          type: 'paragraph',
          attrs: { onclick: 'alert(2)' },
          content: [
            { type: 'text', text: 'click', marks: [{ type: 'link', attrs: { href: 'javascript:alert(3)' } }] },
            { type: 'image', attrs: { src: 'https://tracker.example/pixel.png' } },
          ],
        },
      ],
    };
    const hostile = {
      ...value,
      tables: { ...tables, entries: [{ ...entry, body_json: JSON.stringify(hostileBody) }] },
    };
    const file = path.join(dir, 'hostile.zip');
    craftZip(file, [{ name: 'holding-export.json', data: JSON.stringify(hostile) }]);
    const target = await open();
    applyHoldingExport(target.vault.db(), await readHoldingExport(file));
    const stored = target.journal.get(String(entry['id']));
    const json = JSON.stringify(stored.body);
    expect(json).not.toContain('javascript:');
    expect(json).not.toContain('onclick');
    expect(json).not.toContain('tracker.example');
    expect(json).not.toContain('"script"');
    expect(json).toContain('click');

    // A check-in pointing at an entry that is not there: the journal's foreign keys refuse it, and nothing
    // of the file is kept, not even the rows before it.
    const broken = {
      ...value,
      tables: {
        ...tables,
        entries: [{ ...entry, id: 'another-entry', seq: 99 }],
        checkins: [
          {
            id: 'c1',
            at: '2026-11-01T09:00:00.000Z',
            capacity: 5,
            energy: null,
            sleep: null,
            load: null,
            helping: '',
            hard: '',
            entry_id: 'not-there',
            created_at: '2026-11-01T09:00:00.000Z',
            updated_at: '2026-11-01T09:00:00.000Z',
          },
        ],
      },
    };
    const brokenFile = path.join(dir, 'broken.zip');
    craftZip(brokenFile, [{ name: 'holding-export.json', data: JSON.stringify(broken) }]);
    const brokenData = await readHoldingExport(brokenFile);
    const before = comparableHashes(target.vault.db());
    expect(() => applyHoldingExport(target.vault.db(), brokenData)).toThrow(/nothing was brought in/);
    expect(comparableHashes(target.vault.db())).toEqual(before);
  }, 120_000);
});
