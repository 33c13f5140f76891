/** The shares this person has sealed and sent: their records and items in order (sharing's tables: ./sharing-repository.ts). */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../common/errors';
import type { SentShare, SentShareItem, ShareItemKind } from '../../common/sharing/types';
import { insertWithChildren } from './sharing-sql';

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

/** A share as it is recorded once sealed: to whom (and their keys' fingerprint), and its items in order. */
export type NewSentShare = Omit<SentShare, 'feedback' | 'replies' | 'earlierCard'> & { contactFingerprint: string };

export class SentRepository {
  constructor(private readonly db: Database) {}

  record(share: NewSentShare, replyIds: readonly string[] = []): void {
    this.db.transaction(() => {
      this.insert(share);
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

  private insert(share: NewSentShare): void {
    insertWithChildren(
      this.db,
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

  delete(id: string): void {
    this.db.prepare('DELETE FROM shares_sent WHERE id = ?').run(id);
  }

  /** Newest first. */
  ids(): string[] {
    return this.db.prepare('SELECT id FROM shares_sent ORDER BY created_at DESC, rowid DESC').pluck().all() as string[];
  }

  row(id: string): SentRow | undefined {
    return this.db.prepare('SELECT * FROM shares_sent WHERE id = ?').get(id) as SentRow | undefined;
  }

  withBundleId(bundleId: string): SentRow | undefined {
    return this.db.prepare('SELECT * FROM shares_sent WHERE bundle_id = ?').get(bundleId) as SentRow | undefined;
  }

  /** In the order they were shared. */
  items(shareId: string): SentShareItem[] {
    const items = this.db
      .prepare('SELECT ref, kind, source_id, title FROM share_items WHERE share_id = ? ORDER BY position')
      .all(shareId) as { ref: string; kind: ShareItemKind; source_id: string | null; title: string }[];
    return items.map((i) => ({ ref: i.ref, kind: i.kind, sourceId: i.source_id, title: i.title }));
  }

  refs(shareId: string): Set<string> {
    return new Set(this.db.prepare('SELECT ref FROM share_items WHERE share_id = ?').pluck().all(shareId) as string[]);
  }

  /** Supervisee: whether a share was sent before this vault's present card was made (see OwnReplyRow.earlier). */
  beforeThisCard(shareId: string): boolean {
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
}
