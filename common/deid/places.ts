/**
 * Named places a client could be found by: wards, units, hospitals, surgeries, schools, workplaces
 * ("Harewood Ward", "St Bede's RC Primary", "Bryn Teg Surgery", "HMP Winson Green", "Scoil Bhríde") and
 * towns from the GeoNames gazetteer ("Treorchy", "in Reading"). A place's whole name is one finding, so it
 * can be replaced whole ("Ward A", never "St Client B's Hospital").
 */
import type { Finding } from './finding';
import { getLexicon } from './lexicon';
import { foldName } from './normalise';
import { type Token, tokenize } from './tokens';
import {
  CLINICAL,
  COMMUNITY_WORDS,
  GENERIC_PLACE_WORDS,
  MEDICINES,
  PLACE_HEADS,
  SAFE_PROPER,
  THEORISTS,
  THEORISTS_COMMON,
} from './vocabulary';

/** Heads that come first: "HMP Winson Green", "Ysgol Bro Dur", "Scoil Bhríde", "Mount Vernon". */
const PREFIX_HEADS = new Set([
  'hmp',
  'hmyoi',
  'ysgol',
  'scoil',
  'gaelscoil',
  'coleg',
  'ysbyty',
  'meddygfa',
  'canolfan',
  'ospidéal',
  'ospideal',
  'coláiste',
  'colaiste',
  'clinic',
  'mount',
  'holy',
  'our',
]);
/** Words that may sit inside a place's name without a capital: "St Mary's of the Angels", "Upton-upon-Severn". */
// Not "on", "and" or "by": "Met Adwoa Mensah on Harewood Ward" is a person and a ward, not one place.
const JOINERS = new Set(['of', 'de', 'la', 'y', 'yr', 'na', 'an', 'le']);
/** Heads a place may have in lower case, after a word that is no English word: "harewood ward", "Bryn Teg surgery". */
const LOWER_HEADS = new Set([
  'ward',
  'unit',
  'hospital',
  'surgery',
  'school',
  'clinic',
  'practice',
  'hostel',
  'hospice',
]);
/** Endings of the names of specialties and kinds of care: "urology clinic", "anticoagulation clinic". */
const SPECIALTY_ENDING =
  /(?:ology|ologic|iatry|iatric|ics|ical|ion|ions|ic|al|ive|ary|ism|ness|ment|ing|omy|opy|scopy|apy|graphy|ysis|osis)$/;
/** Rare words that still say what kind of ward or unit, not which: "the stroke ward", "a burns unit". */
const LOWER_COMMON_BEFORE_HEAD = new Set([
  'burns',
  'renal',
  'detox',
  'triage',
  'dialysis',
  'oncology',
  'haematology',
  'cardiology',
  'neurology',
  'paediatric',
  'pediatric',
  'geriatric',
  'maternity',
  'postnatal',
  'antenatal',
  'neonatal',
  'orthopaedic',
  'orthopedic',
  'psych',
  'psychogeriatric',
  'gynae',
  'obstetric',
  'isolation',
  'observation',
  'decant',
  'overflow',
  'escalation',
  'bariatric',
  'hyperacute',
  'palliative',
  'hospice',
  'trauma',
  'spinal',
  'respiratory',
  'covid',
  'infectious',
  'ambulatory',
  'elective',
  'endoscopy',
  'warfarin',
  'insulin',
  'anticoagulant',
  'inr',
  'ecg',
  'ect',
  'tb',
  'dexa',
  'ivf',
  'ent',
  'derm',
  'gastro',
  'ortho',
  'gynae',
  'gyn',
  'endo',
  'cardio',
  'neuro',
  'rheum',
  'rheumatology',
  'haem',
  'onc',
  'resp',
  'uro',
  'paeds',
  'peds',
  'obs',
  'msk',
  'copd',
  'falls',
  'memory',
  'fracture',
  'diabetes',
  'diabetic',
  'asthma',
  'sexual',
  'gum',
  'gu',
  'std',
  'sti',
  'hiv',
  'fertility',
  'pain',
  'sleep',
  'clozapine',
  'lithium',
  'depot',
  'methadone',
  'smoking',
  'weight',
  'wound',
  'foot',
  'eye',
  'dental',
  'vaccination',
  'flu',
  'baby',
]);
/** Lower-case heads that need a lower-case word before them: "Shazia practice" is practising, not a place. */
const LOWER_CAPITAL_HEADS_NOT = new Set(['practice']);
/** Words before a town that say it is a place: "in Reading", "moved to Bath". */
const PLACE_PREPOSITIONS = new Set([
  'in',
  'from',
  'to',
  'near',
  'at',
  'around',
  'outside',
  'into',
  'towards',
  'toward',
  'via',
  'of',
  'back',
  'round',
  'across',
  'through',
  'moved',
  'lives',
  'lived',
  'grew',
  'up',
  'visiting',
  'visited',
  'left',
]);
/** Heads of two words ("care home", "primary school", "halting site"), from the heads' own list. */
const TWO_WORD_HEADS = new Set(Object.keys(PLACE_HEADS).filter((head) => head.includes(' ')));

