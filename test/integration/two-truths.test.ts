import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUILTIN_PROMPTS } from '../../common/two-truths/prompts';
import type { TwoTruthsFields } from '../../common/two-truths/two-truths';
import { docFromParagraphs } from '../../common/journal/doc';
import type { Entry } from '../../common/journal/types';
import { REVISION_INTERVAL_MS } from '../../main/journal/journal';
import { expectCode } from '../support/errors';
import { sortedTitles } from '../support/titles';
import { servicesPerTest, type TestServices } from '../support/vault';

type S = TestServices;
const open = servicesPerTest();
afterEach(() => {
  vi.useRealTimers();
});

function saveTruths(s: S, entry: Entry, fields: Partial<TwoTruthsFields>) {
  return s.journal.saveTwoTruths({
    id: entry.id,
    fields: { ...entry.twoTruths!, ...fields },
    eventDate: null,
    tags: ['care'],
    bringToSupervision: false,
    containsClientMaterial: false,
    pinned: false,
  });
}

describe('two-truths entries', () => {
  it('start from a prompt, take their title from their truths, and are found by the journal search', async () => {
    const s = await open();
    const prompt = BUILTIN_PROMPTS.find((p) => p.a === 'I made a mistake.')!;
    const entry = s.journal.createTwoTruths({ prompt });
    expect(entry).toMatchObject({
      kind: 'two-truths',
      title: 'I made a mistake, and yet I am still a good enough clinician',
    });
    expect(entry.twoTruths).toMatchObject({ truthA: prompt.a, truthB: prompt.b, promptId: prompt.id });

    const saved = saveTruths(s, entry, {
      truthA: 'I was short with a colleague.',
      contextA: 'A long week of cover.\n\nThe lighthouse of the team was gone.',
      truthB: 'I care about the people I work with.',
      honouring: 'Say sorry, and ask for cover next time.',
    });
    // Only what was written is counted, not the form's own headings.
    expect(saved.wordCount).toBe(6 + 12 + 8 + 8);
    const stored = s.journal.get(entry.id);
    expect(stored.title).toBe('I was short with a colleague, and yet I care about the people I work with');
    expect(stored.body.content?.map((n) => n.type)).toEqual([
      'heading',
      'paragraph',
      'heading',
      'paragraph',
      'paragraph',
      'heading',
      'paragraph',
      'heading',
      'paragraph',
    ]);
    expect(stored.excerpt.startsWith('I was short with a colleague. A long week of cover.')).toBe(true);

    const journal = s.journal.create({ title: 'An ordinary entry' });
    s.journal.save({ ...journal, body: docFromParagraphs(['Nothing about beacons.']), tags: [] });
    const found = s.journal.list({ query: 'lighthouse' });
    expect(found.items.map((i) => [i.id, i.kind])).toEqual([[entry.id, 'two-truths']]);
    expect(s.journal.list({ kind: 'journal' }).items.map((i) => i.id)).toEqual([journal.id]);
    expect(s.journal.list({ kind: 'two-truths' }).items.map((i) => i.id)).toEqual([entry.id]);
    expect(s.journal.list({}).total).toBe(2);
  });

  it('keep their parts in history and get them back on restore', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const s = await open();
    const entry = s.journal.createTwoTruths({});
    saveTruths(s, entry, { truthA: 'The first version of this truth.', truthB: 'And its partner.' });
    vi.setSystemTime(Date.now() + REVISION_INTERVAL_MS + 1000);
    saveTruths(s, entry, { truthA: 'A rewritten truth.', truthB: 'A rewritten partner.' });
    const [revision] = s.journal.revisions(entry.id);
    expect(s.journal.revision(revision!.id).twoTruths).toMatchObject({ truthA: 'The first version of this truth.' });
    const restored = s.journal.restoreRevision(entry.id, revision!.id);
    expect(restored.twoTruths).toMatchObject({
      truthA: 'The first version of this truth.',
      truthB: 'And its partner.',
    });
    expect(restored.kind).toBe('two-truths');
  });

  it('cannot be saved as a journal entry, nor a journal entry as two truths', async () => {
    const s = await open();
    const truths = s.journal.createTwoTruths({});
    const journal = s.journal.create({});
    expectCode(() => s.journal.save({ ...truths, body: docFromParagraphs(['x']) }), 'INVALID_INPUT', /different kind/);
    expectCode(() => saveTruths(s, { ...journal, twoTruths: truths.twoTruths }, { truthA: 'x' }), 'INVALID_INPUT');
    expectCode(() => saveTruths(s, truths, { contextA: 'x'.repeat(50_001) }), 'INVALID_INPUT', /50,000/);
    expect(s.journal.get(truths.id).twoTruths?.contextA).toBe('');
  });

  it('link to journal entries either way round, and the link goes when an entry is deleted for good', async () => {
    const s = await open();
    const truths = s.journal.createTwoTruths({});
    const a = s.journal.create({ title: 'Clinic' });
    const b = s.journal.create({ title: 'Team meeting' });
    s.journal.link(truths.id, a.id);
    s.journal.link(b.id, truths.id);
    s.journal.link(a.id, truths.id); // already linked the other way: nothing doubles
    expect(sortedTitles(s.journal.links(truths.id))).toEqual(['Clinic', 'Team meeting']);
    expect(s.journal.links(a.id).map((l) => [l.id, l.kind])).toEqual([[truths.id, 'two-truths']]);
    expectCode(() => s.journal.link(a.id, a.id), 'INVALID_INPUT', /itself/);
    expectCode(() => s.journal.link(a.id, '3f1c7a4e-0000-4000-8000-000000000000'), 'NOT_FOUND');

    s.journal.trash(a.id);
    expect(s.journal.links(truths.id).find((l) => l.id === a.id)?.deletedAt).not.toBeNull();
    s.journal.deleteForever(a.id);
    expect(s.journal.links(truths.id).map((l) => l.title)).toEqual(['Team meeting']);
    expect(s.journal.unlink(truths.id, b.id)).toEqual([]);
  });
});

