/** How a settled export becomes a share's items, and which program arguments are bundle files. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { itemCount, itemsPhrase } from '../../common/export/items';
import type { ExportDocument } from '../../common/export/types';
import { sharePayloadSchema } from '../../common/sharing/types';
import { bundlePathsIn, shareItemsOf } from '../../main/sharing/sharing';

const plain = (text: string) => [{ text }];

const doc: ExportDocument = {
  title: plain('For supervision'),
  preparedOn: '2026-11-21',
  sections: [
    {
      kind: 'entry',
      sourceId: '5f0c4ad4-0000-4000-8000-000000000001',
      title: plain('A hard afternoon'),
      meta: 'Written 14 November 2026',
      blocks: [{ type: 'paragraph', content: plain('I stayed with it.') }],
      clientMaterial: true,
    },
    {
      kind: 'agenda',
      sourceId: 'supervisor-id',
      title: plain('Agenda for our next supervision'),
      meta: '2 items',
      blocks: [
        { type: 'heading', level: 2, content: plain('1. Staying with not knowing') },
        { type: 'fields', rows: [{ label: 'Question', value: plain('How do I hold it?') }] },
        { type: 'heading', level: 2, content: plain('2. Endings') },
        { type: 'fields', rows: [{ label: 'Notes', value: plain('Soon.') }] },
      ],
      clientMaterial: false,
      parts: [
        { sourceId: 'item-1', from: 0, to: 2 },
        { sourceId: 'item-2', from: 2, to: 4 },
      ],
    },
    {
      kind: 'hours',
      sourceId: 'supervisor-id',
      title: plain('Hours'),
      meta: null,
      blocks: [],
      clientMaterial: false,
    },
  ],
};

describe('shareItemsOf', () => {
  it('gives each section, and each agenda item, its own random reference, and keeps the ids at home', () => {
    const items = shareItemsOf(doc);
    expect(items.map((i) => [i.item.kind, i.sourceId])).toEqual([
      ['entry', '5f0c4ad4-0000-4000-8000-000000000001'],
      ['agenda-item', 'item-1'],
      ['agenda-item', 'item-2'],
      ['hours', null],
    ]);
    expect(items[1]!.item.title).toEqual(plain('1. Staying with not knowing'));
    expect(items[1]!.item.blocks).toEqual([doc.sections[1]!.blocks[1]]);
    expect(items[0]!.item.clientMaterial).toBe(true);
    const refs = items.map((i) => i.item.ref);
    expect(new Set(refs).size).toBe(4);
    for (const ref of refs) expect(ref).toMatch(/^[A-Za-z0-9_-]{22}$/);
    // Fresh every time: two shares of the same thing cannot be linked by their references.
    expect(shareItemsOf(doc)[0]!.item.ref).not.toBe(refs[0]);
    // What travels holds none of the vault's ids, and passes the schema the other side checks.
    const payload = {
      type: 'holding.share.v1',
      title: 'For supervision',
      preparedOn: '2026-11-21',
      items: items.map((i) => i.item),
    };
    expect(JSON.stringify(payload)).not.toMatch(/5f0c4ad4|item-1|supervisor-id/);
    expect(sharePayloadSchema.safeParse(payload).success).toBe(true);
  });

  it('refuses payloads with unknown members, repeated references or deep junk', () => {
    const item = shareItemsOf(doc)[0]!.item;
    const base = { type: 'holding.share.v1', title: 'x', preparedOn: '2026-11-21' };
    expect(sharePayloadSchema.safeParse({ ...base, items: [item, item] }).success).toBe(false);
    expect(sharePayloadSchema.safeParse({ ...base, items: [{ ...item, entryId: 'x' }] }).success).toBe(false);
    expect(sharePayloadSchema.safeParse({ ...base, items: [{ ...item, blocks: [{ type: 'script' }] }] }).success).toBe(
      false,
    );
    expect(sharePayloadSchema.safeParse({ ...base, items: [] }).success).toBe(false);
  });
});

describe('itemCount', () => {
  it('counts an export and the share made from it the same: each agenda item is an item', () => {
    const items = shareItemsOf(doc).map((s) => s.item);
    expect(itemCount(doc.sections)).toBe(4);
    expect(itemCount(items)).toBe(4);
    expect(items).toHaveLength(4);
    expect(itemsPhrase(4)).toBe('4 items');
    expect(itemsPhrase(1)).toBe('1 item');
  });

  it('counts an agenda with nothing on it yet as one item, as the share carries it', () => {
    const empty: ExportDocument = {
      ...doc,
      sections: [{ ...doc.sections[1]!, blocks: [{ type: 'paragraph', content: plain('Nothing yet.') }], parts: [] }],
    };
    expect(itemCount(empty.sections)).toBe(1);
    expect(shareItemsOf(empty)).toHaveLength(1);
    expect(
      itemCount([
        { kind: 'agenda', parts: { length: 0 } },
        { kind: 'agenda', parts: { length: 3 } },
      ]),
    ).toBe(4);
  });
});

describe('bundlePathsIn', () => {
  it('finds bundle files among the arguments, relative to the folder they were given in', () => {
    expect(
      bundlePathsIn(
        ['--data-dir', '/tmp/x', 'Holding share 2026-11-21.holdingbundle', 'notes.txt', '--flag=a.holdingbundle'],
        '/home/sam',
      ),
    ).toEqual([path.resolve('/home/sam', 'Holding share 2026-11-21.holdingbundle')]);
    expect(bundlePathsIn(['/a/B.HOLDINGBUNDLE'])).toEqual(['/a/B.HOLDINGBUNDLE']);
    expect(bundlePathsIn(['.', 'app.asar'])).toEqual([]);
  });

  it('reads the file:// addresses a Linux desktop file hands over (%U), spaces and accents included', () => {
    expect(bundlePathsIn(['file:///home/sam/Holding%20share%202026-11-21.holdingbundle'])).toEqual([
      '/home/sam/Holding share 2026-11-21.holdingbundle',
    ]);
    expect(bundlePathsIn(['file:///home/zo%C3%AB/Feedback.HoldingBundle'])).toEqual([
      '/home/zoë/Feedback.HoldingBundle',
    ]);
    // Another machine's file, or an address that is not a file at all, is left alone.
    expect(bundlePathsIn(['file://server/share/x.holdingbundle', 'https://example.org/x.holdingbundle'])).toEqual([]);
  });
});
