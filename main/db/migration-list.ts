import { migrations as released } from './migrations';
import { migration0010 } from './migrations/0010-journal-search-index';
import { migration0011 } from './migrations/0011-warning-signs';
import { migration0012 } from './migrations/0012-backups';
import { migration0013 } from './migrations/0013-imports';
import { migration0014 } from './migrations/0014-opened-bundles';
import { migration0015 } from './migrations/0015-imported-rows';
import { migration0016 } from './migrations/0016-feedback-replies';
import { migration0017 } from './migrations/0017-export-folder';
import { migration0018 } from './migrations/0018-search-prefixes';
import { migration0019 } from './migrations/0019-search-merges-off-saves';
import type { Migration } from './migrations/types';

/**
 * Every migration, in order: those listed in migrations/index.ts (as released, never edited again), then
 * each one added since. A new migration is a new numbered file in migrations/, added at the end here.
 */
export const migrations: readonly Migration[] = [
  ...released,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0014,
  migration0015,
  migration0016,
  migration0017,
  migration0018,
  migration0019,
];
