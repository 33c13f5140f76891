/**
 * An independent reader: test/support/bundle_reader.py follows docs/bundle-format.md with PyNaCl (Debian's
 * python3-nacl), a different libsodium binding, and must open what the app makes and refuse what it refuses.
 * .ci/run installs python3-nacl; where it is missing this test says so and skips.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sodium from 'libsodium-wrappers-sumo';
import { beforeAll, describe, expect, it } from 'vitest';
import { sealBundle } from '../../main/sharing/bundle';
import { openBundle } from '../../main/sharing/bundle-open';
import { BundleError } from '../../main/sharing/bundle-format';
import { createIdentity, type SecretIdentity, sharingReady } from '../../main/sharing/card';
import { craftBundle } from '../support/bundle-craft';
import { identifiersLeftIn } from '../support/export-fixture';
import { importAt, shareFromSam, twoPeople } from '../support/sharing-fixture';
import { tempDir } from '../support/temp';
import { servicesPerTest } from '../support/vault';

const open = servicesPerTest();

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
      const file = path.join(dir, 'share.holdingbundle');
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
      // Written by hand and signed: a header naming its sender twice, and a push mark mid-stream.
      const impostor = createIdentity('Dr Ama Mensah', 'Clinical supervisor');
      const senderTwice = (json: string) =>
        json.replace('"recipientFingerprint"', `"sender":{"name":"${impostor.name}"},"recipientFingerprint"`);
      const full = new Uint8Array(64 * 1024).fill(65);
      cases.push(
        [
          'a member named twice',
          craftBundle({ sender: supervisee, recipient: supervisor, pieces: [full], headerText: senderTwice }),
          'malformed',
        ],
        [
          'a push tag',
          craftBundle({
            sender: supervisee,
            recipient: supervisor,
            pieces: [full, new Uint8Array([66])],
            middleTag: sodium.crypto_secretstream_xchacha20poly1305_TAG_PUSH,
          }),
          'damaged',
        ],
      );
      // As strict as the app's schema: a header time with a newline after it (Python's `$` allows one), in
      // digits other than ASCII (Python's `\d` takes any), without its seconds, at an hour or on a day that never
      // was, and an id with a newline after it, are malformed to both readers.
      const headerWith = (member: string, value: string) => (json: string) =>
        json.replace(new RegExp(`"${member}":"[^"]*"`), `"${member}":${JSON.stringify(value)}`);
      const strictHeader: [string, string, string][] = [
        ['a header time with a newline after it', 'createdAt', '2026-12-05T09:00:00.000Z\n'],
        ['a header time in other digits', 'createdAt', '٢٠٢٦-١٢-٠٥T09:00:00.000Z'],
        ['a header time without its seconds', 'createdAt', '2026-12-05T09:00Z'],
        ['a header time at hour 24', 'createdAt', '2026-12-05T24:00:00Z'],
        ['a header time on a day that never was', 'createdAt', '2026-02-29T09:00:00Z'],
        ['a bundle id with a newline after it', 'bundleId', `${crypto.randomUUID()}\n`],
      ];
      for (const [name, member, value] of strictHeader) {
        const data = craftBundle({
          sender: supervisee,
          recipient: supervisor,
          pieces: [full],
          headerText: headerWith(member, value),
        });
        expect(() => openBundle(data, supervisor), name).toThrow(BundleError);
        cases.push([name, data, 'malformed']);
      }
      // What the hand writer makes without those faults, both readers open.
      const plain = path.join(dir, 'by-hand.holdingbundle');
      writeFileSync(
        plain,
        craftBundle({ sender: supervisee, recipient: supervisor, pieces: [full, new Uint8Array([66])] }),
      );
      expect(readWithPython(plain, supervisor).status).toBe(0);
      for (const [name, data, reason] of cases) {
        const damaged = path.join(dir, `${name}.holdingbundle`);
        writeFileSync(damaged, data);
        const result = readWithPython(damaged, name === 'not for them' ? supervisee : supervisor);
        expect(result.status, name).toBe(2);
        expect(result.err, name).toBe(reason);
      }
    },
  );

  it.skipIf(!hasNacl)(
    `PyNaCl opens a share made by the app between two vaults, and the feedback back${hasNacl ? '' : ' (skipped: python3-nacl is not installed)'}`,
    async () => {
      const people = await twoPeople(open);
      const shared = await shareFromSam(people);
      const ama = people.ama.identity.secret()!;
      const read = readWithPython(shared.file, ama);
      expect(read.err).toBe('');
      const share = JSON.parse(JSON.parse(read.out).payload as string) as {
        type: string;
        items: { ref: string; kind: string }[];
      };
      expect(share.type).toBe('holding.share.v1');
      expect(share.items.map((i) => i.kind)).toEqual(['entry', 'entry', 'entry', 'agenda-item']);
      expect(identifiersLeftIn(read.out)).toEqual([]);

      const imported = await importAt(people.ama, people.files, shared.file);
      if (imported.kind !== 'share') throw new Error('expected a share');
      await people.ama.sharing.saveComment(imported.share.id, share.items[0]!.ref, 'Well held.');
      const { bundle } = await people.ama.sharing.sealFeedback(imported.share.id);
      const file = path.join(people.folder, 'feedback.holdingbundle');
      writeFileSync(file, bundle);
      const back = readWithPython(file, people.sam.identity.secret()!);
      expect(back.err).toBe('');
      const parsed = JSON.parse(back.out) as { kind: number; header: { sender: { name: string } }; payload: string };
      expect(parsed.kind).toBe(2);
      expect(parsed.header.sender.name).toBe('Dr Ama Mensah');
      expect(JSON.parse(parsed.payload)).toMatchObject({
        type: 'holding.feedback.v1',
        inReplyTo: JSON.parse(read.out).header.bundleId,
        comments: [{ ref: share.items[0]!.ref, body: 'Well held.' }],
      });
    },
  );

  it.skipIf(!hasNacl)(
    `PyNaCl reads a share that carries replies, and both readers refuse replies that break the schema${hasNacl ? '' : ' (skipped: python3-nacl is not installed)'}`,
    async () => {
      const people = await twoPeople(open);
      const { sam, ama, files, amaAtSam } = people;
      const shared = await shareFromSam(people);
      const imported = await importAt(ama, files, shared.file);
      if (imported.kind !== 'share') throw new Error('expected a share');
      const ref = ama.sharing.receivedShare(imported.share.id).items[0]!.ref;
      await ama.sharing.saveComment(imported.share.id, ref, 'Well held.');
      const feedback = await ama.sharing.sealFeedback(imported.share.id);
      feedback.record();
      const feedbackFile = path.join(people.folder, 'feedback.holdingbundle');
      writeFileSync(feedbackFile, feedback.bundle);
      await importAt(sam, files, feedbackFile);
      const feedbackId = sam.sharing.sent()[0]!.feedback[0]!.id;
      sam.sharing.addReply(feedbackId, ref, 'Thank you: I will bring the rest next time.');

      // Sam's next share, with the reply, made by the app.
      const selection = {
        ...shared.selection,
        entries: [{ id: shared.entryIds[2]!, excerpt: null }],
        agendas: [],
        replies: amaAtSam.id,
      };
      const check = await sam.exports.check(selection);
      const { doc } = await sam.exports.settled(
        selection,
        { byValue: {}, byFinding: {}, pseudonyms: {} },
        check.fingerprint,
      );
      const sealed = await sam.sharing.sealShare(doc, amaAtSam.id);
      const file = path.join(people.folder, 'with-replies.holdingbundle');
      writeFileSync(file, sealed.bundle);
      const read = readWithPython(file, ama.identity.secret()!);
      expect(read.err).toBe('');
      const payload = JSON.parse(JSON.parse(read.out).payload as string) as { replies: unknown[] };
      expect(payload.replies).toEqual([
        {
          id: expect.any(String),
          share: sam.sharing.sent()[0]!.bundleId,
          ref,
          body: 'Thank you: I will bring the rest next time.',
          writtenAt: expect.any(String),
        },
      ]);

      // Written by hand from the spec: one the app opens and threads, and faulty ones both readers refuse.
      const samKeys = sam.identity.secret()!;
      const amaKeys = ama.identity.secret()!;
      const reply = {
        id: crypto.randomUUID(),
        share: sam.sharing.sent()[0]!.bundleId,
        ref,
        body: 'By hand.',
        writtenAt: '2026-12-05T09:00:00+01:00',
      };
      const item = { ref: 'B'.repeat(22), kind: 'entry', title: [], meta: null, blocks: [], clientMaterial: false };
      const share = (replies: string) =>
        `{"type":"holding.share.v1","title":"By hand","preparedOn":"2026-12-05","items":[${JSON.stringify(item)}],"replies":${replies}}`;
      const byHand = (text: string, version = 2) =>
        craftBundle({ sender: samKeys, recipient: amaKeys, pieces: [new TextEncoder().encode(text)], version });
      const good = byHand(share(JSON.stringify([reply])));
      const goodFile = path.join(people.folder, 'good.holdingbundle');
      writeFileSync(goodFile, good);
      expect(readWithPython(goodFile, amaKeys).status).toBe(0);
      expect(await ama.sharing.importBytes(good)).toMatchObject({ kind: 'share', replies: { added: 1 } });

      const faulty: [string, string][] = [
        ['an unknown member', JSON.stringify([{ ...reply, id: crypto.randomUUID(), mood: 'fine' }])],
        [
          'a member named twice',
          JSON.stringify([{ ...reply, id: crypto.randomUUID() }]).replace('"body":', '"body":"x","body":'),
        ],
        ['an empty list', '[]'],
        [
          'a time without its offset',
          JSON.stringify([{ ...reply, id: crypto.randomUUID(), writtenAt: '2026-12-05T09:00:00' }]),
        ],
        ['an empty body', JSON.stringify([{ ...reply, id: crypto.randomUUID(), body: '' }])],
        // As strict as the app's schema, where Python's `$` allows a newline before the end and `\d` any digit.
        ...(
          [
            ['a time with a newline after it', { writtenAt: '2026-12-05T09:00:00+01:00\n' }],
            ['an id with a newline after it', { id: `${crypto.randomUUID()}\n` }],
            ['a share with a newline after it', { share: `${reply.share}\n` }],
            ['a ref with a newline after it', { ref: `${ref}\n` }],
            ['a time in other digits', { writtenAt: '٢٠٢٦-١٢-٠٥T09:00:00+01:00' }],
            ['a time without its seconds', { writtenAt: '2026-12-05T09:00+01:00' }],
            ['a time at hour 24', { writtenAt: '2026-12-05T24:00:00Z' }],
            ['an offset of 24 hours', { writtenAt: '2026-12-05T09:00:00+24:00' }],
            ['a day that never was', { writtenAt: '2026-02-29T09:00:00Z' }],
          ] as const
        ).map(([name, change]): [string, string] => [
          name,
          JSON.stringify([{ ...reply, id: crypto.randomUUID(), ...change }]),
        ]),
        // No more replies than the comments they answer can hold: 50 under any one.
        [
          '51 replies under one comment',
          JSON.stringify(Array.from({ length: 51 }, () => ({ ...reply, id: crypto.randomUUID() }))),
        ],
      ];
      // The version must say whether replies travel: 2 with them, 1 without (docs/bundle-format.md).
      const versionWrong: [string, Uint8Array][] = [
        ['replies in version 1', byHand(share(JSON.stringify([{ ...reply, id: crypto.randomUUID() }])), 1)],
        ['version 2 without replies', byHand(share('[]').replace(',"replies":[]', ''), 2)],
      ];
      for (const [name, replies] of faulty) versionWrong.push([name, byHand(share(replies))]);
      // What the app takes, the independent reader takes too: the nil and max UUIDs (RFC 9562), a leap day, and
      // 50 replies under one comment with one more under another.
      const accepted: [string, unknown[]][] = [
        ['a nil UUID', [{ ...reply, id: '00000000-0000-0000-0000-000000000000' }]],
        ['the max UUID', [{ ...reply, id: 'ffffffff-ffff-ffff-ffff-ffffffffffff' }]],
        ['a leap day', [{ ...reply, id: crypto.randomUUID(), writtenAt: '2024-02-29T23:59:59.5-05:00' }]],
        [
          '50 replies under one comment',
          [
            ...Array.from({ length: 50 }, () => ({ ...reply, id: crypto.randomUUID() })),
            { ...reply, id: crypto.randomUUID(), ref: null },
          ],
        ],
      ];
      for (const [name, replies] of accepted) {
        const bytes = byHand(share(JSON.stringify(replies)));
        const taken = path.join(people.folder, `${name}.holdingbundle`);
        writeFileSync(taken, bytes);
        expect(readWithPython(taken, amaKeys), name).toMatchObject({ status: 0, err: '' });
        expect(await ama.sharing.importBytes(bytes), name).toMatchObject({ kind: 'share' });
      }
      for (const [name, bytes] of versionWrong) {
        const damaged = path.join(people.folder, `${name}.holdingbundle`);
        writeFileSync(damaged, bytes);
        const result = readWithPython(damaged, amaKeys);
        expect(result.status, name).toBe(2);
        expect(result.err, name).toBe('unreadable');
        await expect(ama.sharing.importBytes(bytes), name).rejects.toThrow();
      }
    },
  );
});
