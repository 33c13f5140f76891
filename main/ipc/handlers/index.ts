import type { Handlers } from '../router';
import { appHandlers } from './app';
import { backupHandlers } from './backup';
import { checkinHandlers, signHandlers } from './checkins';
import type { HandlerContext } from './context';
import { exportHandlers } from './export';
import { importHandlers } from './import';
import { journalHandlers } from './journal';
import { settingsHandlers } from './settings';
import { sharingHandlers } from './sharing';
import { supervisionHandlers } from './supervision';
import { supportHandlers } from './support';
import { templateHandlers } from './templates';
import { twoTruthsHandlers } from './two-truths';
import { vaultHandlers } from './vault';

/** Every channel's handler, one file per capability. A new capability adds its file here. */
export function allHandlers(ctx: HandlerContext): Handlers {
  return {
    ...appHandlers(ctx),
    ...vaultHandlers(ctx),
    ...settingsHandlers(ctx),
    ...journalHandlers(ctx),
    ...templateHandlers(ctx),
    ...twoTruthsHandlers(ctx),
    ...checkinHandlers(ctx),
    ...signHandlers(ctx),
    ...supervisionHandlers(ctx),
    ...exportHandlers(ctx),
    ...sharingHandlers(ctx),
    ...backupHandlers(ctx),
    ...supportHandlers(ctx),
    ...importHandlers(ctx),
  };
}
