/**
 * Street addresses: a flat or unit, a house number and a street ("Flat 2/1, 48 Allison Street", "Plot 6, Fen
 * Lane", "Unit 3/27 Smith St", "1425 Maple Ave, Apt 3B", "520 W 139th St", "lives at 3 hill view terrace"),
 * streets whose type comes first ("14 Heol y Nant", "Bóthar na Trá", "4520 rue Saint-Urbain"), a building
 * after a flat ("Flat 12, Hollis House"), and a street named on its own with a capital ("on Marsh Lane", "on
 * W 79th St").
 * What follows on the same line (", Apt 6C", ", Footscray VIC 3011", ", Chicago 60625") goes with it, so the
 * whole address is one finding.
 */
import { type Finding, resolveOverlaps } from './finding';
import { getLexicon } from './lexicon';
import { foldName } from './normalise';
import { CLINICAL, MEDICINES, SAFE_PROPER, STREET_TYPES, UNIT_WORDS } from './vocabulary';

/**
 * The types people write in lower case too ("3 hill view terrace"), after words of any case. The rest
 * ("Track", "Point", "Bank", "Chase") are everyday words as well, so they need a capital and capitalised
 * words before them: "Bill C-7 opened Track 2" is no address.
 */
const CORE_TYPES = [
  'Road',
  'Rd',
  'Street',
  'St',
  'Avenue',
  'Ave',
  'Lane',
  'Drive',
  'Crescent',
  'Terrace',
  'Gardens',
  'Grove',
  'Tce',
  'Cres',
  'Gdns',
  'Pde',
  'Crt',
  'Mews',
  'Parade',
  'Boulevard',
  'Blvd',
  'Hwy',
  'Highway',
  'Mount',
];
const caseless = (word: string) => [...word].map((ch) => `[${ch.toUpperCase()}${ch.toLowerCase()}]`).join('');
const byLength = (list: readonly string[]) => [...new Set(list)].sort((a, b) => b.length - a.length);
const coreTypes = byLength(CORE_TYPES).map(caseless).join('|');
const types = byLength(STREET_TYPES).join('|');
/** Types that say "street" whatever the words before them; the rest ("Hill", "Park", "Green") need a number. */
const PLAIN_TYPES =
  'Pkwy|Hwy|Cres|Cct|Road|Rd|Street|Avenue|Ave|Lane|Drive|Close|Crescent|Terrace|Gardens|Grove|Mews|Boulevard|Blvd|Highway|Parade|Pde|Wynd|Parkway|Crt';
/** Street words that come first: Welsh, Irish, French. */
const TYPE_FIRST =
  'Heol|heol|Ffordd|ffordd|Stryd|stryd|Lôn|lôn|Rhodfa|rhodfa|Maes|Páirc|Pairc|Bóthar|bóthar|Bothar|bothar|Sráid|sráid|Sraid|sraid|Ascaill|ascaill|Lána|Cúirt|Plás|rue|Rue|avenue|chemin|Chemin|boulevard|impasse|allée|place';
/**
 * Irish, Scottish Gaelic and Welsh words that begin the names of estates and streets ("22 Ard na Gréine",
 * "4 Cnoc Mòr", "9 Bryn Teg", "Flat 3, Cwrt y Felin"): everyday words in their languages, so only after
 * a house number.
 */
const NUMBERED_FIRST =
  'Ard|Cnoc|Gleann|Radharc|Baile|Bóithrín|Garrán|Cluain|Lios|Dún|Achadh|Druim|Coill|Cill|Tulach|Bryn|Cwrt|Clos|Llys|Rhes|Stad|Parc|Cae|Gwel|Nant|Tŷ';
const GAP = String.raw`[ \t\u00A0]+`;
const UNIT_CODE = String.raw`\d{1,4}[A-Za-z]{0,2}\d{0,2}(?:/\d{1,4}[A-Za-z]?)?`;
const UNITS = UNIT_WORDS.map((w) => `${caseless(w[0]!)}${w.slice(1)}`).join('|');
const UNIT = String.raw`(?:(?:${UNITS})\.?${GAP}${UNIT_CODE},?${GAP}|\d{1,2}/\d{1,2},${GAP}|\d{1,4}[A-Za-z]?/(?=\d))`;
const NUMBER = String.raw`\d{1,5}[A-Za-z]?(?:[-–]\d{1,5}[A-Za-z]?)?`;
/**
 * The words of a street's name: a compass letter ("W", "n."), then a number or ordinal ("104", "139th") and
 * up to three words, or up to four words: "W 139th St", "13580 104 Ave", "hill view terrace".
 */
