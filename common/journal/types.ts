import type { TwoTruthsFields } from '../two-truths/two-truths';
import type { DocNode } from './doc';

/** A journal entry, or a two-truths entry (its own form, the same search, trash and history). */
export type EntryKind = 'journal' | 'two-truths';
export const ENTRY_KINDS = ['journal', 'two-truths'] as const satisfies readonly EntryKind[];

export interface EntryFlags {
  bringToSupervision: boolean;
  containsClientMaterial: boolean;
  pinned: boolean;
}

export interface EntrySummary extends EntryFlags {
  id: string;
  kind: EntryKind;
  title: string;
  /** The start of the text, or a search snippet with highlight markers. */
  excerpt: string;
  /** Title with highlight markers when searching, otherwise the plain title. */
  titleHighlighted: string;
  createdAt: string;
  updatedAt: string;
  /** The day the entry reflects on (YYYY-MM-DD), if given. */
  eventDate: string | null;
  templateId: string | null;
  tags: string[];
  wordCount: number;
  deletedAt: string | null;
}

export interface Entry extends EntrySummary {
  body: DocNode;
  version: number;
  /** The parts of a two-truths entry; null for a journal entry. */
  twoTruths: TwoTruthsFields | null;
}

/** An entry linked to another, either way round. */
export interface LinkedEntry {
  id: string;
  kind: EntryKind;
  title: string;
  deletedAt: string | null;
}

export interface RevisionSummary {
  id: number;
  entryId: string;
  title: string;
  createdAt: string;
  wordCount: number;
  reason: RevisionReason;
}

export interface Revision extends RevisionSummary {
  body: DocNode;
  text: string;
  twoTruths: TwoTruthsFields | null;
}

export type RevisionReason = 'edited' | 'emptied' | 'large-change' | 'before-restore';

export type EntrySort = 'updated' | 'created' | 'event' | 'title' | 'relevance';

export interface EntryPage {
  total: number;
  offset: number;
  items: EntrySummary[];
}

export interface SaveResult {
  version: number;
  updatedAt: string;
  wordCount: number;
}

export interface TagCount {
  tag: string;
  count: number;
}

/** Entries stay in the trash this long before they are deleted for good. */
export const TRASH_DAYS = 30;
