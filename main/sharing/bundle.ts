/**
 * Share bundles: a file that protects its own contents, whatever carries it (e-mail, USB, a shared drive).
 * The format is specified in docs/bundle-format.md, precisely enough to write a reader from; this module
 * and test/support/bundle_reader.py (PyNaCl) both follow it.
 *
 *   magic "HOLDBNDL" | version | kind | reserved | header length | header (JSON)
 *   | sealed content key | secretstream header | chunks (length-prefixed) | Ed25519 signature
 *
 * Opening checks, in this order: size, magic, version, kind, header, that it is for us, that its framing
 * is whole (truncation), the sender's signature over everything, then the content key and every chunk.
 * Nothing is returned until all of it has passed.
 */
import sodium from 'libsodium-wrappers-sumo';
import { z } from 'zod';
import { AppError } from '../../common/errors';

export const BUNDLE_MAGIC = 'HOLDBNDL';
export const BUNDLE_VERSION = 1;
export const BUNDLE_KINDS = { share: 1, feedback: 2 } as const;
export type BundleKind = keyof typeof BUNDLE_KINDS;
/** Checked against the file's size before anything is read into memory. */
export const MAX_BUNDLE_BYTES = 64 * 1024 * 1024;
export const MAX_HEADER_BYTES = 64 * 1024;
export const CHUNK_BYTES = 64 * 1024;
const PREAMBLE_BYTES = 16;
const SEALED_KEY_BYTES = 32 + 48; // crypto_box_SEALBYTES (48) + a 32-byte key
const STREAM_HEADER_BYTES = 24;
const STREAM_ABYTES = 17;
const SIGNATURE_BYTES = 64;
const SIGNATURE_CONTEXT = 'HOLDING-BUNDLE-SIG-1\0';
const FINGERPRINT_CONTEXT = 'HOLDING-IDENTITY-1\0';

export interface PublicIdentity {
  name: string;
  role: string;
  /** X25519, for sealing to this person. */
  encryptionKey: Uint8Array;
  /** Ed25519, for checking what this person signed. */
  signingKey: Uint8Array;
}

export interface SecretIdentity extends PublicIdentity {
  encryptionSecret: Uint8Array;
  signingSecret: Uint8Array;
}

export type BundleProblem =
  | 'too-large'
  | 'not-a-bundle'
  | 'a-card'
  | 'unknown-version'
  | 'malformed'
  | 'yours'
  | 'not-for-you'
  | 'truncated'
  | 'bad-signature'
  | 'damaged';

// In the words the window uses ("a shared file"). Damage is far likelier than foul play, so it is named first,
// and each says what to do next.
const MESSAGES: Record<BundleProblem, string> = {
  'too-large': 'This file is larger than any shared file Holding makes (64 MB), so it was not opened.',
  'not-a-bundle': 'This is not a file Holding shares: those end in “.holdingbundle”. Nothing was added.',
  'a-card':
    'This is someone’s card, not a shared file. To add it, use “Open a card file…” under People you share with.',
  'unknown-version':
    'This file was made by a newer version of Holding. Please update Holding, then open it again. Nothing was added.',
  malformed:
    'This file’s details cannot be read: it may have been damaged on the way. Nothing was added. Please ask for it to be sent again.',
  yours:
    'This is a file you sealed yourself, for someone else: only their Holding can open it. It is ready to send as it is. Nothing was added.',
  'not-for-you': 'This file was sealed for someone else, so only their Holding can open it. Nothing was added.',
  truncated:
    'This file is incomplete: it may not have finished copying or downloading. Nothing was added. Please ask for it to be sent again.',
  'bad-signature':
    'This file was damaged or altered after it was sealed, so Holding cannot trust it. Nothing was added. Please ask for it to be sent again.',
  damaged:
    'This file could not be unsealed: it was damaged or altered on the way. Nothing was added. Please ask for it to be sent again.',
};

export class BundleError extends AppError {
  constructor(readonly problem: BundleProblem) {
    super('INVALID_INPUT', MESSAGES[problem]);
    this.name = 'BundleError';
  }
}

export async function sharingReady(): Promise<void> {
  await sodium.ready;
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const unb64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64url'));
const key32 = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/)
  .transform(unb64);

export function createIdentity(name: string, role: string): SecretIdentity {
  const box = sodium.crypto_box_keypair();
  const sign = sodium.crypto_sign_keypair();
  return {
    name,
    role,
    encryptionKey: box.publicKey,
    encryptionSecret: box.privateKey,
    signingKey: sign.publicKey,
    signingSecret: sign.privateKey,
  };
}

