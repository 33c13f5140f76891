import { AppError } from '../../../common/errors';
import { isSafeHref } from '../../../common/journal/doc';
import type { HandlersOf } from '../router';
import type { HandlerContext } from './context';

export function appHandlers(ctx: HandlerContext): HandlersOf<'app'> {
  return {
    'app:info': () => ctx.info,
    'app:openExternal': async ({ url }) => {
      if (!isSafeHref(url)) {
        throw new AppError(
          'INVALID_INPUT',
          'Holding only opens web addresses beginning https:// and e-mail addresses.',
        );
      }
      if (!ctx.openExternal) throw new AppError('INVALID_INPUT', 'Opening links is not available here.');
      return { opened: await ctx.openExternal(url.trim()) };
    },
    'app:flushed': () => (ctx.flushed(), null),
    'app:cancel': ({ channel }) => (ctx.tasks.cancel(channel), null),
  };
}
