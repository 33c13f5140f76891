/**
 * Other journals' exports, made in the tests: Day One's JSON zip, folders of Markdown notes, Standard
 * Notes' backups, and hostile zips and folders. Shared by the import tests, the e2e test and the bench.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';

export interface ZipFileSpec {
  data: string | Buffer;
  /** Unix mode with file type, e.g. 0o120777 for a symbolic link. */
  mode?: number;
  compress?: boolean;
}

/** A zip of these files (yazl, as any zip tool would write it). */
export async function makeZip(files: Record<string, string | Buffer | ZipFileSpec>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, spec] of Object.entries(files)) {
    const s: ZipFileSpec = typeof spec === 'string' || Buffer.isBuffer(spec) ? { data: spec } : spec;
    zip.addBuffer(Buffer.isBuffer(s.data) ? s.data : Buffer.from(s.data, 'utf8'), name, {
      mtime: new Date('2026-03-20T10:00:00Z'),
      ...(s.mode !== undefined ? { mode: s.mode } : {}),
      compress: s.compress ?? true,
    });
  }
  zip.end();
  const pieces: Buffer[] = [];
  for await (const piece of zip.outputStream as AsyncIterable<Buffer>) pieces.push(piece);
  return Buffer.concat(pieces);
}

/** Writes files (by relative path) under a folder, making sub-folders. */
export async function writeFolder(dir: string, files: Record<string, string | Buffer>): Promise<string> {
  for (const [name, data] of Object.entries(files)) {
    const file = path.join(dir, ...name.split('/'));
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, data);
  }
  return dir;
}

export interface DayOneEntrySpec {
  uuid: string;
  creationDate: string;
  modifiedDate?: string;
  timeZone?: string;
  text: string;
  tags?: string[];
  starred?: boolean;
  photos?: { identifier: string; md5: string; type: string }[];
}

/** Day One's Journal.json, as its JSON export writes it. */
export function dayOneJson(entries: DayOneEntrySpec[]): string {
  return JSON.stringify(
    {
      metadata: { version: '1.0' },
      entries: entries.map((e) => ({
        uuid: e.uuid,
        creationDate: e.creationDate,
        modifiedDate: e.modifiedDate ?? e.creationDate,
        timeZone: e.timeZone ?? 'Europe/London',
        text: e.text,
        tags: e.tags ?? [],
        starred: e.starred ?? false,
        duration: 0,
        isPinned: false,
        creationDevice: 'iPhone',
        ...(e.photos ? { photos: e.photos } : {}),
      })),
    },
    null,
    2,
  );
}

/** A small Day One export with the traps: time zones across midnight, escapes, same-second entries, photos. */
export const DAY_ONE_ENTRIES: DayOneEntrySpec[] = [
  {
    // 02:30 UTC on the 15th is still the 14th in New York.
    uuid: 'A1B2C3D4E5F60718293A4B5C6D7E8F90',
    creationDate: '2026-03-15T02:30:00Z',
    modifiedDate: '2026-03-15T03:00:00Z',
    timeZone: 'America/New_York',
    text: '# Ward round\n\nIt went well\\. Really\\.\n\\- not a list\n\n![](dayone-moment://PHOTO1)\n\n- [ ] call back\n- [x] notes done\n\n| Who | What |\n|---|---|\n| Me | Listened |',
    tags: ['work', 'reflection'],
    starred: true,
    photos: [{ identifier: 'PHOTO1', md5: 'abc', type: 'jpeg' }],
  },
  {
    // 23:30 UTC on the 14th is already the 15th in Tokyo.
    uuid: 'B1B2C3D4E5F60718293A4B5C6D7E8F90',
    creationDate: '2026-03-14T23:30:00Z',
    timeZone: 'Asia/Tokyo',
    text: 'Late shift thoughts \\(short\\)\\!',
    tags: ['work'],
  },
  {
    // Two entries written in the same second: both come in.
    uuid: 'C1B2C3D4E5F60718293A4B5C6D7E8F90',
    creationDate: '2026-03-16T08:00:00Z',
    text: 'First of two in one second',
  },
  {
    uuid: 'D1B2C3D4E5F60718293A4B5C6D7E8F90',
    creationDate: '2026-03-16T08:00:00Z',
    text: 'Second of two in one second',
  },
];

export async function dayOneZip(entries = DAY_ONE_ENTRIES): Promise<Buffer> {
  return makeZip({ 'Journal.json': dayOneJson(entries), 'photos/abc.jpeg': Buffer.from([0xff, 0xd8, 0xff, 0xe0]) });
}

/** An Obsidian-like vault: front matter, a daily note, sub-folders, wikilinks with aliases, a table, tasks. */
export const MARKDOWN_NOTES: Record<string, string> = {
  'Daily/2026-03-14.md': [
    '---',
    'tags: [supervision, "hard day"]',
    '---',
    'Talked it through with [[Clinical/Supervision notes|my supervisor]] and [[Boundaries]].',
    '',
    '- [x] write it down',
    '- [ ] bring to supervision',
  ].join('\n'),
  'Clinical/Supervision notes.md': [
    '---',
    'title: Supervision notes',
    'created: 2026-03-10T21:15:00+01:00',
    'updated: 2026-03-12T09:00:00Z',
    'aliases: [Sup notes]',
    '---',
    '## What I took away',
    '',
    '| Theme | Action |',
    '| --- | --- |',
    '| Boundaries | Say no sooner |',
    '',
    'See [the guide](https://example.org/guide) and ~~old~~ **new** *ideas*.',
  ].join('\n'),
  'Boundaries.md': [
    '---',
    'title: On boundaries',
    'date: 2026-02-01',
    'tags: values',
    '---',
    'Linked back to [[Sup notes]].',
    '',
    '<script>alert("x")</script>',
    '',
    '![](https://tracker.example/pixel.png)',
    '',
    'Safe words stay. <img src="https://tracker.example/a.png" onerror="alert(1)">',
  ].join('\n'),
  'attachments/scan.pdf': '%PDF-1.4',
};

export const STANDARD_NOTES_BACKUP = JSON.stringify({
  version: '004',
  items: [
    {
      uuid: 'note-1',
      content_type: 'Note',
      created_at: '2026-01-05T22:30:00.000Z',
      updated_at: '2026-01-06T08:00:00.000Z',
      content: { title: 'After the team meeting', text: 'Felt **heard** today.\n\n- one\n- two', references: [] },
    },
    {
      uuid: 'note-2',
      content_type: 'Note',
      created_at: '2026-01-07T10:00:00.000Z',
      updated_at: '2026-01-07T10:00:00.000Z',
      content: { title: 'Binned', text: 'gone', trashed: true, references: [] },
    },
    {
      uuid: 'tag-1',
      content_type: 'Tag',
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
      content: { title: 'team', references: [{ uuid: 'note-1', content_type: 'Note' }] },
    },
  ],
});

export const STANDARD_NOTES_ENCRYPTED = JSON.stringify({
  version: '004',
  keyParams: { identifier: 'me@example.org', version: '004' },
  items: [
    {
      uuid: 'note-1',
      content_type: 'Note',
      enc_item_key: '004:abc',
      content: '004:nonce:ciphertext:authdata',
      created_at: '2026-01-05T22:30:00.000Z',
      updated_at: '2026-01-06T08:00:00.000Z',
    },
  ],
});
