/**
 * Opening a received bundle: verified, decrypted, validated, and stored whole or not at all; a share for
 * review (review.ts), feedback beside the share it answers. A file the system hands over (file association)
 * waits here until the person says yes.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { AppError, LockedError } from '../../common/errors';
import { longDate } from '../../common/export/html';
import { itemCount } from '../../common/export/items';
import {
  type FeedbackPayload,
  feedbackPayloadSchema,
  type ImportResult,
  type PendingOpen,
  sharePayloadSchema,
} from '../../common/sharing/types';
import { dayOf, localTimeZone } from '../../common/supervision/hours';
import { readCapped } from '../fs/read-capped';
import type { Vault } from '../vault/vault';
import { type BundleHeader, BundleError, BUNDLE_VERSION_WITH_REPLIES, MAX_BUNDLE_BYTES } from './bundle-format';
import { openBundle, type OpenedBundle } from './bundle-open';
import { fingerprintHex, sharingReady } from './card';
import { isBundleFile } from './files';
import type { IdentityService } from './identity';
import type { ReplyRoom } from './replies';
import type { ReviewRoom } from './review';
import { parsePayload, refuse, type SharingKeys, withKeys } from './sealing';
import type { SharingRepository } from './sharing-repository';

/** The confirmed contact a bundle came from, with the hex fingerprint of their keys. */
interface SenderContact {
  id: string;
  name: string;
  fingerprint: string;
}

/** A sound file from someone not (yet) confirmed: the person can put that right and open it again. */
class SenderNotConfirmed extends AppError {
  constructor(message: string) {
    super('INVALID_INPUT', message);
  }
}

export class OpenRoom {
  /** The file the system handed over, and the name of this request: a yes or a no answers only it. */
  private waiting: { id: string; path: string } | null = null;
  private readonly pendingListeners = new Set<() => void>();

  constructor(
    private readonly vault: Vault,
    private readonly repo: () => SharingRepository,
    private readonly keys: SharingKeys,
    private readonly identity: IdentityService,
    private readonly review: ReviewRoom,
    private readonly replies: ReplyRoom,
    private readonly now: () => Date,
  ) {}

  // --- Opening a bundle ---------------------------------------------------------------------------------------

  /** Reads a bundle file: never more than the cap, whatever the file claims its size is. */
  async importFile(filePath: string): Promise<ImportResult> {
    const bytes = await readCapped(filePath, MAX_BUNDLE_BYTES, () => new BundleError('too-large'));
    return this.importBytes(bytes);
  }

  /** Verifies, decrypts and stores a bundle whole, or refuses it and changes nothing. */
  async importBytes(bytes: Uint8Array): Promise<ImportResult> {
    await sharingReady();
    const me = this.keys.me();
    let sender: SenderContact | null = null;
    // The sender is checked as soon as the header is read, before the signature and decryption.
    const opened = withKeys(me, (mine) => openBundle(bytes, mine, (header) => (sender = this.senderContact(header))));
    const contact: SenderContact = sender!;
    const earlier = this.repo().received.importedAt(opened.header.bundleId);
    if (earlier !== undefined) {
      throw refuse(
        `You have already opened this file, on ${longDate(dayOf(earlier, localTimeZone()))}. Nothing was changed.`,
      );
    }
    return opened.kind === 'share' ? this.storeShare(opened, contact) : this.storeFeedback(opened, contact);
  }

  /** The sender must be a contact whose fingerprint the person has confirmed. */
  private senderContact(header: BundleHeader): SenderContact {
    const fingerprint = fingerprintHex(header.sender);
    const contact = this.identity.withFingerprint(fingerprint);
    // The name in the header is the sender's own claim: not repeated, since anyone can write anything there.
    if (!contact) {
      throw new SenderNotConfirmed(
        'This file comes from someone whose card is not among the people you share with. If you were expecting it, add their card and compare fingerprints with them, then open the file again. Nothing was added.',
      );
    }
    if (!contact.verified) {
      throw new SenderNotConfirmed(
        `You have added ${contact.name}’s card but not yet confirmed the fingerprint with them. Please compare it, confirm, then open the file again. Nothing was added.`,
      );
    }
    return { id: contact.id, name: contact.name, fingerprint };
  }

