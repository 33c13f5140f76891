import type { TwoTruthsFields } from '../../common/two-truths/two-truths';
import type { DocNode } from '../../common/journal/doc';
import type { Entry, EntryKind, EntrySummary } from '../../common/journal/types';

/** How an entry's rows become objects: shared by the repository and the list and search SQL. */

/** The short columns: all a list row needs. */
export interface SummaryRow {
  seq: number;
  id: string;
  kind: EntryKind;
  title: string;
  excerpt: string;
  word_count: number;
  created_at: string;
  updated_at: string;
  event_date: string | null;
  template_id: string | null;
  bring_to_supervision: number;
  contains_client_material: number;
  pinned: number;
  deleted_at: string | null;
  version: number;
  tags: string | null;
}

export interface EntryRow extends SummaryRow {
  body_text: string;
  body_json: string;
  fields_json: string | null;
}

export type ListRow = SummaryRow & { snippet: string; title_highlighted: string };

export interface StoredEntry {
  id: string;
  kind: EntryKind;
  twoTruths: TwoTruthsFields | null;
  title: string;
  body: DocNode;
  bodyJson: string;
  text: string;
  excerpt: string;
  tags: string[];
  wordCount: number;
  createdAt: string;
  updatedAt: string;
  eventDate: string | null;
  templateId: string | null;
  bringToSupervision: boolean;
  containsClientMaterial: boolean;
  pinned: boolean;
  deletedAt: string | null;
  version: number;
}

const TAG_SEPARATOR = '\u001f';

// The long text is left out: a list page must not read every entry's whole body.
export const SUMMARY_COLUMNS = `e.seq, e.id, e.kind, e.title, e.excerpt, e.word_count, e.created_at, e.updated_at, e.event_date,
  e.template_id, e.bring_to_supervision, e.contains_client_material, e.pinned, e.deleted_at, e.version,
  (SELECT group_concat(t.tag, char(31)) FROM entry_tags t WHERE t.entry_id = e.id) AS tags`;

export function listItem(row: ListRow): EntrySummary {
  const { version: _version, ...summary } = summaryFields(row);
  return { ...summary, excerpt: row.snippet, titleHighlighted: row.title_highlighted };
}

function splitTags(tags: string | null): string[] {
  return tags ? tags.split(TAG_SEPARATOR).sort((a, b) => a.localeCompare(b)) : [];
}

/** Everything a summary and a stored entry share. */
function summaryFields(row: SummaryRow) {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    excerpt: row.excerpt,
    tags: splitTags(row.tags),
    wordCount: row.word_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    eventDate: row.event_date,
    templateId: row.template_id,
    bringToSupervision: row.bring_to_supervision === 1,
    containsClientMaterial: row.contains_client_material === 1,
    pinned: row.pinned === 1,
    deletedAt: row.deleted_at,
    version: row.version,
  };
}

export function toStored(row: EntryRow): StoredEntry {
  return {
    ...summaryFields(row),
    body: JSON.parse(row.body_json) as DocNode,
    bodyJson: row.body_json,
    text: row.body_text,
    twoTruths: row.fields_json ? (JSON.parse(row.fields_json) as TwoTruthsFields) : null,
  };
}

export function toEntry(stored: StoredEntry): Entry {
  const { bodyJson: _json, text: _text, ...rest } = stored;
  return { ...rest, titleHighlighted: stored.title };
}
