/**
 * Replies to a supervisor's comments (issue 18), through the services with two vaults: the supervisee replies
 * under a comment in feedback they received; the reply waits, is checked and previewed with their next share
 * to that supervisor, travels in the share's `replies` (docs/bundle-format.md), and is threaded under the
 * supervisor's own comment on the earlier share. Then the format's refusals, each leaving nothing stored.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { ExportCheck, ExportSelection, Resolutions } from '../../common/export/types';
import {
  MAX_REPLIES_PER_COMMENT,
  type ReceivedShare,
  type SentShare,
  type WaitingReplies,
} from '../../common/sharing/types';
import { sealBundle } from '../../main/sharing/bundle';
import { BUNDLE_VERSION, BUNDLE_VERSION_WITH_REPLIES } from '../../main/sharing/bundle-format';
import { openBundle } from '../../main/sharing/bundle-open';
import { ReplyRoom } from '../../main/sharing/replies';
import { createIdentity, cardOf } from '../../main/sharing/card';
import { exportEverything } from '../../main/export/everything/make';
import { richJournal, zipPath } from '../support/everything-fixture';
import { identifiersLeftIn } from '../support/export-fixture';
import { call, importAt, type People, refused, shareFromSam, sharingRows, twoPeople } from '../support/sharing-fixture';
import { tempDir } from '../support/temp';
import { servicesPerTest, type TestServices } from '../support/vault';

const open = servicesPerTest();

const replyRows = (s: TestServices) =>
  s.vault.db().prepare('SELECT count(*) FROM feedback_replies').pluck().get() as number;

/**
 * Two people after one round: Sam shares, Ama comments on the first item and overall and sends feedback,
 * Sam opens it. The people, with what was shared and the feedback.
 */
async function peopleAfterFeedback() {
  const people = await twoPeople(open);
  const { sam, ama, files, folder } = people;
  const shared = await shareFromSam(people);
  const imported = await importAt(ama, files, shared.file);
  if (imported.kind !== 'share') throw new Error('expected a share');
  const shareId = imported.share.id;
  const received = await call<ReceivedShare>(ama, 'sharing:receivedShare', { id: shareId });
  const ref = received.items[0]!.ref;
  await call(ama, 'sharing:saveComment', { shareId, ref, body: 'You stayed with it.' });
  await call(ama, 'sharing:saveComment', { shareId, ref: null, body: 'Thank you for this.' });
  const { bundle, record } = await ama.sharing.sealFeedback(shareId);
  record();
  const file = path.join(folder, `feedback-${Math.random()}.holdingbundle`);
  writeFileSync(file, bundle);
  await importAt(sam, files, file);
  const [sent] = await call<SentShare[]>(sam, 'sharing:sent');
  return { ...people, shared, receivedId: shareId, ref, sent: sent!, feedbackId: sent!.feedback[0]!.id };
}

/** Sam's next share: one plain entry, with the replies waiting for Ama; every finding settled. */
async function nextShare(people: People, entryId: string, contactId = people.amaAtSam.id, to = contactId) {
  const selection: ExportSelection = {
    title: 'Next time',
    entries: [{ id: entryId, excerpt: null }],
    agendas: [],
    sessions: [],
    hours: null,
    checkins: null,
    signs: false,
    replies: contactId,
  };
  const check = await call<ExportCheck>(people.sam, 'export:check', selection);
  const resolutions: Resolutions = { byValue: {}, byFinding: {}, pseudonyms: {} };
  for (const f of check.findings) resolutions.byValue[f.valueKey] = { action: 'redact' };
  return {
    selection,
    check,
    resolutions,
    share: { selection, resolutions, fingerprint: check.fingerprint, contactId: to },
  };
}

