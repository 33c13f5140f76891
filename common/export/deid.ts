/**
 * The de-identification check over a whole export, and applying the person's decisions to it.
 * Pure, but main only: the detectors bring word lists and the NLP library, which the window does not need
 * (the window uses ./resolve.ts). Main runs it on the snapshot it built; tests run it directly.
 *
 * One person, one stand-in: "Maria", "Maria Kowalski" and "Ms Kowalski" are one group (its `valueKey`), and
 * the stand-in fits what it replaces ("Relative A" for "her brother Omar", "Ward A" for "Willow Ward").
 * Each finding also keeps the value of its own words (`variantKey`), so the person can split a group.
 */
import { checkTexts, clearDetectorCache } from '../deid/check';
import { clearListPatterns, type Finding } from '../deid/detectors';
import { getLexicon } from '../deid/lexicon';
import { clearNameCache, nameValue } from '../deid/names';
import { foldName } from '../deid/normalise';
import { placeTypeOf } from '../deid/places';
import { CLIENTS, COLLEAGUES, GENERIC_PLACE_WORDS, PLACE_HEADS, RELATIONS } from '../deid/vocabulary';
import { mapUnits, replaceRanges, textOf, unitsOf } from './document';
import { replacementFor, seriesLetter, settledResolution } from './resolve';

export { seriesLetter };
import type { ExportDocument, ExportFinding, FindingKind, Resolutions } from './types';

export interface CheckOptions {
  /** The person's own lists, kept in Settings. */
  names: readonly string[];
  places: readonly string[];
  /** Words the person asked the check to find in this export too. */
  lookFor?: readonly string[];
  /** For judging dates of birth. */
  year: number;
  /** Whether to look for likely names with the NLP library as well (on unless a test turns it off). */
  nlp?: boolean | undefined;
}

const CONTEXT = 48;

const NAME_KINDS = new Set<FindingKind>(['person-name', 'possible-name', 'listed-name', 'added']);
const PLACE_KINDS = new Set<FindingKind>(['place', 'listed-place']);

/** Which series a kind belongs to: names from the list and names the check found are the same people. */
function groupOf(kind: FindingKind): string {
  if (NAME_KINDS.has(kind)) return 'name';
  if (PLACE_KINDS.has(kind)) return 'place';
  return kind;
}

/** Stand-ins for what is not a person or a place, by kind. */
const LABELS: Partial<Record<string, string>> = {
  'nhs-number': 'NHS number',
  'chi-number': 'CHI number',
  'ni-number': 'NI number',
  ssn: 'SSN',
  'medicare-number': 'Medicare number',
  ppsn: 'PPS number',
  'hospital-number': 'Hospital number',
  'id-number': 'Reference',
  'date-of-birth': 'Date',
  postcode: 'Postcode',
  phone: 'Phone number',
  email: 'E-mail',
  'web-address': 'Website',
  handle: 'Handle',
  address: 'Address',
  'link-address': 'Link',
};

/** The value of a finding's own words: the same words however they are spaced, cased or possessed. */
export function valueKeyOf(kind: FindingKind, text: string): string {
  const group = groupOf(kind);
  const t = text.normalize('NFC');
  let value: string;
  switch (group) {
    case 'name':
    case 'place':
      value = nameValue(t);
      break;
    case 'nhs-number':
    case 'chi-number':
    case 'phone':
    case 'ssn':
    case 'medicare-number':
      value = t.replace(/\D/g, '');
      break;
    case 'postcode':
      value = t.replace(/\s+/g, '').toUpperCase();
      break;
    default:
      value = t.replace(/\s+/g, ' ').trim().toLocaleLowerCase('en-GB');
  }
  // A very long value (a link's address) is named by its start, its length and a hash, so a key stays short.
  if (value.length > 300) value = `${value.slice(0, 200)}…${value.length}:${hash(value)}`;
  return `${group}:${value}`;
}

/** FNV-1a, 32 bits: enough to tell two long values apart in one export. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

function squash(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/**
 * What the detectors look at: the same text, character for character (so offsets hold), with the dashes
 * people paste from other programs made plain: "943–476–5919" is an NHS number too. (The document itself
 * is in reader form already: see `readerText`.)
 */
export function probeOf(text: string): string {
  return text.replace(/[\u00A0\u2007\u2009\u200A\u202F]/g, ' ').replace(/(?<=\d)[\u2010-\u2015\u2212](?=\d)/g, '-');
}

