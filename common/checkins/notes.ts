import type { SuggestionView } from './types';

/**
 * The start of a journal entry made from a suggestion, to bring to supervision as a restorative item.
 * It says what was noticed in plain words and leaves the rest to the person.
 */
export function supervisionNoteFor(suggestion: SuggestionView): { title: string; paragraphs: string[] } {
  const noticed =
    suggestion.kind === 'falling'
      ? `Over my last few check-ins my capacity has been lower than usual for me: around ${Math.round(suggestion.recent)} out of 10, where it is more often around ${Math.round(suggestion.baseline)}.`
      : `“${suggestion.signName}” has come up in ${suggestion.times} of my check-ins over the past fortnight.`;
  return {
    title: suggestion.kind === 'falling' ? 'How I have been lately' : `Noticing: ${suggestion.signName}`,
    paragraphs: [
      noticed,
      'I would like some time in supervision for how I am, not only for the work.',
      'What I would like from supervision:',
      '',
    ],
  };
}