/** Words before a town that say where someone is or comes from (not "to", as in "Dare to Lead"). */
const LOCATIVE = new Set(['in', 'from', 'near', 'outside', 'at', 'around', 'towards', 'via']);
/** Towns whose names are everyday words, well known enough to be meant as places after "in" or "to". */
const WELL_KNOWN_TOWNS = new Set([
  'reading',
  'bath',
  'march',
  'sale',
  'deal',
  'street',
  'hull',
  'wells',
  'bury',
  'rugby',
  'poole',
  'hope',
  'ware',
  'shields',
  'ely',
  'wick',
  'cork',
  'derry',
  'trim',
  'mobile',
  'independence',
  'liberty',
  'sunshine',
  'paradise',
  'orange',
  'buffalo',
  'phoenix',
  'surprise',
]);
const MONTHS = new Set([
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]);
const wordy = (t: Token) => t.shape === 'capital' || t.shape === 'caps' || /^(?:st|saint)$/.test(t.fold);

function headAt(tokens: Token[], i: number): { words: number; head: string } | null {
  const t = tokens[i];
  if (!t) return null;
  const two = tokens[i + 1] ? `${t.fold} ${tokens[i + 1]!.fold}` : '';
  if (TWO_WORD_HEADS.has(two)) return { words: 2, head: PLACE_HEADS[two]! };
  const head = PLACE_HEADS[t.fold];
  return head ? { words: 1, head } : null;
}

/** Heads after the first that belong to the name: "St Bede's RC Primary School", "Ashgrove Medical Practice". */
function extendHead(text: string, tokens: Token[], last: number): number {
  let j = last + 1;
  while (tokens[j] && /^[ \t]$/.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start))) {
    const t = tokens[j]!;
    if (t.shape === 'lower') break;
    if (
      headAt(tokens, j) ||
      /^(?:rc|ce|cofe|nhs|foundation|trust|community|academy|medical|health|primary|secondary|infant|junior|church|catholic|memorial|general|royal|district|university|teaching|psychiatric|partnership)$/.test(
        t.fold,
      )
    ) {
      j += 1;
      continue;
    }
    break;
  }
  return j - 1;
}