describe('the prompt library', () => {
  it('has at least forty built-in pairs across six themes, and keeps the person’s changes', async () => {
    const s = await open();
    const all = s.prompts.list();
    expect(all.length).toBeGreaterThanOrEqual(40);
    expect(new Set(all.map((p) => p.theme)).size).toBe(6);

    const builtin = all[0]!;
    const reworded = s.prompts.save({
      id: builtin.id,
      theme: 'power',
      a: '  I did what I could.  ',
      b: 'I can see more now.',
    });
    expect(reworded).toMatchObject({ id: builtin.id, theme: builtin.theme, a: 'I did what I could.', edited: true });
    s.prompts.setHidden(builtin.id, true);
    expect(s.prompts.get(builtin.id)).toMatchObject({ hidden: true, a: 'I did what I could.' });
    s.prompts.remove(builtin.id); // back to the original words, shown again
    expect(s.prompts.get(builtin.id)).toMatchObject({ hidden: false, edited: false, a: builtin.a });

    const own = s.prompts.save({ theme: 'care', a: 'I look after everyone at work.', b: 'Nobody looks after me.' });
    expect(own).toMatchObject({ builtin: false, theme: 'care' });
    expect(
      s.prompts
        .list()
        .filter((p) => p.theme === 'care')
        .at(-1)!.id,
    ).toBe(own.id);
    const entry = s.journal.createTwoTruths({ prompt: own });
    s.prompts.setHidden(own.id, true);
    s.prompts.remove(own.id);
    expectCode(() => s.prompts.get(own.id), 'NOT_FOUND');
    // The entry begun from it is untouched.
    expect(s.journal.get(entry.id).twoTruths?.truthA).toBe('I look after everyone at work.');
  });

  it('refuses empty, overlong or themeless prompts', async () => {
    const s = await open();
    const before = s.prompts.list().length;
    expectCode(() => s.prompts.save({ theme: 'care', a: 'Only one side', b: '   ' }), 'INVALID_INPUT', /both/);
    expectCode(() => s.prompts.save({ theme: 'care', a: 'x'.repeat(301), b: 'y' }), 'INVALID_INPUT', /300/);
    expectCode(() => s.prompts.save({ theme: 'weather', a: 'x', b: 'y' }), 'INVALID_INPUT', /theme/);
    expectCode(() => s.prompts.save({ id: 'own:missing', theme: 'care', a: 'x', b: 'y' }), 'NOT_FOUND');
    expectCode(() => s.prompts.setHidden('own:missing', true), 'NOT_FOUND');
    expect(s.prompts.list()).toHaveLength(before);
  });
});

describe('searching two truths', () => {
  it('finds what was written, never the form’s own headings', async () => {
    const s = await open();
    const entry = s.journal.createTwoTruths({});
    saveTruths(s, entry, { truthA: 'Tired today.', truthB: 'Still glad of the work.' });
    expect(s.journal.list({ query: 'glad' }).total).toBe(1);
    // ("and yet" is in the title, which is made from the truths and shown in the list.)
    for (const heading of ['truth', 'comes', 'honouring', 'look']) {
      expect(s.journal.list({ query: heading }).total, heading).toBe(0);
    }
  });
});
