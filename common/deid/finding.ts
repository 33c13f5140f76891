/**
 * What a detector finds: a kind and its UTF-16 offsets into the text it read; and the one rule for
 * findings that overlap. Every detector (./numbers, ./contact, ./dates, ./addresses, ./places, ./names)
 * speaks in these; ./detectors joins them.
 */
export type FindingKind =
  | 'nhs-number'
  | 'chi-number'
  | 'ni-number'
  | 'ssn'
  | 'medicare-number'
  | 'ppsn'
  | 'hospital-number'
  | 'id-number'
  | 'date-of-birth'
  | 'postcode'
  | 'phone'
  | 'email'
  | 'web-address'
  | 'handle'
  | 'address'
  | 'listed-name'
  | 'listed-place'
  | 'added'
  | 'place'
  | 'person-name'
  | 'possible-name'
  | 'link-address';

export interface Finding {
  kind: FindingKind;
  start: number;
  end: number;
  text: string;
}

/** Ties of equal length go to the more specific kind (first in this list). */
const PRIORITY: readonly FindingKind[] = [
  'nhs-number',
  'chi-number',
  'medicare-number',
  'ni-number',
  'ssn',
  'ppsn',
  'email',
  'phone',
  'postcode',
  'date-of-birth',
  'hospital-number',
  'web-address',
  'handle',
  'address',
  'added',
  'listed-name',
  'listed-place',
  'place',
  'person-name',
  'id-number',
  'possible-name',
  'link-address',
];

/** Where `kept` (sorted, disjoint) would take `f`: the first kept finding that does not end before it. */
function firstAfter(kept: readonly Finding[], start: number): number {
  let lo = 0;
  let hi = kept.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (kept[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Keeps the longest findings (then the most specific, then the earliest) so that none overlap; sorted by
 * start. Nothing found is ever dropped whole: where a shorter finding runs past a longer one ("Sarah Okafor
 * sarah" beside "sarah.okafor@nhs.net"), what it holds beyond the longer one stays a finding of its own.
 */
export function resolveOverlaps(findings: readonly Finding[]): Finding[] {
  const ranked = [...findings].sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) || PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind) || a.start - b.start,
  );
  const kept: Finding[] = [];
  const insert = (f: Finding) => kept.splice(firstAfter(kept, f.start), 0, f);
  // A remainder is trimmed of what is not a letter or digit at its edges: "Sarah Okafor " is "Sarah Okafor".
  const addRemainder = (f: Finding) => {
    const lead = f.text.search(/[\p{L}\p{N}]/u);
    if (lead < 0) return;
    const tail =
      f.text.length -
      [...f.text]
        .reverse()
        .join('')
        .search(/[\p{L}\p{N}]/u);
    insert({ ...f, start: f.start + lead, end: f.start + tail, text: f.text.slice(lead, tail) });
  };
  for (const f of ranked) {
    if (f.end <= f.start) continue;
    let i = firstAfter(kept, f.start);
    let cursor = f.start;
    const gaps: [number, number][] = [];
    for (; i < kept.length && kept[i]!.start < f.end; i++) {
      if (kept[i]!.start > cursor) gaps.push([cursor, kept[i]!.start]);
      cursor = Math.max(cursor, kept[i]!.end);
    }
    if (cursor < f.end) gaps.push([cursor, f.end]);
    if (gaps.length === 1 && gaps[0]![0] === f.start && gaps[0]![1] === f.end) {
      insert(f);
      continue;
    }
    for (const [from, to] of gaps)
      addRemainder({ ...f, start: from, end: to, text: f.text.slice(from - f.start, to - f.start) });
  }
  return kept;
}
