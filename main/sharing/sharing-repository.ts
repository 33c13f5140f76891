import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../common/errors';
import type {
  FeedbackComment,
  FeedbackView,
  ReceivedReply,
  ReceivedShareSummary,
  ReplyView,
  SentShare,
  SentShareItem,
  ShareItemKind,
} from '../../common/sharing/types';
import type { Vault } from '../vault/vault';
import type { BundleKind } from './bundle-format';

/**
 * Feedback, newest first: by when the sender sealed it, by their clock, but never later than when it arrived
 * here. Each file holds every comment as it stood when sealed, so the newest speaks for the supervisor
 * whichever file was opened first; and a supervisor's clock set years ahead cannot keep one file "newest"
 * over everything they send afterwards. Both times are stored as toISOString writes them, so they compare
 * as text. `t` is the table's alias in the query.
 */
const newestFeedbackFirst = (t: string) => `MIN(${t}.created_at, ${t}.imported_at) DESC, ${t}.rowid DESC`;

/**
 * All of sharing's SQL (tables in main/db/migrations/0008-sharing.ts). The rooms share these tables, so
 * they share this repository: share.ts, open.ts, review.ts and feedback.ts decide; this reads and writes.
 * Contacts are identity.ts's.
 */

export interface SentRow {
  id: string;
  bundle_id: string;
  contact_id: string | null;
  contact_name: string;
  contact_fingerprint: string;
  title: string;
  file_name: string;
  created_at: string;
}

export interface ReceivedRow {
  id: string;
  bundle_id: string;
  contact_id: string | null;
  sender_name: string;
  sender_fingerprint: string;
  title: string;
  items: number;
  created_at: string;
  imported_at: string;
  payload: string;
  feedback_sent_at: string | null;
}

/** A share as it is recorded once sealed: to whom (and their keys' fingerprint), and its items in order. */
export type NewSentShare = Omit<SentShare, 'feedback' | 'replies' | 'earlierCard'> & { contactFingerprint: string };

/** A share as it is stored once opened: from whom, and its payload as JSON. */
export type NewReceivedShare = Omit<ReceivedShareSummary, 'comments' | 'feedbackSentAt'> & {
  senderFingerprint: string;
  payload: string;
};

/** Feedback as it is stored once opened, on the share it answers. */
export type NewFeedback = Omit<FeedbackView, 'comments'> & {
  bundleId: string;
  shareId: string;
  comments: { ref: string; body: string }[];
};

/** A reply that arrived in a share, to be threaded under the supervisor's comment on an earlier one. */
export interface NewReceivedReply {
  id: string;
  receivedShareId: string;
  /** '' for the overall comment. */
  ref: string;
  body: string;
  writtenAt: string;
}

/** A supervisee's own reply, with the feedback and share it answers and whom that share went to. */
/** A received share, as placing replies under its comments needs it. */
export interface ReplyTarget {
  id: string;
  senderFingerprint: string;
  feedbackSent: boolean;
  items: Set<string>;
  comments: Set<string>;
}

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

/** One repository per open database; a new one after each unlock. */
export function sharingRepository(vault: Vault): () => SharingRepository {
  let cache: { db: Database; repo: SharingRepository } | null = null;
  return () => {
    const db = vault.db();
    if (cache?.db !== db) cache = { db, repo: new SharingRepository(db) };
    return cache.repo;
  };
}

export class SharingRepository {
  constructor(private readonly db: Database) {}

  // --- Shares sent ----------------------------------------------------------------------------------------------

  recordSent(share: NewSentShare, replyIds: readonly string[] = []): void {
    this.db.transaction(() => {
      this.insertSent(share);
      // The replies it carries are sent with it: a record taken back (deleteSent) leaves them waiting again.
      const mark = this.db.prepare(
        'UPDATE feedback_replies SET sent_in_share_id = ? WHERE id = ? AND feedback_id IS NOT NULL AND sent_in_share_id IS NULL',
      );
      for (const id of replyIds) {
        if (mark.run(share.id, id).changes !== 1) {
          throw new AppError(
            'CHANGED',
            'One of your replies was sent or taken back while this share was being saved, so it was not recorded. Please check again, then share.',
          );
        }
      }
    })();
  }

