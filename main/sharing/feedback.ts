/**
 * Feedback, both ways round. The supervisor seals their comments back to the person who shared; the
 * supervisee's vault maps the references home, so the comments appear beside the entries and agenda items
 * they are about (storing feedback that arrives is opening's: open.ts).
 */
import type { FeedbackComment, FeedbackPayload } from '../../common/sharing/types';
import { sealBundle } from './bundle';
import { sharingReady } from './card';
import type { IdentityService } from './identity';
import type { ReviewRoom } from './review';
import { refuse, type SharingKeys, withKeys } from './sealing';
import type { SharingRepository } from './sharing-repository';

export class FeedbackRoom {
  constructor(
    private readonly repo: () => SharingRepository,
    private readonly keys: SharingKeys,
    private readonly identity: IdentityService,
    private readonly review: ReviewRoom,
    private readonly now: () => Date,
  ) {}

  /** Seals the comments back to the person who shared; marks it sent once the file is written. */
  async sealFeedback(shareId: string) {
    await sharingReady();
    const me = this.keys.me();
    const row = this.review.row(shareId);
    const share = this.review.shareOf(row);
    const comments = Object.entries(share.comments)
      .filter(([, body]) => body.trim())
      .map(([ref, body]) => ({ ref, body }));
    if (!comments.length && !share.overall.trim()) {
      throw refuse('Please write at least one comment before sending feedback.');
    }
    // By the keys it came from: a contact removed and added again is still the same person.
    const contact = this.identity.withFingerprint(row.sender_fingerprint);
    const recipient = this.keys.recipient(contact?.id ?? null);
    const payload: FeedbackPayload = {
      type: 'holding.feedback.v1',
      inReplyTo: row.bundle_id,
      overall: share.overall,
      comments,
    };
    const bundle = withKeys(me, (sender) =>
      sealBundle({
        kind: 'feedback',
        sender,
        recipient,
        payload: new TextEncoder().encode(JSON.stringify(payload)),
        createdAt: this.now().toISOString(),
      }),
    );
    const record = () => {
      this.repo().received.markFeedbackSent(shareId, this.now().toISOString());
      return this.review.summary(shareId);
    };
    return { bundle, record, recipientName: recipient.name };
  }

  /**
   * The supervisor's comments on one of the person's own entries, agenda items or sessions: from the newest
   * feedback on each share it was in, newest share first.
   */
  feedbackFor(sourceId: string): FeedbackComment[] {
    return this.repo().feedback.commentsOn(sourceId);
  }
}
