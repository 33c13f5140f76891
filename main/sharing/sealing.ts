/**
 * What the sharing rooms have in common: whose keys seal and open (the person's own, a verified contact's),
 * wiping the copies of the secret keys once used, the refusals they share, and how deep a payload may nest.
 */
import sodium from 'libsodium-wrappers-sumo';
import { parseStrictJson } from '../../common/strict-json';
import { AppError } from '../../common/errors';
import { BundleError } from './bundle-format';
import type { SecretIdentity } from './card';
import type { IdentityService } from './identity';

/** Refusals that are about who sent it or what it answers: the bundle itself was sound. */
export function refuse(message: string): AppError {
  return new AppError('INVALID_INPUT', message);
}

export class SharingKeys {
  constructor(private readonly identity: IdentityService) {}

  /** Copies of the person's own keys: use them through `withKeys`, which wipes them. */
  me(): SecretIdentity {
    const me = this.identity.secret();
    if (!me) {
      throw refuse(
        'Please make your card first, under “Your card” on the Sharing page: shared files are sealed to it.',
      );
    }
    return me;
  }

  /** A verified contact's keys: sharing and feedback go only to someone whose fingerprint was confirmed. */
  recipient(contactId: string | null) {
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
}

/** Seals or opens with the copies of the secret keys `me` holds, then wipes them, whatever happens. */
export function withKeys<T>(me: SecretIdentity, use: (me: SecretIdentity) => T): T {
  try {
    return use(me);
  } finally {
    sodium.memzero(me.encryptionSecret);
    sodium.memzero(me.signingSecret);
  }
}

/** Deeper than any document the editor allows (common/journal/doc.ts): refused before the schema walks it. */
export const MAX_PAYLOAD_DEPTH = 64;

/** How deeply a parsed JSON value nests, without recursion (so no stack to overflow). */
export function depthOf(value: unknown): number {
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

export function parsePayload<T>(bytes: Uint8Array, schema: { parse(v: unknown): T }): T {
  try {
    const value: unknown = parseStrictJson(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    if (depthOf(value) > MAX_PAYLOAD_DEPTH) throw new Error('too deep');
    return schema.parse(value);
  } catch {
    // Parsed by zod after the signature and decryption held: made by a different version, or by hand.
    throw new BundleError('malformed');
  }
}
