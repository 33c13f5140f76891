/**
 * Channel and event names alone, free of zod, so the sandboxed preload stays small.
 * `contract.ts` is checked against this list by the type system (`satisfies`).
 */
export const CHANNELS = [
  'app:info',
  'app:flushed',
  'app:openExternal',
  'vault:status',
  'vault:create',
  'vault:unlock',
  'vault:unlockWithRecoveryKey',
  'vault:lock',
  'vault:changePassphrase',
  'vault:resetPassphrase',
  'settings:get',
  'settings:update',
  'journal:list',
  'journal:get',
  'journal:create',
  'journal:save',
  'journal:trash',
  'journal:restore',
  'journal:deleteForever',
  'journal:emptyTrash',
  'journal:revisions',
  'journal:revision',
  'journal:restoreRevision',
  'journal:tags',
  'journal:links',
  'journal:link',
  'journal:unlink',
  'truths:prompts',
  'truths:savePrompt',
  'truths:hidePrompt',
  'truths:removePrompt',
  'truths:create',
  'truths:save',
  'checkins:list',
  'checkins:save',
  'checkins:delete',
  'checkins:suggestions',
  'checkins:dismiss',
  'checkins:bringToSupervision',
  'flags:list',
  'flags:save',
  'flags:delete',
  'flags:reorder',
  'templates:list',
  'templates:save',
  'templates:duplicate',
  'templates:delete',
] as const;

export type Channel = (typeof CHANNELS)[number];

export const EVENTS = ['vault:locked', 'app:flushRequested'] as const;
export type EventName = (typeof EVENTS)[number];
