import type { Migration } from './types';

/**
 * Replies to a supervisor's comments (issue 18), both ways round, in one table.
 *
 * - Supervisee: a reply written under a comment in feedback they received (`feedback_id`, and `ref`, the item
 *   reference the comment is on, '' for the overall comment). It waits until the next share to that
 *   supervisor carries it; `sent_in_share_id` then names that share. A share record taken back (its file could
 *   not be written) leaves its replies waiting again.
 * - Supervisor: a reply that arrived in a share (`received_in_bundle_id`, `received_at`), threaded under their
 *   own comment on the earlier share it is about (`received_share_id`, `ref`). Its id is the one it travelled
 *   with, so the same reply is never kept twice.
 *
 * Exactly one of `feedback_id` and `received_share_id` is set: which side of the conversation the row is.
 */
export const migration0016: Migration = {
  version: 16,
  name: 'feedback-replies',
  up(db) {
    db.exec(`
      CREATE TABLE feedback_replies (
        id TEXT PRIMARY KEY,
        feedback_id TEXT REFERENCES feedback_received(id) ON DELETE CASCADE,
        received_share_id TEXT REFERENCES shares_received(id) ON DELETE CASCADE,
        ref TEXT NOT NULL,
        body TEXT NOT NULL,
        created_at TEXT NOT NULL,
        sent_in_share_id TEXT REFERENCES shares_sent(id) ON DELETE SET NULL,
        received_in_bundle_id TEXT,
        received_at TEXT,
        CHECK ((feedback_id IS NULL) <> (received_share_id IS NULL))
      ) STRICT;
      CREATE INDEX feedback_replies_feedback ON feedback_replies(feedback_id);
      CREATE INDEX feedback_replies_received ON feedback_replies(received_share_id);
      CREATE INDEX feedback_replies_sent ON feedback_replies(sent_in_share_id);
    `);
  },
};
