/**
 * Share bundles: a file that protects its own contents, whatever carries it (e-mail, USB, a shared drive).
 * The format is specified in docs/bundle-format.md, precisely enough to write a reader from; this module
 * and test/support/bundle_reader.py (PyNaCl) both follow it.
 *
 * This module seals; bundle-open.ts opens; bundle-format.ts holds what both agree on (layout, limits,
 * refusals); card.ts the keys, fingerprints and cards. Each is imported from where it lives.
 */
import sodium from 'libsodium-wrappers-sumo';
import {
  BUNDLE_KINDS,
  BUNDLE_MAGIC,
  BUNDLE_VERSION,
  type BundleKind,
  CHUNK_BYTES,
  concat,
  MAX_HEADER_BYTES,
  PREAMBLE_BYTES,
  signatureMessage,
} from './bundle-format';
import { b64, fingerprintHex, type PublicIdentity, type SecretIdentity } from './card';

export interface SealOptions {
  kind: BundleKind;
  sender: SecretIdentity;
  recipient: Pick<PublicIdentity, 'encryptionKey' | 'signingKey'>;
  payload: Uint8Array;
  bundleId?: string;
  createdAt?: string;
  /** BUNDLE_VERSION unless said: BUNDLE_VERSION_WITH_REPLIES for a share carrying replies. */
  version?: number;
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
      recipientFingerprint: fingerprintHex(recipient),
      payloadType: options.kind === 'share' ? 'holding.share.v1' : 'holding.feedback.v1',
    }),
  );
  if (header.length > MAX_HEADER_BYTES) throw new Error('bundle header too large');
  const preamble = new Uint8Array(PREAMBLE_BYTES);
  preamble.set(new TextEncoder().encode(BUNDLE_MAGIC), 0);
  const view = new DataView(preamble.buffer);
  view.setUint8(8, options.version ?? BUNDLE_VERSION);
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
