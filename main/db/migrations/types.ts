import type { Database } from 'better-sqlite3-multiple-ciphers';

export interface Migration {
  /** Strictly increasing, starting at 1; stored in `PRAGMA user_version` once applied. */
  version: number;
  name: string;
  up(db: Database): void;
}