  private insertSent(share: NewSentShare): void {
    this.insertWithChildren(
      `INSERT INTO shares_sent (id, bundle_id, contact_id, contact_name, contact_fingerprint, title, file_name, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        share.id,
        share.bundleId,
        share.contactId,
        share.contactName,
        share.contactFingerprint,
        share.title,
        share.fileName,
        share.createdAt,
      ],
      'INSERT INTO share_items (share_id, ref, position, kind, source_id, title) VALUES (?, ?, ?, ?, ?, ?)',
      share.items.map((item, i) => [share.id, item.ref, i, item.kind, item.sourceId, item.title]),
    );
  }

  deleteSent(id: string): void {
    this.db.prepare('DELETE FROM shares_sent WHERE id = ?').run(id);
  }

  /** Newest first. */
  sentIds(): string[] {
    return this.db.prepare('SELECT id FROM shares_sent ORDER BY created_at DESC, rowid DESC').pluck().all() as string[];
  }

  sentRow(id: string): SentRow | undefined {
    return this.db.prepare('SELECT * FROM shares_sent WHERE id = ?').get(id) as SentRow | undefined;
  }

  sentWithBundleId(bundleId: string): SentRow | undefined {
    return this.db.prepare('SELECT * FROM shares_sent WHERE bundle_id = ?').get(bundleId) as SentRow | undefined;
  }

  /** In the order they were shared. */
  sentItems(shareId: string): SentShareItem[] {
    const items = this.db
      .prepare('SELECT ref, kind, source_id, title FROM share_items WHERE share_id = ? ORDER BY position')
      .all(shareId) as { ref: string; kind: ShareItemKind; source_id: string | null; title: string }[];
    return items.map((i) => ({ ref: i.ref, kind: i.kind, sourceId: i.source_id, title: i.title }));
  }

  sentRefs(shareId: string): Set<string> {
    return new Set(this.db.prepare('SELECT ref FROM share_items WHERE share_id = ?').pluck().all(shareId) as string[]);
  }

  // --- Feedback received ----------------------------------------------------------------------------------------

  recordFeedback(feedback: NewFeedback): void {
    // insertWithChildren's transaction nests inside this one (a savepoint): the record and the rows, or none.
    this.db.transaction(() => {
      this.rememberOpened(feedback.bundleId, 'feedback', feedback.importedAt);
      this.insertWithChildren(
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
  feedbackOn(shareId: string): FeedbackView[] {
    const rows = this.db
      .prepare(`SELECT * FROM feedback_received f WHERE share_id = ? ORDER BY ${newestFeedbackFirst('f')}`)
      .all(shareId) as { id: string; sender_name: string; created_at: string; imported_at: string; overall: string }[];
    return rows.map((f) => ({
      id: f.id,
      fromName: f.sender_name,
      createdAt: f.created_at,
      importedAt: f.imported_at,
      overall: f.overall,
      comments: this.byRef('SELECT ref, body FROM feedback_comments WHERE feedback_id = ?', f.id),
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

  // --- Shares received ------------------------------------------------------------------------------------------

  /**
   * When a bundle with this id was opened here before, if it was: from the record of opened bundles
   * (migration 0014), which outlives the share or feedback it brought, so a removed share stays opened.
   */
  importedAt(bundleId: string): string | undefined {
    return this.db.prepare('SELECT opened_at FROM opened_bundles WHERE bundle_id = ?').pluck().get(bundleId) as
      string | undefined;
  }

  recordReceived(share: NewReceivedShare, replies: readonly NewReceivedReply[] = []): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO shares_received (id, bundle_id, contact_id, sender_name, sender_fingerprint, title, items, created_at, imported_at, payload)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          share.id,
          share.bundleId,
          share.contactId,
          share.senderName,
          share.senderFingerprint,
          share.title,
          share.items,
          share.createdAt,
          share.importedAt,
          share.payload,
        );
      this.rememberOpened(share.bundleId, 'share', share.importedAt);
      // Replies already here were set aside beforehand (ReplyRoom.placeReplies): each of these is new, and a
      // clash here fails the whole import rather than being dropped unseen.
      const insert = this.db.prepare(
        `INSERT INTO feedback_replies (id, received_share_id, ref, body, created_at, received_in_bundle_id, received_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const r of replies) {
        insert.run(r.id, r.receivedShareId, r.ref, r.body, r.writtenAt, share.bundleId, share.importedAt);
      }
    })();
  }

  /** By sender, then newest first. */
  receivedIds(): string[] {
    return this.db
      .prepare('SELECT id FROM shares_received ORDER BY sender_name COLLATE NOCASE, created_at DESC, rowid DESC')
      .pluck()
      .all() as string[];
  }

  receivedRow(id: string): ReceivedRow | undefined {
    return this.db.prepare('SELECT * FROM shares_received WHERE id = ?').get(id) as ReceivedRow | undefined;
  }

  /** Comments on items (not the overall one) that say something. */
  itemCommentCount(shareId: string): number {
    return this.db
      .prepare("SELECT count(*) FROM share_comments WHERE share_id = ? AND ref <> '' AND body <> ''")
      .pluck()
      .get(shareId) as number;
  }

  /** The supervisor's comments by item reference; ref '' is the overall comment. */
  comments(shareId: string): Record<string, string> {
    return this.byRef('SELECT ref, body FROM share_comments WHERE share_id = ?', shareId);
  }

  saveComment(shareId: string, ref: string, body: string, updatedAt: string): void {
    this.db
      .prepare(
        `INSERT INTO share_comments (share_id, ref, body, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (share_id, ref) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
      )
      .run(shareId, ref, body, updatedAt);
  }

  deleteComment(shareId: string, ref: string): void {
    this.db.prepare('DELETE FROM share_comments WHERE share_id = ? AND ref = ?').run(shareId, ref);
  }

  markFeedbackSent(shareId: string, sentAt: string): void {
    this.db.prepare('UPDATE shares_received SET feedback_sent_at = ? WHERE id = ?').run(sentAt, shareId);
  }

  deleteReceived(id: string): void {
    this.db.prepare('DELETE FROM shares_received WHERE id = ?').run(id);
  }

  // --- Replies to comments (issue 18; migration 0016) --------------------------------------------------------

  /** Supervisee: the feedback a reply answers, with the share it was on. */
  feedbackRow(feedbackId: string): { id: string; share_id: string; overall: string; sender_name: string } | undefined {
    return this.db
      .prepare('SELECT id, share_id, overall, sender_name FROM feedback_received WHERE id = ?')
      .get(feedbackId) as { id: string; share_id: string; overall: string; sender_name: string } | undefined;
  }

  /** Supervisee: whether a share was sent before this vault's present card was made (see OwnReplyRow.earlier). */
  sentBeforeThisCard(shareId: string): boolean {
    return (
      this.db
        .prepare(
          `SELECT julianday(s.created_at) < julianday(me.created_at)
             FROM shares_sent s, identity me WHERE s.id = ? AND me.id = 1`,
        )
        .pluck()
        .get(shareId) === 1
    );
  }

  /** Supervisee: the comment on one item in one feedback, if there is one. */
  feedbackComment(feedbackId: string, ref: string): string | undefined {
    return this.db
      .prepare('SELECT body FROM feedback_comments WHERE feedback_id = ? AND ref = ?')
      .pluck()
      .get(feedbackId, ref) as string | undefined;
  }

  addReply(reply: { id: string; feedbackId: string; ref: string; body: string; createdAt: string }): void {
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
  ownReply(id: string): OwnReplyRow | undefined {
    return this.db.prepare(`${OWN_REPLIES} WHERE r.id = ?`).get(id) as OwnReplyRow | undefined;
  }

  deleteReply(id: string): void {
    this.db.prepare('DELETE FROM feedback_replies WHERE id = ?').run(id);
  }

  /** Supervisee: replies to the feedback on one share, oldest first. */
  repliesOnSent(shareId: string): ReplyView[] {
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
      .all(shareId) as {
      id: string;
      feedback_id: string;
      ref: string;
      body: string;
      created_at: string;
      sent_in_share_id: string | null;
      sent_title: string | null;
      sent_at: string | null;
    }[];
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
  waitingReplies(): OwnReplyRow[] {
    return this.db
      .prepare(
        `${OWN_REPLIES} WHERE r.feedback_id IS NOT NULL AND r.sent_in_share_id IS NULL ORDER BY r.created_at, r.rowid`,
      )
      .all() as OwnReplyRow[];
  }

  // --- Supervisor's side of replies -----------------------------------------------------------------------------

  /**
   * A received share, by its bundle id, as replies need it: who sent it, whether feedback went back, its item
   * references (read from the stored payload by SQLite, not parsed here) and the comments that say something.
   */
  replyTarget(bundleId: string): ReplyTarget | undefined {
    const row = this.db
      .prepare('SELECT id, sender_fingerprint, feedback_sent_at FROM shares_received WHERE bundle_id = ?')
      .get(bundleId) as { id: string; sender_fingerprint: string; feedback_sent_at: string | null } | undefined;
    if (!row) return undefined;
    const items = this.db
      .prepare(
        "SELECT json_extract(i.value, '$.ref') FROM shares_received s, json_each(s.payload, '$.items') i WHERE s.id = ?",
      )
      .pluck()
      .all(row.id) as string[];
    return {
      id: row.id,
      senderFingerprint: row.sender_fingerprint,
      feedbackSent: row.feedback_sent_at !== null,
      items: new Set(items),
      comments: this.commentRefs(row.id),
    };
  }

  /** What kind of bundle an id was opened as here, if it was: kept after what it brought is removed. */
  openedKind(bundleId: string): BundleKind | undefined {
    return this.db.prepare('SELECT kind FROM opened_bundles WHERE bundle_id = ?').pluck().get(bundleId) as
      BundleKind | undefined;
  }

  /** Any reply here with this id, on either side: where it is and what it says. */
  replyById(id: string): { received_share_id: string | null; ref: string; body: string } | undefined {
    return this.db.prepare('SELECT received_share_id, ref, body FROM feedback_replies WHERE id = ?').get(id) as
      { received_share_id: string | null; ref: string; body: string } | undefined;
  }

  /** Supervisor: the replies to their comments on one share, oldest first. */
  repliesOnReceived(shareId: string): ReceivedReply[] {
    const rows = this.db
      .prepare(
        `SELECT r.id, r.ref, r.body, r.created_at, r.received_at, s.sender_name
           FROM feedback_replies r JOIN shares_received s ON s.id = r.received_share_id
          WHERE r.received_share_id = ?
          ORDER BY r.created_at, r.rowid`,
      )
      .all(shareId) as {
      id: string;
      ref: string;
      body: string;
      created_at: string;
      received_at: string;
      sender_name: string;
    }[];
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
  repliesBroughtBy(bundleId: string): { shareId: string; shareTitle: string; count: number }[] {
    return this.db
      .prepare(
        `SELECT s.id AS shareId, s.title AS shareTitle, count(*) AS count
           FROM feedback_replies r JOIN shares_received s ON s.id = r.received_share_id
          WHERE r.received_in_bundle_id = ?
          GROUP BY s.id ORDER BY min(r.rowid)`,
      )
      .all(bundleId) as { shareId: string; shareTitle: string; count: number }[];
  }

  /** The item comments and the overall comment ('') on a received share that say something. */
  commentRefs(shareId: string): Set<string> {
    return new Set(
      this.db
        .prepare("SELECT ref FROM share_comments WHERE share_id = ? AND trim(body) <> ''")
        .pluck()
        .all(shareId) as string[],
    );
  }

  /** A bundle opened here, remembered after what it brought is removed; a second open of the id fails. */
  private rememberOpened(bundleId: string, kind: BundleKind, openedAt: string): void {
    this.db
      .prepare('INSERT INTO opened_bundles (bundle_id, kind, opened_at) VALUES (?, ?, ?)')
      .run(bundleId, kind, openedAt);
  }

  /** A row and its child rows (a share's items, a feedback's comments), in one transaction: all or none. */
  private insertWithChildren(sql: string, values: unknown[], childSql: string, children: unknown[][]): void {
    this.db.transaction(() => {
      this.db.prepare(sql).run(...values);
      const insert = this.db.prepare(childSql);
      for (const child of children) insert.run(...child);
    })();
  }

  /** Comments (`ref`, `body`) found by one id, as an object by reference. */
  private byRef(sql: string, id: string): Record<string, string> {
    return Object.fromEntries(
      (this.db.prepare(sql).all(id) as { ref: string; body: string }[]).map((c) => [c.ref, c.body]),
    );
  }
}
