import { migrations as released } from './migrations';
import { migration0010 } from './migrations/0010-warning-signs';
import { migration0012 } from './migrations/0012-backups';
import type { Migration } from './migrations/types';

/**
 * Every migration, in order: those listed in migrations/index.ts (as released, never edited again), then
 * each one added since. A new migration is a new numbered file in migrations/, added at the end here.
 *
 * 0011 is the journal's search index (branch journal-perf), which lands before 0012: migrate() needs the
 * versions to run 1..n without a gap, so it goes in between when it lands.
 */
export const migrations: readonly Migration[] = [...released, migration0010, migration0012];
