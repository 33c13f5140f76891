import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { suggestionsFor } from '../../common/checkins/trend';
import {
  CAPACITY_MAX,
  CAPACITY_MIN,
  type Checkin,
  type Level,
  MAX_CHECKIN_TEXT,
  MAX_SIGN_CONTACT,
  MAX_SIGN_HELPS,
  MAX_SIGN_NAME,
  MAX_SIGNS,
  type SuggestionView,
  type WarningSign,
} from '../../common/checkins/types';
import { AppError } from '../../common/errors';
import type { ParsedInputOf } from '../../common/ipc/contract';
import type { Vault } from '../vault/vault';

/** What a check-in is saved from: the contract's shape, checked again here for its real limits. */
export type CheckinInput = ParsedInputOf<'checkins:save'>;
export type WarningSignInput = ParsedInputOf<'signs:save'>;

/** A check-in as the checkins table holds it (with its entry's title): the same fields, those of two words in snake case. */
interface CheckinRow extends Pick<
  Checkin,
  'id' | 'at' | 'capacity' | 'energy' | 'sleep' | 'load' | 'helping' | 'hard'
> {
  entry_id: string | null;
  entry_title: string | null;
  created_at: string;
  updated_at: string;
}

/** A clock a little fast elsewhere should not make a check-in "in the future". */
const FUTURE_GRACE_MS = 5 * 60 * 1000;

const invalid = (message: string) => new AppError('INVALID_INPUT', message);

function tidyText(text: string, what: string, max: number): string {
  const tidy = text.replace(/\r\n?/g, '\n').trim();
  if (tidy.length > max) {
    throw invalid(`${what} is longer than ${max.toLocaleString('en-GB')} characters. A few words are plenty here.`);
  }
  return tidy;
}

function level(value: number | null, what: string): Level | null {
  if (value === null) return null;
  if (!Number.isInteger(value) || value < 1 || value > 5)
    throw invalid(`Please choose one of the offered words for ${what}.`);
  return value as Level;
}

