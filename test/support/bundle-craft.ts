/**
 * Bundles written by hand from docs/bundle-format.md, not by main/sharing/bundle.ts, and properly signed
 * by the sender: what a careless or hostile writer might make, for the readers' tests (Holding's own and
 * the independent PyNaCl reader) to see the checks after the signature reached and refused.
 */
import sodium from 'libsodium-wrappers-sumo';
import { fingerprintOf, type SecretIdentity } from '../../main/sharing/card';

export interface CraftOptions {
  sender: SecretIdentity;
  recipient: SecretIdentity;
  pieces: Uint8Array[];
  finalAt?: number;
  ad?: Uint8Array;
  /** The tag for a chunk that is not final (TAG_MESSAGE unless given). */
  middleTag?: number;
  /** Rewrites the header's JSON text before it is framed and signed. */
  headerText?: (json: string) => string;
  /** The format version byte: 1 unless given (2 for a share carrying replies). */
  version?: number;
}

export function craftBundle(options: CraftOptions): Uint8Array {
  const { sender, recipient } = options;
  const rewrite = options.headerText ?? ((json: string) => json);
  const header = new TextEncoder().encode(
    rewrite(
      JSON.stringify({
        bundleId: crypto.randomUUID(),
        createdAt: new Date().toISOString(),
        sender: {
          name: sender.name,
          role: sender.role,
          encryptionKey: Buffer.from(sender.encryptionKey).toString('base64url'),
          signingKey: Buffer.from(sender.signingKey).toString('base64url'),
        },
        recipientFingerprint: Buffer.from(fingerprintOf(recipient)).toString('hex'),
        payloadType: 'holding.share.v1',
      }),
    ),
  );
  const preamble = new Uint8Array(16);
  preamble.set(new TextEncoder().encode('HOLDBNDL'));
  const view = new DataView(preamble.buffer);
  view.setUint8(8, options.version ?? 1);
  view.setUint8(9, 1);
  view.setUint32(12, header.length, false);
  const bound = new Uint8Array([...preamble, ...header]);
  const ad = options.ad ?? sodium.crypto_generichash(32, bound, null);
  const key = sodium.crypto_secretstream_xchacha20poly1305_keygen();
  const { state, header: streamHeader } = sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
  const parts: number[] = [...bound, ...sodium.crypto_box_seal(key, recipient.encryptionKey), ...streamHeader];
  const finalAt = options.finalAt ?? options.pieces.length - 1;
  options.pieces.forEach((piece, i) => {
    const tag =
      i === finalAt
        ? sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
        : (options.middleTag ?? sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
    const cipher = sodium.crypto_secretstream_xchacha20poly1305_push(state, piece, ad, tag);
    const length = new Uint8Array(4);
    new DataView(length.buffer).setUint32(0, cipher.length, false);
    parts.push(...length, ...cipher);
  });
  const signed = new Uint8Array(parts);
  const message = new Uint8Array([
    ...new TextEncoder().encode('HOLDING-BUNDLE-SIG-1\0'),
    ...signed,
    ...recipient.encryptionKey,
  ]);
  return new Uint8Array([...signed, ...sodium.crypto_sign_detached(message, sender.signingSecret)]);
}
