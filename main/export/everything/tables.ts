/**
 * What `holding-export.json` holds, table by table (docs/export-format.md, "Tables"): every column of every
 * table that holds what a person wrote or chose, in the order rows must be written back so that each row's
 * references are already there. The writer reads exactly these columns; the reader accepts exactly these.
 * test/unit/export-everything-tables.test.ts checks this list against the journal's schema, so a column or
 * table added by a later migration cannot be left out unnoticed.
 */

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

const c = (type: ColumnType, nullable = false): ColumnSpec => ({ type, nullable });
const text = c('text');
const textOrNull = c('text', true);
const int = c('integer');
const intOrNull = c('integer', true);

/** In the order they are written back: each table after those its rows refer to. */
export const TABLES: readonly TableSpec[] = [
  {
    name: 'templates',
    key: ['id'],
    columns: {
      id: text,
      name: text,
      description: text,
      sections_json: text,
      created_at: text,
      updated_at: text,
    },
  },
  {
    name: 'entries',
    key: ['id'],
    ownNumber: 'seq',
    columns: {
      seq: int,
      id: text,
      kind: text,
      created_at: text,
      updated_at: text,
      deleted_at: textOrNull,
      pinned: int,
      bring_to_supervision: int,
      contains_client_material: int,
      event_date: textOrNull,
      template_id: textOrNull,
      word_count: int,
      version: int,
      title: text,
      tags_text: text,
      excerpt: text,
      body_text: text,
      body_json: text,
      fields_json: textOrNull,
    },
  },
  { name: 'entry_tags', key: ['entry_id', 'tag'], columns: { entry_id: text, tag: text } },
  {
    name: 'entry_links',
    key: ['from_id', 'to_id'],
    columns: { from_id: text, to_id: text, created_at: text },
  },
  {
    name: 'entry_revisions',
    key: ['id'],
    ownNumber: 'id',
    history: true,
    columns: {
      id: int,
      entry_id: text,
      title: text,
      body_json: text,
      body_text: text,
      fields_json: textOrNull,
      word_count: int,
      created_at: text,
      reason: text,
    },
  },
  {
    name: 'truth_prompts',
    key: ['id'],
    columns: {
      id: text,
      theme: text,
      truth_a: text,
      truth_b: text,
      hidden: int,
      created_at: text,
      updated_at: text,
    },
  },
  {
    name: 'warning_signs',
    key: ['id'],
    columns: {
      id: text,
      name: text,
      what_helps: text,
      contact: text,
      position: int,
      created_at: text,
      updated_at: text,
    },
  },
  {
    name: 'checkins',
    key: ['id'],
    columns: {
      id: text,
      at: text,
      capacity: int,
      energy: intOrNull,
      sleep: intOrNull,
      load: intOrNull,
      helping: text,
      hard: text,
      entry_id: textOrNull,
      created_at: text,
      updated_at: text,
    },
  },
  {
    name: 'checkin_signs',
    key: ['id'],
    ownNumber: 'id',
    columns: { id: int, checkin_id: text, sign_id: textOrNull, name: text },
  },
  { name: 'dismissed_suggestions', key: ['key'], columns: { key: text, dismissed_at: text } },
  {
    name: 'supervisors',
    key: ['id'],
    columns: {
      id: text,
      name: text,
      role: text,
      type: text,
      frequency: text,
      min_hours: c('real'),
      session_minutes: int,
      focus_json: text,
      start_date: text,
      ended_at: textOrNull,
      created_at: text,
      updated_at: text,
    },
  },
  {
    name: 'supervision_sessions',
    key: ['id'],
    columns: {
      id: text,
      supervisor_id: textOrNull,
      supervisor_name: text,
      starts_at: text,
      time_zone: text,
      minutes: int,
      attendees: text,
      notes: text,
      created_at: text,
      updated_at: text,
    },
  },
  {
    name: 'supervision_actions',
    key: ['id'],
    columns: {
      id: text,
      session_id: text,
      text,
      owner: text,
      due: textOrNull,
      done_at: textOrNull,
      created_at: text,
    },
  },
  {
    name: 'agenda_items',
    key: ['id'],
    columns: {
      id: text,
      supervisor_id: text,
      title: text,
      question: text,
      notes: text,
      function: text,
      seven_eyed: intOrNull,
      graces_json: text,
      priority: text,
      minutes: int,
      position: int,
      source_kind: text,
      source_entry_id: textOrNull,
      source_title: text,
      excerpt: textOrNull,
      action_id: textOrNull,
      carried_from: textOrNull,
      created_at: text,
      updated_at: text,
    },
  },
  {
    name: 'session_items',
    key: ['id'],
    ownNumber: 'id',
    columns: {
      id: int,
      session_id: text,
      position: int,
      title: text,
      question: text,
      function: text,
      source_entry_id: textOrNull,
      outcome: text,
      discussed: text,
      decided: text,
      notes: text,
      excerpt: textOrNull,
      seven_eyed: intOrNull,
      graces_json: text,
      priority: text,
      minutes: int,
      agenda_item_id: textOrNull,
    },
  },
  {
    name: 'exports',
    key: ['id'],
    columns: {
      id: text,
      created_at: text,
      format: text,
      file_name: text,
      title: text,
      items: int,
      redacted: int,
      pseudonymised: int,
      kept: int,
    },
    stayBehind: {
      folder:
        'the folder an export was saved in is a place on this computer (like the backup folder), and often names the person',
    },
  },
  {
    name: 'contacts',
    key: ['id'],
    columns: {
      id: text,
      name: text,
      role: text,
      encryption_key: c('blob'),
      signing_key: c('blob'),
      fingerprint: text,
      verified_at: textOrNull,
      added_at: text,
    },
  },
  {
    name: 'shares_sent',
    key: ['id'],
    columns: {
      id: text,
      bundle_id: text,
      contact_id: textOrNull,
      contact_name: text,
      contact_fingerprint: text,
      title: text,
      file_name: text,
      created_at: text,
    },
  },
  {
    name: 'share_items',
    key: ['share_id', 'ref'],
    columns: {
      share_id: text,
      ref: text,
      position: int,
      kind: text,
      source_id: textOrNull,
      title: text,
    },
  },
  {
    name: 'shares_received',
    key: ['id'],
    columns: {
      id: text,
      bundle_id: text,
      contact_id: textOrNull,
      sender_name: text,
      sender_fingerprint: text,
      title: text,
      items: int,
      created_at: text,
      imported_at: text,
      payload: text,
      feedback_sent_at: textOrNull,
    },
  },
  {
    name: 'share_comments',
    key: ['share_id', 'ref'],
    columns: { share_id: text, ref: text, body: text, updated_at: text },
  },
  {
    name: 'feedback_received',
    key: ['id'],
    columns: {
      id: text,
      bundle_id: text,
      share_id: text,
      sender_name: text,
      created_at: text,
      imported_at: text,
      overall: text,
    },
  },
  {
    name: 'feedback_comments',
    key: ['feedback_id', 'ref'],
    columns: { feedback_id: text, ref: text, body: text },
  },
  {
    // Replies to a supervisor's comments (migration 0016): the supervisee's own, sent or waiting, and those a
    // supervisor received, threaded under their comments.
    name: 'feedback_replies',
    since: 2,
    key: ['id'],
    columns: {
      id: text,
      feedback_id: textOrNull,
      received_share_id: textOrNull,
      ref: text,
      body: text,
      created_at: text,
      sent_in_share_id: textOrNull,
      received_in_bundle_id: textOrNull,
      received_at: textOrNull,
    },
  },
  {
    // Every share and feedback file opened here, even after its share was removed (migration 0014): kept, so
    // a file opened once is refused on the computer this goes to as well.
    name: 'opened_bundles',
    key: ['bundle_id'],
    columns: { bundle_id: text, kind: text, opened_at: text },
  },
  {
    // Journals brought in from other apps (migration 0013): kept, so the same export brought in again on the
    // computer this goes to adds nothing there either, and "Undo this import" still knows its entries.
    name: 'import_batches',
    key: ['id'],
    columns: {
      id: text,
      source: text,
      name: text,
      started_at: text,
      finished_at: textOrNull,
      status: text,
      added: int,
      already: int,
      skipped_json: text,
      undone_at: textOrNull,
      kept_on_undo: intOrNull,
    },
  },
  {
    name: 'imported_entries',
    key: ['source_key'],
    columns: { source_key: text, batch_id: text, entry_id: textOrNull, version: int },
  },
  { name: 'settings', key: ['key'], columns: { key: text, value: text, updated_at: text } },
];
