/**
 * People's names, found the way Philter finds them: a word is a possible name unless it is an ordinary word
 * where it stands. The safe-list is SCOWL's English words, our own clinical vocabulary, theorists and proper
 * nouns that identify nobody (./vocabulary.ts). Words that are both ordinary and names ("Grace", "Will",
 * "Ward") need evidence: a capital in mid-sentence, a title or relation before them ("Dr", "her brother"),
 * a verb after them ("Will said"), a surname beside them, or the same word found as a name elsewhere in
 * the export. compromise (a small English NLP library that runs locally) is one more piece of evidence.
 *
 * Findings come in two strengths: 'person-name' (a name, very likely) and 'possible-name' (a word that is
 * not ordinary English but has nothing else to say it is a name), which the check page groups so they
 * stay quick to settle.
 */
import nlp from 'compromise';
import type { Finding } from './finding';
import { getLexicon, type Lexicon } from './lexicon';
import { foldName } from './normalise';
import { type Token, tokenize } from './tokens';
import {
  PLACE_HEADS,
  CLIENTS,
  CLINICAL,
  COLLEAGUES,
  COMMUNITY_WORDS,
  ENGLISH_NAMES,
  EPONYM_HEADS,
  IDIOMS,
  ROLE_WORDS,
  MEDICINES,
  SERVICES,
  THEORIST_NAME_SET,
  PREFIXES,
  SUFFIXES,
  PERSON_VERBS,
  RELATIONS,
  SAFE_PROPER,
  THEORISTS,
  THEORISTS_COMMON,
  THEORY_WORDS,
  TITLES,
  words,
} from './vocabulary';

