/**
 * Supervisor: review. The shares this person was sent, as they arrived, and their comments on each item
 * (and overall) until the feedback is sealed back (feedback.ts).
 */
import { AppError } from '../../common/errors';
import {
  MAX_COMMENT_LENGTH,
  type ReceivedShare,
  type ReceivedShareSummary,
  type SharePayload,
} from '../../common/sharing/types';
import { refuse } from './sealing';
import type { ReceivedRow } from './received-repository';
import type { SharingRepository } from './sharing-repository';

export class ReviewRoom {
  constructor(
    private readonly repo: () => SharingRepository,
    private readonly now: () => Date,
  ) {}

  received(): ReceivedShareSummary[] {
    return this.repo()
      .received.ids()
      .map((id) => this.summary(id));
  }

  /** The received share's row: the one place a share that is gone is refused. */
  row(id: string): ReceivedRow {
    const row = this.repo().received.row(id);
    if (!row) throw new AppError('NOT_FOUND', 'That share is no longer here.');
    return row;
  }

  summary(id: string): ReceivedShareSummary {
    return this.summaryOf(this.row(id));
  }

  private summaryOf(row: ReceivedRow): ReceivedShareSummary {
    return {
      id: row.id,
      bundleId: row.bundle_id,
      contactId: row.contact_id,
      senderName: row.sender_name,
      title: row.title,
      items: row.items,
      createdAt: row.created_at,
      importedAt: row.imported_at,
      comments: this.repo().received.itemCommentCount(row.id),
      feedbackSentAt: row.feedback_sent_at,
    };
  }

  receivedShare(id: string): ReceivedShare {
    return this.shareOf(this.row(id));
  }

  /** The share as the window shows it, from a row already found. */
  shareOf(row: ReceivedRow): ReceivedShare {
    const payload = JSON.parse(row.payload) as SharePayload;
    const { '': overall = '', ...comments } = this.repo().received.comments(row.id);
    const repo = this.repo();
    return {
      summary: this.summaryOf(row),
      preparedOn: payload.preparedOn,
      items: payload.items,
      comments,
      overall,
      replies: repo.replies.onReceived(row.id),
      broughtReplies: repo.replies.broughtBy(row.bundle_id),
    };
  }

  /** Saves a comment on one item, or the overall comment (ref null); an empty comment is removed. */
  saveComment(shareId: string, ref: string | null, body: string): ReceivedShare {
    const row = this.row(shareId);
    if (body.length > MAX_COMMENT_LENGTH) {
      throw refuse('A comment can be up to 20,000 characters. Please shorten it or split it across items.');
    }
    if (ref !== null && !(JSON.parse(row.payload) as SharePayload).items.some((i) => i.ref === ref)) {
      throw new AppError('NOT_FOUND', 'That item is not in this share.');
    }
    const key = ref ?? '';
    if (body.trim()) {
      this.repo().received.saveComment(shareId, key, body, this.now().toISOString());
    } else {
      this.repo().received.deleteComment(shareId, key);
    }
    // The row itself is unchanged by a comment: only the comments are read again.
    return this.shareOf(row);
  }

  removeReceived(id: string): void {
    this.repo().received.delete(id);
  }
}
