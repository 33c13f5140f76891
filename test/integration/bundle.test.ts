/**
 * The bundle codec (main/sharing/bundle.ts): a round trip, every refusal the issue names as its own test,
 * and a fuzz test mutating bundles thousands of times (no crash, nothing half-opened).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BundleError,
  type BundleProblem,
  cardOf,
  createIdentity,
  fingerprintOf,
  MAX_BUNDLE_BYTES,
  openBundle,
  parseCard,
  sealBundle,
  type SecretIdentity,
  sharingReady,
  shortFingerprint,
} from '../../main/sharing/bundle';

let supervisee: SecretIdentity;
let supervisor: SecretIdentity;
let stranger: SecretIdentity;
const payload = new TextEncoder().encode(JSON.stringify({ title: 'Reflections', words: 'x'.repeat(150_000) }));

beforeAll(async () => {
  await sharingReady();
  supervisee = createIdentity('Sam Rivers', 'Clinical psychologist');
  supervisor = createIdentity('Dr Ama Mensah', 'Clinical supervisor');
  stranger = createIdentity('Someone else', '');
});

const share = (overrides: Partial<Parameters<typeof sealBundle>[0]> = {}) =>
  sealBundle({ kind: 'share', sender: supervisee, recipient: supervisor, payload, ...overrides });

function refusal(bytes: Uint8Array, me: SecretIdentity = supervisor): BundleProblem | 'opened' {
  try {
    openBundle(bytes, me);
    return 'opened';
  } catch (error) {
    if (error instanceof BundleError) return error.problem;
    throw error;
  }
}

describe('a bundle', () => {
  it('opens for its recipient with the payload whole, in several chunks, signed by the sender', () => {
    const bytes = share();
    const opened = openBundle(bytes, supervisor);
    expect(opened.kind).toBe('share');
    expect(new TextDecoder().decode(opened.payload)).toBe(new TextDecoder().decode(payload));
    expect(opened.header.sender.name).toBe('Sam Rivers');
    expect(Buffer.from(opened.header.sender.signingKey)).toEqual(Buffer.from(supervisee.signingKey));
    expect(opened.header.recipientFingerprint).toBe(Buffer.from(fingerprintOf(supervisor)).toString('hex'));
    expect(new TextDecoder().decode(bytes.subarray(0, 8))).toBe('HOLDBNDL');
    // Nothing of the payload is readable in the file.
    expect(Buffer.from(bytes).includes(Buffer.from('Reflections'))).toBe(false);
  });

  it('carries feedback the other way, and an empty payload', () => {
    const back = sealBundle({ kind: 'feedback', sender: supervisor, recipient: supervisee, payload: new Uint8Array() });
    const opened = openBundle(back, supervisee);
    expect(opened.kind).toBe('feedback');
    expect(opened.payload.length).toBe(0);
  });
});

describe('refusals, each its own', () => {
  it('a truncated bundle', () => {
    const bytes = share();
    for (const cut of [1, 64, 65, 1000, bytes.length - 200]) {
      expect(refusal(bytes.subarray(0, bytes.length - cut)), `cut ${cut}`).toMatch(/truncated|bad-signature/);
    }
    expect(refusal(bytes.subarray(0, 40))).toBe('truncated');
  });

  it('a bundle over the size cap, before anything is read', () => {
    // Only the length is looked at: a view as long as the cap plus one, never filled.
    const big = new Uint8Array(MAX_BUNDLE_BYTES + 1);
    expect(refusal(big)).toBe('too-large');
  });

  it('an unknown version', () => {
    const bytes = share();
    bytes[8] = 2;
    expect(refusal(bytes)).toBe('unknown-version');
  });

  it('something that is not a bundle at all', () => {
    expect(refusal(new TextEncoder().encode('%PDF-1.7 not a bundle'))).toBe('not-a-bundle');
    expect(refusal(new Uint8Array())).toBe('not-a-bundle');
  });

  it('tampering anywhere: each region, one bit', () => {
    const clean = share();
    const headerLength = new DataView(clean.buffer).getUint32(12, false);
    const regions: [string, number][] = [
      ['kind', 9],
      ['reserved', 10],
      ['header', 16 + 40],
      ['sealed key', 16 + headerLength + 10],
      ['stream header', 16 + headerLength + 80 + 5],
      ['chunk length', 16 + headerLength + 104 + 1],
      ['ciphertext', 16 + headerLength + 104 + 4 + 500],
      ['last chunk', clean.length - 64 - 20],
      ['signature', clean.length - 10],
    ];
    for (const [name, at] of regions) {
      const bytes = clean.slice();
      bytes[at]! ^= 0x01;
      expect(refusal(bytes), name).not.toBe('opened');
    }
  });

  it('signed by the wrong key', () => {
    const bytes = share();
    const forged = share({ sender: { ...stranger, name: 'Sam Rivers', signingKey: supervisee.signingKey } });
    expect(refusal(forged)).toBe('bad-signature');
    expect(refusal(bytes)).toBe('opened');
  });

  it('sealed to someone else', () => {
    expect(refusal(share(), stranger)).toBe('not-for-you');
    // The header names the supervisor, but the key was sealed to the stranger.
    const misaddressed = share({ recipient: { ...supervisor, encryptionKey: stranger.encryptionKey } });
    expect(refusal(misaddressed)).toBe('not-for-you');
  });

  it('chunks spliced from another bundle', () => {
    const a = share();
    const b = share();
    const h = new DataView(a.buffer).getUint32(12, false);
    const spliced = a.slice();
    spliced.set(b.subarray(16 + h, b.length - 64), 16 + h); // same sizes: the sealed key, stream and chunks of b
    expect(refusal(spliced)).toBe('bad-signature');
  });
});

describe('identity cards', () => {
  it('round-trip, with a short fingerprint to read aloud', () => {
    const card = cardOf(supervisor);
    const read = parseCard(`  ${card.slice(0, 30)}\n${card.slice(30)} `);
    expect(read.name).toBe('Dr Ama Mensah');
    expect(shortFingerprint(fingerprintOf(read))).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(shortFingerprint(fingerprintOf(read))).toBe(shortFingerprint(fingerprintOf(supervisor)));
  });

  it('are refused when malformed, cut short or altered', () => {
    const card = cardOf(supervisor);
    const json = JSON.parse(Buffer.from(card.slice('HOLDING-CARD-1.'.length), 'base64url').toString()) as Record<
      string,
      string
    >;
    const altered = `HOLDING-CARD-1.${Buffer.from(JSON.stringify({ ...json, name: 'Someone else' })).toString('base64url')}`;
    for (const bad of ['', 'hello', card.slice(0, 40), altered, card.replace('HOLDING-CARD-1.', 'HOLDING-CARD-2.')]) {
      expect(() => parseCard(bad), bad.slice(0, 20)).toThrow(/not a Holding identity card/);
    }
  });
});

describe('fuzzing', () => {
  it('survives thousands of mutations: a clear refusal or the exact payload, never a crash', () => {
    const small = sealBundle({
      kind: 'share',
      sender: supervisee,
      recipient: supervisor,
      payload: new TextEncoder().encode('{"title":"short"}'.repeat(5000)),
    });
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat({ max: small.length - 1 }), value: fc.integer({ min: 0, max: 255 }) }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.option(fc.nat({ max: small.length }), { nil: undefined }),
        (edits, cut) => {
          const bytes = small.slice(0, cut ?? small.length);
          for (const { at, value } of edits) if (at < bytes.length) bytes[at] = value;
          const same = bytes.length === small.length && bytes.every((v, i) => v === small[i]);
          try {
            const opened = openBundle(bytes, supervisor);
            // Only an unchanged bundle opens.
            return same && opened.payload.length === 85_000;
          } catch (error) {
            return !same && error instanceof BundleError;
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});
