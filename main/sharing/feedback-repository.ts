/** Feedback that came back on this person's shares, and its comments (sharing's tables: ./sharing-repository.ts). */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { FeedbackComment, FeedbackView } from '../../common/sharing/types';
import { byRef, insertWithChildren, rememberOpened } from './sharing-sql';

/**
 * Feedback, newest first: by when the sender sealed it, by their clock, but never later than when it arrived
 * here. Each file holds every comment as it stood when sealed, so the newest speaks for the supervisor
 * whichever file was opened first; and a supervisor's clock set years ahead cannot keep one file "newest"
 * over everything they send afterwards. Both times are stored as toISOString writes them, so they compare
 * as text. `t` is the table's alias in the query.
 */
const newestFeedbackFirst = (t: string) => `MIN(${t}.created_at, ${t}.imported_at) DESC, ${t}.rowid DESC`;

/** Feedback as it is stored once opened, on the share it answers. */
export type NewFeedback = Omit<FeedbackView, 'comments'> & {
  bundleId: string;
  shareId: string;
  comments: { ref: string; body: string }[];
};

export class FeedbackRepository {
  constructor(private readonly db: Database) {}

  record(feedback: NewFeedback): void {
    // insertWithChildren's transaction nests inside this one (a savepoint): the record and the rows, or none.
    this.db.transaction(() => {
      rememberOpened(this.db, feedback.bundleId, 'feedback', feedback.importedAt);
      insertWithChildren(
        this.db,
        `INSERT INTO feedback_received (id, bundle_id, share_id, sender_name, created_at, imported_at, overall)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [
          feedback.id,
          feedback.bundleId,
          feedback.shareId,
          feedback.fromName,
          feedback.createdAt,
          feedback.importedAt,
          feedback.overall,
        ],
        'INSERT INTO feedback_comments (feedback_id, ref, body) VALUES (?, ?, ?)',
        feedback.comments.map((c) => [feedback.id, c.ref, c.body]),
      );
    })();
  }

  /**
   * The feedback on a share, newest first, each with its comments by item reference. Newest by when it was
   * sealed, as the sender's clock says, but never later than when it arrived here (newestFeedbackFirst).
   */
  onShare(shareId: string): FeedbackView[] {
    const rows = this.db
      .prepare(`SELECT * FROM feedback_received f WHERE share_id = ? ORDER BY ${newestFeedbackFirst('f')}`)
      .all(shareId) as { id: string; sender_name: string; created_at: string; imported_at: string; overall: string }[];
    return rows.map((f) => ({
      id: f.id,
      fromName: f.sender_name,
      createdAt: f.created_at,
      importedAt: f.imported_at,
      overall: f.overall,
      comments: byRef(this.db, 'SELECT ref, body FROM feedback_comments WHERE feedback_id = ?', f.id),
    }));
  }

  /** The comments on one of the person's own things: from the newest feedback on each share it was in. */
  commentsOn(sourceId: string): FeedbackComment[] {
    const rows = this.db
      .prepare(
        `SELECT f.id AS feedback_id, s.title AS share_title, f.sender_name, s.created_at AS shared_at,
                f.imported_at, c.body
           FROM share_items i
           JOIN shares_sent s ON s.id = i.share_id
           JOIN feedback_received f ON f.share_id = s.id
           JOIN feedback_comments c ON c.feedback_id = f.id AND c.ref = i.ref
          WHERE i.source_id = ?
            -- Each feedback file holds all the supervisor's comments as they stood when sealed, so the newest
            -- sealed for a share replaces the earlier ones (whichever order the files were opened in).
            AND f.rowid = (SELECT f2.rowid FROM feedback_received f2 WHERE f2.share_id = f.share_id
                            ORDER BY ${newestFeedbackFirst('f2')} LIMIT 1)
          ORDER BY ${newestFeedbackFirst('f')}`,
      )
      .all(sourceId) as {
      feedback_id: string;
      share_title: string;
      sender_name: string;
      shared_at: string;
      imported_at: string;
      body: string;
    }[];
    return rows.map((r) => ({
      feedbackId: r.feedback_id,
      shareTitle: r.share_title,
      fromName: r.sender_name,
      sharedAt: r.shared_at,
      receivedAt: r.imported_at,
      body: r.body,
    }));
  }

  /** Supervisee: the feedback a reply answers, with the share it was on. */
  row(feedbackId: string): { id: string; share_id: string; overall: string; sender_name: string } | undefined {
    return this.db
      .prepare('SELECT id, share_id, overall, sender_name FROM feedback_received WHERE id = ?')
      .get(feedbackId) as { id: string; share_id: string; overall: string; sender_name: string } | undefined;
  }

  /** Supervisee: the comment on one item in one feedback, if there is one. */
  comment(feedbackId: string, ref: string): string | undefined {
    return this.db
      .prepare('SELECT body FROM feedback_comments WHERE feedback_id = ? AND ref = ?')
      .pluck()
      .get(feedbackId, ref) as string | undefined;
  }
}
