import { migrations as released } from './migrations';
import { migration0010 } from './migrations/0010-journal-search-index';
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
 * Every migration, in order. migrations/index.ts is the list as released, never edited again: 0001–0009,
 * then 0011 (warning signs), which was written to follow 0010 (the journal's search index) and released
 * before it. So 0010 goes in its place here, and each migration added since goes at the end: a new
 * migration is a new numbered file in migrations/, added at the end of this list.
 */
export const migrations: readonly Migration[] = [
  ...released.filter((m) => m.version < migration0010.version),
  migration0010,
  ...released.filter((m) => m.version > migration0010.version),
  migration0012,
  migration0013,
  migration0014,
  migration0015,
  migration0016,
  migration0017,
  migration0018,
  migration0019,
];