const PRE = String.raw`(?:[NSEW]\.?${GAP}|[nsew]\.${GAP}|(?:North|South|East|West)${GAP}(?=\d{1,3}(?:st|nd|rd|th)\b))?`;
const NUMBER_WORD = String.raw`\d{1,3}(?:st|nd|rd|th)?${GAP}`;
const WORDS = String.raw`${PRE}(?:${NUMBER_WORD}(?:[\p{L}][\p{L}'’-]*${GAP}){0,3}|(?:[\p{L}][\p{L}'’-]*${GAP}){1,4})`;
const CAPITALS = String.raw`${PRE}(?:${NUMBER_WORD}(?:\p{Lu}[\p{L}'’-]*${GAP}){0,3}|(?:\p{Lu}[\p{L}'’-]*${GAP}){1,4})`;
const CAPITAL_WORD = String.raw`(?:\p{Lu}[\p{L}'’-]*|\d{1,3}(?:st|nd|rd|th)|[NSEW])`;
const DIRECTION = String.raw`(?:${GAP}(?:North|South|East|West|NE|NW|SE|SW|N|S|E|W)(?![\p{L}\p{N}]))?`;
/** What may follow on the line: an apartment, a town or two, a state, a postal code. */
const AFTER = String.raw`(?:,?${GAP}(?:[Aa]pt|[Aa]partment|[Uu]nit|[Ss]uite|[Ff]lat|app|#)\.?${GAP}?(?:\d[\dA-Za-z]{0,4}|[A-Z]{1,2}\d{0,3})\b|${GAP}#[\dA-Z]{1,5}\b)?`;
const POSTAL = String.raw`(?:[A-Z]{1,2}\d[A-Z\d]?[ \u00A0]?\d[A-Z]{2}|[a-z]{1,2}\d[a-z\d]?[ \u00A0]?\d[a-z]{2}|(?:[ACDEFHKNPRTVWXY]\d{2}|D6W)[ \u00A0]?[0-9ACDEFHKNPRTVWXY]{4}|[A-Z]\d[A-Z][ \u00A0]?\d[A-Z]\d|\d{5}(?:-\d{4})?|\d{4})`;
const STATE = String.raw`(?:NSW|VIC|Vic|QLD|Qld|SA|WA|TAS|Tas|NT|ACT|[A-Z]{2})(?![\p{L}\p{N}])`;
// A postal code that runs on into more digits is the start of something else: "14 Marsh Lane, 0161 496 0000".
const TAIL = String.raw`(?:,${GAP}(?:\p{Lu}[\p{L}'’.-]*(?:${GAP}\p{Lu}[\p{L}'’.-]*){0,3})(?=[,\s(]|$)){0,2}(?:,?${GAP}${STATE}(?![\p{L}]))?(?:,?${GAP}\(?${POSTAL}\)?(?![\p{L}\p{N}])(?![ \t]*\d))?`;

const START = String.raw`(?<![\p{L}\p{N}/])(?:(?:RR|Rural Route)${GAP}\d{1,3},${GAP})?(?:${UNIT}(?:${NUMBER},?${GAP})?|${NUMBER},?${GAP})`;
const END = String.raw`${DIRECTION}(?![\p{L}\p{N}])${AFTER}${TAIL}`;
const WITH_NUMBER = new RegExp(String.raw`${START}${WORDS}(?:${coreTypes})${END}`, 'gu');
const WITH_NUMBER_CAPITALS = new RegExp(String.raw`${START}${CAPITALS}(?:${types})${END}`, 'gu');
const TYPE_FIRST_STREET = new RegExp(
  String.raw`(?<![\p{L}\p{N}'’-])(?:${UNIT})?(?:${NUMBER},?${GAP})?(?:${TYPE_FIRST})${GAP}(?:(?:y|yr|na|an|de|des|du|la|le|an|Saint|St|Sainte)[ \t-]+)?[\p{L}][\p{L}'’-]*(?:${GAP}[\p{Lu}][\p{L}'’-]*)?(?:,?${GAP}(?:app|apt|appartement|Apt)\.?${GAP}?\d{1,4}[A-Za-z]?)?${TAIL}`,
  'gu',
);
const NUMBERED_FIRST_STREET = new RegExp(
  String.raw`(?<![\p{L}\p{N}'’/-])(?:${UNIT}(?:${NUMBER},?${GAP})?|${NUMBER},?${GAP})(?:${NUMBERED_FIRST})${GAP}(?:(?:y|yr|na|an|a['’]|an t-|nan|'n)${GAP})?\p{Lu}[\p{L}'’-]*(?:${GAP}\p{Lu}[\p{L}'’-]*)?(?![\p{L}\p{N}])${TAIL}`,
  'gu',
);
/**
 * A flat, then the building or court it is in, in any case: "flat 6 ashdown ct", "flat 6, penrallt court",
 * "Apt 4, Millrace Heights". A flat with a number is cue enough for the words up to the building's type.
 */
