import type { HandlersOf } from '../router';
import type { HandlerContext } from './context';

export function supportHandlers({ support }: HandlerContext): HandlersOf<'support'> {
  return {
    'support:get': () => support.get(),
    'support:save': (changes) => support.save(changes),
  };
}
