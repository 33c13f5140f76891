/**
 * Replies to a supervisor's comments (issue 18): the conversation, both ways round.
 *
 * The supervisee writes a reply under any comment in feedback they received. It waits here until their next
 * share to that supervisor: chosen in Export ("my replies to …"), it becomes part of the document, so it is
 * checked for identifying details, settled and previewed exactly as everything else that leaves, and travels
 * in the share's `replies` (docs/bundle-format.md). On the supervisor's side, opening that share threads each
 * reply under their own comment on the earlier share (opening's: open.ts, with `placeReplies` here).
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../common/errors';
import { longDate } from '../../common/export/html';
import type { Block, ExportDocument, ExportSection, Inlines } from '../../common/export/types';
import {
  MAX_COMMENT_LENGTH,
  type SharePayload,
  type ShareReply,
  type WaitingReplies,
} from '../../common/sharing/types';
import { dayOf, localTimeZone } from '../../common/supervision/hours';
import type { IdentityService } from './identity';
import { refuse } from './sealing';
import type { NewReceivedReply, OwnReplyRow, SharingRepository } from './sharing-repository';

/** A reply's text as paragraphs: a blank line parts them, a single line break stays one. */
export function replyBlocks(body: string): Block[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim())
    .map((p) => ({
      type: 'paragraph' as const,
      content: p.split('\n').flatMap((line, i): Inlines => (i ? [{ text: '\n' }, { text: line }] : [{ text: line }])),
    }));
}

/** The text of a reply's paragraphs as settled for sharing (redacted or stood in where the person chose). */
export function replyText(blocks: readonly Block[]): string {
  return blocks
    .map((b) => (b.type === 'paragraph' ? b.content.map((r) => r.text).join('') : ''))
    .filter((p) => p.trim())
    .join('\n\n');
}

export class ReplyRoom {
  constructor(
    private readonly repo: () => SharingRepository,
    private readonly identity: IdentityService,
    private readonly now: () => Date,
  ) {}

  // --- Supervisee ----------------------------------------------------------------------------------------------

  /** A reply under a comment in feedback this person received (ref null: the overall comment). */
  addReply(feedbackId: string, ref: string | null, body: string): void {
    const repo = this.repo();
    const feedback = repo.feedbackRow(feedbackId);
    if (!feedback) throw new AppError('NOT_FOUND', 'That feedback is no longer in your records.');
    const comment = ref === null ? feedback.overall : repo.feedbackComment(feedbackId, ref);
    if (!comment?.trim()) throw new AppError('NOT_FOUND', 'That comment is not in this feedback.');
    const text = body.replace(/\r\n?/g, '\n').trim();
    if (!text) throw refuse('Please write your reply first.');
    if (text.length > MAX_COMMENT_LENGTH) {
      throw refuse('A reply can be up to 20,000 characters. Please shorten it, or say the rest in supervision.');
    }
    repo.addReply({ id: randomUUID(), feedbackId, ref: ref ?? '', body: text, createdAt: this.now().toISOString() });
  }

  /** Takes back a reply that has not gone yet; one that has stays, as a record of what was sent. */
  removeReply(id: string): void {
    const repo = this.repo();
    const reply = repo.ownReply(id);
    if (!reply) throw new AppError('NOT_FOUND', 'That reply is no longer here.');
    if (reply.sent_in_share_id !== null) {
      throw refuse(
        `This reply has already gone to ${reply.contact_name}, so it stays here as a record of what you sent.`,
      );
    }
    repo.deleteReply(id);
  }

  /** Replies waiting for a share, by the person they go to. */
  waiting(): WaitingReplies[] {
    const by = new Map<string, WaitingReplies>();
    for (const r of this.repo().waitingReplies()) {
      const entry = by.get(r.contact_fingerprint);
      if (entry) entry.count += 1;
      else {
        const contact = this.identity.withFingerprint(r.contact_fingerprint);
        by.set(r.contact_fingerprint, {
          contactId: contact?.id ?? null,
          contactName: contact?.name ?? r.contact_name,
          count: 1,
        });
      }
    }
    return [...by.values()];
  }

