import type { Migration } from './types';

/**
 * Sharing (issue 7), both ways round.
 *
 * - shares_sent / share_items: what this person shared, with whom and when, and which of their own entries,
 *   agenda items or sessions each item reference stands for (the references are random and made per share;
 *   only this vault knows what they point to).
 * - shares_received / share_comments: shares this person was sent (as a supervisor), the de-identified
 *   payload as it arrived, and their comments on each item (ref '' is the overall comment).
 * - feedback_received / feedback_comments: comments sent back on something this person shared.
 *
 * A bundle id is unique in each received table, so the same file cannot be imported twice.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'sharing',
  up(db) {
    db.exec(`
      CREATE TABLE shares_sent (
        id TEXT PRIMARY KEY,
        bundle_id TEXT NOT NULL UNIQUE,
        contact_id TEXT REFERENCES contacts(id) ON DELETE SET NULL,
        contact_name TEXT NOT NULL,
        contact_fingerprint TEXT NOT NULL,
        title TEXT NOT NULL,
        file_name TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE share_items (
        share_id TEXT NOT NULL REFERENCES shares_sent(id) ON DELETE CASCADE,
        ref TEXT NOT NULL,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        source_id TEXT,
        title TEXT NOT NULL,
        PRIMARY KEY (share_id, ref)
      ) STRICT;
      CREATE INDEX share_items_source ON share_items(source_id);
      CREATE TABLE shares_received (
        id TEXT PRIMARY KEY,
        bundle_id TEXT NOT NULL UNIQUE,
        contact_id TEXT REFERENCES contacts(id) ON DELETE SET NULL,
        sender_name TEXT NOT NULL,
        sender_fingerprint TEXT NOT NULL,
        title TEXT NOT NULL,
        items INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        payload TEXT NOT NULL,
        feedback_sent_at TEXT
      ) STRICT;
      CREATE TABLE share_comments (
        share_id TEXT NOT NULL REFERENCES shares_received(id) ON DELETE CASCADE,
        ref TEXT NOT NULL,
        body TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (share_id, ref)
      ) STRICT;
      CREATE TABLE feedback_received (
        id TEXT PRIMARY KEY,
        bundle_id TEXT NOT NULL UNIQUE,
        share_id TEXT NOT NULL REFERENCES shares_sent(id) ON DELETE CASCADE,
        sender_name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        overall TEXT NOT NULL
      ) STRICT;
      CREATE TABLE feedback_comments (
        feedback_id TEXT NOT NULL REFERENCES feedback_received(id) ON DELETE CASCADE,
        ref TEXT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (feedback_id, ref)
      ) STRICT;
    `);
  },
};