// "Mood flat 3 weeks since moving house": flat as a mood, then a time, is no flat.
const FLAT_THEN_BUILDING =
  /(?<![\p{L}\p{N}])(?<!(?:mood|affect|been|was|is|felt|feel|feels|feeling|seems|seemed|looked|looks|very|quite|bit|little|the|a)\s)(?:[Ff]flat|[Ff]lat|[Aa]pt|[Aa]partment|[Uu]nit)\.?[ \t]+#?(?:\d{1,4}[A-Za-z]?(?:\/\d{1,3})?|[A-Za-z]),?[ \t]+(?:(?:(?!(?:the|a|an|in|on|at|of|to|down|up|by|doors?|floors?|and|or|with|for|from|was|is|has|had|next|near|over|above|below|bed|beds|bedroom|bedrooms|storey|room|rooms|days?|weeks?|wks?|months?|years?|yrs?|hours?|hrs?|mins?|minutes?|sessions?|times?|since|after|before|following|post|pre|prior|until|ago)\b)\p{L}[\p{L}'’-]*[ \t]+){1,3}(?:court|ct|house|heights|lodge|towers?|mews|close|gardens|place|view|buildings|mansions|wharf|quay|yard|row|point)|(?:cwrt|plas|llys|tŷ|ty)[ \t]+(?:(?:y|yr)[ \t]+)?\p{L}[\p{L}'’-]*)(?![\p{L}\p{N}])/giu;
