/** The shape of one table's entry in TABLES (./tables.ts): its columns, its key, and how it travels. */

/** How a column's value is written in JSON: text as a string, integers and reals as numbers, blobs as base64. */
export type ColumnType = 'text' | 'integer' | 'real' | 'blob';

export interface ColumnSpec {
  type: ColumnType;
  /** Whether the column may be null. */
  nullable: boolean;
}

export interface TableSpec {
  name: string;
  columns: Record<string, ColumnSpec>;
  /** The columns that name a row (its primary key): a row whose key is already in the journal is not added. */
  key: readonly string[];
  /**
   * An integer key SQLite would choose by itself: kept when free in the journal the rows go into, else a
   * new one is taken (the row is still added, once, when its natural key is not there).
   */
  ownNumber?: string;
  /** Only written when the person asks for history. */
  history?: boolean;
  /** Columns that never leave, and why (a place on this computer); read back as null. */
  stayBehind?: Record<string, string>;
  /**
   * The format version that added this table (default 1): a file of an earlier version has no such table,
   * and a reader takes it as empty.
   */
  since?: number;
}
