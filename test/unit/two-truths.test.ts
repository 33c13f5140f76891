import { describe, expect, it } from 'vitest';
import { normaliseTwoTruths, twoTruthsDoc, twoTruthsLabel } from '../../common/two-truths/two-truths';
import { plainTextOf } from '../../common/journal/doc';

describe('two truths as a document', () => {
  it('leaves out empty parts and keeps paragraphs and line breaks', () => {
    const doc = twoTruthsDoc(
      normaliseTwoTruths({ truthA: 'First\nline two', truthB: 'Second\r\n\r\nAnother paragraph  ', contextA: '  ' }),
    );
    expect(doc.content?.map((n) => n.type)).toEqual(['heading', 'paragraph', 'heading', 'paragraph', 'paragraph']);
    expect(plainTextOf(doc)).toBe('One truth\nFirst\nline two\nAnd yet\nSecond\nAnother paragraph');
  });

  it('is an empty paragraph when nothing is written', () => {
    expect(twoTruthsDoc(normaliseTwoTruths({}))).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
  });

  it('drops anything that is not text', () => {
    const fields = normaliseTwoTruths({ truthA: 42 as unknown as string, promptId: 'builtin:care-1' });
    expect(fields).toMatchObject({ truthA: '', promptId: 'builtin:care-1' });
  });
});

describe('the label made from two truths', () => {
  it('joins them with "and yet", lowering only an ordinary capital', () => {
    expect(twoTruthsLabel({ truthA: 'The work matters.', truthB: 'The hours are too long.' })).toBe(
      'The work matters, and yet the hours are too long',
    );
    expect(twoTruthsLabel({ truthA: 'I care.', truthB: 'I am tired.' })).toBe('I care, and yet I am tired');
    expect(twoTruthsLabel({ truthA: 'I care', truthB: 'NHS targets press on me' })).toBe(
      'I care, and yet NHS targets press on me',
    );
  });

  it('uses whichever truth there is, and shortens long ones', () => {
    expect(twoTruthsLabel({ truthA: '', truthB: 'Only this one.' })).toBe('Only this one');
    expect(twoTruthsLabel({ truthA: '', truthB: '' })).toBe('');
    const long = twoTruthsLabel({ truthA: 'word '.repeat(40), truthB: 'other' });
    expect(long.length).toBe(90);
    expect(long.endsWith('…')).toBe(true);
  });
});
