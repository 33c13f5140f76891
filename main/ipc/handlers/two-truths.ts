import type { HandlersOf } from '../router';
import type { HandlerContext } from './context';

export function twoTruthsHandlers({ prompts, journal }: HandlerContext): HandlersOf<'truths'> {
  return {
    'truths:prompts': () => prompts.list(),
    'truths:savePrompt': (input) => prompts.save(input),
    'truths:hidePrompt': ({ id, hidden }) => prompts.setHidden(id, hidden),
    'truths:removePrompt': ({ id }) => (prompts.remove(id), null),
    'truths:create': ({ promptId }) => journal.createTwoTruths({ prompt: promptId ? prompts.get(promptId) : null }),
    'truths:save': (input) => journal.saveTwoTruths(input),
  };
}
