/**
 * Sharing with a supervisor (issue 7): what travels inside a bundle, and what the window sees.
 *
 * A share carries the de-identified export, cut into items. Each item has a reference made fresh for that
 * share (random, never an entry or agenda id), so the supervisor's comments can find their way back to the
 * right entry on the supervisee's machine without the bundle ever naming anything in the vault.
 *
 * Payloads are validated with these schemas on the way in: a bundle is signed by a known person, but the
 * file may still have been made by a different version, or by hand.
 */
import { z } from 'zod';
import type { Block, Inline, Inlines, SectionKind } from '../export/types';

export const SHARE_EXTENSION = 'holdingbundle';
export const CARD_EXTENSION = 'holdingcard';
/** Comments: generous, but bounded. */
export const MAX_COMMENT_LENGTH = 20_000;
export const MAX_SHARE_ITEMS = 20_000;

/** A reply to a supervisor's comment travels beside the items (`replies`), never as one. */
export type ShareItemKind = Exclude<SectionKind, 'replies'> | 'agenda-item';

export const SHARE_ITEM_KIND_NAMES: Record<ShareItemKind, string> = {
  entry: 'Journal entry',
  'two-truths': 'Two truths',
  agenda: 'Agenda',
  'agenda-item': 'Agenda item',
  session: 'Supervision session',
  hours: 'Hours log',
  checkins: 'Check-ins',
  signs: 'Warning signs and what helps',
};

/** 16 random bytes in base64url. */
export const SHARE_REF = /^[A-Za-z0-9_-]{22}$/;
const ref = z.string().regex(SHARE_REF);
const text = (max: number) => z.string().max(max);

// zod's optional keys read as `T | undefined`; our types leave them out instead. The shapes are the same.
const inline = z
  .object({
    text: text(2_000_000),
    bold: z.boolean().optional(),
    italic: z.boolean().optional(),
    underline: z.boolean().optional(),
    strike: z.boolean().optional(),
    code: z.boolean().optional(),
    highlight: z.boolean().optional(),
    href: text(4_000).optional(),
  })
  .strict() as unknown as z.ZodType<Inline>;
const inlines = z.array(inline).max(1_000_000);

const blockSchema: z.ZodType<Block> = z.lazy(
  () =>
    z.discriminatedUnion('type', [
      z
        .object({
          type: z.literal('heading'),
          level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
          content: inlines,
        })
        .strict(),
      z.object({ type: z.literal('paragraph'), content: inlines }).strict(),
      z
        .object({
          type: z.literal('list'),
          ordered: z.boolean(),
          start: z.number().int().min(0).max(1_000_000),
          items: z
            .array(z.object({ checked: z.boolean().nullable(), blocks: z.array(blockSchema).max(100_000) }).strict())
            .max(100_000),
        })
        .strict(),
      z.object({ type: z.literal('quote'), blocks: z.array(blockSchema).max(100_000) }).strict(),
      z.object({ type: z.literal('code'), content: inlines }).strict(),
      z.object({ type: z.literal('rule') }).strict(),
      z
        .object({
          type: z.literal('table'),
          rows: z
            .array(
              z
                .object({
                  header: z.boolean(),
                  cells: z.array(inlines).max(1_000),
                  spans: z
                    .array(
                      z
                        .object({
                          colspan: z.number().int().min(1).max(1_000),
                          rowspan: z.number().int().min(1).max(100_000),
                        })
                        .strict(),
                    )
                    .max(1_000)
                    .optional(),
                })
                .strict(),
            )
            .max(100_000),
        })
        .strict(),
      z
        .object({
          type: z.literal('fields'),
          rows: z.array(z.object({ label: text(200), value: inlines }).strict()).max(100_000),
        })
        .strict(),
    ]) as unknown as z.ZodType<Block>,
);

const itemKinds = [
  'entry',
  'two-truths',
  'agenda',
  'agenda-item',
  'session',
  'hours',
  'checkins',
  'signs',
] as const satisfies readonly ShareItemKind[];

export interface ShareItem {
  /** Random, made for this share: never an entry or agenda id. */
  ref: string;
  kind: ShareItemKind;
  title: Inlines;
  meta: string | null;
  blocks: Block[];
  clientMaterial: boolean;
}

