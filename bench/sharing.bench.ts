/**
 * Sharing between two vaults at 10, 100 and 500 entries: sealing the settled export for a supervisor
 * (the check again, settling, sealing, writing the file), importing it (size check, signature,
 * decryption, schema, one transaction), opening it for review, and sealing and importing feedback with
 * a comment on every item. Then the codec alone on a payload near the 64 MiB cap, with memory.
 *
 *   npm run bench:sharing        writes bench/results/sharing.json and sharing.md
 *   BENCH_SIZES=10,100 npm run bench:sharing
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EMPTY_SELECTION, type Resolutions } from '../common/export/types';
import { docFromParagraphs } from '../common/journal/doc';
import type { Services } from '../main/app';
import { benchServices } from './services';
import { sealBundle } from '../main/sharing/bundle';
import { openBundle } from '../main/sharing/bundle-open';
import { createIdentity, sharingReady } from '../main/sharing/card';
import { CLIENTS, paragraphs } from './entries';

const SIZES = (process.env['BENCH_SIZES'] ?? '10,100,500').split(',').map(Number);
const here = path.dirname(fileURLToPath(import.meta.url));
const sender = { isMainFrame: true, url: 'holding://app/' };

async function person(dataDir: string, name: string, folder: string, pick: () => string): Promise<Services> {
  const services = await benchServices(dataDir, {
    chooseSavePath: async (file) => path.join(folder, file.replace('.', ` ${name}.`)),
    chooseOpenPath: async () => pick(),
  });
  await services.identity.save({ name, role: '' });
  return services;
}

async function ok<T>(services: Services, channel: string, input?: unknown): Promise<T> {
  const result = await services.router(channel, input, sender);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

const ms = (start: number) => Math.round(performance.now() - start);

const results: {
  entries: number;
  shareMs: number;
  bundleKb: number;
  importMs: number;
  reviewMs: number;
  feedbackMs: number;
  feedbackImportMs: number;
}[] = [];
for (const size of SIZES) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'holding-bench-sharing-'));
  const folder = path.join(root, 'files');
  mkdirSync(folder);
  let next = '';
  const sam = await person(path.join(root, 'sam'), 'Sam', folder, () => next);
  const ama = await person(path.join(root, 'ama'), 'Ama', folder, () => next);
  try {
    const amaAtSam = await sam.identity.addContact(ama.identity.view()!.card);
    sam.identity.setVerified(amaAtSam.id, true);
    ama.identity.setVerified((await ama.identity.addContact(sam.identity.view()!.card)).id, true);
    sam.settings.update({ deidNames: CLIENTS });
    const ids: string[] = [];
    sam.vault.db().transaction(() => {
      for (let i = 0; i < size; i++) {
        const entry = sam.journal.create({ title: `Reflection ${i + 1}` });
        sam.journal.save({ ...entry, body: docFromParagraphs(paragraphs(i)), tags: [] });
        ids.push(entry.id);
      }
    })();
    const selection = { ...EMPTY_SELECTION, entries: ids.map((id) => ({ id, excerpt: null })) };
    const check = await sam.exports.check(selection);
    const resolutions: Resolutions = { byValue: {}, byFinding: {}, pseudonyms: {} };
    for (const f of check.findings) {
      resolutions.byValue[f.valueKey] = f.kind.endsWith('name') ? { action: 'pseudonym' } : { action: 'redact' };
    }

    let start = performance.now();
    const shared = await ok<{ path: string }>(sam, 'sharing:share', {
      selection,
      resolutions,
      fingerprint: check.fingerprint,
      contactId: amaAtSam.id,
    });
    const shareMs = ms(start);

    next = shared.path;
    start = performance.now();
    const imported = await ok<{ kind: 'share'; share: { id: string } }>(ama, 'sharing:import');
    const importMs = ms(start);

    start = performance.now();
    const review = await ok<{ items: { ref: string }[] }>(ama, 'sharing:receivedShare', { id: imported.share.id });
    const reviewMs = ms(start);

    for (const item of review.items)
      ama.sharing.saveComment(imported.share.id, item.ref, 'A thoughtful piece. '.repeat(10));
    start = performance.now();
    const feedback = await ok<{ path: string }>(ama, 'sharing:sendFeedback', { shareId: imported.share.id });
    const feedbackMs = ms(start);

    next = feedback.path;
    start = performance.now();
    await ok(sam, 'sharing:import');
    const feedbackImportMs = ms(start);

    results.push({
      entries: size,
      shareMs,
      bundleKb: Math.round(statSync(shared.path).size / 1024),
      importMs,
      reviewMs,
      feedbackMs,
      feedbackImportMs,
    });
    console.log(results.at(-1));
  } finally {
    sam.dispose();
    ama.dispose();
    rmSync(root, { recursive: true, force: true });
  }
}

// The codec alone, near the cap: how long and how much memory a largest bundle takes.
await sharingReady();
const a = createIdentity('A', '');
const b = createIdentity('B', '');
const payload = new Uint8Array(60 * 1024 * 1024).fill(97);
global.gc?.();
const rssBefore = process.memoryUsage().rss;
let start = performance.now();
const big = sealBundle({ kind: 'share', sender: a, recipient: b, payload });
const sealBigMs = ms(start);
start = performance.now();
openBundle(big, b);
const openBigMs = ms(start);
const rssGrowthMb = Math.round((process.memoryUsage().rss - rssBefore) / 2 ** 20);
const codec = { payloadMb: 60, sealMs: sealBigMs, openMs: openBigMs, rssGrowthMb };
console.log(codec);

const out = path.join(here, 'results');
mkdirSync(out, { recursive: true });
const machine = `${os.cpus().length} cores, Node ${process.version}`;
writeFileSync(path.join(out, 'sharing.json'), `${JSON.stringify({ machine, results, codec }, null, 2)}\n`);
writeFileSync(
  path.join(out, 'sharing.md'),
  [
    `# Sharing between two vaults (one run each; ${machine})`,
    '',
    'About 250 words an entry, every finding settled. "Share" is the whole of sharing:share after a check:',
    'check again, settle, seal, atomic write. "Import" is sharing:import: size check, read, signature,',
    'decryption, schema and one transaction. "Feedback" seals a comment on every item.',
    '',
    '| entries | share (ms) | bundle (kB) | import (ms) | open for review (ms) | feedback (ms) | import feedback (ms) |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.entries} | ${r.shareMs} | ${r.bundleKb} | ${r.importMs} | ${r.reviewMs} | ${r.feedbackMs} | ${r.feedbackImportMs} |`,
    ),
    '',
    `The codec alone on a ${codec.payloadMb} MB payload (near the 64 MiB cap): seal ${codec.sealMs} ms, open ${codec.openMs} ms, resident memory grew by ${codec.rssGrowthMb} MB.`,
    '',
  ].join('\n'),
);
