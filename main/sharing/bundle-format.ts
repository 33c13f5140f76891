/**
 * What sealing (bundle.ts) and opening (bundle-open.ts) agree on, as docs/bundle-format.md specifies it:
 *
 *   magic "HOLDBNDL" | version | kind | reserved | header length | header (JSON)
 *   | sealed content key | secretstream header | chunks (length-prefixed) | Ed25519 signature
 *
 * and the refusals, in the words the window shows.
 */
import { z } from 'zod';
import { AppError } from '../../common/errors';
import { publicIdentityFields } from './card';

export const BUNDLE_MAGIC = 'HOLDBNDL';
/** Version 1: every feedback, and a share without replies, written exactly as before replies existed. */
export const BUNDLE_VERSION = 1;
/**
 * Version 2: a share carrying replies to the supervisor's comments. An older Holding refuses any version but 1
 * as "made by a newer version of Holding", so its person is asked to update rather than told the file is damaged.
 */
export const BUNDLE_VERSION_WITH_REPLIES = 2;
export const BUNDLE_KINDS = { share: 1, feedback: 2 } as const;
export type BundleKind = keyof typeof BUNDLE_KINDS;
/** Checked against the file's size before anything is read into memory. */
export const MAX_BUNDLE_BYTES = 64 * 1024 * 1024;
export const MAX_HEADER_BYTES = 64 * 1024;
export const CHUNK_BYTES = 64 * 1024;
export const PREAMBLE_BYTES = 16;
export const SEALED_KEY_BYTES = 32 + 48; // crypto_box_SEALBYTES (48) + a 32-byte key
export const STREAM_HEADER_BYTES = 24;
export const STREAM_ABYTES = 17;
export const SIGNATURE_BYTES = 64;
const SIGNATURE_CONTEXT = 'HOLDING-BUNDLE-SIG-1\0';

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

export const headerSchema = z
  .object({
    bundleId: z.uuid(),
    createdAt: z.iso.datetime({ offset: true }),
    sender: z.object(publicIdentityFields).strict(),
    recipientFingerprint: z.string().regex(/^[0-9a-f]{64}$/),
    payloadType: z.enum(['holding.share.v1', 'holding.feedback.v1']),
  })
  .strict();
export type BundleHeader = z.output<typeof headerSchema>;

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** What the sender signs: everything before the signature, bound to the recipient's key. */
export function signatureMessage(signed: Uint8Array, recipientKey: Uint8Array): Uint8Array {
  return concat([new TextEncoder().encode(SIGNATURE_CONTEXT), signed, recipientKey]);
}
