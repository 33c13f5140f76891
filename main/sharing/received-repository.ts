/**
 * Shares this person has opened (a supervisor's side): each share, the comments written on it, the replies it
 * brought, and the record of bundles opened here (sharing's tables: ./sharing-repository.ts).
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ReceivedShareSummary } from '../../common/sharing/types';
import type { BundleKind } from './bundle-format';
import { byRef, rememberOpened } from './sharing-sql';

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

/** A share as it is stored once opened: from whom, and its payload as JSON. */
export type NewReceivedShare = Omit<ReceivedShareSummary, 'comments' | 'feedbackSentAt'> & {
  senderFingerprint: string;
  payload: string;
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

/** A received share, as placing replies under its comments needs it. */
export interface ReplyTarget {
  id: string;
  senderFingerprint: string;
  feedbackSent: boolean;
  items: Set<string>;
  comments: Set<string>;
}

export class ReceivedRepository {
  constructor(private readonly db: Database) {}

  /**
   * When a bundle with this id was opened here before, if it was: from the record of opened bundles
   * (migration 0014), which outlives the share or feedback it brought, so a removed share stays opened.
   */
  importedAt(bundleId: string): string | undefined {
    return this.db.prepare('SELECT opened_at FROM opened_bundles WHERE bundle_id = ?').pluck().get(bundleId) as
      string | undefined;
  }

  /** What kind of bundle an id was opened as here, if it was: kept after what it brought is removed. */
  openedKind(bundleId: string): BundleKind | undefined {
    return this.db.prepare('SELECT kind FROM opened_bundles WHERE bundle_id = ?').pluck().get(bundleId) as
      BundleKind | undefined;
  }

  record(share: NewReceivedShare, replies: readonly NewReceivedReply[] = []): void {
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
      rememberOpened(this.db, share.bundleId, 'share', share.importedAt);
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
  ids(): string[] {
    return this.db
      .prepare('SELECT id FROM shares_received ORDER BY sender_name COLLATE NOCASE, created_at DESC, rowid DESC')
      .pluck()
      .all() as string[];
  }

  row(id: string): ReceivedRow | undefined {
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
    return byRef(this.db, 'SELECT ref, body FROM share_comments WHERE share_id = ?', shareId);
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

  delete(id: string): void {
    this.db.prepare('DELETE FROM shares_received WHERE id = ?').run(id);
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
}