/** BLAKE2b-256 over a context, the encryption key and the signing key: names an identity's keys. */
export function fingerprintOf(identity: Pick<PublicIdentity, 'encryptionKey' | 'signingKey'>): Uint8Array {
  const input = new Uint8Array([
    ...new TextEncoder().encode(FINGERPRINT_CONTEXT),
    ...identity.encryptionKey,
    ...identity.signingKey,
  ]);
  return sodium.crypto_generichash(32, input, null);
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The first 80 bits of the fingerprint as four groups of four (Crockford base32), to read aloud. */
export function shortFingerprint(fingerprint: Uint8Array): string {
  let bits = '';
  for (const byte of fingerprint.slice(0, 10)) bits += byte.toString(2).padStart(8, '0');
  const chars = bits.match(/.{5}/g)!.map((b) => CROCKFORD[parseInt(b, 2)]!);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

const headerSchema = z
  .object({
    bundleId: z.uuid(),
    createdAt: z.iso.datetime({ offset: true }),
    sender: z
      .object({
        name: z.string().min(1).max(200),
        role: z.string().max(200),
        encryptionKey: key32,
        signingKey: key32,
      })
      .strict(),
    recipientFingerprint: z.string().regex(/^[0-9a-f]{64}$/),
    payloadType: z.enum(['holding.share.v1', 'holding.feedback.v1']),
  })
  .strict();
export type BundleHeader = z.output<typeof headerSchema>;

function u32(view: DataView, offset: number): number {
  return view.getUint32(offset, false);
}

export interface SealOptions {
  kind: BundleKind;
  sender: SecretIdentity;
  recipient: Pick<PublicIdentity, 'encryptionKey' | 'signingKey'>;
  payload: Uint8Array;
  bundleId?: string;
  createdAt?: string;
}

/** Makes a bundle: sealed to the recipient, signed by the sender. */
export function sealBundle(options: SealOptions): Uint8Array {
  const { sender, recipient, payload } = options;
  const header = new TextEncoder().encode(
    JSON.stringify({
      bundleId: options.bundleId ?? crypto.randomUUID(),
      createdAt: options.createdAt ?? new Date().toISOString(),
      sender: {
        name: sender.name,
        role: sender.role,
        encryptionKey: b64(sender.encryptionKey),
        signingKey: b64(sender.signingKey),
      },
      recipientFingerprint: Buffer.from(fingerprintOf(recipient)).toString('hex'),
      payloadType: options.kind === 'share' ? 'holding.share.v1' : 'holding.feedback.v1',
    }),
  );
  if (header.length > MAX_HEADER_BYTES) throw new Error('bundle header too large');
  const preamble = new Uint8Array(PREAMBLE_BYTES);
  preamble.set(new TextEncoder().encode(BUNDLE_MAGIC), 0);
  const view = new DataView(preamble.buffer);
  view.setUint8(8, BUNDLE_VERSION);
  view.setUint8(9, BUNDLE_KINDS[options.kind]);
  view.setUint16(10, 0, false);
  view.setUint32(12, header.length, false);
  const bound = new Uint8Array([...preamble, ...header]);
  const ad = sodium.crypto_generichash(32, bound, null);

  const contentKey = sodium.crypto_secretstream_xchacha20poly1305_keygen();
  const sealedKey = sodium.crypto_box_seal(contentKey, recipient.encryptionKey);
  const { state, header: streamHeader } = sodium.crypto_secretstream_xchacha20poly1305_init_push(contentKey);
  const parts: Uint8Array[] = [bound, sealedKey, streamHeader];
  const count = Math.max(1, Math.ceil(payload.length / CHUNK_BYTES));
  for (let i = 0; i < count; i++) {
    const chunk = payload.subarray(i * CHUNK_BYTES, (i + 1) * CHUNK_BYTES);
    const tag =
      i === count - 1
        ? sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
        : sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
    const cipher = sodium.crypto_secretstream_xchacha20poly1305_push(state, chunk, ad, tag);
    const length = new Uint8Array(4);
    new DataView(length.buffer).setUint32(0, cipher.length, false);
    parts.push(length, cipher);
  }
  sodium.memzero(contentKey);
  const signed = concat(parts);
  const signature = sodium.crypto_sign_detached(
    signatureMessage(signed, recipient.encryptionKey),
    sender.signingSecret,
  );
  return concat([signed, signature]);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

function signatureMessage(signed: Uint8Array, recipientKey: Uint8Array): Uint8Array {
  return concat([new TextEncoder().encode(SIGNATURE_CONTEXT), signed, recipientKey]);
}

export interface OpenedBundle {
  kind: BundleKind;
  header: BundleHeader;
  payload: Uint8Array;
}

/**
 * Opens a bundle made for `me`, or throws a BundleError saying kindly and exactly why not. `acceptSender`
 * runs as soon as the header is read, before any signature or decryption work: the app refuses a sender
 * who is not a confirmed contact there, so a stranger's large file costs next to nothing.
 */
export function openBundle(
  bytes: Uint8Array,
  me: SecretIdentity,
  acceptSender: (header: BundleHeader) => void = () => undefined,
): OpenedBundle {
  if (bytes.length > MAX_BUNDLE_BYTES) throw new BundleError('too-large');
  if (bytes.length < PREAMBLE_BYTES || new TextDecoder().decode(bytes.subarray(0, 8)) !== BUNDLE_MAGIC) {
    // An easy mix-up: a card file opened where a shared file was meant.
    const start = new TextDecoder()
      .decode(bytes.subarray(0, 64))
      .replace(/^\uFEFF/, '')
      .trimStart();
    throw new BundleError(start.startsWith(CARD_PREFIX) ? 'a-card' : 'not-a-bundle');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint8(8) !== BUNDLE_VERSION) throw new BundleError('unknown-version');
  const kindByte = view.getUint8(9);
  const kind = (Object.keys(BUNDLE_KINDS) as BundleKind[]).find((k) => BUNDLE_KINDS[k] === kindByte);
  if (!kind || view.getUint16(10, false) !== 0) throw new BundleError('malformed');
  const headerLength = u32(view, 12);
  if (headerLength === 0 || headerLength > MAX_HEADER_BYTES) throw new BundleError('malformed');
  const headerEnd = PREAMBLE_BYTES + headerLength;
  if (bytes.length < headerEnd) throw new BundleError('truncated');
  let header: BundleHeader;
  try {
    header = headerSchema.parse(
      JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(16, headerEnd))),
    );
  } catch {
    throw new BundleError('malformed');
  }
  if ((header.payloadType === 'holding.share.v1') !== (kind === 'share')) throw new BundleError('malformed');
  if (header.recipientFingerprint !== Buffer.from(fingerprintOf(me)).toString('hex')) {
    // Another easy mix-up: the file this person sealed for their supervisor, opened in their own Holding.
    throw new BundleError(sodium.memcmp(header.sender.signingKey, me.signingKey) ? 'yours' : 'not-for-you');
  }
  acceptSender(header);

  // The framing must be whole before anything is checked or decrypted: a cut-short file says so.
  const streamStart = headerEnd + SEALED_KEY_BYTES + STREAM_HEADER_BYTES;
  const end = bytes.length - SIGNATURE_BYTES;
  const chunks: [number, number][] = [];
  let offset = streamStart;
  while (offset < end) {
    if (offset + 4 > end) throw new BundleError('truncated');
    const length = u32(view, offset);
    if (length < STREAM_ABYTES || length > CHUNK_BYTES + STREAM_ABYTES) throw new BundleError('damaged');
    if (offset + 4 + length > end) throw new BundleError('truncated');
    chunks.push([offset + 4, offset + 4 + length]);
    offset += 4 + length;
  }
  if (streamStart > end || chunks.length === 0) throw new BundleError('truncated');
  // Every chunk but the last is full: a file of many tiny chunks is not one Holding made.
  if (chunks.slice(0, -1).some(([from, to]) => to - from !== CHUNK_BYTES + STREAM_ABYTES)) {
    throw new BundleError('damaged');
  }

  const signed = bytes.subarray(0, end);
  const signature = bytes.subarray(end);
  if (
    !sodium.crypto_sign_verify_detached(signature, signatureMessage(signed, me.encryptionKey), header.sender.signingKey)
  ) {
    throw new BundleError('bad-signature');
  }

  let contentKey: Uint8Array;
  try {
    contentKey = sodium.crypto_box_seal_open(
      bytes.subarray(headerEnd, headerEnd + SEALED_KEY_BYTES),
      me.encryptionKey,
      me.encryptionSecret,
    );
  } catch {
    // The recipient's fingerprint matched, so the sealed key was made for us and has been damaged.
    throw new BundleError('damaged');
  }
  const ad = sodium.crypto_generichash(32, bytes.subarray(0, headerEnd), null);
  const parts: Uint8Array[] = [];
  try {
    const state = sodium.crypto_secretstream_xchacha20poly1305_init_pull(
      bytes.subarray(headerEnd + SEALED_KEY_BYTES, streamStart),
      contentKey,
    );
    chunks.forEach(([from, to], i) => {
      const result = sodium.crypto_secretstream_xchacha20poly1305_pull(state, bytes.subarray(from, to), ad);
      if (!result) throw new BundleError('damaged');
      const final = result.tag === sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL;
      // The final tag marks the end: missing on the last chunk (cut short) or early (spliced), it is refused.
      if (final !== (i === chunks.length - 1)) throw new BundleError(final ? 'damaged' : 'truncated');
      parts.push(result.message);
    });
  } catch (error) {
    if (error instanceof BundleError) throw error;
    throw new BundleError('damaged');
  } finally {
    sodium.memzero(contentKey);
  }
  return { kind, header, payload: concat(parts) };
}

// --- Identity cards -----------------------------------------------------------------------------------------

const CARD_PREFIX = 'HOLDING-CARD-1.';
const cardSchema = z
  .object({
    name: z.string().min(1).max(200),
    role: z.string().max(200),
    encryptionKey: key32,
    signingKey: key32,
    /** The card's own fields, signed with its signing key: whoever made it holds the key. */
    signature: z
      .string()
      .regex(/^[A-Za-z0-9_-]{86}$/)
      .transform(unb64),
  })
  .strict();

function cardMessage(card: Pick<PublicIdentity, 'name' | 'role' | 'encryptionKey' | 'signingKey'>): Uint8Array {
  return cardMessageRaw({
    name: card.name,
    role: card.role,
    encryptionKey: b64(card.encryptionKey),
    signingKey: b64(card.signingKey),
  });
}

/** What a card's signature covers: its fields exactly as they appear in the card. */
function cardMessageRaw(card: { name: string; role: string; encryptionKey: string; signingKey: string }): Uint8Array {
  return new TextEncoder().encode(
    JSON.stringify(['HOLDING-CARD-1', card.name, card.role, card.encryptionKey, card.signingKey]),
  );
}

/** The card as text to paste or save as a small file: a prefix and base64url JSON, signed. */
export function cardOf(identity: SecretIdentity): string {
  const body = {
    name: identity.name,
    role: identity.role,
    encryptionKey: b64(identity.encryptionKey),
    signingKey: b64(identity.signingKey),
    signature: b64(sodium.crypto_sign_detached(cardMessage(identity), identity.signingSecret)),
  };
  return CARD_PREFIX + Buffer.from(JSON.stringify(body)).toString('base64url');
}

/** Reads a card; refuses anything malformed or not signed by its own key. */
export function parseCard(text: string): PublicIdentity {
  const trimmed = text.replace(/\s+/g, '');
  const refuse = () =>
    new AppError(
      'INVALID_INPUT',
      'That is not a Holding identity card, or part of it is missing. Please ask for it again.',
    );
  if (!trimmed.startsWith(CARD_PREFIX) || trimmed.length > 4096) throw refuse();
  let card: z.output<typeof cardSchema>;
  let body: { name: string; role: string; encryptionKey: string; signingKey: string } | undefined;
  try {
    body = JSON.parse(Buffer.from(trimmed.slice(CARD_PREFIX.length), 'base64url').toString('utf8')) as typeof body;
    card = cardSchema.parse(body);
  } catch {
    throw refuse();
  }
  // Signed over the card exactly as written; the name and role are tidied only after.
  if (!sodium.crypto_sign_verify_detached(card.signature, cardMessageRaw(body!), card.signingKey)) throw refuse();
  if (!usableEncryptionKey(card.encryptionKey)) throw refuse();
  const name = tidyName(card.name);
  if (!name) throw refuse();
  return { name, role: tidyName(card.role), encryptionKey: card.encryptionKey, signingKey: card.signingKey };
}

/**
 * A name or role as it may be shown: control, bidirectional-override and zero-width characters removed
 * (they could make one name look like another), spaces collapsed.
 */
export function tidyName(text: string): string {
  return text
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** An X25519 key that sealing can use: not one of the small-order points that make the result all zeros. */
function usableEncryptionKey(key: Uint8Array): boolean {
  const scalar = sodium.randombytes_buf(32);
  try {
    sodium.crypto_scalarmult(scalar, key);
    return true;
  } catch {
    return false;
  } finally {
    sodium.memzero(scalar);
  }
}