/** A street in lower case in a quick note, the name no English word: "on gloucester road", "off kedzie ave". */
const LOWER_STREET =
  /(?<![\p{L}\p{N}'’-])(\p{Ll}{3,})[ \t]+(?:road|rd|street|st|lane|ln|avenue|ave|drive|crescent|terrace|gardens|grove|parade|boulevard|blvd)(?=[ \t]*(?:[,.;:)!?\n]|$|(?:at|on|in|by|near|and|since|from|to|with|yesterday|today|tonight|again|last|this)\b))/gu;
const NAMED = new RegExp(
  String.raw`(?<![\p{L}\p{N}'’-])(?:(?:St\.?|Saint)${GAP})?(?:${CAPITAL_WORD}${GAP}){1,3}(?:${PLAIN_TYPES})(?![\p{L}\p{N}])${DIRECTION}${AFTER}`,
  'gu',
);
/** "Plot 6, Fen Lane", "Apartment 4, Block C, Millrace Court", "Flat 12, Hollis House", "Room 14, Bann House". */
const UNIT_THEN_NAME = new RegExp(
  String.raw`(?<![\p{L}\p{N}'’-])(?:${UNITS}|Bay)\.?${GAP}${UNIT_CODE},${GAP}(?:(?:Block${GAP}[A-Z]\b|(?:The${GAP})?(?:\p{Lu}[\p{L}'’-]*${GAP}){0,3}\p{Lu}[\p{L}'’-]*)(?:,${GAP}|$|(?=[.;)])))+`,
  'gu',
);

/** A numbered street with no house number: "on W 79th St", "off 3rd Avenue". */
const ORDINAL_STREET = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:[NSEW]\.?${GAP})?\d{1,3}(?:st|nd|rd|th)${GAP}(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Drive|Ter|Terrace)(?![\p{L}\p{N}])${DIRECTION}${AFTER}`,
  'gu',
);

/** Measures and times before a word like "walk" or "drive" make it a journey, not a street: "a 5 minute walk". */
const NOT_STREET =
  /^\d+,\s+\p{Ll}|^\d+\s*(?:min|mins|minute|minutes|hour|hours|hr|hrs|mile|miles|km|kms|metre|metres|meter|meters|day|days|week|weeks|month|months|year|years|second|seconds|step|steps|yard|yards|foot|feet|block|blocks|times?|results?|people|patients|staff|sessions?|beds?|nurses?|percent)\b|^\d+\s+(?:more|of|or|and|to|in|on|at|the|a|x|out|per)\b|^\d+x\b/iu;
/** Named streets that say nothing about where: "the High Street". */
const GENERIC_STREET =
  /^(?:The|A|Any|This|That|Our|Her|His|Their|My|Your|One|Some|Every|Easy|Struggle|Civvy|Queer|Main|High|Wall|Sesame|Coronation|Shortland|Brookside|Albert|Ramsay|Harley|Downing|Fleet|Baker|Wimpole|Threadneedle|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s/;

export function findAddresses(text: string): Finding[] {
  if (!/\p{L}/u.test(text)) return [];
  const out: Finding[] = [];
  const add = (start: number, value: string) => {
    // A full stop at the end is the sentence's: "…, Oranmore." keeps it.
    const trimmed = value.replace(/[\s,.]+$/u, '');
    out.push({ kind: 'address', start, end: start + trimmed.length, text: trimmed });
  };
  if (/\d/.test(text)) {
    for (const m of [...text.matchAll(WITH_NUMBER), ...text.matchAll(WITH_NUMBER_CAPITALS)]) {
      if (NOT_STREET.test(m[0])) continue;
      // "DOB: 1 Jan 1990 11 Marsh Lane": the year belongs to the date before it, the house number is the next.
      if (
        /^(?:19|20)\d{2}\s+\d/.test(m[0]) &&
        /(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+$/i.test(
          text.slice(Math.max(0, m.index - 12), m.index),
        )
      ) {
        const rest = m[0].replace(/^\d{4}\s+/, '');
        add(m.index + m[0].length - rest.length, rest);
        continue;
      }
      // A sentence does not run on inside an address: "taken at 2, results not back. Chase".
      if (/\.\s+\p{Lu}/u.test(m[0].replace(/\b(?:St|Ave|Rd|Dr|N|S|E|W|n|s|e|w)\.\s/g, ''))) continue;
      add(m.index, m[0]);
    }
    for (const m of text.matchAll(UNIT_THEN_NAME)) add(m.index, m[0]);
    for (const m of text.matchAll(ORDINAL_STREET)) add(m.index, m[0]);
  }
  for (const m of text.matchAll(TYPE_FIRST_STREET)) {
    // "place" and "avenue" are English words, and "ffordd" and "bóthar" everyday Welsh and Irish ("y ffordd
    // ymlaen", "the way forward"): written in lower case, they need a number before them.
    if (/^\p{Ll}/u.test(m[0])) continue;
    // "the 1 place she feels safe": the French types in lower case need a particle or a capital after them.
    if (
      /\b(?:place|avenue|boulevard|chemin|rue|allée|impasse)[ \t]+(?!(?:de|du|des|d['’]|la|le|les|Saint|St|Sainte)\b)\p{Ll}/u.test(
        m[0],
      )
    )
      continue;
    add(m.index, m[0]);
  }
  if (/\d/.test(text)) {
    for (const m of text.matchAll(FLAT_THEN_BUILDING)) add(m.index, m[0]);
    const lex = getLexicon();
    for (const m of text.matchAll(NUMBERED_FIRST_STREET)) {
      // "20 Min For The Bus": the words after the first must not all be everyday English.
      const head = new RegExp(String.raw`(?:${NUMBERED_FIRST})${GAP}`, 'u').exec(m[0]);
      const after = head ? m[0].slice(head.index + head[0].length) : m[0];
      const rest = after.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
      if (rest.every((w) => (lex.englishLevel(foldName(w)) ?? 99) <= 35)) continue;
      add(m.index, m[0]);
    }
  }
  if (/\p{Ll}[ \t]+(?:r|s|l|a|d|c|t|g|w|p|b)/u.test(text)) {
    const lex = getLexicon();
    for (const m of text.matchAll(LOWER_STREET)) {
      const word = foldName(m[1]!);
      if (word.length < 4 || !/[aeiouy].*[aeiouy]/.test(word) || lex.englishLevel(word) !== undefined) continue;
      if (CLINICAL.has(word) || MEDICINES.has(word) || SAFE_PROPER.has(word)) continue;
      add(m.index, m[0]);
    }
  }
  for (const m of text.matchAll(NAMED)) {
    if (GENERIC_STREET.test(m[0])) continue;
    add(m.index, m[0]);
  }
  return resolveOverlaps(out);
}