export const shareItemSchema: z.ZodType<ShareItem> = z
  .object({
    ref,
    kind: z.enum(itemKinds),
    title: inlines,
    meta: text(500).nullable(),
    blocks: z.array(blockSchema).max(100_000),
    clientMaterial: z.boolean(),
  })
  .strict();

/**
 * Why a reply cannot answer feedback on a share sent under an earlier card (a journal brought from another
 * computer keeps its shares, never its keys), after "That share was " or "This share was ".
 */
export const sentUnderEarlierCard = (name: string) =>
  `sent from Holding on another computer, before your card here was made, so ${name}’s Holding could not match a reply to it. Please talk it over with ${name} in supervision instead.`;

/** Replies in one share: as many as there could be comments on a share, and more than anyone writes. */
export const MAX_SHARE_REPLIES = 20_000;

/**
 * Replies in one share under any one comment (the same earlier share and `ref`): a conversation, not a flood.
 * The sender's Holding keeps no more than this waiting under a comment, so a share it makes always fits.
 */
export const MAX_REPLIES_PER_COMMENT = 50;

/** The cap in words, wherever replies are said to wait for a later share. */
export const ONE_SHARE_CARRIES = `one share carries up to ${MAX_REPLIES_PER_COMMENT} under each comment`;

/**
 * A supervisee's reply to one of the supervisor's comments, carried back in their next share (issue 18):
 * `share` is the bundle id of the earlier share the comment was on, `ref` the item it was beside (null for
 * the overall comment). The body is plain text, de-identified with the rest of the share.
 */
export const shareReplySchema = z
  .object({
    id: z.uuid(),
    share: z.uuid(),
    ref: ref.nullable(),
    body: text(MAX_COMMENT_LENGTH).min(1),
    writtenAt: z.iso.datetime({ offset: true }),
  })
  .strict();
export type ShareReply = z.output<typeof shareReplySchema>;

export const sharePayloadSchema = z
  .object({
    type: z.literal('holding.share.v1'),
    title: text(500),
    preparedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    items: z.array(shareItemSchema).min(1).max(MAX_SHARE_ITEMS),
    /** Optional (issue 18): a share without replies is written exactly as before. */
    replies: z.array(shareReplySchema).min(1).max(MAX_SHARE_REPLIES).optional(),
  })
  .strict()
  .superRefine((payload, ctx) => {
    if (new Set(payload.items.map((i) => i.ref)).size !== payload.items.length) {
      ctx.addIssue({ code: 'custom', message: 'item references repeat' });
    }
    const replies = payload.replies ?? [];
    if (new Set(replies.map((r) => r.id)).size !== replies.length) {
      ctx.addIssue({ code: 'custom', message: 'reply ids repeat' });
    }
    // No more replies than the comments they answer can hold: MAX_REPLIES_PER_COMMENT under each.
    const underOne = new Map<string, number>();
    for (const r of replies) {
      const comment = `${r.share} ${r.ref ?? ''}`;
      underOne.set(comment, (underOne.get(comment) ?? 0) + 1);
    }
    if ([...underOne.values()].some((n) => n > MAX_REPLIES_PER_COMMENT)) {
      ctx.addIssue({ code: 'custom', path: ['replies'], message: 'too many replies under one comment' });
    }
  });
export type SharePayload = z.output<typeof sharePayloadSchema>;

export const feedbackPayloadSchema = z
  .object({
    type: z.literal('holding.feedback.v1'),
    /** The bundle id of the share this answers. */
    inReplyTo: z.string().uuid(),
    overall: text(MAX_COMMENT_LENGTH),
    comments: z.array(z.object({ ref, body: text(MAX_COMMENT_LENGTH).min(1) }).strict()).max(MAX_SHARE_ITEMS),
  })
  .strict()
  .superRefine((payload, ctx) => {
    if (new Set(payload.comments.map((c) => c.ref)).size !== payload.comments.length) {
      ctx.addIssue({ code: 'custom', message: 'comment references repeat' });
    }
  });
export type FeedbackPayload = z.output<typeof feedbackPayloadSchema>;

// --- What the window sees ---------------------------------------------------------------------------------------

export interface IdentityView {
  name: string;
  role: string;
  /** Four groups of four, to read aloud. */
  fingerprint: string;
  /** The card, as text to paste or save. */
  card: string;
}