/** Check-ins, the person's early-warning signs, and the gentle suggestions drawn from them. */
export class CheckinService {
  constructor(
    private readonly vault: Vault,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private db(): Database {
    return this.vault.db();
  }

  // Check-ins

  /** Newest first; `from` and `to` are ISO timestamps, both optional. */
  list(range: { from?: string | null | undefined; to?: string | null | undefined } = {}): Checkin[] {
    return this.read(range, null);
  }

  private read(
    range: { from?: string | null | undefined; to?: string | null | undefined },
    id: string | null,
  ): Checkin[] {
    // Stored times are UTC ISO strings; bounds given with an offset or without milliseconds are made
    // the same shape first, so comparing them as text compares the instants.
    const bound = (value: string | null | undefined) => {
      if (!value) return null;
      const at = Date.parse(value);
      if (!Number.isFinite(at)) throw invalid('That date range does not look right.');
      return new Date(at).toISOString();
    };
    const rows = this.db()
      .prepare(
        `SELECT c.*, e.title AS entry_title FROM checkins c LEFT JOIN entries e ON e.id = c.entry_id
         WHERE (@id IS NULL OR c.id = @id) AND (@from IS NULL OR c.at >= @from) AND (@to IS NULL OR c.at <= @to)
         ORDER BY c.at DESC, c.created_at DESC`,
      )
      .all({ id, from: bound(range.from), to: bound(range.to) }) as CheckinRow[];
    const signs = this.signsOf(rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      capacity: r.capacity,
      energy: r.energy,
      sleep: r.sleep,
      load: r.load,
      helping: r.helping,
      hard: r.hard,
      entryId: r.entry_id,
      entryTitle: r.entry_id ? r.entry_title || null : null,
      signs: signs.get(r.id) ?? [],
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  private signsOf(ids: string[]): Map<string, { id: string | null; name: string }[]> {
    const out = new Map<string, { id: string | null; name: string }[]>();
    if (!ids.length) return out;
    // The sign's current name while it exists (it may have been renamed), the kept name once deleted.
    const rows = this.db()
      .prepare(
        `SELECT cs.checkin_id, cs.sign_id, COALESCE(w.name, cs.name) AS name FROM checkin_signs cs
           LEFT JOIN warning_signs w ON w.id = cs.sign_id
         WHERE cs.checkin_id IN (SELECT value FROM json_each(?)) ORDER BY w.position IS NULL, w.position, cs.id`,
      )
      .all(JSON.stringify(ids)) as { checkin_id: string; sign_id: string | null; name: string }[];
    for (const row of rows) {
      const list = out.get(row.checkin_id) ?? [];
      list.push({ id: row.sign_id, name: row.name });
      out.set(row.checkin_id, list);
    }
    return out;
  }

  get(id: string): Checkin {
    // One row by its key: a save must not read the whole history back.
    const [found] = this.read({}, id);
    if (!found) throw new AppError('NOT_FOUND', 'That check-in could not be found. It may have been deleted.');
    return found;
  }

  save(input: CheckinInput): Checkin {
    const at = Date.parse(input.at);
    if (!Number.isFinite(at)) throw invalid('That date and time do not look right. Please choose them again.');
    if (at > this.now().getTime() + FUTURE_GRACE_MS) {
      throw invalid('A check-in is about how things are, or were. Please choose a time that has already come.');
    }
    if (!Number.isInteger(input.capacity) || input.capacity < CAPACITY_MIN || input.capacity > CAPACITY_MAX) {
      throw invalid(`Please choose your capacity from ${CAPACITY_MIN} to ${CAPACITY_MAX}.`);
    }
    const energy = level(input.energy, 'energy');
    const sleep = level(input.sleep, 'sleep');
    const load = level(input.load, 'load');
    const helping = tidyText(input.helping, 'What is helping', MAX_CHECKIN_TEXT);
    const hard = tidyText(input.hard, 'What is hard', MAX_CHECKIN_TEXT);
    const signIds = [...new Set(input.signIds)];
    const stamp = this.now().toISOString();
    const id = input.id ?? randomUUID();

    this.db().transaction(() => {
      const db = this.db();
      if (input.entryId && !db.prepare('SELECT 1 FROM entries WHERE id = ?').get(input.entryId)) {
        throw new AppError('NOT_FOUND', 'The entry you chose to link could not be found. It may have been deleted.');
      }
      const signs = signIds.map((signId) => {
        const name = db.prepare('SELECT name FROM warning_signs WHERE id = ?').pluck().get(signId) as
          string | undefined;
        if (name === undefined) {
          throw new AppError(
            'NOT_FOUND',
            'One of the signs you ticked has just been deleted. Please look at the list again.',
          );
        }
        return { signId, name };
      });
      const values = {
        id,
        at: new Date(at).toISOString(),
        capacity: input.capacity,
        energy,
        sleep,
        load,
        helping,
        hard,
        entryId: input.entryId,
        stamp,
      };
      if (input.id) {
        const changed = db
          .prepare(
            `UPDATE checkins SET at = @at, capacity = @capacity, energy = @energy, sleep = @sleep, load = @load,
               helping = @helping, hard = @hard, entry_id = @entryId, updated_at = @stamp WHERE id = @id`,
          )
          .run(values).changes;
        if (!changed) throw new AppError('NOT_FOUND', 'That check-in could not be found. It may have been deleted.');
        // Signs that were ticked and have since been deleted stay in this check-in's history.
        db.prepare('DELETE FROM checkin_signs WHERE checkin_id = ? AND sign_id IS NOT NULL').run(id);
      } else {
        db.prepare(
          `INSERT INTO checkins (id, at, capacity, energy, sleep, load, helping, hard, entry_id, created_at, updated_at)
           VALUES (@id, @at, @capacity, @energy, @sleep, @load, @helping, @hard, @entryId, @stamp, @stamp)`,
        ).run(values);
      }
      const insert = db.prepare('INSERT INTO checkin_signs (checkin_id, sign_id, name) VALUES (?, ?, ?)');
      for (const sign of signs) insert.run(id, sign.signId, sign.name);
    })();
    return this.get(id);
  }

  delete(id: string): void {
    if (this.db().prepare('DELETE FROM checkins WHERE id = ?').run(id).changes === 0) {
      throw new AppError('NOT_FOUND', 'That check-in could not be found. It may have been deleted already.');
    }
    this.scrubWal();
  }

  /** secure_delete overwrites the freed pages; this clears their old images from the WAL too. */
  private scrubWal(): void {
    this.db().pragma('wal_checkpoint(TRUNCATE)');
  }

  // Early-warning signs

  signs(): WarningSign[] {
    return this.db()
      .prepare(
        `SELECT w.id, w.name, w.what_helps AS whatHelps, w.contact,
           (SELECT count(*) FROM checkin_signs cs WHERE cs.sign_id = w.id) AS timesTicked
         FROM warning_signs w ORDER BY w.position, w.created_at`,
      )
      .all() as WarningSign[];
  }

  saveSign(input: WarningSignInput): WarningSign {
    const name = input.name.replace(/\s+/g, ' ').trim();
    if (!name) throw invalid('Please give the sign a name, in your own words.');
    if (name.length > MAX_SIGN_NAME)
      throw invalid(`Please keep the name to ${MAX_SIGN_NAME} characters; there is room below for more.`);
    const whatHelps = tidyText(input.whatHelps, 'What helps', MAX_SIGN_HELPS);
    const contact = tidyText(input.contact, 'Who to contact', MAX_SIGN_CONTACT);
    const stamp = this.now().toISOString();
    const id = input.id ?? randomUUID();
    this.db().transaction(() => {
      const db = this.db();
      const clash = db.prepare('SELECT 1 FROM warning_signs WHERE name = ? COLLATE NOCASE AND id <> ?').get(name, id);
      if (clash) throw invalid(`You already have a sign called “${name}”.`);
      if (input.id) {
        const changed = db
          .prepare('UPDATE warning_signs SET name = ?, what_helps = ?, contact = ?, updated_at = ? WHERE id = ?')
          .run(name, whatHelps, contact, stamp, id).changes;
        if (!changed) throw new AppError('NOT_FOUND', 'That sign could not be found. It may have been deleted.');
      } else {
        const count = db.prepare('SELECT count(*) FROM warning_signs').pluck().get() as number;
        if (count >= MAX_SIGNS)
          throw invalid(`Holding keeps up to ${MAX_SIGNS} signs. Perhaps two of them could become one?`);
        db.prepare(
          `INSERT INTO warning_signs (id, name, what_helps, contact, position, created_at, updated_at)
           VALUES (?, ?, ?, ?, (SELECT COALESCE(max(position), 0) + 1 FROM warning_signs), ?, ?)`,
        ).run(id, name, whatHelps, contact, stamp, stamp);
      }
    })();
    return this.signs().find((sign) => sign.id === id)!;
  }

  /** Past check-ins keep the sign's name: the link is cleared, the name stays with them. */
  deleteSign(id: string): void {
    this.db().transaction(() => {
      const db = this.db();
      const name = db.prepare('SELECT name FROM warning_signs WHERE id = ?').pluck().get(id) as string | undefined;
      if (name === undefined)
        throw new AppError('NOT_FOUND', 'That sign could not be found. It may have been deleted already.');
      db.prepare('UPDATE checkin_signs SET name = ? WHERE sign_id = ?').run(name, id);
      // From now on the sign is known by its kept name: carry over any suggestion already set aside.
      db.prepare('DELETE FROM dismissed_suggestions WHERE key = ?').run(`recurring:name:${name}`);
      db.prepare('UPDATE dismissed_suggestions SET key = ? WHERE key = ?').run(
        `recurring:name:${name}`,
        `recurring:${id}`,
      );
      db.prepare('DELETE FROM warning_signs WHERE id = ?').run(id);
    })();
    this.scrubWal();
  }

  reorderSigns(ids: string[]): WarningSign[] {
    this.db().transaction(() => {
      const update = this.db().prepare('UPDATE warning_signs SET position = ? WHERE id = ?');
      ids.forEach((id, i) => update.run(i + 1, id));
    })();
    return this.signs();
  }

  // Suggestions

  suggestions(): SuggestionView[] {
    const now = this.now();
    // The whole history: an episode that has gone on for weeks keeps the start it had.
    const checkins = this.list();
    const names = new Map<string, string>();
    const points = checkins.map((c) => ({
      at: c.at,
      capacity: c.capacity,
      signs: c.signs.map((sign) => {
        // A deleted sign is still counted, by its kept name.
        const key = sign.id ?? `name:${sign.name}`;
        names.set(key, sign.name);
        return key;
      }),
    }));
    const dismissed = new Map(
      (
        this.db().prepare('SELECT key, dismissed_at FROM dismissed_suggestions').all() as {
          key: string;
          dismissed_at: string;
        }[]
      ).map((d) => [d.key, d.dismissed_at]),
    );
    // Set aside during this episode: stays set aside. A new episode may be offered again.
    return suggestionsFor(points, now)
      .filter((s) => {
        const at = dismissed.get(s.key);
        return !at || at < s.since;
      })
      .map((s): SuggestionView => {
        if (s.kind === 'falling') return { kind: 'falling', key: s.key, recent: s.recent, baseline: s.baseline };
        if (s.kind === 'low') return { kind: 'low', key: s.key, recent: s.recent };
        return { kind: 'recurring', key: s.key, signName: names.get(s.sign) ?? s.sign, times: s.times };
      });
  }

  /** Set aside for the rest of this episode: until things have eased and then come back. */
  dismiss(key: string): void {
    this.db()
      .prepare(
        `INSERT INTO dismissed_suggestions (key, dismissed_at) VALUES (?, ?)
         ON CONFLICT (key) DO UPDATE SET dismissed_at = excluded.dismissed_at`,
      )
      .run(key, this.now().toISOString());
  }
}
