/**
 * Ways to reach someone: phone numbers of any country (libphonenumber-js, Google's metadata, judges whether
 * a run of digits could be a number there), e-mail addresses, web addresses and social handles (linkify-it,
 * the link finder markdown-it uses), and e-mails written out to dodge filters ("wei dot chen at example
 * dot com").
 */
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { LinkifyIt } from 'linkify-it';
import type { Finding, FindingKind } from './finding';
import { isValidNhsNumber } from './numbers';

const finding = (kind: FindingKind, text: string, start: number, end: number): Finding => ({
  kind,
  start,
  end,
  text: text.slice(start, end),
});

// ---------------------------------------------------------------------------------------------------------------
// Phone numbers

/** Countries whose national numbers start with a trunk 0. */
const TRUNK_ZERO: CountryCode[] = ['GB', 'IE', 'AU', 'NZ'];

/**
 * A run that could be a phone number: an optional + and country code, an optional bracketed area code, then
 * groups of digits joined by single spaces, hyphens or dots. Commas and semicolons end it (libphonenumber
 * takes them for dialling pauses, which in prose they are not).
 */
const CANDIDATE =
  /(?<![\p{L}\p{N}_/@.#£$€-])(?:\+\s?\d{1,3}[ .-]?(?:\(0\)[ .-]?)?|\(\+?\d{1,5}\)[ .-]?|00\d{1,3}[ .-])?\d{1,12}(?:[ .-]\(?\d{1,8}\)?){0,5}/gu;
const PHONE_CUE = /\b(?:tel|phone|mobile|mob|cell|call|ring|text|landline|number|no|whatsapp|contact|on)\b[.:]?\s*$/i;

interface Judged {
  end: number;
}

/** A UK number by Ofcom's plan: 01, 02, 03, 05, 07, 08 or 09 and 10 or 11 digits (10 only for 01 and 08). */
function ukShaped(digits: string): boolean {
  if (!/^0[1235789]\d{8,9}$/.test(digits)) return false;
  return digits.length === 11 || /^0[18]/.test(digits);
}

/** Whether a national number (with its trunk 0) is one in a home country: valid there, or UK-shaped. */
function homeNumber(candidate: string, digits: string): boolean {
  if (TRUNK_ZERO.some((c) => parsePhoneNumberFromString(candidate, c)?.isValid())) return true;
  // Australian mobiles (04xx xxx xxx, the 0491 570 range kept for drama among them) are "possible".
  if (/^04\d{8}$/.test(digits) && parsePhoneNumberFromString(candidate, 'AU')?.isPossible()) return true;
  // Ofcom keeps ranges for drama (07700 900xxx) that are not "valid": they are still written as numbers are.
  return ukShaped(digits) && !!parsePhoneNumberFromString(candidate, 'GB')?.isPossible();
}

/** The longest prefix of a candidate (by whole groups) that is a phone number; undefined if none. */
function judgePhone(text: string, start: number, raw: string): Judged | undefined {
  const cuts: number[] = [raw.length];
  for (let i = raw.length - 1; i > 0; i--) if (/[ .-]/.test(raw[i]!) && /\d/.test(raw[i - 1]!)) cuts.push(i);
  const cue = PHONE_CUE.test(text.slice(Math.max(0, start - 24), start));
  for (const cut of cuts) {
    const candidate = raw.slice(0, cut).trim();
    const end = start + candidate.length;
    // Not running on into a date or time ("01/02", "09:30"), a decimal or a word.
    if (/^[/:]\d|^\.\d|^[\p{L}]/u.test(text.slice(end, end + 2))) continue;
    const digits = candidate.replace(/\D/g, '');
    if (digits.length < 7 || digits.length > 15) continue;
    // Dates and times: "12.03.1987", "2024-03-12", "0930-1030".
    if (
      /^\d{1,4}[.-]\d{1,2}[.-]\d{2,4}$/.test(candidate) ||
      /^(?:[01]\d|2[0-3])[0-5]\d-(?:[01]\d|2[0-3])[0-5]\d$/.test(candidate)
    )
      continue;
    const groups = candidate
      .replace(/^\+\s?\d{1,3}[ .-]?|^00\d{1,3}[ .-]/, '')
      .replace(/[()]/g, '')
      .split(/[ .-]/);
    // Real numbers come in groups: an area code, then groups of 3 or more ("07 12 15 18" is not one).
    if (groups.length > 1 && groups.slice(1).some((g) => g.length < 3)) continue;
    if (candidate.startsWith('+') || candidate.startsWith('00')) {
      const parsed = parsePhoneNumberFromString(candidate.replace(/^00/, '+'));
      if (parsed?.isPossible()) return { end };
      continue;
    }
    const bracketed = candidate.startsWith('(');
    if (digits.startsWith('0')) {
      // A valid NHS number written as one belongs to the NHS detector.
      if (/^\d{3}([ -]?)\d{3}\1\d{4}$/.test(candidate) && isValidNhsNumber(digits)) return undefined;
      if (homeNumber(candidate, digits)) return { end };
      continue;
    }
    // North American: ten digits with a real area code and exchange, written in groups or after a cue.
    const nanp = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
    if (nanp.length === 10 && /^[2-9]\d{2}[2-9]/.test(nanp)) {
      const grouped = bracketed || /^1?[ .-]?\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}$/.test(candidate);
      if (/^\d{3}([ -])\d{3}\1\d{4}$/.test(candidate) && isValidNhsNumber(digits)) return undefined;
      if ((grouped || cue) && parsePhoneNumberFromString(nanp, 'US')?.isPossible()) return { end };
      continue;
    }
    // A local number without its area code, only where the sentence says it is a number: "call 555-0147".
    if (cue && digits.length >= 7 && digits.length <= 8 && /^\d{3,4}[ -]\d{4}$/.test(candidate)) return { end };
  }
  return undefined;
}

/** Digits said in words: "oh-eight-five", "double-oh", "twenty-two ninety", "five-five-five". */
const DIGIT_WORDS: Record<string, string> = {
  zero: '0',
  oh: '0',
  o: '0',
  nought: '0',
  nil: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  thirteen: '13',
  fourteen: '14',
  fifteen: '15',
  sixteen: '16',
  seventeen: '17',
  eighteen: '18',
  nineteen: '19',
  twenty: '2',
  thirty: '3',
  forty: '4',
  fifty: '5',
  sixty: '6',
  seventy: '7',
  eighty: '8',
  ninety: '9',
  hundred: '00',
  double: '',
  triple: '',
};
const TENS = new Set(['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']);
const SPOKEN_TOKEN = String.raw`(?:${Object.keys(DIGIT_WORDS).join('|')}|\d{1,4})`;
const SPOKEN = new RegExp(
  String.raw`(?<![\p{L}\p{N}])${SPOKEN_TOKEN}(?:[\s,-]+${SPOKEN_TOKEN}){2,}(?![\p{L}\p{N}])`,
  'giu',
);

/** How many digits a run of spoken digits stands for. */
function spokenDigits(run: string): string {
  let out = '';
  let repeat = 1;
  const words = run
    .toLowerCase()
    .split(/[\s,-]+/)
    .filter(Boolean);
  for (const [i, w] of words.entries()) {
    if (w === 'double' || w === 'triple') {
      repeat = w === 'double' ? 2 : 3;
      continue;
    }
    let d = /^\d+$/.test(w) ? w : (DIGIT_WORDS[w] ?? '');
    // "twenty-two" is 22, "ninety" alone is 90.
    if (TENS.has(w))
      d += words[i + 1] && /^(?:one|two|three|four|five|six|seven|eight|nine)$/.test(words[i + 1]!) ? '' : '0';
    out += d.repeat(repeat);
    repeat = 1;
  }
  return out;
}

export function findPhoneNumbers(text: string): Finding[] {
  const out: Finding[] = [];
  // A number read out in words, or half in words: "0491 570 one five nine", "two-one-six, five-five-five".
  if (/\b(?:oh|zero|one|two|three|four|five|six|seven|eight|nine|double)\b/i.test(text)) {
    for (const m of text.matchAll(SPOKEN)) {
      const run = m[0];
      const digits = spokenDigits(run);
      // Words for at least three digits ("one five nine"): not "one or two" in a sentence about numbers.
      const said = run.split(/[\s,-]+/).filter((w) => /^[a-z]+$/i.test(w) && w.toLowerCase() !== 'double').length;
      if (said >= 3 && digits.length >= 7 && digits.length <= 13)
        out.push(finding('phone', text, m.index, m.index + run.length));
    }
  }
  const re = new RegExp(CANDIDATE);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const judged = m[0] ? judgePhone(text, m.index, m[0]) : undefined;
    if (judged) {
      out.push(finding('phone', text, m.index, judged.end));
      re.lastIndex = judged.end;
    } else {
      // Try again from the next group: a number may start inside a run that did not fit.
      const next = m[0].search(/[ .-]\(?\d/);
      re.lastIndex = next > 0 ? m.index + next + 1 : m.index + Math.max(1, m[0].length);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// E-mail and web addresses, handles

let linkify: LinkifyIt | null = null;

function linkifier(): LinkifyIt {
  if (linkify) return linkify;
  linkify = new LinkifyIt({ fuzzyEmail: true, fuzzyLink: true, fuzzyIP: false });
  // Social handles: "@jaylen_b", "@k.m.x" (not the @ of an e-mail, which linkify finds whole).
  linkify.add('@', {
    validate(text, pos) {
      if (pos >= 2 && /[\p{L}\p{N}_.]/u.test(text[pos - 2] ?? '')) return 0;
      const m = /^[\p{L}\p{N}_](?:[\p{L}\p{N}_.]{0,29}[\p{L}\p{N}_])?/u.exec(text.slice(pos));
      return m ? m[0].length : 0;
    },
  });
  return linkify;
}

/** Words written in place of @ and the dots, in an address meant to slip past filters. */
const AT = String.raw`(?:\s*[\[(]\s*at\s*[\])]\s*|\s+at\s+|\s*@\s*)`;
const DOT = String.raw`(?:\s*[\[(]\s*dot\s*[\])]\s*|\s+dot\s+|\.)`;
const LABEL = String.raw`[\p{L}\p{N}_-]{1,64}`;
const TLD = String.raw`(?:com|org|net|edu|gov|co|uk|ie|au|nz|ca|us|info|io|me|nhs|ac|biz)`;
const OBFUSCATED = new RegExp(
  String.raw`(?<![\p{L}\p{N}_-])${LABEL}(?:${DOT}${LABEL}){0,4}${AT}${LABEL}(?:${DOT}${LABEL}){0,3}${DOT}${TLD}(?![\p{L}\p{N}])`,
  'giu',
);

/** A character of an e-mail local part other than the dot. */
const LOCAL_CHAR = /[\p{L}\p{N}_%+-]/u;
/** Dotted domain labels and a letters-only TLD, read from just after the @; trailing punctuation left out. */
const DOMAIN = /(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}(?![\p{L}\p{N}_-])/uy;

/**
 * local@domain.tld, for what linkify leaves (accented domains, a run of dots before the address). Works
 * outwards from each @ in linear time: the local part is the longest run of letters, digits and _%+- before
 * it, with single dots inside but not at either end.
 */
function plainEmails(text: string): Finding[] {
  const out: Finding[] = [];
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0) {
      const ch = text[start - 1] ?? '';
      const dotInside = ch === '.' && start < at && LOCAL_CHAR.test(text[start - 2] ?? '');
      if (!LOCAL_CHAR.test(ch) && !dotInside) break;
      start--;
    }
    if (start === at) continue;
    DOMAIN.lastIndex = at + 1;
    const domain = DOMAIN.exec(text);
    if (domain) out.push(finding('email', text, start, at + 1 + domain[0].length));
  }
  return out;
}

/** "www.gofundme.example/tomas-mama": a web address on a name linkify does not know. */
const WWW = /(?<![\p{L}\p{N}@.])www\.[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+(?:\/[^\s,;)\]]*[^\s,;.)\]!?])?/gu;

