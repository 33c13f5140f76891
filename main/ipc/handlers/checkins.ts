import { bringToSupervision } from '../../checkins/to-supervision';
import type { HandlersOf } from '../router';
import type { HandlerContext } from './context';

export function checkinHandlers(ctx: HandlerContext): HandlersOf<'checkins'> {
  const { checkins } = ctx;
  return {
    'checkins:list': (range) => checkins.list(range),
    'checkins:save': (input) => checkins.save(input),
    'checkins:delete': ({ id }) => (checkins.delete(id), null),
    'checkins:suggestions': () => checkins.suggestions(),
    'checkins:dismiss': ({ key }) => (checkins.dismiss(key), null),
    'checkins:bringToSupervision': ({ key, supervisorId }) => bringToSupervision(ctx, key, supervisorId),
  };
}

export function signHandlers({ checkins }: HandlerContext): HandlersOf<'signs'> {
  return {
    'signs:list': () => checkins.signs(),
    'signs:save': (input) => checkins.saveSign(input),
    'signs:delete': ({ id }) => (checkins.deleteSign(id), null),
    'signs:reorder': ({ ids }) => checkins.reorderSigns(ids),
  };
}
