/**
 * Invented material for export tests, the sample export and the benchmark: entries that hold one of each
 * kind of identifier the check looks for. Nobody here is real; the NHS number is a valid-looking invented one.
 */
import type { Resolutions } from '../../common/export/types';
import type { DocNode } from '../../common/journal/doc';
import type { Services } from '../../main/app';

/** 943 476 5919 passes the modulus-11 check; it is the example number NHS Digital publishes for testing. */
export const IDENTIFIERS = {
  nhs: '943 476 5919',
  dob: '14/03/1987',
  postcode: 'LS6 2QT',
  phone: '07700 900123',
  email: 'k.ashworth@example.org',
  listedName: 'Keziah',
  /** A name nobody listed; compromise finds it from context. */
  nlpName: 'Margaret Okafor',
  place: 'Harewood Ward',
} as const;

export const NAMES_LIST = ['Keziah', 'Dr Rafferty'];
export const PLACES_LIST = ['Harewood Ward'];

const p = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content });
const t = (text: string, ...marks: string[]): DocNode =>
  marks.length ? { type: 'text', text, marks: marks.map((type) => ({ type })) } : { type: 'text', text };

export function identifyingDoc(): DocNode {
  const i = IDENTIFIERS;
  return {
    type: 'doc',
    content: [
      p(t(`Keziah came to ${i.place} again today. Her NHS number is ${i.nhs} and she was born on ${i.dob}.`)),
      p(
        t('She lives near '),
        t(i.postcode, 'bold'),
        t(` and gave ${i.phone} as her number; her sister's e-mail is ${i.email}.`),
      ),
      p(t(`Afterwards I spoke with ${i.nlpName} about it, and Keziah's plan.`)),
      { type: 'heading', attrs: { level: 2 }, content: [t('What I noticed in myself')] },
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [p(t('Tired, and a bit flat after '), t('Keziah', 'italic'), t(' left.'))] },
          { type: 'listItem', content: [p(t('Pleased that I stayed curious.'))] },
        ],
      },
    ],
  };
}

/** Two entries with identifiers and one without; returns their ids in order. */
export function seedIdentifyingEntries(services: Services): { ids: string[] } {
  const a = services.journal.create({ title: 'A hard afternoon with Keziah' });
  services.journal.save({
    ...a,
    body: identifyingDoc(),
    tags: [],
    bringToSupervision: true,
    containsClientMaterial: true,
  });
  const b = services.journal.create({ title: 'Thinking it over' });
  services.journal.save({
    ...b,
    body: {
      type: 'doc',
      content: [p(t('I keep coming back to Keziah. I told Margaret Okafor I would bring it to supervision.'))],
    },
    tags: [],
  });
  const c = services.journal.create({ title: 'A good day' });
  services.journal.save({
    ...c,
    body: { type: 'doc', content: [p(t('Everything felt manageable; I walked home the long way.'))] },
    tags: [],
  });
  services.settings.update({ deidNames: NAMES_LIST, deidPlaces: PLACES_LIST });
  return { ids: [a.id, b.id, c.id] };
}

/** Which of the fixture's identifying values (and the names' parts) are still in a text: should be none. */
export function identifiersLeftIn(text: string): string[] {
  const flat = text.replace(/\s+/g, ' ');
  const i = IDENTIFIERS;
  return [i.nhs, i.dob, i.postcode, i.phone, i.email, 'Keziah', 'Margaret', 'Okafor'].filter((v) => flat.includes(v));
}

/** Every finding kept, with a reason: for tests whose material is invented and whose point is elsewhere. */
export function keepingEverything(findings: { valueKey: string }[]): Resolutions {
  const keep = { action: 'keep' as const, reason: 'Invented for a test' };
  return { byValue: Object.fromEntries(findings.map((f) => [f.valueKey, keep])), byFinding: {}, pseudonyms: {} };
}
