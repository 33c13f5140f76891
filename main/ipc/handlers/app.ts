import { AppError } from '../../../common/errors';
import { linkPrompt } from '../../shell-common/link-prompt';
import type { HandlersOf } from '../router';
import type { HandlerContext } from './context';

export function appHandlers(ctx: HandlerContext): HandlersOf<'app'> {
  return {
    'app:info': () => ctx.info,
    'app:openExternal': async ({ url }) => {
      // The normal form (punycode host, hidden characters as %-codes): what the person is shown and what opens.
      const prompt = linkPrompt(url);
      if (!prompt) {
        throw new AppError(
          'INVALID_INPUT',
          'Holding only opens web addresses beginning https:// and e-mail addresses.',
        );
      }
      if (!ctx.openExternal) throw new AppError('INVALID_INPUT', 'Opening links is not available here.');
      return { opened: await ctx.openExternal(prompt.url) };
    },
    'app:flushed': () => (ctx.flushed(), null),
    'app:cancel': ({ channel }) => (ctx.tasks.cancel(channel), null),
  };
}
