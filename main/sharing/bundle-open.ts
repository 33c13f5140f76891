/**
 * Opening a bundle (docs/bundle-format.md). The checks, in this order: size, magic, version, kind, header,
 * that it is for us, that its framing is whole (truncation), the sender's signature over everything, then
 * the content key and every chunk. Nothing is returned until all of it has passed.
 */
import sodium from 'libsodium-wrappers-sumo';
import { parseStrictJson } from '../../common/strict-json';
import {
  BUNDLE_KINDS,
  BUNDLE_MAGIC,
  BUNDLE_VERSION,
  BUNDLE_VERSION_WITH_REPLIES,
  type BundleHeader,
  BundleError,
  type BundleKind,
  CHUNK_BYTES,
  concat,
  headerSchema,
  MAX_BUNDLE_BYTES,
  MAX_HEADER_BYTES,
  PREAMBLE_BYTES,
  SEALED_KEY_BYTES,
  SIGNATURE_BYTES,
  signatureMessage,
  STREAM_ABYTES,
  STREAM_HEADER_BYTES,
} from './bundle-format';
import { CARD_PREFIX, fingerprintHex, type SecretIdentity } from './card';

function u32(view: DataView, offset: number): number {
  return view.getUint32(offset, false);
}

export interface OpenedBundle {
  kind: BundleKind;
  /** 1, or 2 for a share carrying replies (docs/bundle-format.md). */
  version: number;
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
  const version = view.getUint8(8);
  if (version !== BUNDLE_VERSION && version !== BUNDLE_VERSION_WITH_REPLIES) throw new BundleError('unknown-version');
  const kindByte = view.getUint8(9);
  const kind = (Object.keys(BUNDLE_KINDS) as BundleKind[]).find((k) => BUNDLE_KINDS[k] === kindByte);
  if (!kind || view.getUint16(10, false) !== 0) throw new BundleError('malformed');
  // Version 2 is a share with replies; feedback is only ever version 1.
  if (version === BUNDLE_VERSION_WITH_REPLIES && kind !== 'share') throw new BundleError('malformed');
  const headerLength = u32(view, 12);
  if (headerLength === 0 || headerLength > MAX_HEADER_BYTES) throw new BundleError('malformed');
  const headerEnd = PREAMBLE_BYTES + headerLength;
  if (bytes.length < headerEnd) throw new BundleError('truncated');
  let header: BundleHeader;
  try {
    header = headerSchema.parse(
      parseStrictJson(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(16, headerEnd))),
    );
  } catch {
    throw new BundleError('malformed');
  }
  if ((header.payloadType === 'holding.share.v1') !== (kind === 'share')) throw new BundleError('malformed');
  if (header.recipientFingerprint !== fingerprintHex(me)) {
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
      // Every other chunk is a plain message, as Holding writes it: no push or rekey marks.
      if (!final && result.tag !== sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE) {
        throw new BundleError('damaged');
      }
      parts.push(result.message);
    });
  } catch (error) {
    if (error instanceof BundleError) throw error;
    throw new BundleError('damaged');
  } finally {
    sodium.memzero(contentKey);
  }
  return { kind, version, header, payload: concat(parts) };
}
