/**
 * What "Open this link outside Holding?" shows (issue 19): the link as the system will be handed it, never
 * as the page wrote it. The WHATWG URL parser gives the normal form: a host written in other alphabets
 * becomes its punycode name (xn--…), and everything outside printable ASCII in the rest of the link,
 * bidirectional overrides and invisible characters included, becomes %-codes, so `…/\u202e/gpj.exe`
 * cannot read as `…/exe.jpg/`. What was turned into codes is said in a sentence under the link. The link
 * opened is the one shown.
 */
import { isSafeHref } from '../../common/journal/doc';

export interface LinkPrompt {
  /** The normal form: what is shown, and what is opened. */
  url: string;
  message: string;
  /** The link, then a sentence for each thing that was made visible. */
  detail: string;
}

/** Characters that show nothing or change the direction or look of what follows. */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\u2800]/u;

/** The link's %-codes read back as characters, where they read at all. */
function decoded(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url.replace(/%[0-9A-Fa-f]{2}/g, (code) => String.fromCharCode(parseInt(code.slice(1), 16)));
  }
}

/** The prompt for a link, or null when it is not one Holding opens (https: and mailto: only). */
export function linkPrompt(raw: string): LinkPrompt | null {
  if (!isSafeHref(raw)) return null;
  const parsed = new URL(raw.trim());
  const url = parsed.href;
  const notes: string[] = [];
  if (parsed.hostname.split('.').some((label) => label.startsWith('xn--'))) {
    notes.push(
      'The name of this site is written in letters from other alphabets, so it is shown as the name computers use for it (beginning xn--). Letters that look alike can make one site look like another.',
    );
  }
  if (parsed.protocol === 'https:' && (parsed.username || parsed.password)) {
    // "https://bank.co.uk:login@elsewhere.example/" goes to elsewhere.example: never shown as if it were the bank.
    notes.push(
      `This link goes to ${parsed.hostname}. What comes before the @ in it is not the site’s name, and can make one site look like another.`,
    );
  }
  const readBack = decoded(url);
  if (HIDDEN.test(readBack)) {
    notes.push(
      'This link holds hidden characters that can change how it reads, even reversing part of it. They are shown as %-codes (such as %E2%80%AE) rather than hidden.',
    );
  } else if (/[^\x20-\x7e]/.test(readBack)) {
    notes.push('Part of this link is written in other alphabets or symbols, shown here as %-codes.');
  }
  return { url, message: 'Open this link outside Holding?', detail: [url, ...notes].join('\n\n') };
}
