import type { HandlersOf } from '../router';
import type { HandlerContext } from './context';

export function twoTruthsHandlers({ prompts, journal }: HandlerContext): HandlersOf<'twoTruths'> {
  return {
    'twoTruths:prompts': () => prompts.list(),
    'twoTruths:savePrompt': (input) => prompts.save(input),
    'twoTruths:hidePrompt': ({ id, hidden }) => prompts.setHidden(id, hidden),
    'twoTruths:removePrompt': ({ id }) => (prompts.remove(id), null),
    'twoTruths:create': ({ promptId }) => journal.createTwoTruths({ prompt: promptId ? prompts.get(promptId) : null }),
    'twoTruths:save': (input) => journal.saveTwoTruths(input),
  };
}
