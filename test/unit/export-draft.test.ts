/**
 * The window's side of settling findings (renderer/src/features/export/draft.ts): decisions go by the key main
 * decides by, groups split and join (and come apart again cleanly), stand-ins that give something away or that
 * main refuses settle nothing, nor does a pseudonym shared with another group until the person says whether
 * they are one, stand-ins stay as the person saw them when the check reads everything again, and words the
 * check missed are found as the check finds them.
 */
import { describe, expect, it } from 'vitest';
import { keyOf } from '../../common/export/resolve';
import type { ExportCheck, ExportFinding, FindingKind } from '../../common/export/types';
import {
  clashesOf,
  type Decisions,
  decideFound,
  EMPTY_DECISIONS,
  foundFor,
  isUndecided,
  join,
  keepStandIns,
  markdownToWords,
  outcomeOf,
  pseudonymFor,
  putBack,
  refusedNow,
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
    const d = takeOut(msKowalski, withChoices({ [MARIA]: { action: 'pseudonym' } }), suggested);
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
    const d = takeOut(msKowalski, withChoices({ [MARIA]: { action: 'keep', reason: 'A public figure' } }), suggested);
    expect(isUndecided(msKowalski, d, suggested)).toBe(true);
  });

  it('"the same person" decides and stands in as the other, and taking it out again undoes it', () => {
    const d = join('name:ngozi', 'name:dr okafor', withChoices({ 'name:dr okafor': { action: 'pseudonym' } }));
    expect(keyOf(ngozi, d)).toBe('name:dr okafor');
    expect(outcomeOf(ngozi, d, suggested)).toEqual({ action: 'pseudonym', text: 'Colleague A' });
    expect(resolutionsOf(findings, d).same).toEqual({ 'name:ngozi': 'name:dr okafor' });
    const apart = takeOut(ngozi, d, suggested);
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
    d = takeOut(ngozi, join('name:ngozi', 'name:dr okafor', d), suggested);
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

describe('coming apart again', () => {
  it('"Not the same person" after a yes: the pseudonym typed to match the suggested one goes, and each has its own', () => {
    // Ngozi was given the pseudonym Dr Okafor had only been suggested ("Colleague A"), then said to be him.
    let d = withChoices(
      { 'name:dr okafor': { action: 'pseudonym' }, 'name:ngozi': { action: 'pseudonym' } },
      { pseudonyms: { 'name:ngozi': 'Colleague A' } },
    );
    d = join('name:ngozi', 'name:dr okafor', d);
    expect(outcomeOf(ngozi, d, suggested)?.text).toBe('Colleague A');
    d = takeOut(ngozi, d, suggested);
    expect(keyOf(ngozi, d)).toBe('name:ngozi');
    expect(outcomeOf(okafor, d, suggested)?.text).toBe('Colleague A');
    expect(outcomeOf(ngozi, d, suggested)?.text).toBe('Person B');
    expect(d.pseudonyms).toEqual({});
    expect(clashesOf(findings, d, suggested).size).toBe(0);
  });

  it('a pseudonym typed to match one kept as the person saw it goes too', () => {
    let d = withChoices(
      { 'name:dr okafor': { action: 'pseudonym' }, 'name:ngozi': { action: 'pseudonym' } },
      { pseudonyms: { 'name:ngozi': 'colleague c ' }, pinned: { 'name:dr okafor': 'Colleague C' } },
    );
    d = takeOut(ngozi, join('name:ngozi', 'name:dr okafor', d), suggested);
    expect(outcomeOf(ngozi, d, suggested)?.text).toBe('Person B');
    expect(outcomeOf(okafor, d, suggested)?.text).toBe('Colleague C');
  });

  it('a pseudonym typed that differs from the group it joined stays, when taken out again', () => {
    let d = withChoices(
      { 'name:dr okafor': { action: 'pseudonym' }, 'name:ngozi': { action: 'pseudonym' } },
      { pseudonyms: { 'name:ngozi': 'The registrar' } },
    );
    d = takeOut(ngozi, join('name:ngozi', 'name:dr okafor', d), suggested);
    expect(outcomeOf(ngozi, d, suggested)?.text).toBe('The registrar');
  });

  it('any form of a group joined to another takes the whole group out, not just that form', () => {
    let d = withChoices(
      { [MARIA]: { action: 'pseudonym' }, 'name:dr okafor': { action: 'pseudonym' } },
      { pseudonyms: { [MARIA]: 'Colleague A' } },
    );
    d = join(MARIA, 'name:dr okafor', d);
    for (const f of [maria, mariaAlone, msKowalski]) expect(keyOf(f, d)).toBe('name:dr okafor');
    d = takeOut(msKowalski, d, suggested);
    for (const f of [maria, mariaAlone, msKowalski]) expect(keyOf(f, d)).toBe(MARIA);
    expect(d.split).toEqual([]);
    expect(outcomeOf(msKowalski, d, suggested)?.text).toBe('Person A');
  });

  it('split off again after being put back, a form starts afresh: nothing decided for it before comes back', () => {
    let d = withChoices({ [MARIA]: { action: 'pseudonym' } });
    d = takeOut(msKowalski, d, suggested);
    d = {
      ...d,
      byValue: { ...d.byValue, 'name:ms kowalski': { action: 'keep', reason: 'Her married name, not hers now' } },
      pseudonyms: { ...d.pseudonyms, 'name:ms kowalski': 'Mrs K' },
    };
    d = putBack(msKowalski, d);
    d = { ...d, byValue: { ...d.byValue, [MARIA]: { action: 'redact' } } };
    d = takeOut(msKowalski, d, suggested);
    expect(d.byValue['name:ms kowalski']).toEqual({ action: 'redact' });
    expect(d.pseudonyms['name:ms kowalski']).toBeUndefined();
    d = takeOut(
      msKowalski,
      putBack(msKowalski, { ...d, byValue: { [MARIA]: { action: 'keep', reason: 'Fine' } } }),
      suggested,
    );
    expect(isUndecided(msKowalski, d, suggested)).toBe(true);
  });

  it('put back, a form brings along whatever was said to be the same as it', () => {
    let d = takeOut(msKowalski, withChoices({ [MARIA]: { action: 'pseudonym' } }), suggested);
    d = join('name:ngozi', 'name:ms kowalski', d);
    expect(keyOf(ngozi, d)).toBe('name:ms kowalski');
    d = putBack(msKowalski, d);
    expect(keyOf(msKowalski, d)).toBe(MARIA);
    expect(keyOf(ngozi, d)).toBe(MARIA);
    expect(d.same).toEqual({ 'name:ngozi': MARIA });
  });
});

describe('"Are these the same person?"', () => {
  const both = (typed: string) =>
    withChoices(
      { [MARIA]: { action: 'pseudonym' }, 'name:ngozi': { action: 'pseudonym' } },
      { pseudonyms: { 'name:ngozi': typed } },
    );

  it('unanswered, the group where the pseudonym was typed is still to decide, and saving waits', () => {
    const d = both('person a');
    expect(clashesOf(findings, d, suggested)).toEqual(new Map([['name:ngozi', MARIA]]));
    expect(undecidedCount(findings, d, suggested)).toBe(2);
    // Maria's own group, where nothing was typed, is not asked.
    expect(isUndecided(maria, d, suggested, refuser([]), { clashes: clashesOf(findings, d, suggested) })).toBe(false);
    // Answered yes, they are one; answered with another pseudonym, they are two.
    expect(undecidedCount(findings, join('name:ngozi', MARIA, d), suggested)).toBe(1);
    expect(undecidedCount(findings, both('Person Q'), suggested)).toBe(1);
  });

  it('is asked across kinds too: "Ward A" typed for a person', () => {
    const ward = finding('Harewood Ward', 'place:harewood ward', 'place:harewood ward', 'place');
    const all = [...findings, ward];
    const d = withChoices(
      { 'place:harewood ward': { action: 'pseudonym' }, 'name:ngozi': { action: 'pseudonym' } },
      { pseudonyms: { 'name:ngozi': 'Ward A' } },
    );
    const withWard = { ...suggested, 'place:harewood ward': 'Ward A' };
    expect(clashesOf(all, d, withWard).get('name:ngozi')).toBe('place:harewood ward');
    expect(isUndecided(ngozi, d, withWard, refuser([]), { clashes: clashesOf(all, d, withWard) })).toBe(true);
  });

  it('is not asked of a group whose pseudonym is not in use', () => {
    const d = withChoices({ 'name:ngozi': { action: 'pseudonym' } }, { pseudonyms: { 'name:ngozi': 'Person A' } });
    expect(clashesOf(findings, d, suggested).size).toBe(0);
  });
});

describe('stand-ins main refuses', () => {
  it('keep the group still to decide while the stand-in shown is the one refused', () => {
    // "Sam" is on the names list ("Sam Rivers"): main refuses it though nothing in this export says so.
    const d = withChoices({ 'name:ngozi': { action: 'pseudonym' } }, { pseudonyms: { 'name:ngozi': 'Sam' } });
    const fromMain = [{ key: 'name:ngozi', pseudonym: 'Sam', word: null }];
    const refused = refusedNow(fromMain, d, suggested);
    expect(refused.get('name:ngozi')).toEqual(fromMain[0]);
    expect(isUndecided(ngozi, d, suggested, refuser(valuesOf(findings)))).toBe(false);
    expect(isUndecided(ngozi, d, suggested, refuser(valuesOf(findings)), { refused })).toBe(true);
    expect(undecidedCount(findings, d, suggested, refuser(valuesOf(findings)), {})).toBe(4);
    expect(undecidedCount(findings, d, suggested, refuser(valuesOf(findings)), { refused })).toBe(5);
    // Another typed since: main's answer was about "Sam", not this.
    const now = { ...d, pseudonyms: { 'name:ngozi': 'Colleague Z' } };
    expect(refusedNow(fromMain, now, suggested).size).toBe(0);
  });
});

describe('when the check reads everything again', () => {
  const check = (pseudonyms: Record<string, string>, more: ExportFinding[] = []): ExportCheck => ({
    fingerprint: 'f',
    findings: [...more, ...findings],
    pseudonyms,
    clientMaterial: [],
    items: 1,
    words: 10,
  });
  const biscuit = finding('Biscuit', 'name:biscuit', 'name:biscuit', 'added');

  it('every stand-in shown for a decided group stays, and a new group takes a letter nobody uses', () => {
    const d = withChoices({ [MARIA]: { action: 'pseudonym' }, 'name:ngozi': { action: 'pseudonym' } });
    // "Biscuit", added first in reading order, is lettered first: everyone's suggestion moves along one.
    const after = check(
      {
        'name:biscuit': 'Person A',
        [MARIA]: 'Person B',
        'name:ngozi': 'Person C',
        'name:dr okafor': 'Colleague A',
        'name:maria': 'Person D',
        'name:ms kowalski': 'Person E',
      },
      [biscuit],
    );
    const kept = keepStandIns(d, suggested, after);
    const shown = (key: string) => pseudonymFor(key, kept, after.pseudonyms);
    expect(shown(MARIA)).toBe('Person A');
    expect(shown('name:ngozi')).toBe('Person B');
    expect(shown('name:dr okafor')).toBe('Colleague A');
    expect(shown('name:biscuit')).toBe('Person C');
    // Every stand-in, forms that could be split off included, is one person's only.
    const all = Object.keys(after.pseudonyms).map(shown);
    expect(new Set(all).size).toBe(all.length);
    // Sent to main as they are shown, so the preview and the file say the same.
    expect(resolutionsOf(after.findings, kept).pseudonyms).toEqual({
      [MARIA]: 'Person A',
      'name:ngozi': 'Person B',
      'name:biscuit': 'Person C',
    });
    expect(outcomeOf(mariaAlone, kept, after.pseudonyms)?.text).toBe('Person A');
    // Not typed by the person: no question of whether two are one.
    expect(kept.pseudonyms).toEqual({});
  });

  it('nothing changes when the suggestions are as they were', () => {
    const d = withChoices({ [MARIA]: { action: 'pseudonym' } });
    expect(keepStandIns(d, suggested, check(suggested))).toBe(d);
  });

  it('a new group is not given a pseudonym the person typed for someone else', () => {
    const d = withChoices({ 'name:ngozi': { action: 'pseudonym' } }, { pseudonyms: { 'name:ngozi': 'Person F' } });
    const after = check({ ...suggested, 'name:biscuit': 'Person F' }, [biscuit]);
    const kept = keepStandIns(d, suggested, after);
    expect(pseudonymFor('name:biscuit', kept, after.pseudonyms)).not.toBe('Person F');
    expect(pseudonymFor('name:ngozi', kept, after.pseudonyms)).toBe('Person F');
  });
});

describe('words the check missed', () => {
  const check = (more: ExportFinding[]): ExportCheck => ({
    fingerprint: 'f',
    findings: [...findings, ...more],
    pseudonyms: { ...suggested, 'name:kwame mensah': 'Person E', 'name:biscuit': 'Person F' },
    clientMaterial: [],
    items: 1,
    words: 10,
  });

  it('typed words of several are found as a whole, wherever the check found them so', () => {
    const kwame = finding('kwame  Mensah', 'name:kwame mensah', 'name:kwame mensah', 'added');
    const found = foundFor(check([kwame]), 'Kwame Mensah', 'look-for');
    expect(found.findings).toEqual([kwame]);
    expect(found.texts).toEqual(['kwame  Mensah']);
  });

  it('words found only in part are not found: nothing of the whole was', () => {
    const parts = [
      finding('Kwame', 'name:kwame', 'name:kwame', 'person-name'),
      finding('Mensah', 'name:mensah', 'name:mensah', 'person-name'),
    ];
    const found = foundFor(check(parts), 'Kwame Mensah', 'look-for');
    expect(found.findings).toEqual([]);
    expect(found.within).toEqual([]);
  });

  it('on the names list, each word of a whole name is found on its own', () => {
    const parts = [
      finding('Kwame', 'name:kwame', 'name:kwame', 'listed-name'),
      finding('MENSAH', 'name:mensah', 'name:mensah', 'listed-name'),
      finding('Kwame', 'name:kwame', 'name:kwame', 'listed-name'),
    ];
    const found = foundFor(check(parts), 'Kwame Mensah', 'names');
    expect(found.findings).toHaveLength(3);
    expect(found.texts).toEqual(['Kwame', 'MENSAH']);
  });

  it('words inside something longer the check found are said to be there', () => {
    const found = foundFor(check([]), 'Okafor', 'look-for');
    expect(found.findings).toEqual([]);
    expect(found.within).toEqual([okafor]);
  });

  it('"Redact this" replaces what was decided for their group, and any finding in it decided on its own', () => {
    const biscuit = finding('Biscuit', MARIA, 'name:biscuit', 'added');
    const d = withChoices(
      { [MARIA]: { action: 'keep', reason: 'Her own wish' } },
      { byFinding: { [mariaAlone.id]: { choice: { action: 'pseudonym' }, text: 'Maria', valueKey: MARIA } } },
    );
    const all = [...findings, biscuit];
    const next = decideFound(d, all, [biscuit], 'redact');
    expect(next.byValue[MARIA]).toEqual({ action: 'redact' });
    expect(next.byFinding).toEqual({});
    for (const f of [maria, mariaAlone, msKowalski, biscuit])
      expect(outcomeOf(f, next, suggested)?.text).toBe('[redacted]');
    expect(outcomeOf(ngozi, next, suggested)).toBeNull();
  });

  it('selected in the Markdown, the marks around words are not part of them', () => {
    expect(markdownToWords('**Biscuit**')).toBe('Biscuit');
    expect(markdownToWords('_Biscuit_ and `Pepper`')).toBe('Biscuit and Pepper');
    expect(markdownToWords('Tom\\_Hill \\<3')).toBe('Tom_Hill <3');
  });
});
