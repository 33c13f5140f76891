/**
 * An independent reader: test/support/bundle_reader.py follows docs/bundle-format.md with PyNaCl (Debian's
 * python3-nacl), a different libsodium binding, and must open what the app makes and refuse what it refuses.
 * .ci/run installs python3-nacl; where it is missing this test says so and skips.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createIdentity, openBundle, sealBundle, type SecretIdentity, sharingReady } from '../../main/sharing/bundle';
import { tempDir } from '../support/temp';

const READER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'support', 'bundle_reader.py');
const PYTHON = '/usr/bin/python3';
const hasNacl = spawnSync(PYTHON, ['-c', 'import nacl.bindings'], { stdio: 'ignore' }).status === 0;
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

let supervisee: SecretIdentity;
let supervisor: SecretIdentity;
beforeAll(async () => {
  await sharingReady();
  supervisee = createIdentity('Sam Rivers', 'Clinical psychologist');
  supervisor = createIdentity('Dr Ama Mensah', 'Clinical supervisor');
});

function readWithPython(file: string, me: SecretIdentity): { status: number; out: string; err: string } {
  const run = spawnSync(PYTHON, [READER, file, b64(me.encryptionKey), b64(me.encryptionSecret), b64(me.signingKey)], {
    encoding: 'utf8',
  });
  return { status: run.status ?? -1, out: run.stdout, err: run.stderr.trim() };
}

describe('the bundle format, read by an independent implementation', () => {
  it.skipIf(!hasNacl)(
    `PyNaCl opens what Holding seals, and refuses the same damage${hasNacl ? '' : ' (skipped: python3-nacl is not installed)'}`,
    async () => {
      const dir = await tempDir();
      const text = JSON.stringify({ title: 'Reflections for supervision', words: 'Ünïcödé, שלום, 🌱 '.repeat(8000) });
      const bytes = sealBundle({
        kind: 'share',
        sender: supervisee,
        recipient: supervisor,
        payload: new TextEncoder().encode(text),
      });
      const file = path.join(dir, 'share.holding');
      writeFileSync(file, bytes);
      const read = readWithPython(file, supervisor);
      expect(read.err).toBe('');
      const parsed = JSON.parse(read.out) as {
        kind: number;
        header: { bundleId: string; sender: { name: string } };
        payload: string;
      };
      expect(parsed.kind).toBe(1);
      expect(parsed.payload).toBe(text);
      expect(parsed.header.sender.name).toBe('Sam Rivers');
      expect(parsed.header.bundleId).toBe(openBundle(bytes, supervisor).header.bundleId);

      const cases: [string, Uint8Array, string][] = [
        ['truncated', bytes.subarray(0, bytes.length - 100), 'truncated'],
        ['not for them', bytes, 'not-for-you'],
        ['unknown version', Uint8Array.from(bytes, (v, i) => (i === 8 ? 9 : v)), 'unknown-version'],
        ['a flipped bit', Uint8Array.from(bytes, (v, i) => (i === bytes.length - 300 ? v ^ 1 : v)), 'bad-signature'],
      ];
      for (const [name, data, reason] of cases) {
        const damaged = path.join(dir, `${name}.holding`);
        writeFileSync(damaged, data);
        const result = readWithPython(damaged, name === 'not for them' ? supervisee : supervisor);
        expect(result.status, name).toBe(2);
        expect(result.err, name).toBe(reason);
      }
    },
  );
});
