/**
 * The window's side of settling findings (renderer/src/features/export/draft.ts): decisions go by the key main
 * decides by, groups split and join, stand-ins that give something away settle nothing, and pseudonyms the
 * person chose stay as they saw them when the check reads everything again.
 */
import { describe, expect, it } from 'vitest';
import { keyOf } from '../../common/export/resolve';
import type { ExportCheck, ExportFinding, FindingKind } from '../../common/export/types';
import {
  type Decisions,
  EMPTY_DECISIONS,
  isUndecided,
  join,
  keepStandIns,
  outcomeOf,
  putBack,
  refuser,
  resolutionsOf,
  takeOut,
  undecidedCount,
  valuesOf,
} from '../../renderer/src/features/export/draft';

let n = 0;
const finding = (
  text: string,
  valueKey: string,
  variantKey: string,
  kind: FindingKind = 'person-name',
): ExportFinding => ({
  id: `0:${n}:${(n += text.length)}`,
  kind,
  text,
  valueKey,
  variantKey,
  sectionIndex: 0,
  sectionTitle: 'A long Thursday',
  before: '',
  after: '',
});

const MARIA = 'name:maria kowalski';
const maria = finding('Maria Kowalski', MARIA, MARIA);
const mariaAlone = finding('Maria', MARIA, 'name:maria');
const msKowalski = finding('Ms Kowalski', MARIA, 'name:ms kowalski');
const ngozi = finding('Ngozi', 'name:ngozi', 'name:ngozi');
const okafor = finding('Dr Okafor', 'name:dr okafor', 'name:dr okafor');
const findings = [maria, mariaAlone, msKowalski, ngozi, okafor];
const suggested: Record<string, string> = {
  [MARIA]: 'Person A',
  'name:ngozi': 'Person B',
  'name:dr okafor': 'Colleague A',
  'name:maria': 'Person C',
  'name:ms kowalski': 'Person D',
};
const withChoices = (byValue: Decisions['byValue'], more: Partial<Decisions> = {}): Decisions => ({
  ...EMPTY_DECISIONS,
  byValue,
  ...more,
});

describe('decisions by key', () => {
  it('one decision for a group settles every form of the name, with one pseudonym', () => {
    const d = withChoices({ [MARIA]: { action: 'pseudonym' } });
    for (const f of [maria, mariaAlone, msKowalski])
      expect(outcomeOf(f, d, suggested)).toEqual({ action: 'pseudonym', text: 'Person A' });
    expect(undecidedCount(findings, d, suggested)).toBe(2);
    expect(resolutionsOf(findings, d)).toEqual({
      byValue: { [MARIA]: { action: 'pseudonym' } },
      byFinding: {},
      pseudonyms: {},
    });
  });

  it('a form taken out is its own group, with the decision to use a pseudonym but a pseudonym of its own', () => {
    const d = takeOut(msKowalski, withChoices({ [MARIA]: { action: 'pseudonym' } }));
    expect(keyOf(msKowalski, d)).toBe('name:ms kowalski');
    expect(outcomeOf(msKowalski, d, suggested)).toEqual({ action: 'pseudonym', text: 'Person D' });
    expect(outcomeOf(mariaAlone, d, suggested)?.text).toBe('Person A');
    expect(resolutionsOf(findings, d).split).toEqual(['name:ms kowalski']);
    // Put back, it is one with the group again.
    const back = putBack(msKowalski, d);
    expect(keyOf(msKowalski, back)).toBe(MARIA);
    expect(resolutionsOf(findings, back).split).toBeUndefined();
  });

  it('a reason to keep is not carried to a form taken out: it was given for someone else', () => {
    const d = takeOut(msKowalski, withChoices({ [MARIA]: { action: 'keep', reason: 'A public figure' } }));
    expect(isUndecided(msKowalski, d, suggested)).toBe(true);
  });

  it('"the same person" decides and stands in as the other, and taking it out again undoes it', () => {
    const d = join('name:ngozi', 'name:dr okafor', withChoices({ 'name:dr okafor': { action: 'pseudonym' } }));
    expect(keyOf(ngozi, d)).toBe('name:dr okafor');
    expect(outcomeOf(ngozi, d, suggested)).toEqual({ action: 'pseudonym', text: 'Colleague A' });
    expect(resolutionsOf(findings, d).same).toEqual({ 'name:ngozi': 'name:dr okafor' });
    const apart = takeOut(ngozi, d);
    expect(keyOf(ngozi, apart)).toBe('name:ngozi');
    expect(resolutionsOf(findings, apart).same).toBeUndefined();
  });

  it('joining a group that others were joined to takes them along, so no chain is needed', () => {
    const d = join(MARIA, 'name:dr okafor', join('name:ngozi', MARIA, EMPTY_DECISIONS));
    expect(d.same).toEqual({ 'name:ngozi': 'name:dr okafor', [MARIA]: 'name:dr okafor' });
    expect(keyOf(ngozi, d)).toBe('name:dr okafor');
    expect(join('name:dr okafor', 'name:ngozi', d)).toBe(d);
  });

  it('a typed pseudonym that matched the group goes when its words are taken out again', () => {
    let d = withChoices(
      { 'name:dr okafor': { action: 'pseudonym' }, 'name:ngozi': { action: 'pseudonym' } },
      { pseudonyms: { 'name:ngozi': 'Dr B', 'name:dr okafor': 'Dr B' } },
    );
    d = takeOut(ngozi, join('name:ngozi', 'name:dr okafor', d));
    expect(outcomeOf(ngozi, d, suggested)?.text).toBe('Person B');
  });
});

describe('pseudonyms that give something away', () => {
  it('settle nothing: a word of the name itself, or of anything else the check found', () => {
    const refuse = refuser(valuesOf(findings));
    const own = withChoices({ [MARIA]: { action: 'pseudonym' } }, { pseudonyms: { [MARIA]: 'Ms K. Maria' } });
    expect(isUndecided(mariaAlone, own, suggested, refuse)).toBe(true);
    expect(refuse('Ms K. Maria', ['Maria Kowalski'])).toEqual({ word: 'Maria', value: 'Maria Kowalski', other: false });
    const other = withChoices({ 'name:ngozi': { action: 'pseudonym' } }, { pseudonyms: { 'name:ngozi': 'Okafor' } });
    expect(isUndecided(ngozi, other, suggested)).toBe(false);
    expect(isUndecided(ngozi, other, suggested, refuse)).toBe(true);
    expect(refuse('Okafor', ['Ngozi'])).toEqual({ word: 'Okafor', value: 'Dr Okafor', other: true });
  });
});

describe('when the check reads everything again', () => {
  const check = (pseudonyms: Record<string, string>): ExportCheck => ({
    fingerprint: 'f',
    findings,
    pseudonyms,
    clientMaterial: [],
    sections: 1,
    words: 10,
  });

  it('a pseudonym chosen by its suggestion stays as it was seen, unless another now stands in as it', () => {
    const d = withChoices({ [MARIA]: { action: 'pseudonym' }, 'name:ngozi': { action: 'pseudonym' } });
    const after = check({ ...suggested, [MARIA]: 'Person C', 'name:ngozi': 'Person A' });
    const kept = keepStandIns(d, suggested, after);
    // Ngozi was Person B, and nobody is now: kept. Maria was Person A, which is Ngozi's now: not kept.
    expect(kept.pseudonyms).toEqual({ 'name:ngozi': 'Person B' });
    expect(keepStandIns(d, suggested, check(suggested))).toBe(d);
  });
});