export function findPlaces(text: string): Finding[] {
  const tokens = tokenize(text);
  const out: Finding[] = [];
  const lex = getLexicon();

  // Names ending in a head: walk back from each head over capitalised words and joiners.
  for (let i = 0; i < tokens.length; i++) {
    const head = headAt(tokens, i);
    const t = tokens[i]!;
    if (!head || t.shape === 'other') continue;
    const lowerTwo = head.words === 2 && tokens[i + 1]?.shape === 'lower';
    if (t.shape === 'lower' && !LOWER_HEADS.has(t.fold) && !lowerTwo) continue;
    let first = i;
    let specific = false;
    for (let k = i - 1; k >= 0 && i - k <= 5; k--) {
      const w = tokens[k]!;
      const gap = text.slice(w.end, tokens[k + 1]!.start);
      if (!/^(?:['’]s)?[ \t\u00A0-]$/u.test(gap)) break;
      if (t.shape === 'lower') {
        const level = lex.englishLevel(w.fold);
        const ours = CLINICAL.has(w.fold) || SAFE_PROPER.has(w.fold) || THEORISTS.has(w.fold) || MONTHS.has(w.fold);
        // "harewood ward", "larkspur ward", "lagan view ward", "parramatta valley hospital": lower-case words
        // before a lower-case head, the first of them no English word or a rare one, nor one of ours.
        if (k === i - 1 && w.shape === 'lower') {
          for (let f = i - 1; f >= 0 && i - f <= 3; f--) {
            const x = tokens[f]!;
            if (x.shape !== 'lower' || !/^[ \t\u00A0]$/u.test(text.slice(x.end, tokens[f + 1]!.start))) break;
            if (GENERIC_PLACE_WORDS.has(x.fold) || CLINICAL.has(x.fold) || SAFE_PROPER.has(x.fold)) break;
            if (LOWER_COMMON_BEFORE_HEAD.has(x.fold) || MEDICINES.has(x.fold)) break;
            if (THEORISTS.has(x.fold) || MONTHS.has(x.fold) || x.fold.includes('-')) break;
            const rarity = lex.englishLevel(x.fold);
            if (
              !SPECIALTY_ENDING.test(x.fold) &&
              ((rarity === undefined && x.fold.length >= 4) || ((rarity ?? 0) >= 50 && t.fold !== 'practice'))
            ) {
              first = f;
              specific = true;
            }
          }
          break;
        }
        // "Carrowbeg halting site", "the Te Ara Hou clinic": capitalised words of a name, the nearest no English
        // word, before a head in lower case; not across a possessive ("Ama's clinic" is hers, not a place).
        if (w.shape !== 'capital' || !/^[ \t\u00A0]$/u.test(gap)) break;
        if (k === i - 1) {
          if (level !== undefined || ours || LOWER_CAPITAL_HEADS_NOT.has(t.fold)) break;
          if (LOWER_COMMON_BEFORE_HEAD.has(w.fold) || MEDICINES.has(w.fold)) break;
          // "I told Siobhan clinic was off": one name on its own before the type is a person, not a place.
          const before = tokens[k - 1];
          const named =
            !!before &&
            before.shape === 'capital' &&
            !(before.sentenceStart && lex.englishLevel(before.fold) !== undefined) &&
            /^[ \t\u00A0]$/u.test(text.slice(before.end, w.start));
          if (lex.isName(w.fold) && !named) break;
          first = k;
          specific = true;
          continue;
        }
        if ((w.sentenceStart && level !== undefined) || SAFE_PROPER.has(w.fold) || MONTHS.has(w.fold)) break;
        first = k;
        continue;
      }
      if (wordy(w)) {
        // A common word that starts the sentence is the sentence's, not the place's: "But the Trust".
        const level = lex.englishLevel(w.fold);
        if (w.sentenceStart && level !== undefined && level <= 35 && !lex.isName(w.fold)) break;
        first = k;
        if (!GENERIC_PLACE_WORDS.has(w.fold) && !SAFE_PROPER.has(w.fold) && !CLINICAL.has(w.fold)) specific = true;
        continue;
      }
      // "of" inside a name only after a word that is itself a name's: "Our Lady of Lourdes", not "Code of".
      if (JOINERS.has(w.fold) && k > 0 && wordy(tokens[k - 1]!)) {
        const before = tokens[k - 1]!;
        const level = lex.englishLevel(before.fold);
        if (
          w.fold === 'of' &&
          level !== undefined &&
          level <= 35 &&
          !lex.isFirstName(before.fold) &&
          before.fold !== 'lady'
        )
          break;
        continue;
      }
      break;
    }
    // "the Acute Ward", "Mental Health Unit", "Ward" alone: nothing says which.
    if (!specific || first === i) continue;
    const last = extendHead(text, tokens, i + head.words - 1);
    const start = tokens[first]!.start;
    const end = tokens[last]!.end;
    out.push({ kind: 'place', start, end, text: text.slice(start, end) });
  }

  // Wards by number and wing: "Ward 7B", "7 West", "4 North".
  for (const m of text.matchAll(
    /(?<![\p{L}\p{N}])(?:Ward\s+\d{1,3}[A-Z]?|\d{1,2}[A-Z]?\s+(?:North|South|East|West)(?:\s+\p{Lu}[\p{L}-]+){0,3})(?![\p{L}\p{N}])/gu,
  )) {
    out.push({ kind: 'place', start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  // "St Brendan's", "St James's": a saint's name on its own is a hospital, a church or a school.
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])(?:St\.?|Saint)\s+\p{Lu}[\p{L}-]+['’]s?(?![\p{L}\p{N}])/gu)) {
    out.push({ kind: 'place', start: m.index, end: m.index + m[0].length, text: m[0] });
  }

  // Names starting with a head: "HMP Winson Green", "Ysgol Gymraeg Bro Dur", "Scoil Bhríde".
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!PREFIX_HEADS.has(t.fold) || t.shape === 'lower') continue;
    let last = i;
    for (let k = i + 1; k < tokens.length && k - i <= 4; k++) {
      const w = tokens[k]!;
      if (!/^[ \t\u00A0]$/u.test(text.slice(tokens[k - 1]!.end, w.start))) break;
      if (wordy(w)) last = k;
      else if (!JOINERS.has(w.fold)) break;
    }
    if (last === i) continue;
    const specific = tokens.slice(i + 1, last + 1).some((w) => !GENERIC_PLACE_WORDS.has(w.fold));
    if (!specific) continue;
    // "Our Lady of Lourdes" stands, "Our team" does not: "our" and "holy" need a head at the end.
    if ((t.fold === 'our' || t.fold === 'holy' || t.fold === 'clinic') && !headAt(tokens, last)) continue;
    out.push({ kind: 'place', start: t.start, end: tokens[last]!.end, text: text.slice(t.start, tokens[last]!.end) });
  }

  // Towns.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.shape === 'lower') {
      // "pt from stockport", "lives in morriston": in a quick note, a town in lower case after a word that
      // says where, when its name is no English word, nor one of ours.
      const before = tokens[i - 1];
      if (
        !before ||
        !PLACE_PREPOSITIONS.has(before.fold) ||
        !/^[ \t]+$/.test(text.slice(before.end, t.start)) ||
        t.fold.length < 4 ||
        lex.englishLevel(t.fold) !== undefined ||
        CLINICAL.has(t.fold) ||
        MEDICINES.has(t.fold) ||
        COMMUNITY_WORDS.has(t.fold) ||
        SAFE_PROPER.has(t.fold) ||
        THEORISTS.has(t.fold) ||
        lex.isName(t.fold) ||
        !lex.townsStartingWith(t.fold).some((town) => town.length === 1)
      )
        continue;
      out.push({ kind: 'place', start: t.start, end: t.end, text: text.slice(t.start, t.end) });
      continue;
    }
    if (t.shape !== 'capital' && t.shape !== 'caps') continue;
    let best = 0;
    for (const town of lex.townsStartingWith(t.fold)) {
      if (town.length <= best) continue;
      let ok = true;
      for (let k = 1; k < town.length; k++) {
        const w = tokens[i + k];
        if (!w || w.fold !== town[k] || !/^[ \t-]$/.test(text.slice(tokens[i + k - 1]!.end, w.start))) ok = false;
      }
      if (ok) best = town.length;
    }
    if (!best) continue;
    const words = tokens.slice(i, i + best);
    if (
      words.every(
        (w) =>
          SAFE_PROPER.has(w.fold) ||
          THEORISTS.has(w.fold) ||
          THEORISTS_COMMON.has(w.fold) ||
          MONTHS.has(w.fold) ||
          CLINICAL.has(w.fold) ||
          lex.isCountryOrLanguage(w.fold),
      )
    )
      continue;
    // "RiO": an acronym or a brand, not a town.
    if (/^\p{L}[\p{Ll}]*\p{Lu}/u.test(t.text)) continue;
    const next = tokens[i + best];
    // "Melbourne Cup", "Edinburgh Postnatal Depression Scale", "Bristol Stool Chart": a town in a name of
    // something else.
    if (next && next.shape === 'capital' && /^[ \t]$/.test(text.slice(words[best - 1]!.end, next.start))) {
      const level = lex.englishLevel(next.fold);
      if (level !== undefined && !PLACE_HEADS[next.fold] && !lex.isName(next.fold)) continue;
    }
    const ordinary = words.every((w) => lex.englishLevel(w.fold) !== undefined || lex.isFirstName(w.fold));
    // Everyday words that are towns ("Early", "Lead", "Eye", "Hope") count only where they are well known
    // as places; rarer words ("Tongue", "Dollar") with a preposition before them.
    const everyday = words.every((w) => (lex.englishLevel(w.fold) ?? 99) <= 20);
    const before = tokens[i - 1];
    const locative = !!before && LOCATIVE.has(before.fold) && /^[ \t]+$/.test(text.slice(before.end, t.start));
    // "in Tongue.", "outside Mold,": a locative word before, and not a number or a lower-case word after.
    const standsAlone = !/^\s*(?:\d|\p{Ll})/u.test(text.slice(words[best - 1]!.end, words[best - 1]!.end + 3));
    if (everyday && !WELL_KNOWN_TOWNS.has(words.map((w) => w.fold).join(' ')) && !(locative && standsAlone)) continue;
    const introduced =
      !!before && PLACE_PREPOSITIONS.has(before.fold) && /^[ \t]+$/.test(text.slice(before.end, t.start));
    const after = text.slice(words[best - 1]!.end, words[best - 1]!.end + 12);
    // A town that is also an ordinary word or a first name ("Reading", "Bath", "Hope", "Lincoln") needs a
    // preposition before it, or more of an address after: a comma and a capital, a postcode, a state.
    const addressAfter = /^,\s\p{Lu}|^,?\s(?:[A-Z]{1,2}\d|[A-Z]\d{2}\s|[A-Z]{2,3}\s\d{4}|\d{4,5}\b)/u.test(after);
    if (ordinary && !(introduced && !t.sentenceStart) && !addressAfter) continue;
    if (ordinary && t.shape === 'caps') continue;
    const end = words[best - 1]!.end;
    out.push({ kind: 'place', start: t.start, end, text: text.slice(t.start, end) });
    i += best - 1;
  }
  return out;
}

/** The kind of place a name is, from its head: "Ward", "Hospital", "School", or "Place". */
export function placeTypeOf(name: string): string {
  const words = foldName(name).split(/[\s-]+/);
  for (let i = words.length - 1; i >= 0; i--) {
    const two = i > 0 ? `${words[i - 1]} ${words[i]}` : '';
    if (PLACE_HEADS[two]) return PLACE_HEADS[two]!;
    if (PLACE_HEADS[words[i]!]) return PLACE_HEADS[words[i]!]!;
  }
  const first = words[0] ?? '';
  if (first === 'hmp' || first === 'hmyoi') return 'Prison';
  if (['ysgol', 'scoil', 'gaelscoil', 'coleg', 'colaiste'].includes(first)) return 'School';
  if (['ysbyty', 'ospideal'].includes(first)) return 'Hospital';
  if (first === 'meddygfa') return 'Surgery';
  return 'Place';
}
