/**
 * Sharing with a supervisor, and feedback back (issue 7).
 *
 * The supervisee seals the settled, de-identified export to a verified contact; each item gets a random
 * reference made for that share, and only this vault knows which entry or agenda item it stands for. The
 * supervisor imports the bundle (verified, decrypted, validated, stored whole or not at all), comments,
 * and seals the comments back; the supervisee's vault maps the references home, so the comments appear
 * beside the entries and agenda items they are about.
 *
 * One room a capability, each deciding and leaving the SQL to the repositories (sharing-repository.ts):
 * - share.ts: seal and record a sent share;
 * - open.ts: import a received bundle, and the file the system hands over;
 * - review.ts: received shares and their comments;
 * - feedback.ts: seal feedback, and the comments that came back on the person's own things.
 * The bundle file itself is bundle.ts's; the keys that seal and open, sealing.ts's.
 */
import type { ExportDocument, ExportSection } from '../../common/export/types';
import type {
  FeedbackComment,
  ImportResult,
  PendingOpen,
  ReceivedShare,
  ReceivedShareSummary,
  SentShare,
  WaitingReplies,
} from '../../common/sharing/types';
import type { Vault } from '../vault/vault';
import { FeedbackRoom } from './feedback';
import type { IdentityService } from './identity';
import { OpenRoom } from './open';
import { ReplyRoom } from './replies';
import { ReviewRoom } from './review';
import { SharingKeys } from './sealing';
import { ShareRoom } from './share';
import { sharingRepository } from './sharing-repository';

export { bundleFileName, bundlePathsIn } from './files';
export { type ShareSource, shareItemsOf } from './share';

export class SharingService {
  private readonly shares: ShareRoom;
  private readonly opening: OpenRoom;
  private readonly review: ReviewRoom;
  private readonly feedback: FeedbackRoom;
  private readonly replies: ReplyRoom;

  constructor(vault: Vault, identity: IdentityService, now: () => Date = () => new Date()) {
    const repo = sharingRepository(vault);
    const keys = new SharingKeys(identity);
    this.review = new ReviewRoom(repo, now);
    this.replies = new ReplyRoom(repo, identity, now);
    this.shares = new ShareRoom(repo, keys, this.replies, now);
    this.opening = new OpenRoom(vault, repo, keys, identity, this.review, this.replies, now);
    this.feedback = new FeedbackRoom(repo, keys, identity, this.review, now);
  }

  // --- Supervisee: share --------------------------------------------------------------------------------------

  /** Seals the settled export to a verified contact; `record` keeps it once the place to save is chosen. */
  sealShare(doc: ExportDocument, contactId: string) {
    return this.shares.sealShare(doc, contactId);
  }

  /** Takes back a share's record (its file could not be written). */
  forgetShare(id: string): void {
    this.shares.forgetShare(id);
  }

  /** Everything this person has shared, newest first, with any feedback that came back. */
  sent(): SentShare[] {
    return this.shares.sent();
  }

  sentShare(id: string): SentShare {
    return this.shares.sentShare(id);
  }

  /**
   * The supervisor's comments on one of the person's own entries, agenda items or sessions: from the newest
   * feedback on each share it was in, newest share first.
   */
  feedbackFor(sourceId: string): FeedbackComment[] {
    return this.feedback.feedbackFor(sourceId);
  }

  // --- Supervisee: replies to comments (issue 18) -------------------------------------------------------------

  /** A reply under a comment in feedback received (ref null: the overall comment); it waits for the next share. */
  addReply(feedbackId: string, ref: string | null, body: string): SentShare {
    this.replies.addReply(feedbackId, ref, body);
    return this.sentShareOfFeedback(feedbackId);
  }

  /** Takes back a reply that has not gone yet. */
  removeReply(id: string): void {
    this.replies.removeReply(id);
  }

  /** Replies waiting for a share, by the person they go to. */
  waitingReplies(): WaitingReplies[] {
    return this.replies.waiting();
  }

  /** The replies waiting for one person, as sections of an export (checked and previewed with the rest). */
  replySections(contactId: string): ExportSection[] {
    return this.replies.sections(contactId);
  }

  private sentShareOfFeedback(feedbackId: string): SentShare {
    return this.shares.sentShareOfFeedback(feedbackId);
  }

  // --- Opening a bundle ---------------------------------------------------------------------------------------

  /** Reads a bundle file: never more than the cap, whatever the file claims its size is. */
  importFile(filePath: string): Promise<ImportResult> {
    return this.opening.importFile(filePath);
  }

  /** Verifies, decrypts and stores a bundle whole, or refuses it and changes nothing. */
  importBytes(bytes: Uint8Array): Promise<ImportResult> {
    return this.opening.importBytes(bytes);
  }

  // --- Supervisor: review and feedback ------------------------------------------------------------------------

  received(): ReceivedShareSummary[] {
    return this.review.received();
  }

  receivedShare(id: string): ReceivedShare {
    return this.review.receivedShare(id);
  }

  /** Saves a comment on one item, or the overall comment (ref null); an empty comment is removed. */
  saveComment(shareId: string, ref: string | null, body: string): ReceivedShare {
    return this.review.saveComment(shareId, ref, body);
  }

  /** Seals the comments back to the person who shared; marks it sent once the file is written. */
  sealFeedback(shareId: string) {
    return this.feedback.sealFeedback(shareId);
  }

  removeReceived(id: string): void {
    this.review.removeReceived(id);
  }

  // --- Opened from the system (file association) --------------------------------------------------------------

  /** The system asked Holding to open a file: held until the person is ready and says yes. */
  requestOpen(filePath: string): void {
    this.opening.requestOpen(filePath);
  }

  onOpenRequest(listener: () => void): () => void {
    return this.opening.onOpenRequest(listener);
  }

  pending(): PendingOpen | null {
    return this.opening.pending();
  }

  /** "Not now" to the request the person saw; a newer one, handed over meanwhile, keeps waiting. */
  dismissPending(id: string): void {
    this.opening.dismissPending(id);
  }

  /** "Open it" to the request the person saw: never to a different file handed over while they decided. */
  importPending(id: string): Promise<ImportResult> {
    return this.opening.importPending(id);
  }
}