describe('replies to a supervisor’s comments', () => {
  it('go back in the next share, de-identified and previewed, and are threaded under the comment', async () => {
    const people = await peopleAfterFeedback();
    const { sam, ama, files, amaAtSam, shared, receivedId, ref, feedbackId } = people;

    // Sam replies under the item's comment and the overall one; a name slips into the first.
    await call(sam, 'sharing:addReply', {
      feedbackId,
      ref,
      body: 'Thank you. I think Keziah noticed too.\n\nMore soon.',
    });
    const after = await call<SentShare>(sam, 'sharing:addReply', { feedbackId, ref: null, body: 'It helped.' });
    expect(after.replies.map((r) => [r.ref, r.sentIn])).toEqual([
      [ref, null],
      ['', null],
    ]);
    expect(after.earlierCard).toBe(false);
    expect(await call<WaitingReplies[]>(sam, 'sharing:waitingReplies')).toEqual([
      { contactId: amaAtSam.id, contactName: 'Dr Ama Mensah', count: 2, nextShare: 2, earlier: 0 },
    ]);

    // Checked and previewed with the rest: the name is found, and the preview shows the replies.
    const next = await nextShare(people, shared.entryIds[2]!);
    expect(next.check.findings.map((f) => f.text)).toContain('Keziah');
    expect(next.check.items).toBe(1); // replies travel beside the items, not as items
    const preview = await call<{ html: string; unresolved: number }>(sam, 'export:preview', {
      selection: next.selection,
      resolutions: next.resolutions,
      fingerprint: next.check.fingerprint,
    });
    expect(preview.unresolved).toBe(0);
    expect(preview.html).toContain('Your reply to a comment');
    expect(preview.html).toContain('More soon.');
    expect(preview.html).not.toContain('Keziah');

    const { path: file } = await call<{ path: string }>(sam, 'sharing:share', next.share);
    // With replies, the bundle is version 2: an older Holding, which opens only version 1, says it was made by
    // a newer Holding and asks its person to update, rather than calling it damaged.
    const sealed = new Uint8Array(await import('node:fs').then((fs) => fs.readFileSync(file)));
    expect(sealed[8]).toBe(BUNDLE_VERSION_WITH_REPLIES);
    expect(BUNDLE_VERSION).toBe(1);
    // In the bundle: exactly the settled replies, and nothing identifying.
    const opened = openBundle(sealed, ama.identity.secret()!);
    const payload = JSON.parse(new TextDecoder().decode(opened.payload)) as { replies: Record<string, unknown>[] };
    expect(payload.replies).toHaveLength(2);
    expect(payload.replies[0]).toMatchObject({
      share: expect.any(String),
      ref,
      body: expect.stringContaining('More soon.'),
    });
    expect(payload.replies[1]).toMatchObject({ ref: null, body: 'It helped.' });
    expect(Object.keys(payload.replies[0]!).sort()).toEqual(['body', 'id', 'ref', 'share', 'writtenAt']);
    expect(identifiersLeftIn(JSON.stringify(payload))).toEqual([]);

    // Sent: no longer waiting, and a record of where each went; a sent reply stays.
    expect(await call(sam, 'sharing:waitingReplies')).toEqual([]);
    const [, first] = await call<SentShare[]>(sam, 'sharing:sent');
    expect(first!.replies.every((r) => r.sentIn?.title === 'Next time')).toBe(true);
    expect(await refused(sam, 'sharing:removeReply', { id: first!.replies[0]!.id })).toMatch(/already gone to Dr Ama/);

    // Ama opens it: the replies go under her comments on the earlier share, in order, with who and when.
    const imported = await importAt(ama, files, file);
    if (imported.kind !== 'share') throw new Error('expected a share');
    expect(imported.replies).toEqual({ added: 2, leftOut: 0, why: null });
    const earlier = await call<ReceivedShare>(ama, 'sharing:receivedShare', { id: receivedId });
    expect(earlier.replies.map((r) => [r.ref, r.fromName])).toEqual([
      [ref, 'Sam Rivers'],
      ['', 'Sam Rivers'],
    ]);
    expect(earlier.replies[0]!.body).not.toContain('Keziah');
    const brought = await call<ReceivedShare>(ama, 'sharing:receivedShare', { id: imported.share.id });
    expect(brought.broughtReplies).toEqual([{ shareId: receivedId, shareTitle: 'For supervision', count: 2 }]);
    expect(brought.replies).toEqual([]);
    // The share as stored is its items: the replies live in their own table.
    expect(
      JSON.parse(
        ama.vault
          .db()
          .prepare('SELECT payload FROM shares_received WHERE id = ?')
          .pluck()
          .get(imported.share.id) as string,
      ),
    ).not.toHaveProperty('replies');
  });

  it('a share without replies is written as before, with no replies member', async () => {
    const people = await twoPeople(open);
    const shared = await shareFromSam(people);
    const bytes = await import('node:fs').then((fs) => fs.readFileSync(shared.file));
    expect(bytes[8]).toBe(BUNDLE_VERSION);
    const payload = JSON.parse(
      new TextDecoder().decode(openBundle(new Uint8Array(bytes), people.ama.identity.secret()!).payload),
    ) as object;
    expect(payload).not.toHaveProperty('replies');
    const imported = await importAt(people.ama, people.files, shared.file);
    expect(imported).toMatchObject({ kind: 'share', replies: { added: 0, leftOut: 0, why: null } });
  });

  it('storage: a reply needs a comment to answer; an unsent one can be taken back, and a share taken back frees its replies', async () => {
    const people = await peopleAfterFeedback();
    const { sam, ref, feedbackId, shared } = people;
    expect(await refused(sam, 'sharing:addReply', { feedbackId, ref: 'A'.repeat(22), body: 'Hello' })).toMatch(
      /not in this feedback/,
    );
    expect(await refused(sam, 'sharing:addReply', { feedbackId, ref, body: '   ' })).toMatch(/write your reply/);
    const withReply = await call<SentShare>(sam, 'sharing:addReply', { feedbackId, ref, body: 'One' });
    await call(sam, 'sharing:removeReply', { id: withReply.replies[0]!.id });
    expect(replyRows(sam)).toBe(0);

    await call(sam, 'sharing:addReply', { feedbackId, ref, body: 'Two' });
    const next = await nextShare(people, shared.entryIds[2]!);
    const sealed = await sam.sharing.sealShare(
      (await sam.exports.settled(next.selection, next.resolutions, next.check.fingerprint)).doc,
      people.amaAtSam.id,
    );
    const recorded = sealed.record('Next.holdingbundle');
    expect(await call(sam, 'sharing:waitingReplies')).toEqual([]);
    sam.sharing.forgetShare(recorded.id); // the file could not be written
    expect(await call<WaitingReplies[]>(sam, 'sharing:waitingReplies')).toMatchObject([{ count: 1 }]);
  });

  it('at most 50 wait under one comment, as many as a share carries, so the next share always fits', async () => {
    const people = await peopleAfterFeedback();
    const { sam, ama, ref, feedbackId, shared } = people;
    for (let i = 1; i <= MAX_REPLIES_PER_COMMENT; i += 1) sam.sharing.addReply(feedbackId, ref, `Thought ${i}.`);
    expect(await refused(sam, 'sharing:addReply', { feedbackId, ref, body: 'One more.' })).toBe(
      'You have 50 replies under this comment waiting for your next share to Dr Ama Mensah, which is as many as one share can carry. Please share those first, or take one back and add what you wanted to say to it.',
    );
    // Under another comment (the overall one) there is room.
    await call(sam, 'sharing:addReply', { feedbackId, ref: null, body: 'And overall, thank you.' });
    const next = await nextShare(people, shared.entryIds[2]!);
    const sealed = await sam.sharing.sealShare(
      (await sam.exports.settled(next.selection, next.resolutions, next.check.fingerprint)).doc,
      people.amaAtSam.id,
    );
    sealed.record('Next.holdingbundle');
    expect(await ama.sharing.importBytes(sealed.bundle)).toMatchObject({
      kind: 'share',
      replies: { added: MAX_REPLIES_PER_COMMENT + 1, leftOut: 0 },
    });
    // Once they have gone, the comment has room again.
    await call(sam, 'sharing:addReply', { feedbackId, ref, body: 'One more.' });
  });

  it('more than 50 waiting under one comment (a journal from before the cap): a share carries the oldest 50, the rest wait for the next', async () => {
    const people = await peopleAfterFeedback();
    const { sam, ama, ref, feedbackId, shared } = people;
    // Straight into the database, past the cap addReply keeps: as a journal from before it could hold.
    const extra = 3;
    const total = MAX_REPLIES_PER_COMMENT + extra;
    const insert = sam.vault
      .db()
      .prepare('INSERT INTO feedback_replies (id, feedback_id, ref, body, created_at) VALUES (?, ?, ?, ?, ?)');
    const ids: string[] = [];
    for (let i = 0; i < total; i += 1) {
      const id = randomUUID();
      ids.push(id);
      // Inserted newest first, so the order carried is the order written, not the order stored.
      const at = new Date(Date.UTC(2026, 0, 1, 9, total - i)).toISOString();
      insert.run(id, feedbackId, ref, `Thought ${total - i}.`, at);
    }
    const oldestFirst = [...ids].reverse();
    const waitingIds = () =>
      sam.vault
        .db()
        .prepare('SELECT id FROM feedback_replies WHERE sent_in_share_id IS NULL ORDER BY created_at')
        .pluck()
        .all() as string[];
    const share = async () => {
      const next = await nextShare(people, shared.entryIds[2]!);
      const preview = await call<{ html: string }>(sam, 'export:preview', {
        selection: next.selection,
        resolutions: next.resolutions,
        fingerprint: next.check.fingerprint,
      });
      const { path: file } = await call<{ path: string }>(sam, 'sharing:share', next.share);
      const opened = openBundle(readFileSync(file), ama.identity.secret()!);
      const payload = JSON.parse(new TextDecoder().decode(opened.payload)) as { replies: { id: string }[] };
      return { preview: preview.html, carried: payload.replies.map((r) => r.id) };
    };

    expect(await call<WaitingReplies[]>(sam, 'sharing:waitingReplies')).toMatchObject([
      { count: total, nextShare: MAX_REPLIES_PER_COMMENT },
    ]);
    const first = await share();
    expect(first.carried).toEqual(oldestFirst.slice(0, MAX_REPLIES_PER_COMMENT));
    expect(first.preview).toContain(
      `${extra} more replies under this comment will wait safely for your next share (one share carries up to ${MAX_REPLIES_PER_COMMENT} under each comment, oldest first)`,
    );
    expect(first.preview).toContain('Thought 50.');
    expect(first.preview).not.toContain('Thought 51.');
    expect(waitingIds()).toEqual(oldestFirst.slice(MAX_REPLIES_PER_COMMENT));
    expect(await call<WaitingReplies[]>(sam, 'sharing:waitingReplies')).toMatchObject([
      { count: extra, nextShare: extra },
    ]);

    // The next share takes the rest, and says nothing more is waiting.
    const second = await share();
    expect(second.carried).toEqual(oldestFirst.slice(MAX_REPLIES_PER_COMMENT));
    expect(second.preview).not.toContain('will wait safely for your next share');
    expect(waitingIds()).toEqual([]);
  });

  it('never go into a saved file: saving with replies ticked is refused, and they stay waiting', async () => {
    const people = await peopleAfterFeedback();
    const { sam, feedbackId, shared } = people;
    await call(sam, 'sharing:addReply', { feedbackId, ref: null, body: 'A reply for Ama only.' });
    const next = await nextShare(people, shared.entryIds[2]!);
    for (const format of ['markdown', 'html'] as const) {
      expect(
        await refused(sam, 'export:save', {
          selection: next.selection,
          resolutions: next.resolutions,
          fingerprint: next.check.fingerprint,
          format,
        }),
      ).toMatch(/only go in a share to the supervisor they answer, not in a saved file/);
    }
    await expect(
      sam.exports.render('markdown', next.selection, next.resolutions, next.check.fingerprint, undefined),
    ).rejects.toThrow(/not in a saved file/);
    expect(await call<WaitingReplies[]>(sam, 'sharing:waitingReplies')).toMatchObject([{ count: 1 }]);
  });

  it('a reply made too long by what stands in for its details is named, not called a passage', async () => {
    const people = await peopleAfterFeedback();
    const { sam, feedbackId, shared } = people;
    await call(sam, 'sharing:addReply', { feedbackId, ref: null, body: 'zq, '.repeat(4999).trim() });
    const selection: ExportSelection = { ...(await nextShare(people, shared.entryIds[2]!)).selection, lookFor: ['zq'] };
    const check = await call<ExportCheck>(sam, 'export:check', selection);
    const resolutions: Resolutions = { byValue: {}, byFinding: {}, pseudonyms: {} };
    for (const f of check.findings) resolutions.byValue[f.valueKey] = { action: 'redact' };
    const message = await refused(sam, 'sharing:share', {
      selection,
      resolutions,
      fingerprint: check.fingerprint,
      contactId: people.amaAtSam.id,
    });
    expect(message).toMatch(/One of your replies is longer than a share can carry/);
    expect(message).not.toMatch(/share a passage/);
  });

  it('more replies under one comment than a share carries is called that, never too long (a guard: forShare carries no more)', async () => {
    const people = await peopleAfterFeedback();
    const { sam, feedbackId, shared } = people;
    await call(sam, 'sharing:addReply', { feedbackId, ref: null, body: 'One reply.' });
    const next = await nextShare(people, shared.entryIds[2]!);
    const { doc } = await sam.exports.settled(next.selection, next.resolutions, next.check.fingerprint);
    const under = { share: randomUUID(), ref: null, writtenAt: new Date().toISOString() };
    const tooMany = Array.from({ length: MAX_REPLIES_PER_COMMENT + 1 }, (_, i) => ({
      ...under,
      id: randomUUID(),
      body: `Thought ${i}.`,
    }));
    const forShare = vi.spyOn(ReplyRoom.prototype, 'forShare').mockReturnValue(tooMany);
    try {
      await expect(sam.sharing.sealShare(doc, people.amaAtSam.id)).rejects.toThrow(
        'This share has more replies than a share can carry (up to 50 under any one comment). Please check again, so that the rest wait for your next share. Nothing was sealed.',
      );
    } finally {
      forShare.mockRestore();
    }
  });

  it('replies go only to the supervisor whose comments they answer', async () => {
    const people = await peopleAfterFeedback();
    const { sam, feedbackId, ref, shared } = people;
    await call(sam, 'sharing:addReply', { feedbackId, ref, body: 'Thank you.' });
    const jo = createIdentity('Jo Park', 'Peer supervisor');
    const joAtSam = await call<{ id: string }>(sam, 'sharing:addContact', { card: cardOf(jo) });
    await call(sam, 'sharing:verifyContact', { id: joAtSam.id, verified: true });
    const next = await nextShare(people, shared.entryIds[2]!, people.amaAtSam.id, joAtSam.id);
    expect(await refused(sam, 'sharing:share', next.share)).toMatch(/can only go to Dr Ama Mensah, not Jo Park/);
    expect(await call<WaitingReplies[]>(sam, 'sharing:waitingReplies')).toMatchObject([{ count: 1 }]);
  });
});

