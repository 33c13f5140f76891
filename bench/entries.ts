/** Invented reflective entries for the benchmarks: nobody here is real. */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { docFromParagraphs } from '../common/journal/doc';
import { JournalService } from '../main/journal/journal';
import { TemplateService } from '../main/journal/templates';
import type { Vault } from '../main/vault/vault';

export const CLIENTS = ['Keziah', 'Tomasz', 'Aoife', 'Dev', 'Marguerite'];
/** About 250 words an entry, different in every entry, with a name and now and then a number in it. */
export function paragraphs(i: number): string[] {
  const who = CLIENTS[i % CLIENTS.length]!;
  return [
    `Entry ${i + 1}. I saw ${who} this morning and noticed how quickly I wanted to fix things for them. The room felt heavy and I could feel my shoulders tighten as we talked about the week they had had.`,
    `Afterwards I spoke with Margaret Okafor about it. She reminded me that staying alongside someone is the work, not a failure to act. I wrote down three things I could bring to supervision on day ${i}.`,
    i % 7 === 0
      ? `I need to remember to update the referral for NHS number 943 476 5919 and ring 07700 900${String(100 + (i % 900)).padStart(3, '0')} before Friday.`
      : `On the way home I let myself feel tired without deciding it meant anything about whether I am good at this. Tomorrow is a fuller day, and I want to arrive at it rested.`,
    `What I noticed in myself: a pull to rush, a wish to be liked, and underneath them some real care. What I want from supervision: help to slow down, and a place to think about endings.`,
  ];
}

/**
 * Writes `count` entries of about 250 words (above) through JournalService.create + save, in transactions of
 * 1,000, an hour apart from January 2021; resolves the milliseconds it took. Used by the backup and
 * re-encryption benchmarks.
 */
export function writeEntries(db: Database, count: number, batch = 1000): number {
  let clock = new Date();
  const vault = { db: () => db } as unknown as Vault;
  const journal = new JournalService(vault, new TemplateService(vault), () => clock);
  const start = performance.now();
  const from = Date.parse('2021-01-04T09:00:00Z');
  for (let done = 0; done < count; done += batch) {
    db.transaction(() => {
      for (let i = done; i < Math.min(count, done + batch); i++) {
        clock = new Date(from + i * 3_600_000);
        const { id } = journal.create({});
        journal.save({
          id,
          title: `Reflection ${i + 1}`,
          body: docFromParagraphs(paragraphs(i)),
          eventDate: null,
          tags: i % 3 ? ['supervision'] : [],
          bringToSupervision: i % 10 === 0,
          containsClientMaterial: i % 4 === 0,
          pinned: false,
        });
      }
    })();
    if (done % 10_000 === 0) process.stdout.write(`  ${done}/${count} entries\r`);
  }
  return performance.now() - start;
}
