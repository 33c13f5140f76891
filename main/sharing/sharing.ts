/**
 * Sharing with a supervisor, and feedback back (issue 7).
 *
 * The supervisee seals the settled, de-identified export to a verified contact; each item gets a random
 * reference made for that share, and only this vault knows which entry or agenda item it stands for. The
 * supervisor imports the bundle (verified, decrypted, validated, stored whole or not at all), comments,
 * and seals the comments back; the supervisee's vault maps the references home, so the comments appear
 * beside the entries and agenda items they are about.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError, LockedError } from '../../common/errors';
import { textOf } from '../../common/export/document';
import { longDate } from '../../common/export/html';
import type { ExportDocument } from '../../common/export/types';
import {
  type FeedbackComment,
  type FeedbackPayload,
  feedbackPayloadSchema,
  type FeedbackView,
  type ImportResult,
  MAX_COMMENT_LENGTH,
  type PendingOpen,
  type ReceivedShare,
  type ReceivedShareSummary,
  SHARE_EXTENSION,
  type SentShare,
  type ShareItem,
  type ShareItemKind,
  type SharePayload,
  sharePayloadSchema,
} from '../../common/sharing/types';
import { dayOf, localTimeZone } from '../../common/supervision/hours';
import { readCapped } from '../fs/read-capped';
import type { Vault } from '../vault/vault';
import sodium from 'libsodium-wrappers-sumo';
import {
  type BundleHeader,
  BundleError,
  fingerprintOf,
  MAX_BUNDLE_BYTES,
  openBundle,
  type OpenedBundle,
  sealBundle,
  type SecretIdentity,
  sharingReady,
} from './bundle';
import type { IdentityService } from './identity';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
/** 16 random bytes as base64url: 22 characters, unguessable, and meaningless outside this share. */
const newRef = () => randomBytes(16).toString('base64url');
/** Room for the bundle's framing around the payload. */
const PAYLOAD_LIMIT = MAX_BUNDLE_BYTES - 1024 * 1024;

export interface ShareSource {
  item: ShareItem;
  /** The local thing it came from; stays in this vault. */
  sourceId: string | null;
}

/** The share's items: one per section, and one per agenda item so each can have its own comment. */
export function shareItemsOf(doc: ExportDocument): ShareSource[] {
  const out: ShareSource[] = [];
  for (const section of doc.sections) {
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
    out.push({
      sourceId: local ? null : section.sourceId,
      item: {
        ref: newRef(),
        kind: section.kind,
        title: section.title,
        meta: section.meta,
        blocks: section.blocks,
        clientMaterial: section.clientMaterial,
      },
    });
  }
  return out;
}

interface ContactRow {
  id: string;
  name: string;
  verified_at: string | null;
}

/** The confirmed contact a bundle came from, with the hex fingerprint of their keys. */
type SenderContact = ContactRow & { fingerprint: string };

interface ReceivedRow {
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

interface SentRow {
  id: string;
  bundle_id: string;
  contact_id: string | null;
  contact_name: string;
  title: string;
  file_name: string;
  created_at: string;
}

/** Wipes the copies of the secret keys a seal or an open was given. */
function forget(me: SecretIdentity): void {
  sodium.memzero(me.encryptionSecret);
  sodium.memzero(me.signingSecret);
}

/** Refusals that are about who sent it or what it answers: the bundle itself was sound. */
function refuse(message: string): AppError {
  return new AppError('INVALID_INPUT', message);
}

/** A sound file from someone not (yet) confirmed: the person can put that right and open it again. */
class SenderNotConfirmed extends AppError {
  constructor(message: string) {
    super('INVALID_INPUT', message);
  }
}

/** Deeper than any document the editor allows (common/journal/doc.ts): refused before the schema walks it. */
const MAX_PAYLOAD_DEPTH = 64;

/** How deeply a parsed JSON value nests, without recursion (so no stack to overflow). */
function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (deepest > MAX_PAYLOAD_DEPTH) return deepest;
    if (v && typeof v === 'object') for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return deepest;
}

function parsePayload<T>(bytes: Uint8Array, schema: { parse(v: unknown): T }): T {
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    if (depthOf(value) > MAX_PAYLOAD_DEPTH) throw new Error('too deep');
    return schema.parse(value);
  } catch {
    // Parsed by zod after the signature and decryption held: made by a different version, or by hand.
    throw new BundleError('malformed');
  }
}

