import type { SuggestionView } from './types';

/**
 * The start of a journal entry made from a suggestion, to bring to supervision as a restorative item.
 * It says what was noticed in plain words and leaves the rest to the person. No check-in numbers: the
 * entry may be shared with a supervisor, and how much of their check-ins to show is the person's to
 * choose (they can add the numbers in their own words, or share their check-ins).
 */
export function supervisionNoteFor(suggestion: SuggestionView): { title: string; paragraphs: string[] } {
  const noticed =
    suggestion.kind === 'falling'
      ? 'Over my last few check-ins my capacity has been lower than is usual for me.'
      : suggestion.kind === 'low'
        ? 'My last few check-ins have all been low: I have had very little left.'
        : `“${suggestion.signName}” has come up in several of my check-ins over the past fortnight.`;
  return {
    title: suggestion.kind === 'recurring' ? `Noticing: ${suggestion.signName}` : 'How I have been lately',
    paragraphs: [
      noticed,
      'I would like some time in supervision for how I am, not only for the work.',
      'What I would like from supervision:',
      '',
    ],
  };
}
