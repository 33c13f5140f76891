/**
 * Text as a reader sees it. An adversarial pass hid NHS numbers, e-mails, phone numbers, postcodes and listed
 * names from the check with characters that show nothing (zero-width joiners, direction marks, the combining
 * grapheme joiner, Mongolian vowel separators, tag characters, variation selectors) or that show as ordinary
 * digits and letters (fullwidth forms, Arabic-Indic and other digits). The export is normalised with
 * `readerText` before the check reads it, so what leaves is exactly what was checked.
 */

/** Code points Unicode says to show nothing for, and bidirectional controls. */
const IGNORABLE = /[\p{Default_Ignorable_Code_Point}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
/** A combining mark on something that is not a letter (a digit, an @, a space) hides in plain sight. */
const MARK_ON_NON_LETTER = /(?<=[^\p{L}\p{M}])\p{M}+/gu;
const DIGIT = /\p{Nd}/gu;

/** The value of any decimal digit: Unicode keeps each script's digits as ten in a row, zero first. */
function digitValue(ch: string): string {
  const code = ch.codePointAt(0)!;
  let start = code;
  // Where two runs sit end to end the walk crosses into the one before; counted from its zero, mod 10 still holds.
  while (start > code - 100 && /\p{Nd}/u.test(String.fromCodePoint(start - 1))) start -= 1;
  return String((code - start) % 10);
}

/**
 * Invisible characters removed, compatibility forms folded (NFKC: fullwidth letters and digits, ligatures,
 * non-breaking and other spaces), every script's digits written 0-9.
 */
export function readerText(text: string): string {
  // Plain ASCII holds nothing to hide in or fold: most text, left as it is at once.
  if (/^[\t\n\r\x20-\x7E]*$/.test(text)) return text;
  let out = text.replace(IGNORABLE, '').normalize('NFKC').replace(MARK_ON_NON_LETTER, '');
  if (!/^[\p{ASCII}]*$/u.test(out)) out = out.replace(DIGIT, (d) => (d >= '0' && d <= '9' ? d : digitValue(d)));
  return out;
}

/** Accents and case set aside, for comparing a name on a list with a name in the text: "Siân" and "sian". */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’‘`]/g, "'")
    .toLocaleLowerCase('en-GB');
}