describe('a share’s replies, as the supervisor’s Holding reads them', () => {
  /**
   * A share sealed by Sam's keys by hand, with this payload text; by default in the version Holding writes:
   * 2 when replies travel, 1 when not.
   */
  const byHand = (
    people: People,
    payload: string,
    version = payload.includes('"replies"') ? BUNDLE_VERSION_WITH_REPLIES : BUNDLE_VERSION,
  ) =>
    sealBundle({
      kind: 'share',
      sender: people.sam.identity.secret()!,
      recipient: people.ama.identity.secret()!,
      payload: new TextEncoder().encode(payload),
      version,
    });
  const item = {
    ref: 'B'.repeat(22),
    kind: 'entry',
    title: [{ text: 'Later' }],
    meta: null,
    blocks: [],
    clientMaterial: false,
  };
  const shareWith = (replies: unknown) =>
    JSON.stringify({ type: 'holding.share.v1', title: 'Later', preparedOn: '2026-12-05', items: [item], replies });
  const reply = (share: string, ref: string | null, extra: object = {}) => ({
    id: crypto.randomUUID(),
    share,
    ref,
    body: 'Thank you.',
    writtenAt: '2026-12-05T09:00:00.000Z',
    ...extra,
  });

  async function ready() {
    const people = await peopleAfterFeedback();
    return { people, ...people, bundleId: people.sent.bundleId };
  }

  async function refusedBytes(people: People, bytes: Uint8Array): Promise<string> {
    const before = sharingRows(people.ama) + replyRows(people.ama);
    const message = await people.ama.sharing.importBytes(bytes).then(
      () => '',
      (e: Error) => e.message,
    );
    expect(message, 'should have been refused').not.toBe('');
    expect(sharingRows(people.ama) + replyRows(people.ama)).toBe(before);
    return message;
  }

  it('opens one written by hand from the spec, and threads it', async () => {
    const { people, bundleId, ref, receivedId } = await ready();
    const result = await people.ama.sharing.importBytes(
      byHand(people, shareWith([reply(bundleId, ref), reply(bundleId, null)])),
    );
    expect(result).toMatchObject({ kind: 'share', replies: { added: 2, leftOut: 0 } });
    expect(people.ama.sharing.receivedShare(receivedId).replies).toHaveLength(2);
  });

  it('refuses malformed replies: an unknown member, a member named twice, an empty list, a bad ref', async () => {
    const { people, bundleId, ref } = await ready();
    const unreadable = /cannot be read|could not be read|unreadable|damaged/i;
    for (const text of [
      shareWith([reply(bundleId, ref, { extra: 1 })]),
      shareWith([reply(bundleId, ref)]).replace('"body":"Thank you."', '"body":"Thank you.","body":"Other"'),
      shareWith([]),
      shareWith([reply(bundleId, 'short')]),
      shareWith([{ ...reply(bundleId, ref), body: '' }]),
      // More replies under one comment than a share may carry (MAX_REPLIES_PER_COMMENT).
      shareWith(Array.from({ length: MAX_REPLIES_PER_COMMENT + 1 }, () => reply(bundleId, ref))),
    ]) {
      expect(await refusedBytes(people, byHand(people, text))).toMatch(unreadable);
    }
    // The version must agree: replies in a version 1 share, or a version 2 share without them.
    const at = (text: string, version: number) => byHand(people, text, version);
    expect(await refusedBytes(people, at(shareWith([reply(bundleId, ref)]), BUNDLE_VERSION))).toMatch(unreadable);
    const without = JSON.stringify({ type: 'holding.share.v1', title: 'L', preparedOn: '2026-12-05', items: [item] });
    expect(await refusedBytes(people, at(without, BUNDLE_VERSION_WITH_REPLIES))).toMatch(unreadable);
  });

  it('leaves out, saying why, replies that match no comment sent: an unknown share, another’s, an item not in it, no feedback', async () => {
    const { people, bundleId, receivedId } = await ready();
    const unmatched = /did not match any comment you sent to Sam Rivers from this Holding/;
    // An unknown share, an item the share did not hold, and a feedback's bundle id: the rest of the share is kept.
    const sentFeedback = people.sam.vault
      .db()
      .prepare("SELECT bundle_id FROM opened_bundles WHERE kind = 'feedback'")
      .pluck()
      .get() as string;
    const result = await people.ama.sharing.importBytes(
      byHand(
        people,
        shareWith([
          reply(crypto.randomUUID(), null),
          reply(bundleId, 'C'.repeat(22)),
          reply(sentFeedback, null),
          reply(bundleId, null),
        ]),
      ),
    );
    expect(result).toMatchObject({
      kind: 'share',
      replies: { added: 1, leftOut: 3, why: expect.stringMatching(unmatched) },
    });
    expect(result.kind === 'share' && result.replies.why).toMatch(/^3 replies did not match/);
    expect(people.ama.sharing.receivedShare(receivedId).replies).toHaveLength(1);
    // A second share from Sam that Ama has opened but sent no feedback on.
    const quiet = byHand(
      people,
      JSON.stringify({ type: 'holding.share.v1', title: 'Quiet', preparedOn: '2026-12-05', items: [item] }),
    );
    const openedQuiet = await people.ama.sharing.importBytes(quiet);
    if (openedQuiet.kind !== 'share') throw new Error('expected a share');
    expect(
      await people.ama.sharing.importBytes(byHand(people, shareWith([reply(openedQuiet.share.bundleId, null)]))),
    ).toMatchObject({ replies: { added: 0, leftOut: 1, why: expect.stringMatching(/^One reply did not match/) } });
  });

  it('leaves out a reply from a third person pointing at Sam’s share, as not matching', async () => {
    const { people, bundleId, ref, receivedId } = await ready();
    const jo = createIdentity('Jo Park', 'Peer');
    const joAtAma = await call<{ id: string }>(people.ama, 'sharing:addContact', { card: cardOf(jo) });
    await call(people.ama, 'sharing:verifyContact', { id: joAtAma.id, verified: true });
    const fromJo = (replies: unknown) =>
      sealBundle({
        kind: 'share',
        sender: jo,
        recipient: people.ama.identity.secret()!,
        payload: new TextEncoder().encode(shareWith(replies)),
        version: BUNDLE_VERSION_WITH_REPLIES,
      });
    expect(await people.ama.sharing.importBytes(fromJo([reply(bundleId, ref)]))).toMatchObject({
      kind: 'share',
      replies: { added: 0, leftOut: 1, why: expect.stringMatching(/did not match any comment you sent to Jo Park/) },
    });
    expect(people.ama.sharing.receivedShare(receivedId).replies).toEqual([]);
  });

  it('leaves out a reply to an item never commented on, saying so truthfully', async () => {
    const { people, bundleId, ref, receivedId } = await ready();
    const other = people.ama.sharing.receivedShare(receivedId).items.find((i) => i.ref !== ref)!.ref;
    const result = await people.ama.sharing.importBytes(byHand(people, shareWith([reply(bundleId, other)])));
    expect(result).toMatchObject({ replies: { added: 0, leftOut: 1 } });
    expect(result.kind === 'share' && result.replies.why).toMatch(/not among your comments on that share now/);
    expect(result.kind === 'share' && result.replies.why).not.toMatch(/cleared/);
  });

  it('counts a reply id already here once, and leaves out a different reply under a known id', async () => {
    const { people, bundleId, ref, receivedId } = await ready();
    const r = reply(bundleId, ref);
    const first = await people.ama.sharing.importBytes(byHand(people, shareWith([r])));
    expect(first).toMatchObject({ replies: { added: 1, leftOut: 0 } });
    const same = await people.ama.sharing.importBytes(byHand(people, shareWith([r])));
    expect(same).toMatchObject({ replies: { added: 0, leftOut: 1, why: expect.stringMatching(/already here/) } });
    if (same.kind !== 'share') throw new Error('expected a share');
    expect(people.ama.sharing.receivedShare(same.share.id).broughtReplies).toEqual([]);
    const other = await people.ama.sharing.importBytes(byHand(people, shareWith([{ ...r, body: 'A different body' }])));
    expect(other).toMatchObject({
      replies: { added: 0, leftOut: 1, why: expect.stringMatching(/same reference as a different reply/) },
    });
    expect(replyRows(people.ama)).toBe(1);
    expect(people.ama.sharing.receivedShare(receivedId).replies.map((x) => x.body)).toEqual(['Thank you.']);
  });

  it('threads replies by the instant they were written, whatever their offsets', async () => {
    const { people, bundleId, ref, receivedId } = await ready();
    // Written first: 01:00Z on the 5th. Written second: 23:30 on the 4th in New York, which is 04:30Z on the 5th.
    const later = reply(bundleId, ref, { body: 'second', writtenAt: '2026-12-04T23:30:00-05:00' });
    const earlier = reply(bundleId, ref, { body: 'first', writtenAt: '2026-12-05T01:00:00Z' });
    await people.ama.sharing.importBytes(byHand(people, shareWith([later, earlier])));
    const threaded = people.ama.sharing.receivedShare(receivedId).replies;
    expect(threaded.map((x) => x.body)).toEqual(['first', 'second']);
    expect(threaded[1]!.writtenAt).toBe('2026-12-05T04:30:00.000Z');
  });
});

