/**
 * Supervisee: share. The settled, de-identified export is cut into items and sealed to a verified contact;
 * each item gets a random reference made for that share, and only this vault knows which entry or agenda
 * item it stands for. The share is recorded once the place to save it is chosen.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { AppError } from '../../common/errors';
import { textOf } from '../../common/export/document';
import type { ExportDocument } from '../../common/export/types';
import {
  MAX_REPLIES_PER_COMMENT,
  type SentShare,
  type ShareItem,
  type SharePayload,
  sharePayloadSchema,
} from '../../common/sharing/types';
import { sealBundle } from './bundle';
import { BUNDLE_VERSION, BUNDLE_VERSION_WITH_REPLIES, MAX_BUNDLE_BYTES } from './bundle-format';
import { fingerprintHex, sharingReady } from './card';
import type { ReplyRoom } from './replies';
import { depthOf, MAX_PAYLOAD_DEPTH, refuse, type SharingKeys, withKeys } from './sealing';
import type { SharingRepository } from './sharing-repository';

/** 16 random bytes as base64url: 22 characters, unguessable, and meaningless outside this share. */
const newRef = () => randomBytes(16).toString('base64url');
/** Room for the bundle's framing around the payload. */
const PAYLOAD_LIMIT = MAX_BUNDLE_BYTES - 1024 * 1024;

export interface ShareSource {
  item: ShareItem;
  /** The local thing it came from; stays in this vault. */
  sourceId: string | null;
}

/**
 * The share's items: one per section, and one per agenda item so each can have its own comment; as many as
 * itemCount (common/export/items.ts) counts for the export, so both say the same number.
 */
export function shareItemsOf(doc: ExportDocument): ShareSource[] {
  const out: ShareSource[] = [];
  for (const section of doc.sections) {
    // Replies to comments travel beside the items, in the payload's `replies` (replies.ts).
    if (section.kind === 'replies') continue;
    const parts = section.parts ?? [];
    if (section.kind === 'agenda' && parts.length) {
      for (const part of parts) {
        const [heading, ...rest] = section.blocks.slice(part.from, part.to);
        out.push({
          sourceId: part.sourceId,
          item: {
            ref: newRef(),
            kind: 'agenda-item',
            title: heading && heading.type === 'heading' ? heading.content : [{ text: 'Agenda item' }],
            meta: textOf(section.title),
            blocks: heading && heading.type === 'heading' ? rest : section.blocks.slice(part.from, part.to),
            clientMaterial: false,
          },
        });
      }
      continue;
    }
    const local = section.kind === 'hours' || section.kind === 'checkins' || section.kind === 'signs';
    const kind = section.kind;
    out.push({
      sourceId: local ? null : section.sourceId,
      item: {
        ref: newRef(),
        kind,
        title: section.title,
        meta: section.meta,
        blocks: section.blocks,
        clientMaterial: section.clientMaterial,
      },
    });
  }
  return out;
}

export class ShareRoom {
  constructor(
    private readonly repo: () => SharingRepository,
    private readonly keys: SharingKeys,
    private readonly replies: ReplyRoom,
    private readonly now: () => Date,
  ) {}

