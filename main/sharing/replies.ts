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
  MAX_REPLIES_PER_COMMENT,
  ONE_SHARE_CARRIES,
  sentUnderEarlierCard,
  type ShareReply,
  type WaitingReplies,
} from '../../common/sharing/types';
import { dayOf, localTimeZone } from '../../common/supervision/hours';
import type { IdentityService } from './identity';
import { refuse } from './sealing';
import type { NewReceivedReply, ReplyTarget } from './received-repository';
import type { OwnReplyRow } from './reply-repository';
import type { SharingRepository } from './sharing-repository';

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

/**
 * What one share carries of `replies`, given oldest first (as the repository lists them): at most
 * MAX_REPLIES_PER_COMMENT under each comment (its earlier share and ref). `waitingAfter` names, by the last
 * reply carried under a comment, how many under it are left for a later share.
 */
function oneShareOf<R extends { id: string }>(
  replies: readonly R[],
  commentOf: (reply: R) => { share: string; ref: string },
): { carried: R[]; waitingAfter: Map<string, number> } {
  const under = new Map<string, { count: number; last: string }>();
  const left = new Map<string, number>();
  const carried = replies.filter((reply) => {
    const { share, ref } = commentOf(reply);
    const key = `${share} ${ref}`;
    const seen = under.get(key) ?? { count: 0, last: '' };
    under.set(key, seen);
    if (seen.count >= MAX_REPLIES_PER_COMMENT) {
      left.set(key, (left.get(key) ?? 0) + 1);
      return false;
    }
    seen.count += 1;
    seen.last = reply.id;
    return true;
  });
  const waitingAfter = new Map<string, number>();
  for (const [key, count] of left) waitingAfter.set(under.get(key)!.last, count);
  return { carried, waitingAfter };
}

/** The comment a waiting reply answers, for oneShareOf. */
const commentOf = (r: { share_bundle_id: string; ref: string }) => ({ share: r.share_bundle_id, ref: r.ref });

/** Said under the last reply a share carries under a comment, when more under it wait for the next. */
function laterNote(later: number): string {
  return `${later === 1 ? 'One more reply' : `${later} more replies`} under this comment will wait safely for your next share (${ONE_SHARE_CARRIES}, oldest first)`;
}

