import { itemsPhrase } from '../../../../common/export/items';
import type { ImportResult } from '../../../../common/sharing/types';

const whenFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "21 Nov 2026", from an instant or a plain day: the same as on the Supervision page. */
export { day } from '../supervision/format';

/** "21 Nov 2026, 14:05", from an instant. */
export const when = (iso: string): string => whenFormat.format(new Date(iso));

/** Names, as a person would say them: “Ama”, “Ama and Jo”, “Ama, Jo and Sam”. */
export const listOf = (names: readonly string[]): string =>
  names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : (names[0] ?? '');

/** "1 item", "4 items". */
export const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** What arrived, in one sentence: for the live region after an import. */
export function arrivedWords(result: ImportResult): string {
  if (result.kind === 'share') {
    const s = result.share;
    const { added, why } = result.replies;
    const replies = added
      ? ` It brought ${added === 1 ? 'a reply' : `${count(added, 'reply', 'replies')}`} to your comments on an earlier share, shown under the comment${added === 1 ? ' it answers' : 's they answer'}.`
      : '';
    return `A share from ${s.senderName}, “${s.title || 'Untitled'}”: ${itemsPhrase(s.items)}. It is open below for you to read and comment on.${replies}${why ? ` ${why}` : ''}`;
  }
  return `Feedback from ${result.fromName} on “${result.shareTitle}”, ${count(result.comments, 'comment')}. You will find it below, under What you have shared, and beside the entries and agenda items it is about.`;
}

/** A fingerprint's characters spelled out, group by group, for a screen reader to read one at a time. */
export const spelledOut = (fingerprint: string): string =>
  fingerprint
    .split('-')
    .map((group) => group.split('').join(' '))
    .join(', ');