/** Forgets every paragraph the check has seen, and the person's lists (on lock). */
export function clearCheckCaches(): void {
  clearDetectorCache();
  clearNameCache();
  clearListPatterns();
}

// ---------------------------------------------------------------------------------------------------------------
// People and places: one group each, however they are named

const HONORIFIC = /^(?:dr|doctor|mr|mrs|ms|miss|mx|prof|professor|sir|dame|lord|lady|rev|revd|fr|cllr)\.?$/;
const HONORIFIC_START = /^(dr|doctor|mr|mrs|ms|miss|mx|prof|professor|sir|dame|lord|lady|rev|revd|fr|cllr)\.?\s/;
const PARTICLE = /^(?:van|von|der|den|de|del|da|di|du|la|le|bin|ibn|al|el|ap|ab|mac|mc|nic|ni|o|ui|te)$/;

/** The words that say who someone is: no title, particle, possessive or initial. */
function nameWords(text: string): string[] {
  return (foldName(nameValue(text)).match(/[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu) ?? []).filter(
    (w) => w.length > 1 && !HONORIFIC.test(w) && !PARTICLE.test(w),
  );
}

/**
 * Group names: each whole name ("Maria Kowalski") is a person; a single word that is part of exactly one
 * whole name ("Maria", "Ms Kowalski") is that person too. Two people who share a word keep it apart.
 */
function personGroups(values: readonly string[]): Map<string, string> {
  const words = new Map(values.map((v) => [v, nameWords(v)]));
  const whole = [...words].filter(([, w]) => w.length >= 2);
  // "Mr Patel", "Mrs Patel" and "Dr Patel" in one export are likely different people: a surname written
  // with more than one title joins no whole name, and neither does that surname alone.
  const titles = new Map<string, Set<string>>();
  for (const [value, w] of words) {
    const title = HONORIFIC_START.exec(foldName(value))?.[1];
    if (title && w.length === 1)
      titles.set(w[0]!, (titles.get(w[0]!) ?? new Set()).add(title.replace(/^(?:ms|miss)$/, 'ms')));
  }
  const out = new Map<string, string>();
  for (const [value, w] of words) {
    if (!w.length || (w.length === 1 && (titles.get(w[0]!)?.size ?? 0) > 1)) {
      out.set(value, value);
      continue;
    }
    // Every whole name this one is part of: if they are all one person, this is that person.
    const containing = whole
      .filter(([other, ow]) => other !== value && ow.length > w.length && w.every((x) => ow.includes(x)))
      .map(([other, ow]) => [other, ow.join(' ')] as const);
    const people = new Set(containing.map(([, key]) => key));
    if (people.size === 1) out.set(value, containing[0]![0]);
    else out.set(value, value);
  }
  return out;
}

/** A place's own words: its name with digits ("Ward 7B"), without the words any place might have ("Ward"). */
function placeWords(text: string): string[] {
  return (foldName(text).match(/[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu) ?? []).filter(
    (w) => !GENERIC_PLACE_WORDS.has(w) && !PLACE_HEADS[w] && w !== 'st' && w !== 'saint',
  );
}

/** Places: "Harewood" on its own is "Harewood Ward" where that is the only place it belongs to. */
function placeGroups(values: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const value of values) {
    const w = placeWords(value);
    const within = w.length
      ? values.filter((other) => {
          const ow = placeWords(other);
          return other !== value && ow.length > w.length && w.every((x) => ow.includes(x));
        })
      : [];
    out.set(value, within.length === 1 ? within[0]! : value);
  }
  return out;
}

type Role = 'Client' | 'Relative' | 'Colleague' | 'Person';

const FAMILY = new Set(
  [...RELATIONS].filter(
    (w) =>
      !/^(?:friend|friends|mate|neighbour|neighbor|flatmate|housemate|roommate|landlord|landlady|carer|caregiver|guardian)$/.test(
        w,
      ),
  ),
);
const COLLEAGUE_TITLE = /(?:^|\s)(?:dr|doctor|prof|professor|sister|nurse|charge nurse)\.?\s*$/i;

/** What the words around a name say the person is: "her brother Omar", "Dr Okafor", "my client Maria". */
function roleOf(context: string, text: string, after: string): Role | null {
  const own = foldName(text);
  // A title in the name says most: "Dr Okafor" is a colleague, whatever came before.
  if (/^(?:dr|doctor|prof|professor)\b/.test(own)) return 'Colleague';
  // Only the words before it in the same sentence: "her mum. Dr Shah joined" says nothing of Dr Shah.
  const before = context.split(/[.!?]\s/).pop() ?? '';
  // "Sister Okafor", "Nurse Adeyemi", "Matron Hill": titles on a ward, not family.
  if (/(?:^|\s)(?:Sister|Nurse|Matron|Charge Nurse)\s*$/.test(before)) return 'Colleague';
  const words = foldName(before).match(/[\p{L}'’-]+/gu) ?? [];
  const last = words[words.length - 1] ?? '';
  if (FAMILY.has(last) || /^(?:mum|mam|mom|dad|nan|gran)['’]s$/.test(last)) return 'Relative';
  if (
    /^\s*(?:,\s*(?:my|her|his|their|our|the)\s+|\s*\()(?:mum|mam|mom|mother|dad|father|sister|brother|son|daughter|wife|husband|partner|nan|gran|aunt|aunty|auntie|uncle|cousin)\b/i.test(
      after,
    )
  )
    return 'Relative';
  if (COLLEAGUES.has(last) || COLLEAGUE_TITLE.test(before)) return 'Colleague';
  if (
    /^\s*,\s*(?:my|our|the)\s+(?:[\p{L}-]+\s+)?(?:supervisor|manager|colleague|consultant|mentor|registrar|ward manager|team leader)\b/iu.test(
      after,
    )
  )
    return 'Colleague';
  if (CLIENTS.has(last) || /\b(?:service user|young person|my client|my patient)\s*$/.test(foldName(before)))
    return 'Client';
  return null;
}

const PLACE_LABELS: Record<string, string> = {
  Ward: 'Ward',
  Unit: 'Unit',
  Hospital: 'Hospital',
  Hospice: 'Hospice',
  Surgery: 'Surgery',
  Clinic: 'Clinic',
  Centre: 'Centre',
  School: 'School',
  College: 'College',
  University: 'University',
  House: 'Place',
  Home: 'Home',
  Hostel: 'Hostel',
  Prison: 'Prison',
  Workplace: 'Workplace',
  Team: 'Team',
  Place: 'Place',
};

// ---------------------------------------------------------------------------------------------------------------
// The check

/** Every finding in the document, in reading order, with its context and a suggested stand-in per group. */
export function checkDocument(
  doc: ExportDocument,
  options: CheckOptions,
  /** The findings in each text unit, where the caller has worked them out already (in slices). */
  found?: readonly Finding[][],
): { findings: ExportFinding[]; pseudonyms: Record<string, string> } {
  const units = unitsOf(doc);
  const sectionTitle = (i: number) => (i < 0 ? 'Title' : textOf(doc.sections[i]!.title) || 'Untitled');
  const textUnits = units.map((u, index) => ({ ...u, index })).filter((u) => !u.href);
  found ??= checkTexts(
    textUnits.map((u) => probeOf(u.text)),
    {
      names: options.names,
      places: options.places,
      lookFor: options.lookFor ?? [],
      year: options.year,
      nlp: options.nlp,
    },
  );
  const byUnit = new Map<number, Finding[]>();
  textUnits.forEach((u, i) => byUnit.set(u.index, found[i]!));

  const findings: ExportFinding[] = [];
  units.forEach((unit, index) => {
    // A link's address is a finding of its own, whole: the preview shows the words, not where they lead.
    const list: Finding[] = unit.href
      ? [{ kind: 'link-address', start: 0, end: unit.text.length, text: unit.text }]
      : (byUnit.get(index) ?? []).map((f) => ({ ...f, text: unit.text.slice(f.start, f.end) }));
    for (const f of list) {
      // Something the person added that names a kind of place ("Willow Ward") is a place.
      const kind: FindingKind = f.kind === 'added' && placeTypeOf(f.text) !== 'Place' ? 'listed-place' : f.kind;
      const variantKey = valueKeyOf(kind, f.text);
      findings.push({
        id: `${index}:${f.start}:${f.end}`,
        kind,
        text: f.text,
        valueKey: variantKey,
        variantKey,
        sectionIndex: unit.sectionIndex,
        sectionTitle: sectionTitle(unit.sectionIndex),
        before: unit.href
          ? 'a link in the text leads to '
          : squash(unit.text.slice(Math.max(0, f.start - CONTEXT), f.start)),
        after: squash(unit.text.slice(f.end, f.end + CONTEXT)),
      });
    }
  });

  // One group per person and per place.
  const valueText = new Map<string, string>();
  for (const f of findings) if (!valueText.has(f.variantKey)) valueText.set(f.variantKey, f.text);
  const nameKeys = [...valueText.keys()].filter((k) => k.startsWith('name:'));
  const placeKeys = [...valueText.keys()].filter((k) => k.startsWith('place:'));
  const people = personGroups(nameKeys.map((k) => valueText.get(k)!));
  const places = placeGroups(placeKeys.map((k) => valueText.get(k)!));
  const groupKey = new Map<string, string>();
  for (const k of nameKeys) groupKey.set(k, valueKeyOf('person-name', people.get(valueText.get(k)!)!));
  for (const k of placeKeys) groupKey.set(k, valueKeyOf('place', places.get(valueText.get(k)!)!));
  for (const f of findings) f.valueKey = groupKey.get(f.variantKey) ?? f.variantKey;

  return { findings, pseudonyms: suggestStandIns(findings) };
}

/** A stand-in for every group and every variant (for when the person splits one off), in reading order. */
function suggestStandIns(findings: readonly ExportFinding[]): Record<string, string> {
  const label = new Map<string, string>();
  const roles = new Map<string, Map<Role, number>>();
  // Words the person added that read like no one's name ("the blue door", "Tollbooth cafe") are a detail.
  const lex = getLexicon();
  const personLike = (text: string) =>
    /^\p{Lu}/u.test(text) && nameWords(text).some((w) => lex.isName(w) || lex.englishLevel(w) === undefined);
  const onlyAdded = new Map<string, boolean>();
  for (const f of findings)
    for (const key of [f.valueKey, f.variantKey])
      onlyAdded.set(key, (onlyAdded.get(key) ?? true) && f.kind === 'added' && !personLike(f.text));
  for (const f of findings) {
    const group = f.valueKey.slice(0, f.valueKey.indexOf(':'));
    for (const key of [f.valueKey, f.variantKey]) {
      if (group === 'name') {
        const role = roleOf(f.before, f.text, f.after);
        const tally = roles.get(key) ?? new Map<Role, number>();
        if (role) tally.set(role, (tally.get(role) ?? 0) + 1);
        roles.set(key, tally);
      } else if (group === 'place') {
        label.set(key, PLACE_LABELS[placeTypeOf(f.text)] ?? 'Place');
      } else {
        label.set(key, LABELS[group] ?? 'Item');
      }
    }
  }
  for (const [key, tally] of roles) {
    const best = [...tally].sort((a, b) => b[1] - a[1])[0];
    label.set(key, onlyAdded.get(key) ? 'Detail' : best ? best[0] : 'Person');
  }
  const counters = new Map<string, number>();
  const out: Record<string, string> = {};
  // Groups first, in the order they appear, so "Client A" is the first client; then variants not yet named.
  for (const pass of ['valueKey', 'variantKey'] as const) {
    for (const f of findings) {
      const key = f[pass];
      if (key in out) continue;
      const name = label.get(key) ?? 'Item';
      const n = counters.get(name) ?? 0;
      counters.set(name, n + 1);
      out[key] = `${name} ${seriesLetter(n)}`;
    }
  }
  return out;
}

/**
 * The document as it will leave: every resolved finding replaced. Unresolved findings are left as they are;
 * callers refuse to save while any remain. A link whose address held a finding that was not kept loses
 * its address (the words stay).
 */
export function applyResolutions(
  doc: ExportDocument,
  findings: readonly ExportFinding[],
  resolutions: Resolutions,
  suggested: Record<string, string>,
  alsoRefuse?: (pseudonym: string) => boolean,
): ExportDocument {
  const byUnit = new Map<number, { start: number; end: number; text: string; keep: boolean }[]>();
  for (const f of findings) {
    const resolution = settledResolution(f, resolutions, suggested, alsoRefuse);
    if (!resolution) continue;
    const [unit, start, end] = f.id.split(':').map(Number) as [number, number, number];
    const list = byUnit.get(unit) ?? [];
    list.push({
      start,
      end,
      text: replacementFor(f, resolution, resolutions, suggested),
      keep: resolution.action === 'keep',
    });
    byUnit.set(unit, list);
  }
  let unit = 0;
  return mapUnits(doc, (inlines) => {
    const own = unit++;
    const runs = inlines.map((run) => {
      if (!run.href) return run;
      const inHref = byUnit.get(unit++) ?? [];
      if (inHref.every((r) => r.keep)) return run;
      const { href: _dropped, ...rest } = run;
      return rest;
    });
    const replacements = (byUnit.get(own) ?? []).filter((r) => !r.keep).sort((a, b) => a.start - b.start);
    return replaceRanges(runs, replacements);
  });
}
