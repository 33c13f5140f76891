/**
 * The de-identification check over a whole export, and applying the person's decisions to it.
 * Pure, but main only: the names pass brings the NLP library, which the window does not need (the
 * window uses ./resolve.ts). Main runs it on the snapshot it built; tests run it directly.
 */
import { clearListPatterns, findIdentifiers, findListedNames, type Finding, resolveOverlaps } from '../deid/detectors';
import { clearNameCache, findPersonNames, nameValue } from '../deid/names';
import { mapUnits, replaceRanges, textOf, unitsOf } from './document';
import { replacementFor, settledResolution } from './resolve';
import type { ExportDocument, ExportFinding, FindingKind, Resolutions } from './types';

export interface CheckOptions {
  /** The person's own lists, kept in Settings. */
  names: readonly string[];
  places: readonly string[];
  /** For judging dates of birth. */
  year: number;
  /** Whether to look for likely names with the NLP library (on unless a test turns it off). */
  nlp?: boolean;
}

const CONTEXT = 48;

/** Which pseudonym series a kind belongs to: names from the list and names the NLP found are the same people. */
function groupOf(kind: FindingKind): string {
  if (kind === 'person-name' || kind === 'listed-name') return 'name';
  if (kind === 'listed-place') return 'place';
  return kind;
}

const PSEUDONYM_LABELS: Record<string, string> = {
  name: 'Client',
  place: 'Place',
  'nhs-number': 'NHS number',
  'date-of-birth': 'Date',
  postcode: 'Postcode',
  phone: 'Phone number',
  email: 'E-mail',
  address: 'Address',
  'link-address': 'Link',
};

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
    case 'phone':
      value = t.replace(/\D/g, '');
      break;
    case 'postcode':
      value = t.replace(/\s+/g, '').toUpperCase();
      break;
    default:
      value = t.replace(/\s+/g, ' ').trim().toLocaleLowerCase('en-GB');
  }
  return `${group}:${value}`;
}

/** A, B, … Z, AA, AB, … */
export function seriesLetter(n: number): string {
  let s = '';
  let i = n;
  do {
    s = String.fromCharCode(65 + (i % 26)) + s;
    i = Math.floor(i / 26) - 1;
  } while (i >= 0);
  return s;
}

function squash(s: string): string {
  return s.replace(/\s+/g, ' ');
}

/**
 * What the detectors look at: the same text, character for character (so offsets hold), with the spaces
 * and dashes people paste from other programs made plain: "943\u00A0476\u00A05919" and "943–476–5919" are
 * NHS numbers too.
 */
export function probeOf(text: string): string {
  return text.replace(/[\u00A0\u2007\u2009\u200A\u202F]/g, ' ').replace(/(?<=\d)[\u2010-\u2015\u2212](?=\d)/g, '-');
}

const findingsCache = new Map<string, Finding[]>();
const FINDINGS_CACHE_LIMIT = 20_000;

function findingsIn(text: string, options: CheckOptions): Finding[] {
  const key = `${options.year}\u0001${options.nlp === false ? 0 : 1}\u0001${options.names.join('\u0000')}\u0001${options.places.join('\u0000')}\u0001${text}`;
  const cached = findingsCache.get(key);
  if (cached) return cached;
  const probe = probeOf(text);
  const places = findListedNames(probe, options.places).map((f) => ({ ...f, kind: 'listed-place' as const }));
  const found = resolveOverlaps([
    ...findIdentifiers(probe, { names: options.names, year: options.year }),
    ...places,
    ...(options.nlp === false ? [] : findPersonNames(probe)),
  ]).map((f) => ({ ...f, text: text.slice(f.start, f.end) }));
  if (findingsCache.size >= FINDINGS_CACHE_LIMIT) findingsCache.delete(findingsCache.keys().next().value!);
  findingsCache.set(key, found);
  return found;
}

/** Forgets every paragraph the check has seen, and the person's lists (on lock). */
export function clearCheckCaches(): void {
  findingsCache.clear();
  clearNameCache();
  clearListPatterns();
}

/** Every finding in the document, in reading order, with its context and a suggested pseudonym per value. */
export function checkDocument(
  doc: ExportDocument,
  options: CheckOptions,
): { findings: ExportFinding[]; pseudonyms: Record<string, string> } {
  const findings: ExportFinding[] = [];
  const pseudonyms: Record<string, string> = {};
  const counters = new Map<string, number>();
  const sectionTitle = (i: number) => (i < 0 ? 'Title' : textOf(doc.sections[i]!.title) || 'Untitled');
  unitsOf(doc).forEach((unit, index) => {
    // A link's address is a finding of its own, whole: the preview shows the words, not where they lead.
    const found = unit.href
      ? [{ kind: 'link-address' as const, start: 0, end: unit.text.length, text: unit.text }]
      : findingsIn(unit.text, options);
    for (const f of found) {
      const valueKey = valueKeyOf(f.kind, f.text);
      if (!(valueKey in pseudonyms)) {
        const group = valueKey.slice(0, valueKey.indexOf(':'));
        const n = counters.get(group) ?? 0;
        counters.set(group, n + 1);
        pseudonyms[valueKey] = `${PSEUDONYM_LABELS[group] ?? 'Item'} ${seriesLetter(n)}`;
      }
      findings.push({
        id: `${index}:${f.start}:${f.end}`,
        kind: f.kind,
        text: f.text,
        valueKey,
        sectionIndex: unit.sectionIndex,
        sectionTitle: sectionTitle(unit.sectionIndex),
        before: unit.href
          ? 'a link in the text leads to '
          : squash(unit.text.slice(Math.max(0, f.start - CONTEXT), f.start)),
        after: squash(unit.text.slice(f.end, f.end + CONTEXT)),
      });
    }
  });
  return { findings, pseudonyms };
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
