/**
 * The bundle codec (main/sharing/bundle.ts): a round trip, every refusal the issue names as its own test,
 * and a fuzz test mutating bundles thousands of times (no crash, nothing half-opened).
 */
import fc from 'fast-check';
import sodium from 'libsodium-wrappers-sumo';
import { beforeAll, describe, expect, it } from 'vitest';
import { sealBundle } from '../../main/sharing/bundle';
import { BundleError, type BundleProblem, MAX_BUNDLE_BYTES } from '../../main/sharing/bundle-format';
import { openBundle } from '../../main/sharing/bundle-open';
import { parsePayload } from '../../main/sharing/sealing';
import { craftBundle, type CraftOptions } from '../support/bundle-craft';
import {
  cardOf,
  createIdentity,
  fingerprintOf,
  parseCard,
  type SecretIdentity,
  sharingReady,
  shortFingerprint,
} from '../../main/sharing/card';

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

  it('a bundle over the size cap, refused by its length alone', () => {
    // (Reading a file never reads past the cap: see readCapped in sharing.test.ts.)
    const big = new Uint8Array(MAX_BUNDLE_BYTES + 1);
    expect(refusal(big)).toBe('too-large');
  });

  it('an unknown version', () => {
    const bytes = share();
    bytes[8] = 3; // 1 and 2 (a share with replies) are known
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
    // The sender opening their own file is told so.
    expect(refusal(share(), supervisee)).toBe('yours');
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

const craft = (options: Omit<CraftOptions, 'recipient' | 'sender'> & { sender?: SecretIdentity }) =>
  craftBundle({ sender: supervisee, recipient: supervisor, ...options });

describe('refusals past the signature (a sender who wrote the file by hand)', () => {
  const full = () => new Uint8Array(64 * 1024).fill(65);

  it('opens what is written to the letter of the format', () => {
    expect(refusal(craft({ pieces: [full(), new Uint8Array([66])] }))).toBe('opened');
  });

  it('many small chunks: refused before any decryption', () => {
    expect(refusal(craft({ pieces: [new Uint8Array(10), new Uint8Array(10), new Uint8Array(10)] }))).toBe('damaged');
  });

  it('no final tag on the last chunk: cut short at a chunk boundary', () => {
    expect(refusal(craft({ pieces: [full(), full()], finalAt: 5 }))).toBe('truncated');
  });

  it('a final tag before the last chunk', () => {
    expect(refusal(craft({ pieces: [full(), full()], finalAt: 0 }))).toBe('damaged');
  });

  it('chunks not bound to this header', () => {
    expect(refusal(craft({ pieces: [full()], ad: new Uint8Array(32) }))).toBe('damaged');
  });

  it('a push or rekey mark where the format says a plain message', () => {
    for (const middleTag of [
      sodium.crypto_secretstream_xchacha20poly1305_TAG_PUSH,
      sodium.crypto_secretstream_xchacha20poly1305_TAG_REKEY,
    ]) {
      expect(refusal(craft({ pieces: [full(), full(), new Uint8Array([66])], middleTag }))).toBe('damaged');
    }
  });

  it('a header that names a member twice, signed as it is: one reader must not see another sender', () => {
    const impostor = createIdentity('Dr Ama Mensah', 'Clinical supervisor');
    const twice = (json: string) =>
      json.replace(
        '"recipientFingerprint"',
        `"sender":${JSON.stringify({
          name: impostor.name,
          role: impostor.role,
          encryptionKey: Buffer.from(impostor.encryptionKey).toString('base64url'),
          signingKey: Buffer.from(impostor.signingKey).toString('base64url'),
        })},"recipientFingerprint"`,
      );
    expect(refusal(craft({ pieces: [new Uint8Array([66])], headerText: twice }))).toBe('malformed');
    const idTwice = (json: string) => json.replace('"createdAt"', `"bundleId":"${crypto.randomUUID()}","createdAt"`);
    expect(refusal(craft({ pieces: [new Uint8Array([66])], headerText: idTwice }))).toBe('malformed');
    // The same header without the repeat opens.
    expect(refusal(craft({ pieces: [new Uint8Array([66])], headerText: (json) => json }))).toBe('opened');
  });

  it('a payload that names a member twice, however deep', () => {
    const read = (json: string) => {
      try {
        return parsePayload(new TextEncoder().encode(json), { parse: (v: unknown) => v });
      } catch (error) {
        return error instanceof BundleError ? error.problem : error;
      }
    };
    expect(read('{"title":"Reflections","entries":[]}')).toEqual({ title: 'Reflections', entries: [] });
    expect(read('{"title":"Reflections","title":"Something else"}')).toBe('malformed');
    expect(read('{"entries":[{"id":"a","text":"x","text":"y"}]}')).toBe('malformed');
  });
});

describe('identity cards', () => {
  it('are refused when a member is named twice (a reader taking the first would show another name)', () => {
    const card = cardOf(supervisor);
    const body = Buffer.from(card.slice('HOLDING-CARD-1.'.length), 'base64url').toString('utf8');
    const twice = body.replace('{', '{"name":"Dr Amma Mensah",');
    expect(() => parseCard(`HOLDING-CARD-1.${Buffer.from(twice).toString('base64url')}`)).toThrow();
    expect(parseCard(card).name).toBe('Dr Ama Mensah');
  });

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

  it('are read as signed, and shown without characters that could disguise a name', () => {
    const odd = createIdentity('Dr Ama\u202E Mensah \n\u0007', ' Clinical\u200B supervisor ');
    expect(parseCard(cardOf(odd))).toMatchObject({ name: 'Dr Ama Mensah', role: 'Clinical supervisor' });
  });

  it('are refused with an encryption key that sealing cannot use', () => {
    const zero = { ...stranger, encryptionKey: new Uint8Array(32) };
    expect(() => parseCard(cardOf(zero))).toThrow(/not a Holding identity card/);
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