  /** Seals the settled export to a verified contact; `record` keeps it once the place to save is chosen. */
  async sealShare(doc: ExportDocument, contactId: string) {
    await sharingReady();
    const me = this.keys.me();
    const recipient = this.keys.recipient(contactId);
    const sources = shareItemsOf(doc);
    // The person's replies to this supervisor's comments, as settled: only to the person they answer.
    const replies = this.replies.forShare(doc, fingerprintHex(recipient), recipient.name);
    const payload: SharePayload = {
      type: 'holding.share.v1',
      title: textOf(doc.title),
      preparedOn: doc.preparedOn,
      items: sources.map((s) => s.item),
      // Only when there are some: a share without replies is written exactly as before.
      ...(replies.length ? { replies } : {}),
    };
    // What the supervisor's Holding will accept: checked here, so nothing is sealed that would be refused there.
    const fits = sharePayloadSchema.safeParse(payload);
    if (!fits.success || depthOf(payload) > MAX_PAYLOAD_DEPTH) {
      const at = fits.success ? undefined : fits.error.issues[0]?.path;
      if (at && at[0] === 'replies' && at.length === 1) {
        // The list itself: more under one comment than a share carries (forShare carries no more, so never
        // expected), or more replies in all than any share holds.
        throw refuse(
          `This share has more replies than a share can carry (up to ${MAX_REPLIES_PER_COMMENT} under any one comment). Please check again, so that the rest wait for your next share. Nothing was sealed.`,
        );
      }
      if (at && at[0] === 'replies') {
        // A reply grown past the limit once settled (long stand-ins): the reply is named, not a passage.
        throw refuse(
          'One of your replies is longer than a share can carry once its details are settled (20,000 characters). Please shorten it in Sharing, or choose shorter stand-ins. Nothing was sealed.',
        );
      }
      const index = at && at[0] === 'items' && typeof at[1] === 'number' ? at[1] : -1;
      const title = index >= 0 ? textOf(sources[index]!.item.title) : '';
      throw refuse(
        `${title ? `“${title}”` : 'Something in this selection'} is larger than a share can carry (a very long paragraph, table or list). Please share a passage of it instead. Nothing was sealed.`,
      );
    }
    const bytes = new TextEncoder().encode(JSON.stringify(payload));
    if (bytes.length > PAYLOAD_LIMIT) {
      throw refuse('This is more than one shared file can carry (64 MB). Please share fewer entries at a time.');
    }
    const bundleId = randomUUID();
    const createdAt = this.now().toISOString();
    const bundle = withKeys(me, (sender) =>
      sealBundle({
        kind: 'share',
        sender,
        recipient,
        payload: bytes,
        bundleId,
        createdAt,
        // With replies, a version an older Holding refuses as newer ("please update"), never as damaged.
        version: replies.length ? BUNDLE_VERSION_WITH_REPLIES : BUNDLE_VERSION,
      }),
    );
    const record = (fileName: string): SentShare => {
      const id = randomUUID();
      this.repo().sent.record(
        {
          id,
          bundleId,
          contactId,
          contactName: recipient.name,
          contactFingerprint: fingerprintHex(recipient),
          title: payload.title,
          fileName,
          createdAt,
          items: sources.map((s) => ({
            ref: s.item.ref,
            kind: s.item.kind,
            sourceId: s.sourceId,
            title: textOf(s.item.title),
          })),
        },
        replies.map((r) => r.id),
      );
      return this.sentShare(id);
    };
    return { bundle, record };
  }

  /** Takes back a share's record (its file could not be written). */
  forgetShare(id: string): void {
    this.repo().sent.delete(id);
  }

  /** Everything this person has shared, newest first, with any feedback that came back. */
  sent(): SentShare[] {
    return this.repo()
      .sent.ids()
      .map((id) => this.sentShare(id));
  }

  /** The share a feedback answers, as sentShare gives it. */
  sentShareOfFeedback(feedbackId: string): SentShare {
    const feedback = this.repo().feedback.row(feedbackId);
    if (!feedback) throw new AppError('NOT_FOUND', 'That feedback is no longer in your records.');
    return this.sentShare(feedback.share_id);
  }

  sentShare(id: string): SentShare {
    const repo = this.repo();
    const row = repo.sent.row(id);
    if (!row) throw new AppError('NOT_FOUND', 'That share is no longer in your records.');
    return {
      id: row.id,
      bundleId: row.bundle_id,
      contactId: row.contact_id,
      contactName: row.contact_name,
      title: row.title,
      fileName: row.file_name,
      createdAt: row.created_at,
      items: repo.sent.items(id),
      feedback: repo.feedback.onShare(id),
      replies: repo.replies.onSent(id),
      earlierCard: repo.sent.beforeThisCard(id),
    };
  }
}
