/**
 * Replies to a supervisor's comments (issue 18; migration 0016): a supervisee's own, waiting or sent, and those
 * a supervisor received under their comments (sharing's tables: ./sharing-repository.ts).
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ReceivedReply, ReplyView } from '../../common/sharing/types';

/** A supervisee's own reply, with the feedback and share it answers and whom that share went to. */
export interface OwnReplyRow {
  id: string;
  feedback_id: string;
  ref: string;
  body: string;
  created_at: string;
  sent_in_share_id: string | null;
  /** The earlier share the comment was on. */
  share_id: string;
  share_bundle_id: string;
  share_title: string;
  contact_id: string | null;
  contact_name: string;
  contact_fingerprint: string;
  /** The supervisor, as the feedback named them. */
  from_name: string;
  /** The shared item's title as shared ('' for the overall comment or an item no longer listed). */
  item_title: string;
  /**
   * 1 when the share it answers was sent before this vault's present card was made (a journal brought from
   * another computer keeps its shares, never its keys): the supervisor's Holding cannot match a reply to it.
   */
  earlier: 0 | 1;
}

const OWN_REPLIES = `SELECT r.id, r.feedback_id, r.ref, r.body, r.created_at, r.sent_in_share_id,
        s.id AS share_id, s.bundle_id AS share_bundle_id, s.title AS share_title, s.contact_id, s.contact_name,
        s.contact_fingerprint, f.sender_name AS from_name, coalesce(i.title, '') AS item_title,
        coalesce((SELECT julianday(s.created_at) < julianday(me.created_at) FROM identity me WHERE me.id = 1), 0)
          AS earlier
   FROM feedback_replies r
   JOIN feedback_received f ON f.id = r.feedback_id
   JOIN shares_sent s ON s.id = f.share_id
   LEFT JOIN share_items i ON i.share_id = s.id AND i.ref = r.ref`;

/** The columns every reply has, on either side. */
interface ReplyColumns {
  id: string;
  ref: string;
  body: string;
  created_at: string;
}

export class ReplyRepository {
  constructor(private readonly db: Database) {}

  add(reply: { id: string; feedbackId: string; ref: string; body: string; createdAt: string }): void {
    this.db
      .prepare('INSERT INTO feedback_replies (id, feedback_id, ref, body, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(reply.id, reply.feedbackId, reply.ref, reply.body, reply.createdAt);
  }

  /** Supervisee: replies still waiting under one comment (its share and `ref`), whichever feedback carried it. */
  waitingUnder(shareId: string, ref: string): number {
    return this.db
      .prepare(
        `SELECT count(*) FROM feedback_replies r JOIN feedback_received f ON f.id = r.feedback_id
          WHERE f.share_id = ? AND r.ref = ? AND r.sent_in_share_id IS NULL`,
      )
      .pluck()
      .get(shareId, ref) as number;
  }

  /** A supervisee's own reply: where it stands (sent or not) and whom it goes to. */
  own(id: string): OwnReplyRow | undefined {
    return this.db.prepare(`${OWN_REPLIES} WHERE r.id = ?`).get(id) as OwnReplyRow | undefined;
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM feedback_replies WHERE id = ?').run(id);
  }

  /** Supervisee: replies to the feedback on one share, oldest first. */
  onSent(shareId: string): ReplyView[] {
    const rows = this.db
      .prepare(
        `SELECT r.id, r.feedback_id, r.ref, r.body, r.created_at, r.sent_in_share_id, s.title AS sent_title,
                s.created_at AS sent_at
           FROM feedback_replies r
           JOIN feedback_received f ON f.id = r.feedback_id
           LEFT JOIN shares_sent s ON s.id = r.sent_in_share_id
          WHERE f.share_id = ?
          ORDER BY r.created_at, r.rowid`,
      )
      .all(shareId) as (ReplyColumns & {
      feedback_id: string;
      sent_in_share_id: string | null;
      sent_title: string | null;
      sent_at: string | null;
    })[];
    return rows.map((r) => ({
      id: r.id,
      feedbackId: r.feedback_id,
      ref: r.ref,
      body: r.body,
      createdAt: r.created_at,
      sentIn:
        r.sent_in_share_id !== null ? { shareId: r.sent_in_share_id, title: r.sent_title!, sentAt: r.sent_at! } : null,
    }));
  }

  /** Supervisee: every reply still waiting for a share, oldest first, with whom it goes to. */
  waiting(): OwnReplyRow[] {
    return this.db
      .prepare(
        `${OWN_REPLIES} WHERE r.feedback_id IS NOT NULL AND r.sent_in_share_id IS NULL ORDER BY r.created_at, r.rowid`,
      )
      .all() as OwnReplyRow[];
  }

  /** Any reply here with this id, on either side: where it is and what it says. */
  byId(id: string): { received_share_id: string | null; ref: string; body: string } | undefined {
    return this.db.prepare('SELECT received_share_id, ref, body FROM feedback_replies WHERE id = ?').get(id) as
      { received_share_id: string | null; ref: string; body: string } | undefined;
  }

  /** Supervisor: the replies to their comments on one share, oldest first. */
  onReceived(shareId: string): ReceivedReply[] {
    const rows = this.db
      .prepare(
        `SELECT r.id, r.ref, r.body, r.created_at, r.received_at, s.sender_name
           FROM feedback_replies r JOIN shares_received s ON s.id = r.received_share_id
          WHERE r.received_share_id = ?
          ORDER BY r.created_at, r.rowid`,
      )
      .all(shareId) as (ReplyColumns & { received_at: string; sender_name: string })[];
    return rows.map((r) => ({
      id: r.id,
      ref: r.ref,
      body: r.body,
      fromName: r.sender_name,
      writtenAt: r.created_at,
      receivedAt: r.received_at,
    }));
  }

  /** Supervisor: where the replies a share brought went, by the earlier share they are about. */
  broughtBy(bundleId: string): { shareId: string; shareTitle: string; count: number }[] {
    return this.db
      .prepare(
        `SELECT s.id AS shareId, s.title AS shareTitle, count(*) AS count
           FROM feedback_replies r JOIN shares_received s ON s.id = r.received_share_id
          WHERE r.received_in_bundle_id = ?
          GROUP BY s.id ORDER BY min(r.rowid)`,
      )
      .all(bundleId) as { shareId: string; shareTitle: string; count: number }[];
  }
}
