/**
 * An identity's keys, the fingerprint that names them, and the card that carries their public halves
 * (docs/bundle-format.md, "Identities"). Bundles are sealed to and signed by these keys (bundle.ts).
 */
import sodium from 'libsodium-wrappers-sumo';
import { parseStrictJson } from '../../common/strict-json';
import { z } from 'zod';
import { AppError } from '../../common/errors';

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

export async function sharingReady(): Promise<void> {
  await sodium.ready;
}

export const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const unb64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64url'));
const key32 = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/)
  .transform(unb64);

/** A public identity as a card and a bundle's header both write it. */
export const publicIdentityFields = {
  name: z.string().min(1).max(200),
  role: z.string().max(200),
  encryptionKey: key32,
  signingKey: key32,
};

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

/** The fingerprint as 64 lowercase hex digits: as a header names the recipient, and as contacts are stored. */
export function fingerprintHex(identity: Pick<PublicIdentity, 'encryptionKey' | 'signingKey'>): string {
  return Buffer.from(fingerprintOf(identity)).toString('hex');
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The first 80 bits of the fingerprint as four groups of four (Crockford base32), to read aloud. */
export function shortFingerprint(fingerprint: Uint8Array): string {
  let bits = '';
  for (const byte of fingerprint.slice(0, 10)) bits += byte.toString(2).padStart(8, '0');
  const chars = bits.match(/.{5}/g)!.map((b) => CROCKFORD[parseInt(b, 2)]!);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

// --- Identity cards -----------------------------------------------------------------------------------------

export const CARD_PREFIX = 'HOLDING-CARD-1.';
const cardSchema = z
  .object({
    ...publicIdentityFields,
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
    body = parseStrictJson(Buffer.from(trimmed.slice(CARD_PREFIX.length), 'base64url').toString('utf8')) as typeof body;
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