  /** The replies waiting for `contactId`, as sections of the export: checked, settled and previewed as the rest. */
  sections(contactId: string): ExportSection[] {
    const fingerprint = this.fingerprintOf(contactId);
    return this.repo()
      .waitingReplies()
      .filter((r) => r.contact_fingerprint === fingerprint)
      .map((r) => ({
        kind: 'replies' as const,
        sourceId: r.id,
        title: [{ text: 'Reply to a comment' }],
        // Ours, and never checked or sent: only the reply's own words leave, with a reference to the comment.
        meta: `To ${r.from_name}’s ${r.ref ? `comment on “${r.item_title || 'an item'}”` : 'overall comment'} in “${r.share_title}” · written ${longDate(dayOf(r.created_at, localTimeZone()))}`,
        blocks: replyBlocks(r.body),
        clientMaterial: false,
      }));
  }

  /**
   * The replies a settled document carries, as the share's `replies`, for the person it is sealed to: each
   * must still be waiting, and be to a comment from that person.
   */
  forShare(doc: ExportDocument, recipientFingerprint: string, recipientName: string): ShareReply[] {
    const repo = this.repo();
    return doc.sections
      .filter((s) => s.kind === 'replies')
      .map((section) => {
        const row: OwnReplyRow | undefined = repo.ownReply(section.sourceId);
        if (!row || row.sent_in_share_id !== null) {
          throw new AppError(
            'CHANGED',
            'One of your replies has been sent or taken back since the check. Please check again, then share.',
          );
        }
        if (row.contact_fingerprint !== recipientFingerprint) {
          throw refuse(
            `Your replies here are to ${row.contact_name}’s comments, so they can only go to ${row.contact_name}, not ${recipientName}. Please share with ${row.contact_name}, or leave the replies out. Nothing was sealed.`,
          );
        }
        return {
          id: row.id,
          share: row.share_bundle_id,
          ref: row.ref || null,
          body: replyText(section.blocks),
          writtenAt: row.created_at,
        };
      });
  }

  private fingerprintOf(contactId: string): string {
    const fingerprint = this.identity.fingerprintHexOf(contactId);
    if (!fingerprint) throw new AppError('NOT_FOUND', 'That person is no longer among the people you share with.');
    return fingerprint;
  }

  // --- Supervisor ----------------------------------------------------------------------------------------------

  /**
   * Where the replies in a share from `senderFingerprint` belong: each under the supervisor's own comment on an
   * earlier share from the same person, sent back to them as feedback. A reference to a share from someone else,
   * to a share never opened here, to an item that share did not hold, or to a share no feedback went back on,
   * cannot be a reply to anything this person sent: the whole share is refused. A share since removed, or a
   * comment since cleared, leaves the reply with nowhere to go: it is left out, and the person told why.
   */
  placeReplies(
    replies: readonly ShareReply[],
    senderFingerprint: string,
    senderName: string,
  ): { place: NewReceivedReply[]; leftOut: number; why: string | null } {
    const repo = this.repo();
    const place: NewReceivedReply[] = [];
    let removed = 0;
    let cleared = 0;
    const wrong = () =>
      refuse(
        `This share holds replies to comments you did not send to ${senderName}, so it cannot be put beside your feedback. Nothing was added. Please ask ${senderName} to share it again.`,
      );
    for (const reply of replies) {
      const share = repo.receivedWithBundleId(reply.share);
      if (!share) {
        // Opened here once and removed since: the conversation's other half is gone.
        if (repo.importedAt(reply.share) !== undefined) {
          removed += 1;
          continue;
        }
        throw wrong();
      }
      if (share.sender_fingerprint !== senderFingerprint || share.feedback_sent_at === null) throw wrong();
      const ref = reply.ref ?? '';
      if (ref && !(JSON.parse(share.payload) as SharePayload).items.some((i) => i.ref === ref)) throw wrong();
      if (!repo.commentRefs(share.id).has(ref)) {
        cleared += 1;
        continue;
      }
      place.push({ id: reply.id, receivedShareId: share.id, ref, body: reply.body, writtenAt: reply.writtenAt });
    }
    const leftOut = removed + cleared;
    const why = !leftOut
      ? null
      : removed && cleared
        ? `${leftOut} of ${senderName}’s replies were about shares you have removed, or comments you have since cleared, so there was nothing to put them under.`
        : removed
          ? `${removed === 1 ? 'One reply' : `${removed} replies`} from ${senderName} ${removed === 1 ? 'was' : 'were'} about a share you have removed, so there was nothing to put ${removed === 1 ? 'it' : 'them'} under.`
          : `${cleared === 1 ? 'One reply' : `${cleared} replies`} from ${senderName} ${cleared === 1 ? 'was' : 'were'} to a comment you have since cleared, so there was nothing to put ${cleared === 1 ? 'it' : 'them'} under.`;
    return { place, leftOut, why };
  }
}
