import type { Migration } from './types';
import { migration0001 } from './0001-initial';

/** Every migration, in order. Add new ones at the end; never edit or reorder a released one. */
export const migrations: readonly Migration[] = [migration0001];