export function findEmailsAndLinks(text: string): Finding[] {
  const out: Finding[] = [];
  if (/[@.:]/.test(text)) {
    for (const m of linkifier().match(text) ?? []) {
      const kind: FindingKind = m.schema === '@' ? 'handle' : m.schema === 'mailto:' ? 'email' : 'web-address';
      // An address needs a real top-level domain of two letters or more ("me@example.c" is not one).
      if (kind === 'email' && !/\.\p{L}{2,}$/u.test(m.raw)) continue;
      out.push(finding(kind, text, m.index, m.lastIndex));
    }
    if (text.includes('@')) out.push(...plainEmails(text));
    for (const m of text.matchAll(WWW)) out.push(finding('web-address', text, m.index, m.index + m[0].length));
  }
  if (/\b(?:at|dot)\b|\[at\]|\(at\)/i.test(text)) {
    for (const m of text.matchAll(OBFUSCATED)) {
      // "at" and "dot" alone are everyday words: a written-out address needs a word in place of @ or of a dot.
      if (!/\bdot\b|\[at\]|\(at\)|\[dot\]|\(dot\)|@/i.test(m[0])) continue;
      out.push(finding('email', text, m.index, m.index + m[0].length));
    }
  }
  return out;
}

/** "her Instagram is kayla.m.22", "TikTok: jaylen_b": a handle named by its platform, without the @. */
const PLATFORM_HANDLE =
  /\b(?:instagram|insta|ig|tiktok|snapchat|snap|twitter|x handle|facebook|fb|discord|reddit|twitch|youtube|threads|bluesky|handle|username|user name|gamertag)\b(?:\s+(?:is|name|handle|account|username|was|as|called))?\s*[:=-]?\s*(?:is\s+)?['"“‘]?@?([\p{L}\p{N}_][\p{L}\p{N}_.]{2,29}[\p{L}\p{N}_])/giu;

export function findPlatformHandles(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of text.matchAll(PLATFORM_HANDLE)) {
    const handle = m[1]!;
    const start = m.index + m[0].length - handle.length;
    // An ordinary word after the platform ("Instagram is hard") is not a handle: it needs a digit, _ or dot.
    if (!/[\d_.]/.test(handle)) continue;
    out.push(finding('handle', text, start - (text[start - 1] === '@' ? 1 : 0), start + handle.length));
  }
  return out;
}