/** Titles that belong to the name they come before, and go with it ("Dr Okafor" becomes "Colleague A"). */
const HONORIFICS = words(`
  dr doctor mr mrs ms miss mx prof professor sir dame lord lady rev revd reverend fr cllr master
`);
/** Little words inside names: "van der Merwe", "bin Hamid", "Nic an tSaoir", "ap Rhys", "de la Cruz". */
const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'dos',
  'das',
  'du',
  'la',
  'le',
  'bin',
  'binti',
  'bint',
  'ibn',
  'ben',
  'bat',
  'al',
  'el',
  'abu',
  'ap',
  'ab',
  'ferch',
  'mac',
  'mc',
  'nic',
  'ni',
  'ui',
  'o',
  'an',
  'ter',
  'ten',
  'y',
  'te',
  'ua',
  'mag',
  'bean',
]);
/** A relation named just after a word: "grace (mum)", "hope's mum", "bex, her sister". */
const RELATION_AFTER =
  /^(?:['’]s\s+(?:mum|mam|mom|mummy|mommy|mama|dad|daddy|papa|nan|nana|gran|granny|grandma|grandad|sister|brother|son|daughter|partner|husband|wife|boyfriend|girlfriend|kids|baby|carer|foster)\b|\s*\((?:mum|mam|mom|dad|nan|gran|sister|brother|son|daughter|partner|husband|wife|aunt|aunty|auntie|uncle|cousin|carer|friend|boyfriend|girlfriend)\))/i;
/** Words after a name at the start of a sentence that make it a person: "Frank is 68", "Dawn was in charge". */
const AUXILIARIES = new Set([
  'is',
  'was',
  'has',
  'had',
  'seems',
  'seemed',
  'looked',
  'felt',
  'did',
  'does',
  'isn',
  'wasn',
  'hasn',
  'hadn',
  'didn',
  'doesn',
  'cancelled',
  'canceled',
  'settled',
  'refused',
  'agreed',
]);
/** Names that are also what they name ("Hope is not a feeling"): at the start of a sentence, words first. */
const VIRTUES = new Set([
  'hope',
  'joy',
  'grace',
  'faith',
  'mercy',
  'patience',
  'charity',
  'honour',
  'honor',
  'comfort',
  'destiny',
  'harmony',
  'liberty',
  'bliss',
  'serenity',
  'felicity',
  'prudence',
  'constance',
  'trinity',
  'precious',
  'blessing',
  'gift',
  'will',
  'may',
  'summer',
  'winter',
  'autumn',
  'storm',
  'rain',
  'sky',
]);
/** "Faith brighter than last visit": a comparison straight after a name-word says it is a person. */
const COMPARATIVES = new Set([
  'brighter',
  'better',
  'worse',
  'calmer',
  'quieter',
  'louder',
  'happier',
  'sadder',
  'flatter',
  'livelier',
  'chattier',
  'settled',
  'tearful',
  'agitated',
  'unsettled',
  'withdrawn',
  'anxious',
  'upset',
  'angry',
  'low',
  'well',
  'unwell',
  'asleep',
  'awake',
  'okay',
  'ok',
  'fine',
  'stable',
]);
/** Little words of other languages: the lower-case words beside them are that language too ("el doce de marzo"). */
const FOREIGN_SMALL = new Set([
  'el',
  'los',
  'las',
  'del',
  'que',
  'por',
  'para',
  'con',
  'una',
  'uno',
  'je',
  'tu',
  'vous',
  'nous',
  'est',
  'les',
  'des',
  'du',
  'et',
  'pas',
  'ne',
  'au',
  'aux',
  'il',
  'elle',
  'sono',
  'che',
  'di',
  'und',
  'der',
  'die',
  'das',
  'ist',
  'nicht',
  'ich',
  'wyt',
  'ti',
  'yn',
  'mae',
  'chi',
  'eil',
  'agus',
  'tá',
  'ta',
  'sé',
  'sí',
  'ngā',
  'nga',
  'ki',
  'ko',
  'kia',
  'ka',
  'nei',
  'da',
  'de',
  'la',
  'y',
  'o',
  'a',
  'e',
  'i',
]);
/** Words that follow a name but never the modal "Will" or "May": "Frank in bay 3", "Summer and her mum". */
const NAME_FOLLOWERS = new Set([
  'in',
  'on',
  'at',
  'from',
  'with',
  'and',
  'or',
  'but',
  'to',
  'who',
  'whose',
  'whom',
  'says',
  'said',
  'still',
  'again',
  'too',
  'also',
  'now',
  'today',
  'yesterday',
  'tonight',
  'back',
  'here',
  'there',
  'seemed',
  'came',
  'went',
]);
/** English words written with accents. */
const ACCENTED_ENGLISH = new Set([
  'café',
  'cafés',
  'fiancé',
  'fiancée',
  'naïve',
  'naïvety',
  'résumé',
  'cliché',
  'clichés',
  'déjà',
  'façade',
  'rôle',
  'élite',
  'protégé',
  'début',
  'décor',
  'entrée',
  'über',
  'blasé',
  'soirée',
  'touché',
  'crème',
  'crêpe',
  'piñata',
  'jalapeño',
  'señor',
  'señora',
  'coöperate',
  'zoë',
  'noël',
  'chloë',
]);
/** Particles a name can start with. */
const LEADING_PARTICLE =
  /^(?:van|von|de|del|della|di|da|du|la|le|bin|ibn|al|el|abu|ap|nic|mac|mc|ni|o|ui|ua|te|mag|bean|dos|das)$/;
/** Irish mutations before a capital: "tSaoir", "hÉireann", "nGael", "bhFear". */
const MUTATED = /^(?:t|h|n|b|g|d|m|bh|dt|gc|mb|ng)\p{Lu}\p{Ll}/u;
/** Words after which a lower-case word is someone being contacted: "rang bex", "saw kwame". */
const CONTACT_VERBS = new Set([
  'rang',
  'ring',
  'saw',
  'see',
  'seen',
  'called',
  'call',
  'texted',
  'text',
  'phoned',
  'phone',
  'met',
  'visited',
  'visit',
  'emailed',
  'email',
  'with',
  'and',
  'for',
  'to',
  'told',
  'tell',
  'ask',
  'asked',
]);
const ARTICLES = new Set([
  'the',
  'a',
  'an',
  'this',
  'these',
  'those',
  'its',
  'our',
  'your',
  'every',
  'each',
  'any',
  'no',
  'some',
]);
/** Words before a month that make it a date: "in May", "last June", "since April". */
const DATE_WORDS = new Set([
  'in',
  'on',
  'of',
  'last',
  'next',
  'this',
  'early',
  'late',
  'mid',
  'since',
  'until',
  'till',
  'by',
  'from',
  'during',
  'through',
  'before',
  'after',
  'every',
  'each',
  'end',
  'start',
  'beginning',
  'throughout',
  'around',
]);
const DATE_ABBREVIATIONS = new Set([
  'mon',
  'tue',
  'wed',
  'thu',
  'thur',
  'fri',
  'sat',
  'sun',
  'jan',
  'mar',
  'jun',
  'jul',
  'sep',
  'dec',
]);
const MONTH_NAMES = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august']);
const PRONOUNS = new Set(['i', 'we', 'you', 'he', 'she', 'they', 'it', 'me', 'us', 'him', 'her', 'them']);

export interface NameOptions {
  /** Names known from elsewhere (the person's list, or other parts of the same export), folded. */
  known?: ReadonlySet<string>;
  /** Whether to ask compromise as well (on unless a caller turns it off). */
  nlp?: boolean;
}

type Verdict = 'strong' | 'weak' | null;

interface Evidence {
  lexicon: Lexicon;
  tokens: Token[];
  text: string;
  known: ReadonlySet<string>;
  /** Token indexes compromise takes for people. */
  /** Whether compromise takes this word for a person (asked only where other evidence is lacking). */
  nlpPerson: (t: Token) => boolean;
  /** Sentences (by first token index) about theory rather than people. */
  theory: Set<number>;
  sentenceOf: number[];
  /** Whether the text has a bed, bay or room with a number at all (the slot rules are asked only then). */
  slots: boolean;
}

/** Parts of a hyphenated word that do not stop it being ordinary: "Turkish-speaking", "Colombian-born". */
const HYPHEN_PARTS = new Set(['speaking', 'born', 'based', 'led', 'ish', 'like', 'style', 'type', 'ward', 'wards']);

const derivedCache = new Map<string, number | undefined>();

/**
 * SCOWL's level for a word, or for the ordinary word it is made from: "well-being", "ex-partner" (parts),
 * "rebooking", "telehealth" (a prefix or an ending), "waitlist", "keyworker" (two words run together).
 * Names are never taken apart: "Newman" is not "new" and "man".
 */
function englishLevel(lex: Lexicon, fold: string, compound = true): number | undefined {
  const level = lex.englishLevel(fold) ?? (COMMUNITY_WORDS.has(fold) ? 40 : undefined);
  if (level !== undefined) return level;
  const key = compound ? fold : `\u0000${fold}`;
  if (derivedCache.has(key)) return derivedCache.get(key);
  let derived: number | undefined;
  if (fold.includes('-')) {
    const parts = fold.split('-');
    // Short parts that are not words of their own make a name ("Min-jun", "Jun-ho"), even if an abbreviation.
    const levels = parts.map(
      (p) =>
        lex.englishLevel(p) ??
        (PREFIXES.includes(p) ||
        HYPHEN_PARTS.has(p) ||
        CLINICAL.has(p) ||
        (p.length >= 4 && (safeWord(p) || COMMUNITY_WORDS.has(p))) ||
        /^\d+$/.test(p)
          ? 10
          : undefined),
    );
    if (levels.every((l) => l !== undefined)) derived = Math.max(...(levels as number[]));
  } else if (!lex.isName(fold) && fold.length >= 6) {
    derived = morphology(lex, fold, compound);
  }
  if (derivedCache.size > 50_000) derivedCache.clear();
  derivedCache.set(key, derived);
  return derived;
}

function morphology(lex: Lexicon, fold: string, compound: boolean): number | undefined {
  const ordinary = (w: string) => (w.length >= 3 ? lex.englishLevel(w) : undefined);
  const stems = [fold];
  for (const prefix of PREFIXES)
    if (fold.startsWith(prefix) && fold.length - prefix.length >= 4) stems.push(fold.slice(prefix.length));
  for (const stem of stems) {
    if (stem !== fold && ordinary(stem) !== undefined) return Math.max(50, ordinary(stem)!);
    for (const suffix of SUFFIXES) {
      if (!stem.endsWith(suffix) || stem.length - suffix.length < 4) continue;
      const root = stem.slice(0, -suffix.length);
      for (const candidate of [root, `${root}e`, root.replace(/i$/, 'y'), root.replace(/(.)\1$/, '$1')]) {
        if (ordinary(candidate) !== undefined) return Math.max(50, ordinary(candidate)!);
      }
    }
  }
  // Two ordinary words run together: "waitlist", "keyworker", "bedtime". Not for a capital in mid-sentence,
  // which is a name's or a place's: "Castlebay", "Greenbank".
  if (!compound) return undefined;
  for (let i = 3; i <= fold.length - 3; i++) {
    const a = lex.englishLevel(fold.slice(0, i));
    const b = lex.englishLevel(fold.slice(i));
    if (a !== undefined && b !== undefined && a <= 35 && b <= 35) return 55;
  }
  return undefined;
}

/** A name as an English word too: "Grace", "Will". Rare ordinary words ("begum", "khan") count as names. */
const nameLike = (lex: Lexicon, fold: string, level: number): boolean =>
  level >= 40
    ? lex.isName(fold)
    : ENGLISH_NAMES.has(fold) ||
      (level > 20 && lex.isFirstName(fold)) ||
      (lex.surnameRank(fold) ?? Infinity) <= 1500 ||
      (level >= 35 && lex.isName(fold));

const safeWord = (fold: string): boolean =>
  CLINICAL.has(fold) ||
  MEDICINES.has(fold) ||
  SERVICES.has(fold) ||
  SAFE_PROPER.has(fold) ||
  THEORISTS.has(fold) ||
  getLexicon().isCountryOrLanguage(fold);
/** On our lists, as it is or without a plural or possessive s ("Wednesdays", "CbDs", "Kleinian"). */
const isSafe = (fold: string): boolean =>
  safeWord(fold) ||
  (fold.length > 5 && fold.endsWith('s') && safeWord(fold.slice(0, -1)) && !getLexicon().isName(fold));

/** Capitals inside a word ("MoCA", "CbDs", "iPhone", "MRCPsych") make it an acronym or a brand, except the
 * way names are built: "McDonagh", "MacLeod", "O'Neill", "DeShawn", "FitzGerald", "D'Souza", "NicAoidh". */
const INNER_CAPITAL = /^\p{L}[\p{Ll}\p{M}]*\p{Lu}/u;
const NAME_PREFIX = /^(?:mc|mac|nic|ni|fitz|de|di|da|du|le|la|van|von|o['’]|d['’]|n['’]|l['’]|al-|el-|ap|ab|st)/i;
const acronymLike = (word: string): boolean =>
  INNER_CAPITAL.test(word) && !NAME_PREFIX.test(word) && !MUTATED.test(word);

function previousWord(ev: Evidence, t: Token): Token | undefined {
  const p = ev.tokens[t.index - 1];
  if (!p) return undefined;
  // Only across spaces (and a title's full stop): not across a sentence or a line.
  const gap = ev.text.slice(p.end, t.start);
  if (/^(?:['’]s)?[ \t\u00A0]+$/u.test(gap)) return p;
  // Across a full stop only after a title or an initial: "Dr. Patel", "H. Gill".
  return /^\.[ \t\u00A0]+$/u.test(gap) && (TITLES.has(p.fold) || /^\p{Lu}$/u.test(p.text)) ? p : undefined;
}

function nextWord(ev: Evidence, t: Token): Token | undefined {
  const n = ev.tokens[t.index + 1];
  if (!n) return undefined;
  const gap = ev.text.slice(t.end, n.start);
  return /^(?:['’]s)?[ \t\u00A0]+$/u.test(gap) ? n : undefined;
}

const ROLE_AFTER = new RegExp(
  String.raw`^,\s+(?:my|her|his|their|our|the|a|an)\s+(?:[\p{L}-]+\s+)?(?:${[...RELATIONS, ...COLLEAGUES, ...CLIENTS].join('|')})\b`,
  'iu',
);
/** An age after a word says it is a person: "Will (17)", "Hope, 23,", "May is 19". */
const AGE_AFTER =
  /^(?:\s*\(\s*(?:\d{1,3}\b|(?:y|yr|year)\s?\d{1,2}\b|[^()]{0,24}[,;]\s*\d{1,2}\s*\))|,\s*\d{1,2}\s*(?:,|\)|$|y)|\s+(?:is|was|turned|turns|aged)\s+\d{1,2}\b|,\s+\p{Lu}\.(?!\p{L}))/iu;

/** What a word's neighbours say: a title or relation before it, a verb after it. */
function context(ev: Evidence, t: Token) {
  const prev = previousWord(ev, t);
  const next = nextWord(ev, t);
  const p = prev?.fold ?? '';
  const after = ev.text.slice(t.end, t.end + 80);
  return {
    title: !!prev && TITLES.has(p) && prev.shape !== 'lower',
    honorific: !!prev && HONORIFICS.has(p),
    relation: !!prev && (RELATIONS.has(p) || CLIENTS.has(p) || COLLEAGUES.has(p) || p === 'named' || p === 'called'),
    article: !!prev && (ARTICLES.has(p) || (PRONOUNS.has(p) && p !== 'her' && p !== 'his')),
    dateWord: !!prev && DATE_WORDS.has(p),
    verbAfter: !!next && next.shape === 'lower' && PERSON_VERBS.has(next.fold),
    pronounAfter: !!next && PRONOUNS.has(next.fold) && next.fold !== 'her' && next.fold !== 'his',
    ageAfter: AGE_AFTER.test(after),
    roleAfter: ROLE_AFTER.test(after),
    prev,
    next,
  };
}

function isTheoristHere(ev: Evidence, t: Token): boolean {
  const theorist = THEORISTS_COMMON.has(t.fold) || THEORISTS.has(t.fold);
  const next = nextWord(ev, t);
  // "Jeffrey Young's schema book", "Judy Atkinson's work": a theorist's first name goes with them.
  if (!theorist)
    return (
      !!next && ev.theory.has(ev.sentenceOf[t.index]!) && (THEORISTS_COMMON.has(next.fold) || THEORISTS.has(next.fold))
    );
  if (ev.theory.has(ev.sentenceOf[t.index]!)) return true;
  // "Beck (1976)", "Rogers' conditions", "Hawkins and Shohet", "Neff would say".
  const after = ev.text.slice(t.end, t.end + 16);
  return /^\s*\(\s*\d{4}|^\s*(?:et al|and Shohet|&)|^['’]s?\s|^\s+(?:would|says|said|calls|called|describes|wrote|writes|argues|suggests)\b/i.test(
    after,
  );
}

/** "Kielhofner's Model of Human Occupation", "Johnstone and Boyle's Power Threat Meaning Framework". */
const WORK_TITLE =
  /^(?:\s+and\s+\p{Lu}[\p{L}'’-]+)?['’]s?\s+(?:\p{Lu}[\p{L}-]*\s+){0,4}(?:Model|Framework|Theory|Approach|Cycle|Scale|Triangle|Hierarchy|Method|Stages|Wheel|Curve|Matrix|Grid|Inventory|Questionnaire|Index|Rounds?|Principles?|Paradigm|Window|Validation|Loop|Tasks|Conditions|Functions|Modes)\b/u;
/** "Stroebe and Schut's dual process model", "Worden's tasks": the same in lower case, for names no one has. */
const WORK_TITLE_LOWER =
  /^(?:\s+and\s+\p{Lu}[\p{L}'’-]+)?['’]s?\s+(?:[\p{L}-]+\s+){0,4}(?:model|framework|theory|approach|cycle|scale|triangle|hierarchy|method|stages|tasks|conditions|functions|modes|principles?|paradigm)\b/u;
/** Words before an author's name: "Reading Evan Stark", "reading: Treisman", "see Cohen-Mansfield". */
const READING = /(?:^|[\s(])(?:reading|read|rereading|reread|cf\.?|according to)\s*:?\s*$/i;
/** A role in brackets after a name: "Mags (HCA)", "Dawn (charge nurse)". */
const ROLE_PAREN =
  /^\s*\((?:HCA|RMN|RGN|RNLD|OT|SHO|CPN|AMHP|GP|SW|PSW|STR|CNS|ANP|CT\d|ST\d|FY\d|F\d|band \d|charge nurse|nurse|consultant|manager|ward manager|student|student nurse|peer worker|support worker|social worker|psychologist|psychiatrist|registrar|therapist|counsellor|keyworker|key worker|care coordinator|bank|agency|locum|admin|receptionist|volunteer|chaplain|interpreter|advocate|supervisor|mentor|trainee)\b[^)]{0,20}\)/i;

/** E-mail and web addresses, roughly: their words are not names of their own. */
const ADDRESS_LIKE = /[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}.-]{1,253}|\b(?:https?:\/\/|www\.)[^\s]{1,2000}/gu;

/** Authors in brackets: two or more capitalised surnames, with commas or "and", perhaps "et al" and a year. */
const CITATION =
  /\((?:\p{Lu}[\p{L}'’-]+(?:,\s*|\s+(?:and|&)\s+)){1,7}\p{Lu}[\p{L}'’-]+(?:\s+et al\.?)?(?:,?\s*\d{4}[a-z]?)?\)/gu;

/** Eponym heads that follow in lower case too: "Stockholm syndrome", "Gillick competence", "St John's wort". */
const LOWER_EPONYMS = new Set([
  'syndrome',
  'competence',
  'guidelines',
  'principle',
  'principles',
  'criteria',
  'ruling',
  'wort',
  'effect',
  'scale',
]);

function idiomCovers(idiom: RegExp, text: string, t: Token): boolean {
  const from = Math.max(0, t.start - 24);
  const m = new RegExp(idiom.source, 'gi');
  for (const x of text.slice(from, t.end + 24).matchAll(m)) {
    if (from + x.index <= t.start && from + x.index + x[0].length >= t.end) return true;
  }
  return false;
}

/** Whether a capitalised word is an author in a sentence about their work. */
function authorHere(ev: Evidence, t: Token): boolean {
  const after90 = ev.text.slice(t.end, t.end + 90);
  if (WORK_TITLE.test(after90)) return !ENGLISH_NAMES.has(t.fold);
  // In lower case only for a name that is nobody's ("Maria's approach to her week" is a client's).
  if (WORK_TITLE_LOWER.test(after90)) {
    // Two names joined before a model are its authors: "Stroebe and Schut's dual process model".
    const pair = /\p{Lu}[\p{L}'’-]+\s+(?:and|&)\s+$/u.test(ev.text.slice(Math.max(0, t.start - 40), t.start));
    return pair || !ev.lexicon.isName(t.fold) || THEORISTS_COMMON.has(t.fold) || THEORISTS.has(t.fold);
  }
  // The first words after "Reading", in a sentence about theory or reading: up to three capitalised words.
  let first = t;
  for (let k = 0; k < 3; k++) {
    const p = previousWord(ev, first);
    if (!p || p.shape !== 'capital') break;
    first = p;
  }
  const before = ev.text.slice(Math.max(0, first.start - 16), first.start);
  if (!READING.test(before)) return false;
  // "Reading: Herman", "Reading Evan Stark on coercive control": an author. But "I read Maria's notes" and
  // "read Grace the letter" are clients: after a plain "read", only a topic ("on …") or a sentence about
  // theory says it is an author.
  const after = ev.text.slice(t.end, t.end + 12);
  return /:\s*$/.test(before) || /^\s+on\b/.test(after) || ev.theory.has(ev.sentenceOf[t.index]!);
}

/** A capitalised ordinary word beside another that is no name: "Red Cross", "Labor Day", "Social Worker". */
function inPhrase(ev: Evidence, t: Token): boolean {
  for (const n of [previousWord(ev, t), nextWord(ev, t)]) {
    if (!n || n.shape !== 'capital' || n.contraction) continue;
    if (isSafe(n.fold) && !THEORISTS.has(n.fold)) return true;
    const level = englishLevel(ev.lexicon, n.fold);
    if (
      level !== undefined &&
      !nameLike(ev.lexicon, n.fold, level) &&
      !TITLES.has(n.fold) &&
      !(n === previousWord(ev, t) && n.sentenceStart && level <= 20)
    )
      return true;
  }
  return false;
}

/** A bed, bay or room at the start of a handover line, then who is in it: "bay 1 - joy baker", "Bed 6: Deco". */
const SLOT_BEFORE =
  /(?:^|\n|[.;|]\s)[ \t]*(?:[-*•][ \t]*)?(?:bay|bed|beds|rm|room|side[ \t]?room|cubicle|pod)[ \t]*\d{1,3}[a-z]?[ \t]*(?:[-–—:)]|\.)[ \t]*$/i;
const SLOTS_ANYWHERE = /(?:bay|bed|beds|rm|room|cubicle|pod)[ \t]*\d/i;
const SLOT_BARE = /(?:^|\n|[.;|,]\s)[ \t]*(?:[-*•][ \t]*)?(?:bay|bed|rm|room)[ \t]*\d{1,3}[a-z]?[ \t]+$/i;
const SLOT_AFTER = /^[ \t]*,?[ \t]*\(?(?:bed|bay|rm)[ \t]*\d{1,3}[a-z]?\b/i;
/** What belongs to a person after "'s": "Summer's safety plan", "King's daddy", "May's leaving do". */
const PERSONAL_AFTER =
  /^['’]s\s+(?:(?:own|new|old|little|big|older|younger|eldest|youngest|homeroom|form|class|year|primary|support|key|social|care)\s+)?(?:safety|care|crisis|leaving|birthday|mum|mam|mom|mother|dad|father|daddy|mummy|sister|brother|son|daughter|partner|husband|wife|boyfriend|girlfriend|baby|kids|children|nan|gran|grandmother|grandad|grandfather|aunt|auntie|uncle|cousin|friend|ex|teacher|keyworker|social|school|room|bed|phone|mobile|number|meds|medication|depot|bloods|mood|risk|case|file|notes|referral|discharge|assessment|appointment|session|tribunal|leave|joke|story|voice|face|hands|arms|diary|family|dog|cat|house|flat|home|goals|plan|formulation|care-coordinator|CPN|GP|consultant|therapist|psychiatrist)\b/iu;
/** An age after "'s" or "is": "Hope's seven now", "Will is nine". */
const AGE_IS_AFTER =
  /^(?:['’]s|\s+is|\s+was|\s+turned|\s+turns)\s+(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)(?:\s+(?:now|today|this|next|in|on|and|years?)|[.,;!)]|$)/iu;
/** How a person is, or where they are from, in a note: "settled pm", "off sick", "in charge", "from the crisis team". */
const STATE_AFTER =
  /^\s+(?:off\s+sick|in\s+charge|on\s+(?:leave|nights|lates|earlies|days|the\s+phone)|settled\b|unsettled\b|very\s+(?:low|settled|unsettled|anxious|distressed|agitated|withdrawn|tearful|flat)\b|from\s+the\s+(?:crisis|home\s+treatment|community|drug|alcohol|liaison|CMHT|CRHT|HTT|day|early|perinatal|eating)\b)/iu;
/** Verbs only a person does, after a name we already know: "joy wants to phone", "hope asked". */
const SAYING_VERBS = new Set([
  'wants',
  'wanted',
  'asked',
  'asks',
  'said',
  'says',
  'rang',
  'rings',
  'phoned',
  'told',
  'tells',
  'refused',
  'refuses',
  'declined',
  'declines',
  'agreed',
  'agrees',
  'requested',
  'requests',
  'complained',
  'reports',
  'reported',
  'denied',
  'denies',
  'disclosed',
  'discloses',
  'texted',
  'emailed',
  'cried',
  'shouted',
]);
/** Words before a name-word that make it a word: "little hope", "since summer", "no joy", "too long". */
const STATE_NOT_AFTER = new Set([
  'since',
  'in',
  'of',
  'for',
  'by',
  'this',
  'that',
  'last',
  'next',
  'all',
  'every',
  'little',
  'no',
  'too',
  'so',
  'much',
  'more',
  'less',
  'any',
  'some',
  'staff',
  'nurses',
  'nurse',
  'very',
  'quite',
  'rather',
  'bit',
]);
/** States that are only ever a person's: "in charge", "off sick", "on leave", "from the crisis team". */
const PERSON_STATE = /^\s+(?:off\s+sick|in\s+charge|on\s+(?:leave|nights|lates|earlies)\b|from\s+the\s+)/i;
/** Name-words read as names before a state, though the lexicon does not list them as first names. */
const STATE_NAMES = new Set(['will', 'bill', 'jack', 'mark']);

/**
 * "hope settled pm", "Grace very low", "dawn off sick", "May in charge": a first name that is also a word,
 * then how they are. A month or season only before a state that is only ever a person's.
 */
function stateAfter(ev: Evidence, t: Token, prev: Token | undefined, article: boolean): boolean {
  if (!ENGLISH_NAMES.has(t.fold) || article) return false;
  if (!ev.lexicon.isFirstName(t.fold) && !STATE_NAMES.has(t.fold)) return false;
  if (prev && (AUXILIARIES.has(prev.fold) || PRONOUNS.has(prev.fold) || STATE_NOT_AFTER.has(prev.fold))) return false;
  const after = ev.text.slice(t.end, t.end + 40);
  // "Hope very low today", "Joy very low?": a virtue, a month or the weather with a capital may be the word.
  const wordToo = MONTH_NAMES.has(t.fold) || SEASONS.has(t.fold) || VIRTUES.has(t.fold) || WEATHER.has(t.fold);
  if (wordToo && t.shape !== 'lower') return PERSON_STATE.test(after);
  return STATE_AFTER.test(after);
}
const SEASONS = new Set(['summer', 'winter', 'autumn', 'spring']);
const WEATHER = new Set(['storm', 'rain', 'sunny', 'sky', 'skye', 'river', 'stormy', 'misty', 'breeze']);
/** "her nan, ", "Kathleen's mother, ", "my supervisor, ": a relation or colleague, then a comma, before a name. */
function appositive(ev: Evidence, t: Token): boolean {
  if (DATE_WORDS.has(t.fold) || MONTH_NAMES.has(t.fold) || /^(?:mon|tues|wednes|thurs|fri|satur|sun)day$/.test(t.fold))
    return false;
  const m = /(?:^|[\s(])(?:(?:her|his|their|my|our|your|the|[\p{L}'’]+['’]s)\s+)([\p{L}-]+),\s+$/iu.exec(
    ev.text.slice(Math.max(0, t.start - 40), t.start),
  );
  if (!m) return false;
  const word = m[1]!.toLocaleLowerCase('en-GB');
  return RELATIONS.has(word) || COLLEAGUES.has(word) || CLIENTS.has(word);
}
/** A lower-case initial after a name, then a break in the note: " h - ", " q: ", " t." at a line's end. */
const LOWER_INITIAL_AFTER = /^[ \t]+(?![ai]\b)\p{Ll}\.?[ \t]*(?:[-–—:,;(]|\n|$)/u;
/** What a handover says of a bed that is not who is in it: "Bed 4: empty", "bay 2 - new admission". */
const SLOT_NOT = new Set([
  'a',
  'an',
  'the',
  'this',
  'all',
  'as',
  'same',
  'see',
  'still',
  'no',
  'nil',
  'none',
  'new',
  'empty',
  'vacant',
  'closed',
  'blocked',
  'clean',
  'dirty',
  'quiet',
  'settled',
  'admission',
  'admitted',
  'awaiting',
  'await',
  'discharged',
  'discharge',
  'transferred',
  'transfer',
  'leave',
  'male',
  'female',
  'pt',
  'patient',
  'side',
  'escort',
  'obs',
  'on',
  'off',
  'out',
  'in',
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'young',
  'old',
  'man',
  'woman',
  'lady',
  'gentleman',
  'gent',
  'boy',
  'girl',
  'ok',
  'fine',
  'good',
  'poor',
  'bad',
  'asleep',
  'awake',
]);

/** First names that after "mum" or "dad" are more often what they did: "her mum rose early", "dad said". */
const RELATION_NOT_NAMES = new Set([
  'rose',
  'said',
  'will',
  'may',
  'can',
  'pat',
  'sue',
  'mark',
  'bob',
  'else',
  'too',
  'so',
  'and',
  'is',
  'was',
]);
const SURNAMES_TOO = new Set(['young', 'old', 'new', 'man', 'lady']);
/** A word that could be the name in a slot: no everyday word, or a first name that is no everyday word. */
function slotWord(ev: Evidence, t: Token, level: number | undefined): boolean {
  const fold = t.fold;
  if (SLOT_NOT.has(fold) || isSafe(fold) || CLINICAL.has(fold) || MEDICINES.has(fold)) return false;
  if (RELATIONS.has(fold) || COLLEAGUES.has(fold) || CLIENTS.has(fold) || TITLES.has(fold) || ROLE_WORDS.has(fold))
    return false;
  if (DATE_WORDS.has(fold) || MONTH_NAMES.has(fold) || ev.lexicon.isCountryOrLanguage(fold)) return false;
  if (level === undefined) return fold.length >= 3 && /[aeiouy]/.test(fold);
  return ev.lexicon.isFirstName(fold) && level >= 40;
}

/**
 * The first word after a bed or bay's cue ("bay 1 - joy baker", "Bed 6: Deco", "bed 9 summer: first
 * night"), or a name just before one ("d/c summary for paddy bed 2"). A name-word that is also an everyday
 * word ("joy", "hope", "Frank") counts only with a surname after it.
 */
function slotFirst(ev: Evidence, t: Token, level: number | undefined): boolean {
  const before = ev.text.slice(Math.max(0, t.start - 30), t.start);
  const cued = SLOT_BEFORE.test(before);
  const bare =
    !cued &&
    SLOT_BARE.test(before) &&
    (/^[ \t]*(?::|[–—-][ \t])/.test(ev.text.slice(t.end, t.end + 40)) ||
      /^[ \t]+[\p{L}'’-]+[ \t]*(?::|[–—-][ \t])/u.test(ev.text.slice(t.end, t.end + 40)));
  if (cued || bare) {
    if (slotWord(ev, t, level)) return true;
    // "joy baker", "hope young": an everyday name-word, then a surname, then the note goes on.
    const next = ev.tokens[t.index + 1];
    return (
      ENGLISH_NAMES.has(t.fold) &&
      !SLOT_NOT.has(t.fold) &&
      !!next &&
      next.shape === t.shape &&
      /^[ \t]$/.test(ev.text.slice(t.end, next.start)) &&
      (ev.lexicon.isName(next.fold) || NAME_PREFIX.test(next.fold)) &&
      (!SLOT_NOT.has(next.fold) || SURNAMES_TOO.has(next.fold)) &&
      ((englishLevel(ev.lexicon, next.fold, false) ?? 99) >= 35 || SURNAMES_TOO.has(next.fold)) &&
      /^[ \t]*(?:[.,:;(–—-]|$)/.test(ev.text.slice(next.end, next.end + 3))
    );
  }
  const p = ev.tokens[t.index - 1];
  return (
    slotWord(ev, t, level) &&
    ev.lexicon.isName(t.fold) &&
    SLOT_AFTER.test(ev.text.slice(t.end, t.end + 16)) &&
    !(p && (ARTICLES.has(p.fold) || PRONOUNS.has(p.fold)))
  );
}
/** A cheap first look: a bed or bay's cue within a word or two before, or right after. */
function nearSlot(ev: Evidence, t: Token): boolean {
  return (
    SLOT_NEAR.test(ev.text.slice(Math.max(0, t.start - 60), t.start)) ||
    SLOT_AFTER.test(ev.text.slice(t.end, t.end + 16))
  );
}
const SLOT_NEAR =
  /(?:bay|bed|beds|rm|room|cubicle|pod)[ \t]*\d{1,3}[a-z]?[ \t]*[-–—:).]?[ \t]*(?:[\p{L}\p{M}'’‐-]+[ \t]+)?$/iu;
function inSlot(ev: Evidence, t: Token, level: number | undefined): boolean {
  if (slotFirst(ev, t, level)) return true;
  const p = ev.tokens[t.index - 1];
  if (!p || p.shape !== t.shape || !/^[ \t]$/.test(ev.text.slice(p.end, t.start))) return false;
  // "hope young" is a surname; "Mark settled", "joy asleep" are how they are.
  if ((SLOT_NOT.has(t.fold) && !SURNAMES_TOO.has(t.fold)) || !ev.lexicon.isName(t.fold)) return false;
  if (level !== undefined && level < 40 && !SURNAMES_TOO.has(t.fold) && !ENGLISH_NAMES.has(t.fold)) return false;
  return slotFirst(ev, p, englishLevel(ev.lexicon, p.fold, true));
}

/** The verdict on one word, by itself and its neighbours. */
function judge(ev: Evidence, t: Token): Verdict {
  const { lexicon: lex } = ev;
  const fold = t.fold;
  if (fold.length < 2 || t.shape === 'other' || t.contraction) return null;
  const written = ev.text.slice(t.start, t.end);
  if (acronymLike(written) && !lex.isName(fold)) return null;
  if (MUTATED.test(written)) return 'strong';
  const ctx = context(ev, t);
  const known = ev.known.has(fold);
  if (t.shape === 'lower' && COMMUNITY_WORDS.has(fold) && !known) return null;
  if (
    ev.slots &&
    (t.shape === 'lower' || t.shape === 'capital') &&
    !CLINICAL.has(fold) &&
    !MEDICINES.has(fold) &&
    nearSlot(ev, t) &&
    inSlot(ev, t, englishLevel(lex, fold, true))
  )
    return 'strong';
  // Accents a safe word does not have make it a name: "Jesús" is not "Jesus".
  const accentedName = !/^[\p{ASCII}]*$/u.test(written) && SAFE_PROPER.has(fold);
  if (!accentedName && (isSafe(fold) || isTheoristHere(ev, t))) {
    // "her husband Jesus", "his daughter India", "Dr Freud" (a client of that name): the words before say so.
    const named =
      ctx.honorific ||
      (t.shape !== 'lower' &&
        (ctx.relation ||
          ctx.title ||
          (!t.sentenceStart && /^,/.test(ev.text.slice(t.end, t.end + 1)) && appositive(ev, t))) &&
        !CLINICAL.has(fold) &&
        !MEDICINES.has(fold));
    return named && t.shape !== 'lower' ? 'strong' : null;
  }
  // Written with accents English does not use ("Hằng", "Ríos", "Tùng"), it is no English word, whatever it
  // folds to ("hang", "rios", "tung").
  const level =
    !/^[\p{ASCII}]*$/u.test(written) &&
    !ACCENTED_ENGLISH.has(written.toLocaleLowerCase('en-GB')) &&
    !COMMUNITY_WORDS.has(fold)
      ? undefined
      : englishLevel(lex, fold, t.shape === 'lower' || t.sentenceStart || t.heading);
  const english = level !== undefined;
  const name = lex.isName(fold);

  if (t.shape === 'caps') {
    // Acronyms: "CMHT", "PICU", "SMI". A name in capitals is still a name ("KWAME").
    if (!english && name && fold.length >= 3 && !/\d/.test(written))
      return ctx.title || fold.length >= 5 ? 'strong' : null;
    return null;
  }

  if (t.shape === 'capital') {
    const plainCapital = !t.sentenceStart && !t.heading;
    // "Paddy's Day", "Victoria Day", "Long Day": a day of the year or a shift, not a person.
    if (/^(?:['’]s)?\s+Day\b/.test(ev.text.slice(t.end, t.end + 8))) return null;
    if (fold === 'day' && ctx.prev?.shape === 'capital') return null;
    // "Charge Nurse", "Named Person": roles are not names; "Baker Act", "Maastricht Interview": eponyms.
    if (ROLE_WORDS.has(fold) && !ctx.title) return null;
    if (ctx.next && EPONYM_HEADS.has(ctx.next.fold) && (ctx.next.shape !== 'lower' || LOWER_EPONYMS.has(ctx.next.fold)))
      return null;
    if (IDIOMS.some((idiom) => idiomCovers(idiom, ev.text, t))) return null;
    // An author where the sentence names their work: "Kielhofner's Model of Human Occupation", "Reading
    // Evan Stark on coercive control", "Johnstone and Boyle's Power Threat Meaning Framework".
    if (authorHere(ev, t)) return null;
    // "Mags (HCA)", "Joy: phased return", "- May – retiring": a role in brackets, or a list item about someone.
    if (ROLE_PAREN.test(ev.text.slice(t.end, t.end + 40))) return 'strong';
    if (
      t.sentenceStart &&
      ENGLISH_NAMES.has(fold) &&
      /^\s*(?::|[–—-]\s)/.test(ev.text.slice(t.end, t.end + 3)) &&
      /(?:^|\n)\s*(?:[-*•]|\d+[.)])\s*$/.test(ev.text.slice(Math.max(0, t.start - 8), t.start))
    )
      return 'weak';
    // "Thu 12th", "Jan 2024", "Mon, 3 March": days and months cut short, in a date.
    if (
      DATE_ABBREVIATIONS.has(fold) &&
      (/^\.?,?\s*\d/.test(ev.text.slice(t.end, t.end + 4)) ||
        /\d\s*$/.test(ev.text.slice(Math.max(0, t.start - 3), t.start)) ||
        ctx.dateWord)
    )
      return null;
    if (
      MONTH_NAMES.has(fold) &&
      (ctx.dateWord ||
        /^\s*\d/.test(ev.text.slice(t.end, t.end + 3)) ||
        /\d(?:st|nd|rd|th)?\s+(?:of\s+)?$/.test(ev.text.slice(Math.max(0, t.start - 8), t.start)))
    )
      return null;
    if (!english) return 'strong';
    if (ctx.title || ctx.relation) return nameLike(lex, fold, level) || plainCapital ? 'strong' : null;
    if (stateAfter(ev, t, ctx.prev, ctx.article)) return 'strong';
    // "Her nan, Mere, raised her", "His mum, Mere, rang": a relation, then their name between commas.
    if (plainCapital && /^,/.test(ev.text.slice(t.end, t.end + 1)) && appositive(ev, t)) return 'strong';
    // "Will Harper & Joy Harper": a name-word, then a surname that is no everyday word.
    if (
      ENGLISH_NAMES.has(fold) &&
      ctx.next &&
      ctx.next.shape === 'capital' &&
      /^[ \t]$/.test(ev.text.slice(t.end, ctx.next.start)) &&
      lex.isName(ctx.next.fold) &&
      (englishLevel(lex, ctx.next.fold, false) ?? 99) >= 40 &&
      !PLACE_HEADS[ctx.next.fold] &&
      !EPONYM_HEADS.has(ctx.next.fold)
    )
      return 'strong';
    // "Summer's safety plan", "Frank's joke", "May's leaving do", "Hope's seven now": a name-word's own
    // people, things and age, which the season, the month or the virtue do not have.
    if (
      ENGLISH_NAMES.has(fold) &&
      (PERSONAL_AFTER.test(ev.text.slice(t.end, t.end + 24)) || AGE_IS_AFTER.test(ev.text.slice(t.end, t.end + 24)))
    )
      return 'strong';
    // Known from elsewhere: in mid-sentence it is that name; at the start of one, "Will take" is still a verb.
    if (
      known &&
      !ctx.pronounAfter &&
      !ctx.article &&
      (plainCapital ||
        level >= 40 ||
        !ctx.next ||
        NAME_FOLLOWERS.has(ctx.next.fold) ||
        AUXILIARIES.has(ctx.next.fold) ||
        PERSON_VERBS.has(ctx.next.fold) ||
        ctx.next.shape !== 'lower')
    )
      return 'strong';
    if (!nameLike(lex, fold, level)) return plainCapital && level >= 35 && ev.nlpPerson(t) ? 'weak' : null;
    if (ctx.ageAfter || ctx.roleAfter || RELATION_AFTER.test(ev.text.slice(t.end, t.end + 24))) return 'strong';
    if (plainCapital) return ctx.article || inPhrase(ev, t) ? null : 'strong';
    if (ctx.pronounAfter || ctx.article) return null;
    if (ctx.verbAfter) return 'strong';
    // "Frank is 68", "Bill is leaving in May", "Dawn was in charge": a name-word, then is or was.
    if (
      ENGLISH_NAMES.has(fold) &&
      !MONTH_NAMES.has(fold) &&
      !VIRTUES.has(fold) &&
      ctx.next &&
      (AUXILIARIES.has(ctx.next.fold) || NAME_FOLLOWERS.has(ctx.next.fold))
    )
      return 'weak';
    // "Bill wouldn't look", "Frank not thrilled", "Faith brighter than", "May in charge": what follows a name,
    // never the modal or the noun.
    if (
      ENGLISH_NAMES.has(fold) &&
      ctx.next &&
      ((!VIRTUES.has(fold) &&
        (/n['’]t$/.test(ev.text.slice(ctx.next.start, ctx.next.start + ctx.next.text.length)) ||
          ctx.next.fold === 'not')) ||
        COMPARATIVES.has(ctx.next.fold) ||
        (MONTH_NAMES.has(fold) || VIRTUES.has(fold) ? false : /ed$/.test(ctx.next.fold)))
    )
      return 'weak';
    return level >= 35 && ev.nlpPerson(t) ? 'weak' : null;
  }

  // Lower case: "saw kwame again today", "rang johnny mongan", "mr park", "grace (mum)", "hope's mum".
  // "hope settled pm", "dawn off sick", "frank (agency hca)": a name-word, then how they are or who they are.
  if (
    stateAfter(ev, t, ctx.prev, ctx.article) ||
    (ENGLISH_NAMES.has(fold) && !ctx.article && ROLE_PAREN.test(ev.text.slice(t.end, t.end + 40)))
  )
    return 'strong';
  // "joy wants to phone her son", once "joy baker" is known: a name we know, doing what only people do.
  if (known && ctx.next && SAYING_VERBS.has(ctx.next.fold) && !AUXILIARIES.has(fold) && !ctx.article) return 'strong';
  // "gemma h - slept 4hrs", "imran q: missed depot": a first name and an initial, as quick notes list people.
  if (
    ((!english && fold.length >= 4 && /[aeiouy]/.test(fold)) ||
      lex.isFirstName(fold) ||
      (lex.isName(fold) && (level ?? 0) >= 40)) &&
    !SLOT_NOT.has(fold) &&
    !AUXILIARIES.has(fold) &&
    LOWER_INITIAL_AFTER.test(ev.text.slice(t.end, t.end + 8))
  )
    return 'strong';
  if (ctx.honorific && !english) return 'strong';
  // A word in quotes is a word being talked about: "psychiatra", "silna", "whānau".
  if (
    /["“'‘]$/.test(ev.text.slice(Math.max(0, t.start - 1), t.start)) &&
    /^["”'’]/.test(ev.text.slice(t.end, t.end + 1))
  )
    return null;
  const kin = RELATION_AFTER.test(ev.text.slice(t.start + (t.end - t.start), t.end + 24));
  if (kin && (!english || nameLike(lex, fold, level))) return 'strong';
  if (!english && ctx.prev && CONTACT_VERBS.has(ctx.prev.fold) && fold.length >= 3 && /[aeiouy]/.test(fold))
    return 'strong';
  if (ctx.honorific && nameLike(lex, fold, level ?? 99)) return 'strong';
  if (!english) {
    if (known) return 'strong';
    const foreign = (n: Token | undefined) => !!n && n.shape === 'lower' && FOREIGN_SMALL.has(n.fold);
    if (foreign(ctx.prev) || foreign(ctx.next)) return null;
    if (name) {
      if (fold.length >= 4) return 'strong';
      const follows = !!ctx.next && (NAME_FOLLOWERS.has(ctx.next.fold) || AUXILIARIES.has(ctx.next.fold));
      return ctx.relation || ctx.verbAfter || follows ? 'strong' : null;
    }
    return fold.length >= 4 && /[aeiouy]/.test(fold) ? 'weak' : null;
  }
  if (known && level > 35) return 'strong';
  if (ctx.relation && level >= 35 && lex.isName(fold) && !ctx.verbAfter) return 'weak';
  // "mum grace wants a call", "dad bill ringing tmrw": a relation, then a first name that is no verb or modal.
  if (
    ctx.relation &&
    ctx.prev &&
    RELATIONS.has(ctx.prev.fold) &&
    /^[ \t]+$/.test(ev.text.slice(ctx.prev.end, t.start)) &&
    lex.isFirstName(fold) &&
    !AUXILIARIES.has(fold) &&
    !PERSON_VERBS.has(fold) &&
    !RELATION_NOT_NAMES.has(fold)
  )
    return 'weak';
  return null;
}

const nlpCache = new Map<string, { start: number; end: number }[]>();

/**
 * compromise's people in one sentence, as spans: one more piece of evidence. It is by far the slowest part
 * of the check, so it is asked only about the sentences where a name-like word has nothing else to go on,
 * and its answers are kept.
 */
function nlpPeopleIn(sentence: string): { start: number; end: number }[] {
  const cached = nlpCache.get(sentence);
  if (cached) return cached;
  const people = nlp(sentence).people().json({ offset: true }) as { offset: { start: number; length: number } }[];
  const spans = people.map((p) => ({ start: p.offset.start, end: p.offset.start + p.offset.length }));
  if (nlpCache.size >= 20_000) nlpCache.delete(nlpCache.keys().next().value!);
  nlpCache.set(sentence, spans);
  return spans;
}

function nlpPersonFor(text: string, tokens: Token[], sentenceOf: number[]): (t: Token) => boolean {
  return (t) => {
    const first = sentenceOf[t.index]!;
    let last = t.index;
    while (last + 1 < tokens.length && sentenceOf[last + 1] === first) last += 1;
    const from = tokens[first]!.start;
    const sentence = text.slice(from, tokens[last]!.start + tokens[last]!.text.length);
    return nlpPeopleIn(sentence).some((p) => t.start - from >= p.start && t.end - from <= p.end);
  };
}

/** Sentences about theory: they hold a theory word ("model", "cycle", "et al") or a year in brackets. */
function theorySentences(text: string, tokens: Token[]): { sentenceOf: number[]; theory: Set<number> } {
  const sentenceOf: number[] = [];
  const theory = new Set<number>();
  let current = 0;
  for (const t of tokens) {
    // "Reading: Herman, Trauma and Recovery": a colon does not leave the sentence about reading.
    if (t.sentenceStart && !/:\s*$/.test(text.slice(Math.max(0, t.start - 3), t.start))) current = t.index;
    sentenceOf.push(current);
    if (THEORY_WORDS.has(t.fold) || THEORISTS.has(t.fold)) theory.add(current);
  }
  for (const m of text.matchAll(/\(\s*(?:\d{4}|[\p{L}&, ]+\d{4})\s*\)/gu)) {
    const t = tokens.find((x) => x.start >= m.index);
    if (t) theory.add(sentenceOf[t.index]!);
  }
  return { sentenceOf, theory };
}

/**
 * Names in one text: each a whole name where several words stand together ("Bogdan Popescu", "Mrs Nic an
 * tSaoir"), a title kept with it, a possessive left out ("Omar" of "Omar's").
 */
export function findNames(text: string, options: NameOptions = {}): Finding[] {
  const tokens = tokenize(text);
  if (!tokens.length) return [];
  const lexicon = getLexicon();
  const initials = /\p{Lu}\.\p{Lu}\./u.test(text) ? initialsIn(text) : [];
  const { sentenceOf, theory } = theorySentences(text, tokens);
  // Theorists by whole name ("Carl Rogers", "Bessel van der Kolk"): never a client, and their sentence is about theory.
  // Words that are never a client's name here: theorists by whole name, authors cited, words of an address.
  const skip = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    for (let n = 4; n >= 2; n--) {
      const run = tokens.slice(i, i + n);
      if (run.length < n || !THEORIST_NAME_SET.has(run.map((t) => t.fold).join(' '))) continue;
      for (const t of run) skip.add(t.index);
      theory.add(sentenceOf[i]!);
      i += n - 1;
      break;
    }
  }
  const ev: Evidence = {
    lexicon,
    tokens,
    text,
    known: options.known ?? new Set(),
    nlpPerson: options.nlp === false ? () => false : nlpPersonFor(text, tokens, sentenceOf),
    theory,
    sentenceOf,
    slots: SLOTS_ANYWHERE.test(text),
  };
  // A list of authors in brackets: "(Gee, Dudgeon, Schultz, Hart and Kelly)", "(Klass, Silverman and Nickman, 1996)".
  for (const m of text.matchAll(CITATION)) {
    for (const t of tokens)
      if (t.start > m.index && t.end < m.index + m[0].length && t.shape === 'capital') skip.add(t.index);
  }
  // Words inside an e-mail or web address belong to it: "sarah" of "sarah.okafor@nhs.net" is no name beside it.
  for (const m of text.matchAll(ADDRESS_LIKE)) {
    for (const t of tokens) if (t.start >= m.index && t.end <= m.index + m[0].length) skip.add(t.index);
  }
  const verdicts: Verdict[] = tokens.map((t) => (skip.has(t.index) ? null : judge(ev, t)));
  // A run of words in another language ("Dúirt mé leat go raibh mé breoite", "He aha te mea nui"): not names.
  const foreignish = (t: Token) =>
    t.shape !== 'caps' &&
    (FOREIGN_SMALL.has(t.fold) ||
      COMMUNITY_WORDS.has(t.fold) ||
      (englishLevel(lexicon, t.fold) === undefined && !lexicon.isName(t.fold))) &&
    (t.shape === 'lower' || t.sentenceStart);
  for (let i = 0; i < tokens.length;) {
    let j = i;
    while (
      j < tokens.length &&
      foreignish(tokens[j]!) &&
      (j === i || /^[ \t,]+$/.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start)))
    )
      j += 1;
    if (j - i >= 3) for (let k = i; k < j; k++) verdicts[k] = null;
    i = Math.max(j, i + 1);
  }

  // A capitalised ordinary word beside a name is part of it ("Grace Adebayo", "Bogdan Young"); so is a
  // lower-case name beside a lower-case name ("johnny mongan"). One coordinated with a name is one too:
  // "Craig and Precious", "Precious and Marek".
  for (let pass = 0; pass < 2; pass++) {
    for (const t of tokens) {
      if (
        verdicts[t.index] ||
        skip.has(t.index) ||
        t.contraction ||
        t.shape === 'caps' ||
        t.shape === 'other' ||
        isSafe(t.fold)
      )
        continue;
      const next = nextWord(ev, t);
      const prev = previousWord(ev, t);
      const level = englishLevel(lexicon, t.fold) ?? 99;
      const namey = nameLike(lexicon, t.fold, level);
      if (t.shape === 'lower') {
        const besideLower = (n: Token | undefined) => n && n.shape === 'lower' && verdicts[n.index] === 'strong';
        if ((besideLower(next) || besideLower(prev)) && lexicon.isName(t.fold) && level >= 35)
          verdicts[t.index] = 'strong';
        continue;
      }
      const beside = (n: Token | undefined) => n && n.shape === 'capital' && verdicts[n.index] === 'strong';
      if ((beside(next) && namey) || (beside(prev) && namey && !t.heading)) {
        verdicts[t.index] = 'strong';
        continue;
      }
      const joined = (n: Token | undefined, then: (x: Token) => Token | undefined) => {
        if (!n || !/^(?:and|&)$/.test(n.fold)) return false;
        const other = then(n);
        return !!other && other.shape === 'capital' && verdicts[other.index] === 'strong';
      };
      if (namey && (joined(next, (x) => nextWord(ev, x)) || joined(prev, (x) => previousWord(ev, x))))
        verdicts[t.index] = 'strong';
    }
  }

  // A nickname after a name: Margaret Sherlock ("Mags"), Constantine ('Con').
  for (const m of text.matchAll(/\s\(?["“'‘(]([\p{Lu}][\p{L}'’-]{1,20})["”'’)]\)?/gu)) {
    const at = m.index + m[0].indexOf(m[1]!);
    const t = tokens.find((x) => x.start === at);
    const before = tokens.find((x) => x.end <= m.index && x.index === (t?.index ?? 0) - 1);
    if (t && before && verdicts[before.index] === 'strong' && !isSafe(t.fold)) verdicts[t.index] = 'strong';
  }

  const out: Finding[] = [];
  let i = 0;
  while (i < tokens.length) {
    const verdict = verdicts[i];
    if (!verdict) {
      i += 1;
      continue;
    }
    let first = tokens[i]!;
    let last = first;
    let strength: Verdict = verdict;
    let j = i + 1;
    // Run on through the rest of the name: next words that are names, joined by a space or a particle.
    while (j < tokens.length) {
      const t = tokens[j]!;
      const gap = text.slice(last.end, t.start);
      if (!/^[ \t\u00A0]$/u.test(gap) || last.end !== last.start + last.text.length) break;
      if (verdicts[j]) {
        if (verdicts[j] === 'strong') strength = 'strong';
        last = t;
        j += 1;
        continue;
      }
      // A particle between two parts of a name.
      if (PARTICLES.has(t.fold) && t.shape !== 'caps') {
        let k = j;
        while (
          k < tokens.length &&
          PARTICLES.has(tokens[k]!.fold) &&
          text.slice(tokens[k - 1]!.end, tokens[k]!.start) === ' '
        )
          k += 1;
        const after = tokens[k];
        if (after && verdicts[k] && text.slice(tokens[k - 1]!.end, after.start) === ' ') {
          last = after;
          j = k + 1;
          continue;
        }
      }
      break;
    }
    // Particles before the first part: "van der Merwe", "al-Sayed" is one word already.
    let b = first.index - 1;
    while (b >= 0 && PARTICLES.has(tokens[b]!.fold) && text.slice(tokens[b]!.end, tokens[b + 1]!.start) === ' ') b -= 1;
    // The particles taken must start the way names do: "van der Merwe", "Mac an tSaoir", "Ó Floinn", not "an".
    while (b + 1 < first.index && !LEADING_PARTICLE.test(tokens[b + 1]!.fold) && tokens[b + 1]!.shape !== 'capital')
      b += 1;
    if (b + 1 < first.index && tokens[b + 1]!.shape !== 'caps') first = tokens[b + 1]!;
    // Initials before a name: "H. Gill", "J.K. Rowling".
    let start0 = first.start;
    for (let m = /(?:\b\p{Lu}\.\s?){1,3}$/u.exec(text.slice(Math.max(0, start0 - 9), start0)); m; m = null) {
      if (/^[ \t]$/.test(text[start0 - 1] ?? '') || /\.$/.test(m[0])) start0 -= m[0].length;
    }
    // A title goes with the name: "Dr Okafor", "Mrs. Kowalski".
    const before = tokens[first.index - 1];
    let start = start0;
    if (before && HONORIFICS.has(before.fold) && /^\.?[ \t\u00A0]+$/u.test(text.slice(before.end, first.start))) {
      start = before.start;
    }
    // A single initial after a name: "shane W", "Maria K."
    let end = last.end;
    const initial =
      /^ (?![IA](?![.]))\p{Lu}(?![\p{L}\p{N}])/u.exec(text.slice(end, end + 3)) ??
      (last.shape === 'lower' && LOWER_INITIAL_AFTER.test(text.slice(end, end + 8))
        ? /^ \p{Ll}(?![\p{L}\p{N}])/u.exec(text.slice(end, end + 3))
        : null);
    if (initial) end += initial[0].length;
    out.push({
      kind: strength === 'strong' ? 'person-name' : 'possible-name',
      start,
      end,
      text: text.slice(start, end),
    });
    i = j;
  }
  return initials.length ? [...out, ...initials] : out;
}

/** Initials that stand for someone: "G.T.", "J.K." (not "U.K.", "D.O.B.", "N.B."). */
const INITIALS = /(?<![\p{L}\p{N}.])(?:\p{Lu}\.){2,3}(?![\p{L}\p{N}])/gu;
const NOT_INITIALS = new Set([
  'U.K.',
  'U.S.',
  'U.S.A.',
  'A.M.',
  'P.M.',
  'N.B.',
  'E.G.',
  'I.E.',
  'D.O.B.',
  'R.I.P.',
  'P.S.',
  'A.D.',
  'B.C.',
  'O.K.',
  'T.V.',
  'G.P.',
  'A.E.',
  'C.V.',
  'E.U.',
  'U.N.',
  'D.C.',
  'L.A.',
  'N.Z.',
  'N.I.',
  'R.C.',
  'N.H.S.',
  'A.K.A.',
]);

function initialsIn(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(INITIALS)) {
    if (NOT_INITIALS.has(m[0].toUpperCase())) continue;
    out.push({ kind: 'person-name', start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

/** The folded words of the strong names in a text: what the rest of an export can recognise them by. */
export function nameWordsOf(findings: readonly Finding[]): string[] {
  const out: string[] = [];
  for (const f of findings) {
    if (f.kind !== 'person-name' && f.kind !== 'listed-name') continue;
    for (const w of foldName(f.text).match(/[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu) ?? []) {
      if (w.length >= 2 && !HONORIFICS.has(w) && !PARTICLES.has(w)) out.push(w);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Caches and the name value

const cache = new Map<string, Finding[]>();
const CACHE_LIMIT = 20_000;

/** Forgets every paragraph the names pass has seen (on lock). */
export function clearNameCache(): void {
  cache.clear();
  nlpCache.clear();
  derivedCache.clear();
}

/** Names in a text, cached by text and what is already known. */
export function findPersonNames(text: string, options: NameOptions = {}, knownKey = ''): Finding[] {
  const key = `${options.nlp === false ? 0 : 1}\u0001${knownKey}\u0001${text}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const found = findNames(text, options);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, found);
  return found;
}

/**
 * A name's value for "all like this" and pseudonyms: no possessive, one case. Titles stay: "Mr Patel" and
 * "Dr Patel" may well be different people, and one decision must not cover both.
 */
export function nameValue(name: string): string {
  return name
    .normalize('NFC')
    .replace(/['’]s$/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase('en-GB');
}
