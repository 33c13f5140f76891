import type { HandlersOf } from '../router';
import type { HandlerContext } from './context';

export function settingsHandlers({ settings }: HandlerContext): HandlersOf<'settings'> {
  return {
    'settings:get': () => settings.get(),
    'settings:update': (changes) => settings.update(changes),
  };
}
