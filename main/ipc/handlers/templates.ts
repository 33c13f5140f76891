import type { HandlersOf } from '../router';
import type { HandlerContext } from './context';

export function templateHandlers({ templates }: HandlerContext): HandlersOf<'templates'> {
  return {
    'templates:list': () => templates.list(),
    'templates:save': (input) => templates.save(input),
    'templates:duplicate': ({ id }) => templates.duplicate(id),
    'templates:delete': ({ id }) => (templates.delete(id), null),
  };
}
