import type { Migration } from './types';
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-journal';
import { migration0003 } from './0003-two-truths-checkins';
import { migration0004 } from './0004-supervision';
import { migration0005 } from './0005-session-item-details';
import { migration0006 } from './0006-exports';
import { migration0007 } from './0007-identity-contacts';
import { migration0008 } from './0008-sharing';
import { migration0009 } from './0009-session-item-agenda-id';
import { migration0011 } from './0011-warning-signs';

/** Every migration, in order. Add new ones at the end; never edit or reorder a released one. */
export const migrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0011,
];