  private storeShare(opened: OpenedBundle, contact: SenderContact): ImportResult {
    const { replies, ...payload } = parsePayload(opened.payload, sharePayloadSchema);
    // Replies travel only in version 2, and version 2 always carries them: anything else is not a file Holding made.
    if ((replies !== undefined) !== (opened.version === BUNDLE_VERSION_WITH_REPLIES)) {
      throw new BundleError('malformed');
    }
    // Replies to this person's comments on earlier shares: each threaded under its comment, or refused.
    const placed = this.replies.placeReplies(replies ?? [], contact.fingerprint, contact.name);
    const id = randomUUID();
    this.repo().received.record(
      {
        id,
        bundleId: opened.header.bundleId,
        contactId: contact.id,
        senderName: contact.name,
        senderFingerprint: contact.fingerprint,
        title: payload.title || 'Untitled',
        items: itemCount(payload.items),
        createdAt: opened.header.createdAt,
        importedAt: this.now().toISOString(),
        payload: JSON.stringify(payload),
      },
      placed.place,
    );
    return {
      kind: 'share',
      share: this.review.summary(id),
      replies: { added: placed.place.length, leftOut: placed.leftOut, why: placed.why },
    };
  }

  private storeFeedback(opened: OpenedBundle, contact: SenderContact): ImportResult {
    const payload: FeedbackPayload = parsePayload(opened.payload, feedbackPayloadSchema);
    const repo = this.repo();
    const share = repo.sent.withBundleId(payload.inReplyTo);
    if (!share) {
      throw refuse(
        'This feedback is about something that was not shared from this Holding, so there is nothing to put it beside. Nothing was imported.',
      );
    }
    if (share.contact_fingerprint !== contact.fingerprint) {
      throw refuse(
        `This feedback comes from ${contact.name}, but that share went to ${share.contact_name}. Nothing was imported.`,
      );
    }
    const refs = repo.sent.refs(share.id);
    if (payload.comments.some((c) => !refs.has(c.ref))) {
      throw refuse(
        `This feedback refers to things that were not in what you shared with ${share.contact_name}, so it cannot be put beside your entries. Nothing was imported.`,
      );
    }
    const id = randomUUID();
    repo.feedback.record({
      id,
      bundleId: opened.header.bundleId,
      shareId: share.id,
      fromName: contact.name,
      // The sender's time, written as Holding writes its own (UTC), so it orders beside the arrival time.
      createdAt: new Date(opened.header.createdAt).toISOString(),
      importedAt: this.now().toISOString(),
      overall: payload.overall,
      comments: payload.comments,
    });
    return {
      kind: 'feedback',
      shareId: share.id,
      shareTitle: share.title,
      fromName: contact.name,
      comments: payload.comments.length + (payload.overall.trim() ? 1 : 0),
    };
  }

  // --- Opened from the system (file association) ------------------------------------------------------------

  /** The system asked Holding to open a file: held until the person is ready and says yes. */
  requestOpen(filePath: string): void {
    if (!isBundleFile(filePath)) return;
    this.waiting = { id: randomUUID(), path: filePath };
    for (const listener of this.pendingListeners) listener();
  }

  onOpenRequest(listener: () => void): () => void {
    this.pendingListeners.add(listener);
    return () => this.pendingListeners.delete(listener);
  }

  pending(): PendingOpen | null {
    return this.waiting ? { id: this.waiting.id, fileName: path.basename(this.waiting.path) } : null;
  }

  /** "Not now" to the request the person saw; a newer one, handed over meanwhile, keeps waiting. */
  dismissPending(id: string): void {
    if (this.waiting?.id === id) this.waiting = null;
  }

  /** "Open it" to the request the person saw: never to a different file handed over while they decided. */
  async importPending(id: string): Promise<ImportResult> {
    const target = this.waiting;
    if (!target) throw new AppError('NOT_FOUND', 'There is no file waiting to be opened.');
    if (target.id !== id) {
      throw new AppError(
        'NOT_FOUND',
        `Another file, “${path.basename(target.path)}”, was handed to Holding as you answered, so nothing was opened. Holding asks about that one now.`,
      );
    }
    // Locked meanwhile: the file keeps waiting, to be asked about again after unlocking.
    if (!this.vault.isUnlocked()) throw new LockedError();
    this.waiting = null;
    try {
      return await this.importFile(target.path);
    } catch (error) {
      // From someone not yet confirmed: the file keeps waiting (unless another was handed over meanwhile),
      // and the window asks again once the person has compared fingerprints and confirmed.
      if (!(error instanceof SenderNotConfirmed)) throw error;
      this.waiting ??= target;
      throw new AppError(
        error.code,
        `${error.message} Holding keeps “${path.basename(target.path)}” ready, and asks you again once you have confirmed them.`,
      );
    }
  }
}
