/**
 * Bringing a journal in from another app (main/import/): what the window is shown and sends. The window
 * never names a path: it is given an id for what the person chose, as with backups.
 */

/** The other journals Holding can read, one module each in main/import/sources/. */
export const IMPORT_SOURCES = ['holding', 'day-one', 'markdown', 'standard-notes'] as const;
export type ImportSourceId = (typeof IMPORT_SOURCES)[number] | (string & {});

/** Something in the export that will not come in, and why, counted (so a thousand photos are one line). */
export interface SkippedItem {
  /** What it is, in a few words: "Photos", "A note in the trash". */
  what: string;
  /** Why, in a sentence the person can act on. */
  why: string;
  count: number;
  /** A few of their names (files, titles), for the person to recognise. */
  examples: string[];
}

/** What an import would bring in: shown before anything is written. */
export interface ImportPreview {
  /** The id the window names this choice by (import:run). */
  id: string;
  /** The name of the chosen file or folder, without its path. */
  name: string;
  source: ImportSourceId;
  /** The source in words: "Day One", "Markdown notes (Obsidian, Joplin, Logseq, Notesnook)". */
  sourceName: string;
  /** Entries that would be added. */
  entries: number;
  /** Entries this journal already has from an earlier import of the same export: left out. */
  alreadyImported: number;
  /** The first and last day written about (YYYY-MM-DD), or null when there is nothing. */
  firstDay: string | null;
  lastDay: string | null;
  /** The commonest tags, with how many entries carry each. */
  tags: { tag: string; count: number }[];
  /** Links between the imported entries ([[wikilinks]]) that will become entry links. */
  links: number;
  skipped: SkippedItem[];
  /**
   * Holding's own export only: what else it would add besides entries, counted and named ("check-ins"),
   * and how many earlier versions of entries come with them.
   */
  also?: { what: string; count: number }[];
  history?: number;
}

export type ImportStatus = 'importing' | 'done' | 'undone';

/** One import, as the list of past imports shows it. */
export interface ImportRecord {
  id: string;
  source: ImportSourceId;
  sourceName: string;
  name: string;
  startedAt: string;
  finishedAt: string | null;
  status: ImportStatus;
  /** Entries this import added. */
  added: number;
  /** Entries left out because an earlier import had brought them in already. */
  alreadyImported: number;
  skipped: SkippedItem[];
  undoneAt: string | null;
  /** On undo: entries kept because they had been changed since they came in. */
  keptOnUndo: number | null;
  /**
   * Whether it was made in this journal. One that came with a Holding export was made in the journal that
   * export came from, and can only be undone there.
   */
  here: boolean;
  /** Holding's own export: the rows other than entries it added (check-ins, supervision…), and kept on undo. */
  rowsAdded: number;
  rowsKeptOnUndo: number | null;
}

/** What "Undo this import" did. */
export interface UndoResult {
  removed: number;
  /** Entries changed since the import (edited, retagged, pinned): kept, so nothing the person wrote is lost. */
  kept: number;
  /**
   * Holding's own export only: its other rows (check-ins, supervision records, shares…) taken back, and
   * those kept because the person changed them, or they belong with something kept or of the person's own.
   */
  rowsRemoved?: number;
  rowsKept?: number;
  record: ImportRecord;
}