describe('replies from a journal brought to a new computer', () => {
  it('are not offered, and say why, when they answer a share sent under the earlier card; nothing is spent', async () => {
    const people = await richJournal(open);
    const { sam, ama } = people;
    const out = await tempDir('holding-moved-');
    await exportEverything(sam.vault, zipPath(out), { history: false, appVersion: '1.2.3' });
    const here = await open({ chooseSavePath: async (name: string) => path.join(out, `${Math.random()} ${name}`) });
    const preview = await here.imports.open(zipPath(out));
    await here.imports.run(preview.id);
    // The new computer: a new card (secret keys never leave), which Ama adds and confirms in place of the old.
    await call(here, 'sharing:saveIdentity', { name: 'Sam Rivers', role: 'Clinical psychologist' });
    const card = (await call<{ card: string }>(here, 'sharing:identity')).card;
    await call(ama, 'sharing:removeContact', { id: people.samAtAma.id });
    const newSam = await call<{ id: string }>(ama, 'sharing:addContact', { card });
    await call(ama, 'sharing:verifyContact', { id: newSam.id, verified: true });
    const amaHere = (await call<{ id: string; name: string; verified: boolean }[]>(here, 'sharing:contacts')).find(
      (c) => c.name === 'Dr Ama Mensah',
    )!;
    if (!amaHere.verified) await call(here, 'sharing:verifyContact', { id: amaHere.id, verified: true });

    // The reply brought with the journal answers a share sent under the old card: shown, not offered.
    expect(await call<WaitingReplies[]>(here, 'sharing:waitingReplies')).toEqual([
      { contactId: amaHere.id, contactName: 'Dr Ama Mensah', count: 0, nextShare: 0, earlier: 1 },
    ]);
    const sent = (await call<SentShare[]>(here, 'sharing:sent')).find((x) => x.feedback.length);
    // Sharing then offers no Reply under its comments, and says why (test/e2e/replies.spec.ts).
    expect(sent!.earlierCard).toBe(true);
    expect(
      await refused(here, 'sharing:addReply', { feedbackId: sent!.feedback[0]!.id, ref: null, body: 'More.' }),
    ).toMatch(/sent from Holding on another computer/);

    // A share made with replies ticked carries none, opens at Ama's whole, and leaves the reply where it was.
    const selection: ExportSelection = {
      title: 'From the new computer',
      entries: [{ id: people.pairId, excerpt: null }],
      agendas: [],
      sessions: [],
      hours: null,
      checkins: null,
      signs: false,
      replies: amaHere.id,
    };
    const check = await call<ExportCheck>(here, 'export:check', selection);
    const resolutions: Resolutions = { byValue: {}, byFinding: {}, pseudonyms: {} };
    for (const f of check.findings) resolutions.byValue[f.valueKey] = { action: 'redact' };
    const shared = await call<{ path: string }>(here, 'sharing:share', {
      selection,
      resolutions,
      fingerprint: check.fingerprint,
      contactId: amaHere.id,
    });
    const bytes = new Uint8Array(readFileSync(shared.path));
    expect(bytes[8]).toBe(BUNDLE_VERSION);
    expect(await ama.sharing.importBytes(bytes)).toMatchObject({ kind: 'share', replies: { added: 0, leftOut: 0 } });
    expect(await call<WaitingReplies[]>(here, 'sharing:waitingReplies')).toMatchObject([{ count: 0, earlier: 1 }]);
  }, 240_000);
});