/** Why a reply to a share sent under an earlier card (a journal brought from another computer) cannot go. */
const EARLIER_CARD = (name: string) => `That share was ${sentUnderEarlierCard(name)}`;

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
    const feedback = repo.feedback.row(feedbackId);
    if (!feedback) throw new AppError('NOT_FOUND', 'That feedback is no longer in your records.');
    const comment = ref === null ? feedback.overall : repo.feedback.comment(feedbackId, ref);
    if (!comment?.trim()) throw new AppError('NOT_FOUND', 'That comment is not in this feedback.');
    if (repo.sent.beforeThisCard(feedback.share_id)) throw refuse(EARLIER_CARD(feedback.sender_name));
    const text = body.replace(/\r\n?/g, '\n').trim();
    if (!text) throw refuse('Please write your reply first.');
    if (text.length > MAX_COMMENT_LENGTH) {
      throw refuse('A reply can be up to 20,000 characters. Please shorten it, or say the rest in supervision.');
    }
    // As many as one share carries under a comment (the supervisor's Holding refuses more), so the next always fits.
    if (repo.replies.waitingUnder(feedback.share_id, ref ?? '') >= MAX_REPLIES_PER_COMMENT) {
      throw refuse(
        `You have ${MAX_REPLIES_PER_COMMENT} replies under this comment waiting for your next share to ${feedback.sender_name}, which is as many as one share can carry. Please share those first, or take one back and add what you wanted to say to it.`,
      );
    }
    repo.replies.add({ id: randomUUID(), feedbackId, ref: ref ?? '', body: text, createdAt: this.now().toISOString() });
  }

  /** Takes back a reply that has not gone yet; one that has stays, as a record of what was sent. */
  removeReply(id: string): void {
    const repo = this.repo();
    const reply = repo.replies.own(id);
    if (!reply) throw new AppError('NOT_FOUND', 'That reply is no longer here.');
    if (reply.sent_in_share_id !== null) {
      throw refuse(
        `This reply has already gone to ${reply.contact_name}, so it stays here as a record of what you sent.`,
      );
    }
    repo.replies.delete(id);
  }

  /** Replies waiting for a share, by the person they go to. */
  waiting(): WaitingReplies[] {
    const by = new Map<string, WaitingReplies>();
    const sendable = new Map<string, OwnReplyRow[]>();
    for (const r of this.repo().replies.waiting()) {
      let entry = by.get(r.contact_fingerprint);
      if (!entry) {
        const contact = this.identity.withFingerprint(r.contact_fingerprint);
        entry = {
          contactId: contact?.id ?? null,
          contactName: contact?.name ?? r.contact_name,
          count: 0,
          nextShare: 0,
          earlier: 0,
        };
        by.set(r.contact_fingerprint, entry);
        sendable.set(r.contact_fingerprint, []);
      }
      if (r.earlier) entry.earlier += 1;
      else {
        entry.count += 1;
        sendable.get(r.contact_fingerprint)!.push(r);
      }
    }
    for (const [fingerprint, entry] of by) {
      entry.nextShare = oneShareOf(sendable.get(fingerprint)!, commentOf).carried.length;
    }
    return [...by.values()];
  }

  /**
   * The replies waiting for `contactId`, as sections of the export: checked, settled and previewed as the rest.
   * At most MAX_REPLIES_PER_COMMENT under any one comment, oldest first (what one share can carry: more can be
   * waiting in a journal from before the cap, or added while a share was being saved); the rest wait for the
   * next share, and the last reply carried under that comment says so in the preview.
   */
  sections(contactId: string): ExportSection[] {
    const fingerprint = this.fingerprintOf(contactId);
    const rows = this.repo()
      .replies.waiting()
      // Only replies the supervisor's Holding can match: not those to shares sent under an earlier card.
      .filter((r) => r.contact_fingerprint === fingerprint && !r.earlier);
    const { carried, waitingAfter } = oneShareOf(rows, commentOf);
    return carried.map((r) => {
      const later = waitingAfter.get(r.id) ?? 0;
      return {
        kind: 'replies' as const,
        sourceId: r.id,
        title: [{ text: 'Reply to a comment' }],
        // Ours, and never checked or sent: only the reply's own words leave, with a reference to the comment.
        meta:
          `To ${r.from_name}’s ${r.ref ? `comment on “${r.item_title || 'an item'}”` : 'overall comment'} in “${r.share_title}” · written ${longDate(dayOf(r.created_at, localTimeZone()))}` +
          (later ? ` · ${laterNote(later)}` : ''),
        blocks: replyBlocks(r.body),
        clientMaterial: false,
      };
    });
  }

  /**
   * The replies a settled document carries, as the share's `replies`, for the person it is sealed to: each
   * must still be waiting, and be to a comment from that person.
   */
  forShare(doc: ExportDocument, recipientFingerprint: string, recipientName: string): ShareReply[] {
    const repo = this.repo();
    const replies = doc.sections
      .filter((s) => s.kind === 'replies')
      .map((section) => {
        const row: OwnReplyRow | undefined = repo.replies.own(section.sourceId);
        if (!row || row.sent_in_share_id !== null) {
          throw new AppError(
            'CHANGED',
            'One of your replies has been sent or taken back since the check. Please check again, then share.',
          );
        }
        if (row.earlier) throw refuse(EARLIER_CARD(row.contact_name));
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
    // As many as one share carries under a comment, oldest first (sections() offers no more); any others are
    // not marked sent, so they stay waiting for the next share.
    return oneShareOf(replies, (r) => ({ share: r.share, ref: r.ref ?? '' })).carried;
  }

  private fingerprintOf(contactId: string): string {
    const fingerprint = this.identity.fingerprintHexOf(contactId);
    if (!fingerprint) throw new AppError('NOT_FOUND', 'That person is no longer among the people you share with.');
    return fingerprint;
  }

  // --- Supervisor ----------------------------------------------------------------------------------------------

  /**
   * Where the replies in a share from `senderFingerprint` belong: each under the supervisor's own comment on an
   * earlier share from the same person, sent back to them as feedback. A reply that cannot be matched to such a
   * comment (a share from someone else, one never opened or no longer here, one no feedback went back on, an
   * item it did not hold, a comment not there now, or a reply already here) is left out, and the person is
   * told plainly how many and why; the share and the replies that do belong are kept. Malformed replies never
   * get here: the schema refuses the whole share.
   */
  placeReplies(
    replies: readonly ShareReply[],
    senderFingerprint: string,
    senderName: string,
  ): { place: NewReceivedReply[]; leftOut: number; why: string | null } {
    const repo = this.repo();
    const place: NewReceivedReply[] = [];
    const left = { removed: 0, unmatched: 0, uncommented: 0, already: 0, clash: 0 };
    // Each earlier share is looked up once per import, however many replies point at it.
    const targets = new Map<string, ReplyTarget | undefined>();
    const targetOf = (bundleId: string) => {
      if (!targets.has(bundleId)) targets.set(bundleId, repo.received.replyTarget(bundleId));
      return targets.get(bundleId);
    };
    for (const reply of replies) {
      const share = targetOf(reply.share);
      const ref = reply.ref ?? '';
      if (!share) {
        // A share opened here once and removed since; anything else (never opened, or feedback) is not a match.
        if (repo.received.openedKind(reply.share) === 'share') left.removed += 1;
        else left.unmatched += 1;
        continue;
      }
      if (share.senderFingerprint !== senderFingerprint || !share.feedbackSent || (ref && !share.items.has(ref))) {
        left.unmatched += 1;
        continue;
      }
      if (!share.comments.has(ref)) {
        left.uncommented += 1;
        continue;
      }
      const here = repo.replies.byId(reply.id);
      if (here) {
        // The same reply brought again is kept once; a different one under a known id is not taken on trust.
        if (here.received_share_id === share.id && here.ref === ref && here.body === reply.body) left.already += 1;
        else left.clash += 1;
        continue;
      }
      // Stored as a UTC instant, so replies written in different time zones thread in the order they were written.
      const writtenAt = new Date(reply.writtenAt).toISOString();
      place.push({ id: reply.id, receivedShareId: share.id, ref, body: reply.body, writtenAt });
    }
    const leftOut = left.removed + left.unmatched + left.uncommented + left.already + left.clash;
    const n = (count: number, one: string, many: string) => (count === 1 ? one : `${count} ${many}`);
    const was = (count: number) => (count === 1 ? 'was' : 'were');
    const sentences = [
      left.removed &&
        `${n(left.removed, 'One reply', 'replies')} ${was(left.removed)} about a share that is no longer in your Holding, so there was nothing to put ${left.removed === 1 ? 'it' : 'them'} under.`,
      left.unmatched &&
        `${n(left.unmatched, 'One reply', 'replies')} did not match any comment you sent to ${senderName} from this Holding (${senderName} may have written ${left.unmatched === 1 ? 'it' : 'them'} on another computer), so ${left.unmatched === 1 ? 'it was' : 'they were'} left out.`,
      left.uncommented &&
        `${n(left.uncommented, 'One reply', 'replies')} ${was(left.uncommented)} to a comment that is not among your comments on that share now, so there was nothing to put ${left.uncommented === 1 ? 'it' : 'them'} under.`,
      left.already &&
        `${n(left.already, 'One reply was', 'replies were')} already here from an earlier share, so ${left.already === 1 ? 'it is' : 'they are'} kept once.`,
      left.clash &&
        `${n(left.clash, 'One reply', 'replies')} used the same reference as a different reply already here, so ${left.clash === 1 ? 'it was' : 'they were'} left out.`,
    ].filter((x): x is string => !!x);
    return { place, leftOut, why: sentences.length ? sentences.join(' ') : null };
  }
}
