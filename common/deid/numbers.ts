/**
 * Identifying numbers: NHS and CHI numbers (modulus 11), UK National Insurance numbers, US Social Security
 * numbers, Australian Medicare numbers and Irish PPS numbers (each with its own check), hospital numbers and
 * MRNs after their cue, other long reference numbers, and postal codes of the UK, Ireland, the US, Canada
 * and Australia.
 */
import type { Finding, FindingKind } from './finding';
import { getLexicon } from './lexicon';
import { foldName } from './normalise';

const finding = (kind: FindingKind, text: string, start: number, end: number): Finding => ({
  kind,
  start,
  end,
  text: text.slice(start, end),
});

/** Not glued to a letter or digit on either side. */
const EDGE_BEFORE = String.raw`(?<![\p{L}\p{N}])`;
const EDGE_AFTER = String.raw`(?![\p{L}\p{N}])`;

// ---------------------------------------------------------------------------------------------------------------
// NHS and CHI numbers

/** Modulus 11: weights 10..2 on the first nine digits; check = 11 - (sum mod 11), 11 → 0, 10 → invalid. */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/**
 * Ten digits written 3-3-4, 3-7 or 10, with spaces, hyphens or dots between the groups (one kind at a time),
 * not inside a longer run of numbers.
 */
const TEN_DIGITS =
  /(?<![\d+])(?<!\d[ .-])(?:\d{3}(?:([ .-]?)\d{3}(?:\1|\n)\d{4}|[ .-]?\d{7})|\d{6}[ .-]\d{4})(?!\d)(?![ .-]\d)/g;
const NHS_CUE = /\bNHS\b|\bnhs\b/;
const CHI_CUE = /\bCHI\b/i;