export interface ContactView {
  id: string;
  name: string;
  role: string;
  fingerprint: string;
  verified: boolean;
  addedAt: string;
}

/** A share the supervisor has received: a summary for the list. */
export interface ReceivedShareSummary {
  id: string;
  bundleId: string;
  /** Who sent it: the contact's name as the person saved it. */
  contactId: string | null;
  senderName: string;
  title: string;
  items: number;
  createdAt: string;
  importedAt: string;
  comments: number;
  feedbackSentAt: string | null;
}

export interface ReceivedShare {
  summary: ReceivedShareSummary;
  preparedOn: string;
  items: ShareItem[];
  /** The supervisor's comments so far, by item reference. */
  comments: Record<string, string>;
  overall: string;
  /** Replies to the supervisor's comments on this share, oldest first (ref '' is the overall comment). */
  replies: ReceivedReply[];
  /** Replies this share brought with it, to comments on earlier shares: where they went. */
  broughtReplies: { shareId: string; shareTitle: string; count: number }[];
}

/** Supervisor: a reply that came back, threaded under their comment. */
export interface ReceivedReply {
  id: string;
  /** The item reference of the comment; '' for the overall comment. */
  ref: string;
  body: string;
  fromName: string;
  /** When the supervisee wrote it (their clock). */
  writtenAt: string;
  receivedAt: string;
}

/** Supervisee: a reply under one of the supervisor's comments, sent or waiting for the next share. */
export interface ReplyView {
  id: string;
  feedbackId: string;
  /** The item reference of the comment; '' for the overall comment. */
  ref: string;
  body: string;
  createdAt: string;
  /** The share that carried it, once one has; null while it waits. */
  sentIn: { shareId: string; title: string; sentAt: string } | null;
}

/** Replies waiting for the next share to one person. */
export interface WaitingReplies {
  /** The contact they go to, when that person is still among the people the person shares with. */
  contactId: string | null;
  contactName: string;
  /** Replies that can go with a share to them. */
  count: number;
  /** Of those, how many the next share can carry (up to MAX_REPLIES_PER_COMMENT under each comment); the rest wait. */
  nextShare: number;
  /**
   * Replies to shares sent before this Holding's present card was made (a journal brought from another
   * computer keeps its shares, never its keys): the supervisor's Holding cannot match them, so they are not offered.
   */
  earlier: number;
}

/** One feedback bundle, as received by the supervisee. */
export interface FeedbackView {
  id: string;
  fromName: string;
  createdAt: string;
  importedAt: string;
  overall: string;
  /** By item reference. */
  comments: Record<string, string>;
}

export interface SentShareItem {
  ref: string;
  kind: ShareItemKind;
  /** The local entry, agenda item, session or supervisor it came from (null for hours, check-ins, signs). */
  sourceId: string | null;
  /** The title as shared (de-identified). */
  title: string;
}

export interface SentShare {
  id: string;
  bundleId: string;
  contactId: string | null;
  contactName: string;
  title: string;
  fileName: string;
  createdAt: string;
  items: SentShareItem[];
  /**
   * Feedback received for this share, newest sealed first. Each holds all the comments as they stood when
   * it was sealed, so the first replaces the rest; the rest are kept as a record.
   */
  feedback: FeedbackView[];
  /** The person's replies to that feedback's comments, oldest first. */
  replies: ReplyView[];
  /**
   * Sent before this Holding's present card was made (a journal brought from another computer keeps its
   * shares, never its keys): the supervisor's Holding could not match a reply to its feedback, so none is offered.
   */
  earlierCard: boolean;
}

/** A supervisor's comment on something of the person's own, shown beside it. */
export interface FeedbackComment {
  feedbackId: string;
  shareTitle: string;
  fromName: string;
  sharedAt: string;
  receivedAt: string;
  body: string;
}

export type ImportResult =
  | {
      kind: 'share';
      share: ReceivedShareSummary;
      /** Replies it brought to comments on earlier shares, and those that had nowhere to go (and why). */
      replies: { added: number; leftOut: number; why: string | null };
    }
  | { kind: 'feedback'; shareId: string; shareTitle: string; fromName: string; comments: number };

export interface PendingOpen {
  /** This request: the answer names it, so a file handed over meanwhile is never opened by mistake. */
  id: string;
  /** The file's name only (never its folder), for the question "Import …?" */
  fileName: string;
}
