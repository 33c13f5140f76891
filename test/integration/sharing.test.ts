/**
 * Sharing with a supervisor, end to end through the services (issue 7): two vaults in two temporary
 * folders. The supervisee shares a de-identified selection, the supervisor imports it, comments and sends
 * feedback, and the supervisee imports that; the comments land beside the entry and the agenda item they
 * are about. Every refusal the issue names is its own test, and each checks that nothing was stored.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { sealBundle } from '../../main/sharing/bundle';
import { cardOf, createIdentity } from '../../main/sharing/card';
import { identifiersLeftIn } from '../support/export-fixture';
import {
  call,
  importAt,
  refused,
  settledSelection,
  shareFromSam,
  shareOpenedByAma,
  sharingRows,
  twoPeople,
} from '../support/sharing-fixture';
import { pastSession } from '../support/supervision-fixture';
import { PASSPHRASE } from '../support/temp';
import { servicesPerTest, type TestServices } from '../support/vault';

const open = servicesPerTest();

describe('sharing with a supervisor, and feedback back', () => {
  it('carries a de-identified share to the supervisor and the comments home beside the entry and agenda item', async () => {
    const people = await twoPeople(open);
    const { sam, ama, files } = people;
    const shared = await shareFromSam(people);
    expect(path.basename(shared.file)).toMatch(/Holding share \d{4}-\d{2}-\d{2}\.holdingbundle$/);

    // Nothing identifying in the clear, not even in the header.
    expect((await fs.readFile(shared.file)).includes('Keziah')).toBe(false);

    const sent = await call<{ contactName: string; items: { kind: string; sourceId: string | null }[] }[]>(
      sam,
      'sharing:sent',
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]!.contactName).toBe('Dr Ama Mensah');
    expect(sent[0]!.items.map((i) => i.kind)).toEqual(['entry', 'entry', 'entry', 'agenda-item']);

    const imported = await importAt(ama, files, shared.file);
    expect(imported.kind).toBe('share');
    if (imported.kind !== 'share') return;
    expect(imported.share).toMatchObject({ senderName: 'Sam Rivers', title: 'For supervision', items: 4 });

    const received = await call<{
      summary: { id: string };
      items: { ref: string; kind: string; title: { text: string }[] }[];
    }>(ama, 'sharing:receivedShare', { id: imported.share.id });
    // The supervisor holds exactly what was settled: de-identified, pseudonyms in place, and none of the
    // supervisee's ids (read from what was decrypted, and from the supervisor's database as stored).
    const stored = JSON.stringify(received.items);
    const inDatabase = ama.vault.db().prepare('SELECT payload FROM shares_received').pluck().get() as string;
    for (const text of [stored, inDatabase]) {
      for (const id of [...shared.entryIds, shared.itemId, shared.supervisorId]) expect(text).not.toContain(id);
    }
    expect(identifiersLeftIn(stored)).toEqual([]);
    expect(stored).toContain('Person A');
    expect(received.items[3]!.title.map((t) => t.text).join('')).toBe('1. Staying with not knowing');
    // The refs are not the supervisee's ids.
    for (const item of received.items) expect(shared.entryIds).not.toContain(item.ref);

    const [first, , , agenda] = received.items;
    await call(ama, 'sharing:saveComment', {
      shareId: imported.share.id,
      ref: first!.ref,
      body: 'You stayed with it. Well done.',
    });
    await call(ama, 'sharing:saveComment', {
      shareId: imported.share.id,
      ref: agenda!.ref,
      body: 'Let us start here.',
    });
    const withOverall = await call<{ overall: string; comments: Record<string, string> }>(ama, 'sharing:saveComment', {
      shareId: imported.share.id,
      ref: null,
      body: 'Thank you for sharing this.',
    });
    expect(withOverall.overall).toBe('Thank you for sharing this.');
    expect(Object.keys(withOverall.comments)).toHaveLength(2);

    const feedback = await call<{ path: string; share: { feedbackSentAt: string | null } }>(
      ama,
      'sharing:sendFeedback',
      {
        shareId: imported.share.id,
      },
    );
    expect(feedback.share.feedbackSentAt).not.toBeNull();
    expect(path.basename(feedback.path)).toMatch(/Holding feedback .*\.holdingbundle$/);
    expect(feedback).toMatchObject({ fileName: path.basename(feedback.path), folder: path.dirname(feedback.path) });

    const back = await importAt(sam, files, feedback.path);
    expect(back).toMatchObject({
      kind: 'feedback',
      fromName: 'Dr Ama Mensah',
      shareTitle: 'For supervision',
      comments: 3,
    });

    const onEntry = await call<{ body: string; fromName: string }[]>(sam, 'sharing:feedbackFor', {
      sourceId: shared.entryIds[0],
    });
    expect(onEntry).toEqual([
      expect.objectContaining({ body: 'You stayed with it. Well done.', fromName: 'Dr Ama Mensah' }),
    ]);
    const onItem = await call<{ body: string }[]>(sam, 'sharing:feedbackFor', { sourceId: shared.itemId });
    expect(onItem.map((c) => c.body)).toEqual(['Let us start here.']);
    // Once the item is discussed it leaves the agenda; the session remembers which item it was, and the
    // comment is still found by it.
    const session = await call<{ items: { title: string; agendaItemId: string | null }[] }>(
      sam,
      'supervision:recordSession',
      pastSession(shared.supervisorId, {
        minutes: 50,
        items: [{ agendaItemId: shared.itemId, outcome: 'discussed', discussed: 'Where to begin', decided: '' }],
      }),
    );
    expect(session.items.map((i) => i.agendaItemId)).toEqual([shared.itemId]);
    expect(await call<{ id: string }[]>(sam, 'supervision:agenda', { supervisorId: shared.supervisorId })).toEqual([]);
    const stillThere = await call<{ body: string }[]>(sam, 'sharing:feedbackFor', { sourceId: shared.itemId });
    expect(stillThere.map((c) => c.body)).toEqual(['Let us start here.']);
    expect(await call(sam, 'sharing:feedbackFor', { sourceId: shared.entryIds[1] })).toEqual([]);
    const record = (await call<{ feedback: { overall: string }[] }[]>(sam, 'sharing:sent'))[0]!;
    expect(record.feedback.map((f) => f.overall)).toEqual(['Thank you for sharing this.']);

    // What arrived is as private as the journal: no trace of it in either data folder once locked.
    sam.vault.lock('manual');
    ama.vault.lock('manual');
    for (const dir of [sam.dataDir, ama.dataDir]) {
      for (const file of (await fs.readdir(dir, { recursive: true })) as string[]) {
        const full = path.join(dir, file);
        if (!(await fs.stat(full)).isFile()) continue;
        const bytes = await fs.readFile(full);
        for (const words of ['You stayed with it', 'Thank you for sharing', 'Staying with not knowing', 'Person A']) {
          expect(bytes.includes(words), `${file} holds “${words}”`).toBe(false);
        }
      }
    }
  });

  it('refuses to share while anything is undecided, and writes and records nothing', async () => {
    const people = await twoPeople(open);
    const settled = await settledSelection(people.sam);
    const message = await refused(people.sam, 'sharing:share', {
      selection: settled.selection,
      resolutions: { byValue: {}, byFinding: {}, pseudonyms: {} },
      fingerprint: settled.fingerprint,
      contactId: people.amaAtSam.id,
    });
    expect(message).toMatch(/still need/i);
    expect(await fs.readdir(people.folder)).toEqual([]);
    expect(sharingRows(people.sam)).toBe(0);
  });

  it('shares only with someone whose fingerprint was confirmed', async () => {
    const people = await twoPeople(open, { verify: false });
    const settled = await settledSelection(people.sam);
    const message = await refused(people.sam, 'sharing:share', {
      selection: settled.selection,
      resolutions: settled.resolutions,
      fingerprint: settled.fingerprint,
      contactId: people.amaAtSam.id,
    });
    expect(message).toMatch(/compare fingerprints with Dr Ama Mensah/);
    expect(await fs.readdir(people.folder)).toEqual([]);
  });
});

describe('refusing a bundle, with nothing half-imported', () => {
  async function sharedToAma() {
    const people = await twoPeople(open);
    const shared = await shareFromSam(people);
    const bytes = new Uint8Array(await fs.readFile(shared.file));
    return { ...people, shared, bytes };
  }

  /** A share sealed for this person by "A stranger", whose card they never added. */
  const fromStranger = (to: TestServices, payload: Uint8Array) =>
    sealBundle({ kind: 'share', sender: createIdentity('A stranger', ''), recipient: to.identity.secret()!, payload });

  async function refusedFile(s: TestServices, files: { next: string }, folder: string, bytes: Uint8Array) {
    const file = path.join(folder, `bad-${Math.random().toString(36).slice(2)}.holdingbundle`);
    await fs.writeFile(file, bytes);
    files.next = file;
    const before = sharingRows(s);
    const message = await refused(s, 'sharing:import');
    expect(sharingRows(s)).toBe(before);
    return message;
  }

  it('a truncated bundle', async () => {
    const { ama, files, folder, bytes } = await sharedToAma();
    expect(await refusedFile(ama, files, folder, bytes.subarray(0, bytes.length - 200))).toMatch(/incomplete/);
  });

  it('an oversized file, refused from its size before it is read', async () => {
    const { ama, files, folder } = await sharedToAma();
    const file = path.join(folder, 'huge.holdingbundle');
    const handle = await fs.open(file, 'w');
    await handle.truncate(64 * 1024 * 1024 + 1); // sparse: nothing is really written
    await handle.close();
    files.next = file;
    const rss = process.memoryUsage().rss;
    expect(await refused(ama, 'sharing:import')).toMatch(/larger than any shared file/);
    expect(process.memoryUsage().rss - rss).toBeLessThan(32 * 1024 * 1024);
  });

  it('an unknown version', async () => {
    const { ama, files, folder, bytes } = await sharedToAma();
    const newer = bytes.slice();
    newer[8] = 3;
    expect(await refusedFile(ama, files, folder, newer)).toMatch(/newer version of Holding/);
  });

  it('a bundle tampered with in the header, the sealed key, the stream and the signature', async () => {
    const { ama, files, folder, bytes } = await sharedToAma();
    const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(12, false);
    for (const offset of [20, 16 + headerLength + 10, bytes.length - 500, bytes.length - 10]) {
      const changed = bytes.slice();
      changed[offset] = changed[offset]! ^ 0x01;
      expect(await refusedFile(ama, files, folder, changed), `byte ${offset}`).toMatch(
        /changed|damaged|cannot be read|someone else/,
      );
    }
  });

  it('a bundle signed by the wrong key', async () => {
    const { sam, ama, files, folder } = await sharedToAma();
    // Someone else's signature on a header that names Sam.
    const impostor = createIdentity('Sam Rivers', 'Clinical psychologist');
    const samKeys = sam.identity.secret()!;
    const forged = sealBundle({
      kind: 'share',
      sender: { ...impostor, encryptionKey: samKeys.encryptionKey, signingKey: samKeys.signingKey },
      recipient: ama.identity.secret()!,
      payload: new TextEncoder().encode('{}'),
    });
    expect(await refusedFile(ama, files, folder, forged)).toMatch(/damaged or altered after it was sealed/);
  });

  it('a bundle from someone whose card was never added', async () => {
    const { ama, files, folder } = await sharedToAma();
    const bytes = fromStranger(ama, new Uint8Array(2));
    const message = await refusedFile(ama, files, folder, bytes);
    expect(message).toMatch(/from someone whose card is not among the people you share with/);
    // The name in the header is only the sender's claim: it is not repeated.
    expect(message).not.toContain('A stranger');
  });

  it('a bundle from a stranger is refused before its signature or contents are looked at', async () => {
    const { ama } = await sharedToAma();
    // A file as large as allowed, of many tiny chunks: opening it fully would take seconds.
    const bytes = fromStranger(ama, new Uint8Array(8));
    const padded = new Uint8Array(60 * 1024 * 1024);
    padded.set(bytes.subarray(0, bytes.length - 64));
    const start = performance.now();
    await expect(ama.sharing.importBytes(padded)).rejects.toThrow(/not among the people you share with/);
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('a file that is not a regular file, or a link to one that lies about its size', async () => {
    const { ama, files, folder } = await sharedToAma();
    await fs.symlink('/dev/zero', path.join(folder, 'zero.holdingbundle'));
    files.next = path.join(folder, 'zero.holdingbundle');
    expect(await refused(ama, 'sharing:import')).toMatch(/not a file Holding can open/);
    // /proc files report a size of 0 but have content: read as they are, never past the cap.
    await fs.symlink('/proc/self/status', path.join(folder, 'status.holdingbundle'));
    files.next = path.join(folder, 'status.holdingbundle');
    expect(await refused(ama, 'sharing:import')).toMatch(/not a file Holding shares/);
    files.next = path.join(folder, 'missing.holdingbundle');
    expect(await refused(ama, 'sharing:import')).toMatch(/moved or deleted/);
  });

  it('a bundle from a contact whose fingerprint has not been confirmed', async () => {
    const { ama, samAtAma, files, folder, bytes } = await sharedToAma();
    await call(ama, 'sharing:verifyContact', { id: samAtAma.id, verified: false });
    expect(await refusedFile(ama, files, folder, bytes)).toMatch(/not yet confirmed the fingerprint/);
  });

  it('a bundle sealed to someone else, to the person who sealed it, or a card opened as a shared file', async () => {
    const { sam, files, folder, bytes } = await sharedToAma();
    const zoe = await open();
    await call(zoe, 'sharing:saveIdentity', { name: 'Zoe Clarke', role: '' });
    const before = sharingRows(zoe);
    await expect(zoe.sharing.importBytes(bytes)).rejects.toThrow(
      'This file was sealed for someone else, so only their Holding can open it. Nothing was added.',
    );
    expect(sharingRows(zoe)).toBe(before);
    // Sam opens the file he sealed for Ama: said so, kindly, rather than "someone else's".
    expect(await refusedFile(sam, files, folder, bytes)).toMatch(
      /^This is a file you sealed yourself, for someone else/,
    );
    // A card saved where a shared file was expected.
    const card = (await call<{ card: string }>(sam, 'sharing:identity')).card;
    expect(await refusedFile(sam, files, folder, new TextEncoder().encode(`${card}\n`))).toMatch(
      /^This is someone’s card, not a shared file/,
    );
  });

  it('the same bundle imported twice', async () => {
    const { ama, files, folder, bytes } = await sharedToAma();
    const file = path.join(folder, 'once.holdingbundle');
    await fs.writeFile(file, bytes);
    await importAt(ama, files, file);
    expect(await refusedFile(ama, files, folder, bytes)).toMatch(/already opened this file/);
    expect((await call<unknown[]>(ama, 'sharing:received')).length).toBe(1);
  });

  it('a bundle opened, removed, then opened again (the record of opened bundles outlives the share)', async () => {
    const { ama, files, folder, bytes } = await sharedToAma();
    const file = path.join(folder, 'once.holdingbundle');
    await fs.writeFile(file, bytes);
    const first = await importAt(ama, files, file);
    if (first.kind !== 'share') throw new Error('expected a share');
    await call(ama, 'sharing:removeReceived', { id: first.share.id });
    expect(await call<unknown[]>(ama, 'sharing:received')).toEqual([]);
    expect(await refusedFile(ama, files, folder, bytes)).toMatch(/already opened this file, on .*Nothing was changed/);
    expect(await call<unknown[]>(ama, 'sharing:received')).toEqual([]);
  });

  it('a sound bundle whose contents are not a share', async () => {
    const { sam, ama, files, folder } = await sharedToAma();
    const bytes = sealBundle({
      kind: 'share',
      sender: sam.identity.secret()!,
      recipient: ama.identity.secret()!,
      payload: new TextEncoder().encode(JSON.stringify({ type: 'holding.share.v1', title: 'x', items: 'nope' })),
    });
    expect(await refusedFile(ama, files, folder, bytes)).toMatch(/details cannot be read/);
    // Quotes within quotes, thousands deep (written by hand: JSON.stringify itself would overflow), refused
    // by its depth before the schema walks it.
    const blocks = `${'[{"type":"quote","blocks":'.repeat(5000)}[]${'}]'.repeat(5000)}`;
    const deep = `{"type":"holding.share.v1","title":"Deep","preparedOn":"2026-11-21","items":[{"ref":"AAAAAAAAAAAAAAAAAAAAAA","kind":"entry","title":[],"meta":null,"blocks":${blocks},"clientMaterial":false}]}`;
    const nested = sealBundle({
      kind: 'share',
      sender: sam.identity.secret()!,
      recipient: ama.identity.secret()!,
      payload: new TextEncoder().encode(deep),
    });
    expect(await refusedFile(ama, files, folder, nested)).toMatch(/details cannot be read/);
  });

  it('feedback about something never shared, or from someone it was not shared with', async () => {
    const { sam, ama, files, folder, shared } = await sharedToAma();
    const fakeReply = (sender = ama.identity.secret()!, inReplyTo: string = crypto.randomUUID()) =>
      sealBundle({
        kind: 'feedback',
        sender,
        recipient: sam.identity.secret()!,
        payload: new TextEncoder().encode(
          JSON.stringify({ type: 'holding.feedback.v1', inReplyTo, overall: 'Hello', comments: [] }),
        ),
      });
    expect(await refusedFile(sam, files, folder, fakeReply())).toMatch(/not shared from this Holding/);

    // A third person, added and confirmed by Sam, answering a share that went to Ama.
    const other = await open();
    await call(other, 'sharing:saveIdentity', { name: 'Jo Lee', role: '' });
    const jo = await call<{ id: string }>(sam, 'sharing:addContact', {
      card: (await call<{ card: string }>(other, 'sharing:identity')).card,
    });
    await call(sam, 'sharing:verifyContact', { id: jo.id, verified: true });
    const bundleId = (await call<{ bundleId: string }[]>(sam, 'sharing:sent'))[0]!.bundleId;
    expect(bundleId).toBeTruthy();
    expect(shared.share.id).toBeTruthy();
    expect(await refusedFile(sam, files, folder, fakeReply(other.identity.secret()!, bundleId))).toMatch(
      /comes from Jo Lee, but that share went to Dr Ama Mensah/,
    );
  });

  it('feedback that refers to items the share did not hold', async () => {
    const { sam, ama, files, folder } = await sharedToAma();
    const bundleId = (await call<{ bundleId: string }[]>(sam, 'sharing:sent'))[0]!.bundleId;
    const bytes = sealBundle({
      kind: 'feedback',
      sender: ama.identity.secret()!,
      recipient: sam.identity.secret()!,
      payload: new TextEncoder().encode(
        JSON.stringify({
          type: 'holding.feedback.v1',
          inReplyTo: bundleId,
          overall: '',
          comments: [{ ref: 'AAAAAAAAAAAAAAAAAAAAAA', body: 'Where does this go?' }],
        }),
      ),
    });
    expect(await refusedFile(sam, files, folder, bytes)).toMatch(/refers to things that were not in what you shared/);
  });

  it('feedback still reaches the person after their card is removed and added again', async () => {
    const { sam, ama, samAtAma, files, shared } = await sharedToAma();
    const imported = await importAt(ama, files, shared.file);
    if (imported.kind !== 'share') throw new Error('expected a share');
    await call(ama, 'sharing:saveComment', { shareId: imported.share.id, ref: null, body: 'Thank you.' });
    await call(ama, 'sharing:removeContact', { id: samAtAma.id });
    expect(await refused(ama, 'sharing:sendFeedback', { shareId: imported.share.id })).toMatch(
      /no longer in your contacts/,
    );
    const again = await call<{ id: string }>(ama, 'sharing:addContact', { card: sam.identity.view()!.card });
    await call(ama, 'sharing:verifyContact', { id: again.id, verified: true });
    const feedback = await call<{ path: string }>(ama, 'sharing:sendFeedback', { shareId: imported.share.id });
    expect(await importAt(sam, files, feedback.path)).toMatchObject({ kind: 'feedback', comments: 1 });
  });

  it('a share whose file cannot be written leaves no record', async () => {
    const people = await twoPeople(open);
    const settled = await settledSelection(people.sam);
    await fs.rm(people.folder, { recursive: true });
    const message = await refused(people.sam, 'sharing:share', {
      selection: settled.selection,
      resolutions: settled.resolutions,
      fingerprint: settled.fingerprint,
      contactId: people.amaAtSam.id,
    });
    expect(message).toMatch(/that folder no longer exists/);
    expect(sharingRows(people.sam)).toBe(0);
  });

  it('a second card with the name of someone already added', async () => {
    const { sam } = await twoPeople(open);
    const other = await open();
    await call(other, 'sharing:saveIdentity', { name: 'dr ama mensah', role: 'Someone else' });
    expect(
      await refused(sam, 'sharing:addContact', {
        card: (await call<{ card: string }>(other, 'sharing:identity')).card,
      }),
    ).toMatch(/already have someone called “Dr Ama Mensah”/);
  });

  it('a card whose name looks like someone already added (Unicode look-alikes, issue 19)', async () => {
    const { sam } = await twoPeople(open);
    const lookAlikes = [
      'Dr Аmа Меnsаh', // Cyrillic letters
      'Dr Ama\u0301 Mensah'.normalize('NFD'), // an accent, decomposed
      'Dr Ama Mensah\u0336', // a combining stroke
      'Dr Ama Mensah\u2800', // a blank braille cell after it
      'Ｄｒ Ａｍａ Ｍｅｎｓａｈ', // fullwidth letters
      'Dr Arna Mensah', // "rn" for "m"
    ];
    for (const name of lookAlikes) {
      const card = cardOf(createIdentity(name, 'Clinical supervisor'));
      expect(await refused(sam, 'sharing:addContact', { card }), name).toMatch(
        /^This card’s name looks very like Dr Ama Mensah, who is already in your contacts with a different card.*Nothing was added\.$/,
      );
    }
    expect((await call<{ name: string }[]>(sam, 'sharing:contacts')).map((c) => c.name)).toEqual(['Dr Ama Mensah']);
    // Someone whose name only shares a surname is added as before.
    await call(sam, 'sharing:addContact', { card: cardOf(createIdentity('Dr Kofi Mensah', '')) });
  });

  it('identity cards: malformed, or the person’s own', async () => {
    const { sam } = await twoPeople(open);
    expect(await refused(sam, 'sharing:addContact', { card: 'HOLDING-CARD-1.bm90IGEgY2FyZA' })).toMatch(
      /not a Holding identity card/,
    );
    const own = (await call<{ card: string }>(sam, 'sharing:identity')).card;
    expect(await refused(sam, 'sharing:addContact', { card: own })).toMatch(/your own card/);
    expect((await call<unknown[]>(sam, 'sharing:contacts')).length).toBe(1);
  });

  it('survives thousands of mutated bundles: no crash, and nothing imported', async () => {
    const { ama, bytes } = await sharedToAma();
    const before = sharingRows(ama);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
          fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
          fc.record({
            kind: fc.constant('insert' as const),
            at: fc.nat(),
            junk: fc.uint8Array({ minLength: 1, maxLength: 64 }),
          }),
          fc.record({
            kind: fc.constant('overwrite' as const),
            at: fc.nat(),
            junk: fc.uint8Array({ minLength: 1, maxLength: 32 }),
          }),
        ),
        async (m) => {
          const at = m.at % bytes.length;
          let mutated: Uint8Array;
          if (m.kind === 'flip') {
            mutated = bytes.slice();
            mutated[at] = mutated[at]! ^ (1 << m.bit);
          } else if (m.kind === 'cut') mutated = bytes.subarray(0, at);
          else if (m.kind === 'insert')
            mutated = new Uint8Array([...bytes.subarray(0, at), ...m.junk, ...bytes.subarray(at)]);
          else {
            mutated = bytes.slice();
            mutated.set(m.junk.subarray(0, mutated.length - at), at);
            if (m.junk.subarray(0, mutated.length - at).every((b, i) => b === bytes[at + i])) return;
          }
          await expect(ama.sharing.importBytes(mutated)).rejects.toHaveProperty('code', 'INVALID_INPUT');
          expect(sharingRows(ama)).toBe(before);
        },
      ),
      { numRuns: 3000, seed: 7 },
    );
    // The unchanged bundle still imports after all that.
    await expect(ama.sharing.importBytes(bytes)).resolves.toHaveProperty('kind', 'share');
  }, 120_000);

  it('feedback sent again replaces the earlier beside each item, whichever file is opened first', async () => {
    const people = await twoPeople(open);
    const { sam, ama, files } = people;
    const { shared, shareId, items } = await shareOpenedByAma(people);
    const [entry, , , agenda] = items;
    await call(ama, 'sharing:saveComment', { shareId, ref: entry!.ref, body: 'First thoughts.' });
    await call(ama, 'sharing:saveComment', { shareId, ref: agenda!.ref, body: 'Let us start here.' });
    const first = await call<{ path: string }>(ama, 'sharing:sendFeedback', { shareId });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await call(ama, 'sharing:saveComment', { shareId, ref: entry!.ref, body: 'Second thoughts, on reflection.' });
    const second = await call<{ path: string }>(ama, 'sharing:sendFeedback', { shareId });

    // The newer file is opened first, then the older: the newer still speaks for the supervisor.
    await importAt(sam, files, second.path);
    await importAt(sam, files, first.path);
    const on = async (sourceId: string) =>
      (await call<{ body: string }[]>(sam, 'sharing:feedbackFor', { sourceId })).map((c) => c.body);
    expect(await on(shared.entryIds[0]!)).toEqual(['Second thoughts, on reflection.']);
    // Unchanged between the two, and shown once.
    expect(await on(shared.itemId)).toEqual(['Let us start here.']);
    // Both are kept as a record, newest sealed first.
    const [record] = await call<{ feedback: { comments: Record<string, string> }[] }[]>(sam, 'sharing:sent');
    expect(record!.feedback.map((f) => f.comments[entry!.ref])).toEqual([
      'Second thoughts, on reflection.',
      'First thoughts.',
    ]);
  });

  it('feedback dated in the future by a wrong clock does not hide what the supervisor sends afterwards', async () => {
    const people = await twoPeople(open);
    const { sam, ama, files } = people;
    const { shared, shareId, items } = await shareOpenedByAma(people);
    const ref = items[0]!.ref;
    await call(ama, 'sharing:saveComment', { shareId, ref, body: 'Sent while my clock said 2031.' });
    vi.useFakeTimers({ toFake: ['Date'] });
    let wrong: { path: string };
    try {
      vi.setSystemTime(new Date('2031-06-01T09:00:00Z'));
      wrong = await call<{ path: string }>(ama, 'sharing:sendFeedback', { shareId });
    } finally {
      vi.useRealTimers();
    }
    await importAt(sam, files, wrong.path);
    await call(ama, 'sharing:saveComment', { shareId, ref, body: 'Sent after the clock was put right.' });
    const right = await call<{ path: string }>(ama, 'sharing:sendFeedback', { shareId });
    await importAt(sam, files, right.path);

    const beside = await call<{ body: string }[]>(sam, 'sharing:feedbackFor', { sourceId: shared.entryIds[0]! });
    expect(beside.map((c) => c.body)).toEqual(['Sent after the clock was put right.']);
    const [record] = await call<{ feedback: { comments: Record<string, string>; createdAt: string }[] }[]>(
      sam,
      'sharing:sent',
    );
    expect(record!.feedback.map((f) => f.comments[ref])).toEqual([
      'Sent after the clock was put right.',
      'Sent while my clock said 2031.',
    ]);
    // The sender's own time is kept as they gave it, to be shown for what it is.
    expect(record!.feedback[1]!.createdAt).toBe('2031-06-01T09:00:00.000Z');
  });

  it('a file handed over from someone not yet confirmed keeps waiting until they are', async () => {
    const people = await twoPeople(open);
    const { ama, samAtAma } = people;
    const { file } = await shareFromSam(people);
    await call(ama, 'sharing:verifyContact', { id: samAtAma.id, verified: false });
    const before = sharingRows(ama);

    ama.sharing.requestOpen(file);
    const asked = (await call<{ id: string }>(ama, 'sharing:pending'))!;
    const message = await refused(ama, 'sharing:importPending', { id: asked.id });
    expect(message).toMatch(/^You have added Sam Rivers’s card but not yet confirmed the fingerprint/);
    expect(message).toContain(`Holding keeps “${path.basename(file)}” ready, and asks you again`);
    expect(sharingRows(ama)).toBe(before);
    expect(await call(ama, 'sharing:pending')).toEqual(asked);

    await call(ama, 'sharing:verifyContact', { id: samAtAma.id, verified: true });
    expect(await call<{ kind: string }>(ama, 'sharing:importPending', { id: asked.id })).toHaveProperty(
      'kind',
      'share',
    );
    expect(await call(ama, 'sharing:pending')).toBeNull();
  });

  it('a file the system hands over waits for a yes to that file, and no other', async () => {
    const people = await twoPeople(open);
    const first = (await shareFromSam(people)).file!;
    const second = (await shareFromSam(people)).file!;
    const { ama } = people;
    const before = sharingRows(ama);

    // Only bundle files are held.
    ama.sharing.requestOpen(path.join(people.folder, 'notes.txt'));
    expect(await call(ama, 'sharing:pending')).toBeNull();

    ama.sharing.requestOpen(first);
    const asked = (await call<{ id: string; fileName: string }>(ama, 'sharing:pending'))!;
    expect(asked.fileName).toBe(path.basename(first));
    // A second file arrives while the person is deciding about the first.
    ama.sharing.requestOpen(second);
    const newer = (await call<{ id: string; fileName: string }>(ama, 'sharing:pending'))!;
    expect(newer.id).not.toBe(asked.id);

    // "Open it" to the first opens nothing, and names the one now waiting.
    const message = await refused(ama, 'sharing:importPending', { id: asked.id });
    expect(message).toContain(`Another file, “${path.basename(second)}”`);
    expect(sharingRows(ama)).toBe(before);
    // "Not now" to the first leaves the second waiting.
    await call(ama, 'sharing:dismissPending', { id: asked.id });
    expect(await call(ama, 'sharing:pending')).toEqual(newer);

    // Locked meanwhile: refused, and it still waits.
    ama.vault.lock('manual');
    expect(await refused(ama, 'sharing:importPending', { id: newer.id })).toMatch(/locked/i);
    await ama.vault.unlock(PASSPHRASE);
    expect(await call(ama, 'sharing:pending')).toEqual(newer);

    const opened = await call<{ kind: string }>(ama, 'sharing:importPending', { id: newer.id });
    expect(opened.kind).toBe('share');
    expect(await call(ama, 'sharing:pending')).toBeNull();
    expect(await refused(ama, 'sharing:importPending', { id: newer.id })).toBe(
      'There is no file waiting to be opened.',
    );
  });
});