export class SharingService {
  /** The file the system handed over, and the name of this request: a yes or a no answers only it. */
  private waiting: { id: string; path: string } | null = null;
  private readonly pendingListeners = new Set<() => void>();

  constructor(
    private readonly vault: Vault,
    private readonly identity: IdentityService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private db() {
    return this.vault.db();
  }

  private me() {
    const me = this.identity.secret();
    if (!me) {
      throw refuse(
        'Please make your card first, under “Your card” on the Sharing page: shared files are sealed to it.',
      );
    }
    return me;
  }

  /** A verified contact's keys: sharing and feedback go only to someone whose fingerprint was confirmed. */
  private recipient(contactId: string | null) {
    if (!contactId) {
      throw refuse('The person this came from is no longer in your contacts. Please add their card again.');
    }
    const keys = this.identity.publicKeys(contactId);
    if (!keys.verified) {
      throw refuse(
        `Please compare fingerprints with ${keys.name} and confirm they match before sharing. Nothing was sealed.`,
      );
    }
    return keys;
  }

  // --- Supervisee: share --------------------------------------------------------------------------------------

  /** Seals the settled export to a verified contact; `record` keeps it once the place to save is chosen. */
  async sealShare(doc: ExportDocument, contactId: string) {
    await sharingReady();
    const me = this.me();
    const recipient = this.recipient(contactId);
    const sources = shareItemsOf(doc);
    const payload: SharePayload = {
      type: 'holding.share.v1',
      title: textOf(doc.title),
      preparedOn: doc.preparedOn,
      items: sources.map((s) => s.item),
    };
    // What the supervisor's Holding will accept: checked here, so nothing is sealed that would be refused there.
    const fits = sharePayloadSchema.safeParse(payload);
    if (!fits.success || depthOf(payload) > MAX_PAYLOAD_DEPTH) {
      const at = fits.success ? undefined : fits.error.issues[0]?.path;
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
    let bundle: Uint8Array;
    try {
      bundle = sealBundle({ kind: 'share', sender: me, recipient, payload: bytes, bundleId, createdAt });
    } finally {
      forget(me);
    }
    const record = (fileName: string): SentShare => {
      const id = randomUUID();
      const db = this.db();
      db.transaction(() => {
        db.prepare(
          `INSERT INTO shares_sent (id, bundle_id, contact_id, contact_name, contact_fingerprint, title, file_name, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          id,
          bundleId,
          contactId,
          recipient.name,
          hex(fingerprintOf(recipient)),
          payload.title,
          fileName,
          createdAt,
        );
        const insert = db.prepare(
          'INSERT INTO share_items (share_id, ref, position, kind, source_id, title) VALUES (?, ?, ?, ?, ?, ?)',
        );
        sources.forEach((s, i) => insert.run(id, s.item.ref, i, s.item.kind, s.sourceId, textOf(s.item.title)));
      })();
      return this.sentShare(id);
    };
    return { bundle, record };
  }

  /** Takes back a share's record (its file could not be written). */
  forgetShare(id: string): void {
    this.db().prepare('DELETE FROM shares_sent WHERE id = ?').run(id);
  }

  /** Everything this person has shared, newest first, with any feedback that came back. */
  sent(): SentShare[] {
    const rows = this.db().prepare('SELECT id FROM shares_sent ORDER BY created_at DESC, rowid DESC').all() as {
      id: string;
    }[];
    return rows.map((r) => this.sentShare(r.id));
  }

  sentShare(id: string): SentShare {
    const db = this.db();
    const row = db.prepare('SELECT * FROM shares_sent WHERE id = ?').get(id) as SentRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'That share is no longer in your records.');
    const items = db
      .prepare('SELECT ref, kind, source_id, title FROM share_items WHERE share_id = ? ORDER BY position')
      .all(id) as { ref: string; kind: ShareItemKind; source_id: string | null; title: string }[];
    const feedback = (
      db.prepare('SELECT * FROM feedback_received WHERE share_id = ? ORDER BY created_at DESC, rowid DESC').all(id) as {
        id: string;
        sender_name: string;
        created_at: string;
        imported_at: string;
        overall: string;
      }[]
    ).map((f): FeedbackView => ({
      id: f.id,
      fromName: f.sender_name,
      createdAt: f.created_at,
      importedAt: f.imported_at,
      overall: f.overall,
      comments: Object.fromEntries(
        (
          db.prepare('SELECT ref, body FROM feedback_comments WHERE feedback_id = ?').all(f.id) as {
            ref: string;
            body: string;
          }[]
        ).map((c) => [c.ref, c.body]),
      ),
    }));
    return {
      id: row.id,
      bundleId: row.bundle_id,
      contactId: row.contact_id,
      contactName: row.contact_name,
      title: row.title,
      fileName: row.file_name,
      createdAt: row.created_at,
      items: items.map((i) => ({ ref: i.ref, kind: i.kind, sourceId: i.source_id, title: i.title })),
      feedback,
    };
  }

  /**
   * The supervisor's comments on one of the person's own entries, agenda items or sessions: from the newest
   * feedback on each share it was in, newest share first.
   */
  feedbackFor(sourceId: string): FeedbackComment[] {
    const rows = this.db()
      .prepare(
        `SELECT f.id AS feedback_id, s.title AS share_title, f.sender_name, s.created_at AS shared_at,
                f.imported_at, c.body
           FROM share_items i
           JOIN shares_sent s ON s.id = i.share_id
           JOIN feedback_received f ON f.share_id = s.id
           JOIN feedback_comments c ON c.feedback_id = f.id AND c.ref = i.ref
          WHERE i.source_id = ?
            -- Each feedback file holds all the supervisor's comments as they stood when sealed, so the newest
            -- sealed for a share replaces the earlier ones (whichever order the files were opened in).
            AND f.rowid = (SELECT f2.rowid FROM feedback_received f2 WHERE f2.share_id = f.share_id
                            ORDER BY f2.created_at DESC, f2.rowid DESC LIMIT 1)
          ORDER BY f.created_at DESC, f.rowid DESC`,
      )
      .all(sourceId) as {
      feedback_id: string;
      share_title: string;
      sender_name: string;
      shared_at: string;
      imported_at: string;
      body: string;
    }[];
    return rows.map((r) => ({
      feedbackId: r.feedback_id,
      shareTitle: r.share_title,
      fromName: r.sender_name,
      sharedAt: r.shared_at,
      receivedAt: r.imported_at,
      body: r.body,
    }));
  }

  // --- Opening a bundle ---------------------------------------------------------------------------------------

  /** Reads a bundle file: never more than the cap, whatever the file claims its size is. */
  async importFile(filePath: string): Promise<ImportResult> {
    const bytes = await readCapped(filePath, MAX_BUNDLE_BYTES, () => new BundleError('too-large'));
    return this.importBytes(bytes);
  }

  /** Verifies, decrypts and stores a bundle whole, or refuses it and changes nothing. */
  async importBytes(bytes: Uint8Array): Promise<ImportResult> {
    await sharingReady();
    const me = this.me();
    let sender: SenderContact | null = null;
    let opened: OpenedBundle;
    try {
      // The sender is checked as soon as the header is read, before the signature and decryption.
      opened = openBundle(bytes, me, (header) => (sender = this.senderContact(header)));
    } finally {
      forget(me);
    }
    const contact: SenderContact = sender!;
    const db = this.db();
    const table = opened.kind === 'share' ? 'shares_received' : 'feedback_received';
    const earlier = db.prepare(`SELECT imported_at FROM ${table} WHERE bundle_id = ?`).get(opened.header.bundleId) as
      { imported_at: string } | undefined;
    if (earlier) {
      throw refuse(
        `You have already opened this file, on ${longDate(dayOf(earlier.imported_at, localTimeZone()))}. Nothing was changed.`,
      );
    }
    return opened.kind === 'share' ? this.storeShare(opened, contact) : this.storeFeedback(opened, contact);
  }

  /** The sender must be a contact whose fingerprint the person has confirmed. */
  private senderContact(header: BundleHeader): SenderContact {
    const fingerprint = hex(fingerprintOf(header.sender));
    const contact = this.db()
      .prepare('SELECT id, name, verified_at FROM contacts WHERE fingerprint = ?')
      .get(fingerprint) as ContactRow | undefined;
    // The name in the header is the sender's own claim: not repeated, since anyone can write anything there.
    if (!contact) {
      throw new SenderNotConfirmed(
        'This file comes from someone whose card is not among the people you share with. If you were expecting it, add their card and compare fingerprints with them, then open the file again. Nothing was added.',
      );
    }
    if (!contact.verified_at) {
      throw new SenderNotConfirmed(
        `You have added ${contact.name}’s card but not yet confirmed the fingerprint with them. Please compare it, confirm, then open the file again. Nothing was added.`,
      );
    }
    return { ...contact, fingerprint };
  }

  private storeShare(opened: OpenedBundle, contact: SenderContact): ImportResult {
    const payload = parsePayload(opened.payload, sharePayloadSchema);
    const id = randomUUID();
    this.db()
      .prepare(
        `INSERT INTO shares_received (id, bundle_id, contact_id, sender_name, sender_fingerprint, title, items, created_at, imported_at, payload)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        opened.header.bundleId,
        contact.id,
        contact.name,
        contact.fingerprint,
        payload.title || 'Untitled',
        payload.items.length,
        opened.header.createdAt,
        this.now().toISOString(),
        JSON.stringify(payload),
      );
    return { kind: 'share', share: this.summaryOf(id) };
  }

  private storeFeedback(opened: OpenedBundle, contact: SenderContact): ImportResult {
    const payload: FeedbackPayload = parsePayload(opened.payload, feedbackPayloadSchema);
    const db = this.db();
    const share = db.prepare('SELECT * FROM shares_sent WHERE bundle_id = ?').get(payload.inReplyTo) as
      (SentRow & { contact_fingerprint: string }) | undefined;
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
    const refs = new Set(
      (db.prepare('SELECT ref FROM share_items WHERE share_id = ?').all(share.id) as { ref: string }[]).map(
        (r) => r.ref,
      ),
    );
    if (payload.comments.some((c) => !refs.has(c.ref))) {
      throw refuse(
        `This feedback refers to things that were not in what you shared with ${share.contact_name}, so it cannot be put beside your entries. Nothing was imported.`,
      );
    }
    const id = randomUUID();
    db.transaction(() => {
      db.prepare(
        `INSERT INTO feedback_received (id, bundle_id, share_id, sender_name, created_at, imported_at, overall)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        id,
        opened.header.bundleId,
        share.id,
        contact.name,
        opened.header.createdAt,
        this.now().toISOString(),
        payload.overall,
      );
      const insert = db.prepare('INSERT INTO feedback_comments (feedback_id, ref, body) VALUES (?, ?, ?)');
      for (const c of payload.comments) insert.run(id, c.ref, c.body);
    })();
    return {
      kind: 'feedback',
      shareId: share.id,
      shareTitle: share.title,
      fromName: contact.name,
      comments: payload.comments.length + (payload.overall.trim() ? 1 : 0),
    };
  }

  // --- Supervisor: review and feedback ------------------------------------------------------------------------

  received(): ReceivedShareSummary[] {
    const rows = this.db()
      .prepare('SELECT id FROM shares_received ORDER BY sender_name COLLATE NOCASE, created_at DESC, rowid DESC')
      .all() as { id: string }[];
    return rows.map((r) => this.summaryOf(r.id));
  }

  private row(id: string): ReceivedRow {
    const row = this.db().prepare('SELECT * FROM shares_received WHERE id = ?').get(id) as ReceivedRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'That share is no longer here.');
    return row;
  }

  private summaryOf(id: string): ReceivedShareSummary {
    const row = this.row(id);
    const comments = this.db()
      .prepare("SELECT count(*) FROM share_comments WHERE share_id = ? AND ref <> '' AND body <> ''")
      .pluck()
      .get(id) as number;
    return {
      id: row.id,
      bundleId: row.bundle_id,
      contactId: row.contact_id,
      senderName: row.sender_name,
      title: row.title,
      items: row.items,
      createdAt: row.created_at,
      importedAt: row.imported_at,
      comments,
      feedbackSentAt: row.feedback_sent_at,
    };
  }

  receivedShare(id: string): ReceivedShare {
    const row = this.row(id);
    const payload = JSON.parse(row.payload) as SharePayload;
    const all = Object.fromEntries(
      (
        this.db().prepare('SELECT ref, body FROM share_comments WHERE share_id = ?').all(id) as {
          ref: string;
          body: string;
        }[]
      ).map((c) => [c.ref, c.body]),
    );
    const { '': overall = '', ...comments } = all;
    return { summary: this.summaryOf(id), preparedOn: payload.preparedOn, items: payload.items, comments, overall };
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
      this.db()
        .prepare(
          `INSERT INTO share_comments (share_id, ref, body, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (share_id, ref) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
        )
        .run(shareId, key, body, this.now().toISOString());
    } else {
      this.db().prepare('DELETE FROM share_comments WHERE share_id = ? AND ref = ?').run(shareId, key);
    }
    return this.receivedShare(shareId);
  }

  /** Seals the comments back to the person who shared; marks it sent once the file is written. */
  async sealFeedback(shareId: string) {
    await sharingReady();
    const me = this.me();
    const share = this.receivedShare(shareId);
    const row = this.row(shareId);
    const comments = Object.entries(share.comments)
      .filter(([, body]) => body.trim())
      .map(([ref, body]) => ({ ref, body }));
    if (!comments.length && !share.overall.trim()) {
      throw refuse('Please write at least one comment before sending feedback.');
    }
    // By the keys it came from: a contact removed and added again is still the same person.
    const contact = this.db().prepare('SELECT id FROM contacts WHERE fingerprint = ?').get(row.sender_fingerprint) as
      { id: string } | undefined;
    const recipient = this.recipient(contact?.id ?? null);
    const payload: FeedbackPayload = {
      type: 'holding.feedback.v1',
      inReplyTo: row.bundle_id,
      overall: share.overall,
      comments,
    };
    let bundle: Uint8Array;
    try {
      bundle = sealBundle({
        kind: 'feedback',
        sender: me,
        recipient,
        payload: new TextEncoder().encode(JSON.stringify(payload)),
        createdAt: this.now().toISOString(),
      });
    } finally {
      forget(me);
    }
    const record = () => {
      this.db()
        .prepare('UPDATE shares_received SET feedback_sent_at = ? WHERE id = ?')
        .run(this.now().toISOString(), shareId);
      return this.summaryOf(shareId);
    };
    return { bundle, record, recipientName: recipient.name };
  }

  removeReceived(id: string): void {
    this.db().prepare('DELETE FROM shares_received WHERE id = ?').run(id);
  }

  // --- Opened from the system (file association) --------------------------------------------------------------

  /** The system asked Holding to open a file: held until the person is ready and says yes. */
  requestOpen(filePath: string): void {
    if (path.extname(filePath).toLowerCase() !== `.${SHARE_EXTENSION}`) return;
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

/**
 * The bundle files among a program's arguments: how Windows and Linux hand over a file opened from the
 * file manager (at start, or to the running app through second-instance). Options and the app's own
 * arguments are skipped.
 */
export function bundlePathsIn(argv: readonly string[], cwd = process.cwd()): string[] {
  const paths: string[] = [];
  for (const arg of argv) {
    if (arg.startsWith('-')) continue;
    if (/^[a-z][a-z0-9+.-]+:\/\//i.test(arg) && !/^file:/i.test(arg)) continue; // a web address, not a file
    // Linux desktop files may pass file:// URIs (%U), with spaces and accents percent-encoded.
    const file = /^file:/i.test(arg) ? pathOfFileUri(arg) : path.resolve(cwd, arg);
    if (file && path.extname(file).toLowerCase() === `.${SHARE_EXTENSION}`) paths.push(file);
  }
  return paths;
}

function pathOfFileUri(uri: string): string | null {
  try {
    return fileURLToPath(uri);
  } catch {
    return null; // another host's file (file://server/…) or a malformed address: not ours to open
  }
}

/** File names say nothing of who or what: they show in e-mails and folders, outside the encryption. */
export function bundleFileName(kind: 'share' | 'feedback', day: string): string {
  return `${kind === 'share' ? 'Holding share' : 'Holding feedback'} ${day}.${SHARE_EXTENSION}`;
}