export function findNhsNumbers(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(TEN_DIGITS)) {
    const digits = m[0].replace(/\D/g, '');
    const before = text.slice(Math.max(0, m.index - 30), m.index);
    const cued = NHS_CUE.test(before) || CHI_CUE.test(before);
    // With its cue, any ten digits are taken for one: a typo in the check digit still identifies.
    if (!isValidNhsNumber(digits) && !cued) continue;
    const kind = CHI_CUE.test(before) && !NHS_CUE.test(before) ? 'chi-number' : 'nhs-number';
    out.push(finding(kind, text, m.index, m.index + m[0].length));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// UK National Insurance numbers

/** Two letters (with HMRC's exclusions), six digits in pairs or not, a suffix A-D. */
const NI_NUMBER = new RegExp(
  `${EDGE_BEFORE}(?:QQ|(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]) ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]${EDGE_AFTER}`,
  'giu',
);

export function findNiNumbers(text: string): Finding[] {
  return [...text.matchAll(NI_NUMBER)].map((m) => finding('ni-number', text, m.index, m.index + m[0].length));
}

// ---------------------------------------------------------------------------------------------------------------
// US Social Security numbers

// The second break may be a line's end: "318 64⏎2270", as text wraps.
const SSN = /(?<![\d-])(\d{3})([ -])(\d{2})(?:\2|\n)(\d{4})(?![\d-])/g;
const SSN_PLAIN = /(?<!\d)\d{9}(?!\d)/g;
const LAST_FOUR = /\blast\s+(?:4|four)\b[^.\d\n]{0,32}?(?<![\d-])\d{4}(?![\d-])/gi;
/** Words that say the four digits are the end of a number: "last 4 of SSN", "last four on the chart". */
const LAST_FOUR_CUE =
  /\b(?:ssn|social|digits|chart|card|number|no|id|record|file|account|medicare|medicaid|insurance|sin)\b/i;
const SSN_CUE = /\b(?:SSN|SS#|social security|soc\.? sec\.?)\b/i;

const validSsn = (area: string, group: string, serial: string) =>
  area !== '000' && area !== '666' && area[0] !== '9' && group !== '00' && serial !== '0000';

export function findSsns(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(SSN)) {
    if (validSsn(m[1]!, m[3]!, m[4]!)) out.push(finding('ssn', text, m.index, m.index + m[0].length));
  }
  // "last 4 of SSN as 4417", "Last four on the chart is 4471": the end of one is enough to find someone by.
  for (const m of text.matchAll(LAST_FOUR)) {
    const between = m[0].slice(0, -4);
    // "the last 4 weeks, 2024": a time, not a number; a year only with a word that says it is a number.
    if (
      /\b(?:min|mins|minutes?|hours?|hrs?|days?|nights?|weeks?|wks?|months?|years?|yrs?|sessions?|times?|visits?|appointments?)\b/i.test(
        between,
      )
    )
      continue;
    if (!LAST_FOUR_CUE.test(between)) continue;
    const at = m.index + m[0].length - 4;
    out.push(finding('ssn', text, at, at + 4));
  }
  for (const m of text.matchAll(SSN_PLAIN)) {
    const before = text.slice(Math.max(0, m.index - 30), m.index);
    if (SSN_CUE.test(before) && validSsn(m[0].slice(0, 3), m[0].slice(3, 5), m[0].slice(5)))
      out.push(finding('ssn', text, m.index, m.index + m[0].length));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Australian Medicare numbers

/** Ten digits (4-5-1), the first 2-6, the ninth a weighted check; an optional IRN after a space or slash. */
const MEDICARE = /(?<![\d-])([2-6]\d{3}) ?(\d{5}) ?(\d)(?:(?: ?[/-] ?| )([1-9]))?(?![\d-])/g;

export function isValidMedicare(digits: string): boolean {
  if (!/^[2-6]\d{9}$/.test(digits)) return false;
  const weights = [1, 3, 7, 9, 1, 3, 7, 9];
  const sum = weights.reduce((s, w, i) => s + w * Number(digits[i]), 0);
  return sum % 10 === Number(digits[8]);
}

export function findMedicareNumbers(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(MEDICARE)) {
    const digits = `${m[1]}${m[2]}${m[3]}`;
    if (!isValidMedicare(digits)) continue;
    out.push(finding('medicare-number', text, m.index, m.index + m[0].length));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Irish PPS numbers

const PPSN = new RegExp(`${EDGE_BEFORE}(\\d{7}) ?([A-W])([A-IW]?)${EDGE_AFTER}`, 'giu');

export function isValidPpsn(digits: string, check: string, second: string): boolean {
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(digits[i]) * (8 - i);
  if (second) sum += 9 * (second.toUpperCase() === 'W' ? 0 : second.toUpperCase().charCodeAt(0) - 64);
  const expected = sum % 23;
  const letter = expected === 0 ? 'W' : String.fromCharCode(64 + expected);
  return letter === check.toUpperCase();
}

export function findPpsns(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(PPSN)) {
    const before = text.slice(Math.max(0, m.index - 20), m.index);
    // Older numbers and typos fail the check: with a cue they still count.
    if (isValidPpsn(m[1]!, m[2]!, m[3] ?? '') || /\bPPS/i.test(before))
      out.push(finding('ppsn', text, m.index, m.index + m[0].length));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Hospital numbers, MRNs and other references

/** Words that announce a patient's number in a local system. */
const ID_CUE =
  /\b(?:MR#|MR\s*#|UR(?=\s*\d)|hosp(?:ital)?\.?\s*(?:no|number|num|#)|MRN|medical record(?:\s+number)?|record\s*(?:no|number)|patient\s*(?:id|no|number|#)|unit\s*(?:no|number)|case\s*(?:no|number|ref)|client\s*(?:id|no|number)|RiO(?:\s*(?:id|no|number))?|PAS(?:\s*(?:id|no|number))?|NHI|K\s*number|ref(?:erence)?\s*(?:no|number)?|ID\s*(?:no|number)?|CRN|URN|UR\s*(?:no|number)|reg(?:istration)?\s*(?:no|number)|member\s*(?:id|no|number)|policy\s*(?:no|number)|claim\s*(?:no|number)|EHCP\s*(?:no|number)|file\s*(?:no|number))\.?\s*[:#-]?\s*(?:is|was|=)?\s*/gi;
/** A token with at least four digits, letters allowed: "RXH1234567", "A123456B", "00482913". */
const ID_TOKEN = /^[A-Z]{0,4}[ -]?\d[\d -]{2,14}\d[A-Z]{0,2}(?![\p{L}\p{N}])/iu;
/** A standalone code of letters then six or more digits ("RXH1234567", "K1234567"), or seven digits or more. */
const CODE = /(?<![\p{L}\p{N}/.,:-])(?:[A-Z]{1,4}\d{6,10}[A-Z]?|\d{7,12})(?![\p{L}\p{N}]|[.,]\d|[/:-]\d)/gu;
/**
 * Numbers in groups after a word that says they identify someone: "NDIS number 430 517 862", "SIN
 * 518 204 631", "OHIP 4829-371-055", "RAMQ ELAY 8105 1423", "health card no. 5584 102 773 KT".
 */
const GROUPED_CUE =
  /\b(?:NDIS|SIN|PHIN|PHN|HCN|OHIP|RAMQ|AHCIP|MSP|NHI|IHI|DVA|CRN|medicare|health\s*card|medical\s*card|card|student|member|insurance|policy|case|client|patient|file|ID|number|no|num|#)\b\.?(?:\s*(?:no|number|num|#)\b\.?)?\s*(?:is|was)?\s*[:#(-]?\s*/gi;
const GROUPED_ID = /^(?:[A-Z]{2,4}[ -]?)?\d{3,5}(?:[ -]\d{2,5}){1,3}(?:[ -]?[A-Z]{1,2})?(?![\p{L}\p{N}])/u;
/** Letters and digits run together: "s3918274", "4471920T", "MSP0048812". */
const MIXED_CODE = /(?<![\p{L}\p{N}/.,:-])(?:[a-z]\d{6,10}|\d{6,10}[A-Z]{1,2})(?![\p{L}\p{N}])/gu;

/** NZ National Health Index numbers: three letters (no I or O) and four digits. */
const NHI = /(?<![\p{L}\p{N}])[A-HJ-NP-Z]{3}\d{4}(?![\p{L}\p{N}])/gu;

export function findIdNumbers(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(ID_CUE)) {
    const at = m.index + m[0].length;
    const id = ID_TOKEN.exec(text.slice(at, at + 24));
    if (!id || !/\d{3}/.test(id[0].replace(/\D/g, '') + '')) continue;
    const value = id[0].replace(/[ -]+$/, '');
    if (value.replace(/\D/g, '').length < 4) continue;
    out.push(finding('hospital-number', text, at, at + value.length));
  }
  for (const m of text.matchAll(CODE)) {
    const digits = m[0].replace(/\D/g, '');
    // A year range or a sum of money is not an identifier; a long number almost always is, in this writing.
    if (/^(?:19|20)\d{2}(?:19|20)\d{2}$/.test(digits)) continue;
    out.push(finding('id-number', text, m.index, m.index + m[0].length));
  }
  for (const m of text.matchAll(GROUPED_CUE)) {
    const at = m.index + m[0].length;
    const id = GROUPED_ID.exec(text.slice(at, at + 28));
    if (!id || id[0].replace(/\D/g, '').length < 7) continue;
    out.push(finding('id-number', text, at, at + id[0].length));
  }
  for (const m of text.matchAll(MIXED_CODE)) out.push(finding('id-number', text, m.index, m.index + m[0].length));
  for (const m of text.matchAll(NHI)) {
    if (/^(?:[A-Z]{3})\d{4}$/.test(m[0]) && !/^(?:CBT|DBT|ACT|GAD|PHQ|ICD|DSM|MHA|CPA|COVID)/.test(m[0]))
      out.push(finding('id-number', text, m.index, m.index + m[0].length));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Postal codes

/**
 * The UK format: outward code A9, A99, AA9, AA99, A9A or AA9A with the letters each position allows, then an
 * optional space and the inward code 9AA (never C, I, K, M, O or V). GIR 0AA is the one exception.
 */
const UK_POSTCODE = new RegExp(
  String.raw`${EDGE_BEFORE}(?:GIR[ \u00A0]?0AA|(?:[A-PR-UWYZ]\d{1,2}|[A-PR-UWYZ][A-HK-Y]\d{1,2}|[A-PR-UWYZ]\d[A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y]\d[ABEHMNPRV-Y])[ \u00A0]?\d[ABD-HJLNP-UW-Z]{2})${EDGE_AFTER}`,
  'giu',
);
/** Irish Eircodes: a routing key (a letter and two digits, or D6W) and four characters. */
const EIRCODE = new RegExp(
  String.raw`${EDGE_BEFORE}(?:[ACDEFHKNPRTVWXY]\d{2}|D6W)[ \u00A0]?[0-9ACDEFHKNPRTVWXY]{4}${EDGE_AFTER}`,
  'giu',
);
/** Canadian: A1A 1A1, letters D, F, I, O, Q and U never used. */
const CA_POSTCODE = new RegExp(
  String.raw`${EDGE_BEFORE}[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ \u00A0-]?\d[ABCEGHJ-NPRSTV-Z]\d${EDGE_AFTER}`,
  'giu',
);
const US_STATES =
  'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR|Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming';
/** A US ZIP code after a state, or after "ZIP"; ZIP+4 anywhere. */
const US_ZIP = new RegExp(
  String.raw`(?:\b(?:${US_STATES}),?[ \u00A0]{1,3}|\b(?:[Zz]ip|[Zz]ip code|[Zz]ipcode|ZIP|ZIP code)\b(?:[^.\d\n]{0,30}?(?:\b(?:is|as|was|now|reads|of)\b|[:#]))?[ \t]{0,3})\d{5}(?:-\d{4})?(?!\d)|(?<![\d-])\d{5}-\d{4}(?![\d-])`,
  'g',
);
const AU_STATES =
  'NSW|VIC|QLD|SA|WA|TAS|NT|ACT|Vic|Qld|Tas|New South Wales|Victoria|Queensland|South Australia|Western Australia|Tasmania|Northern Territory';
/** An Australian or NZ postcode after a state, or after "postcode" ("postcode for the outreach list: 5022"). */
const AU_POSTCODE = new RegExp(
  String.raw`(?:\b(?:${AU_STATES}),?[ \u00A0]{1,3}|\b[Pp]ost ?codes?\b(?:[^.\d\n]{0,30}?(?:\b(?:is|as|was|now|reads|of)\b|[:#]))?[ \t]{0,3})(?<!\d)\d{4}(?!\d)`,
  'g',
);

/**
 * "Caulfield 3162", "Chicago 60623", "(Houston, 77072)": four or five digits right after a town of the
 * gazetteer are its postcode or ZIP code.
 */
const AFTER_TOWN = /(?<=\p{Lu}[\p{L}'’-]{1,40},?[ \u00A0])\d{4,5}(?![\d:.,/]\d|\d)/gu;

const COUNT_AFTER =
  /^\s*(?:dollars|pounds|euros|bucks|people|persons|steps|words|miles|km|kms|metres|meters|calories|mg|ml|times|hours|views|followers|likes|members|students|staff|patients|beds|runners)\b/i;

export function findPostcodes(text: string): Finding[] {
  const out: Finding[] = [];
  if (/\p{Lu}[\p{L}]+,?\s\d{4,5}\b/u.test(text)) {
    const lex = getLexicon();
    for (const m of text.matchAll(AFTER_TOWN)) {
      const before = /(\p{Lu}[\p{L}'’-]+),?[ \u00A0]$/u.exec(text.slice(Math.max(0, m.index - 30), m.index));
      const town = before ? foldName(before[1]!) : '';
      // Not a year ("March 2024", "since 2019") or a room: a real town, and a number that is no year.
      if (!town || !lex.townsStartingWith(town).some((t) => t.length === 1) || /^(?:19|20)\d{2}$/.test(m[0])) continue;
      // "the Manchester 10000", "owes Dallas 15000 dollars": a round number or a count, not a code.
      if (/000$/.test(m[0]) || COUNT_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 16)))
        continue;
      out.push(finding('postcode', text, m.index, m.index + m[0].length));
    }
  }
  for (const re of [UK_POSTCODE, EIRCODE, CA_POSTCODE, US_ZIP, AU_POSTCODE]) {
    for (const m of text.matchAll(re)) {
      // Eircodes and Canadian codes are all capitals or all lower case, with a digit in the right places.
      if ((re === EIRCODE || re === CA_POSTCODE) && !/\d/.test(m[0].slice(-4))) continue;
      if (re === EIRCODE && !/^[A-Z0-9 ]+$|^[a-z0-9 ]+$/.test(m[0])) continue;
      // After a cue ("zip code: 60625") the code alone; after a state ("NSW 2150") the state goes with it.
      const start = /^(?:zip|post)/i.test(m[0]) ? m.index + m[0].search(/\d/) : m.index;
      out.push(finding('postcode', text, start, m.index + m[0].length));
    }
  }
  return out;
}
