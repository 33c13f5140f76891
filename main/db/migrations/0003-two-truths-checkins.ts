import type { Migration } from './types';

/**
 * Two truths, check-ins and early-warning signs.
 *
 * Two-truths entries live in `entries` with kind 'two-truths', so search, tags, trash, history and
 * the flags work for them exactly as for journal entries. Their fields are kept as JSON beside a
 * document built from them (what search, history and export read).
 */
export const migration0003: Migration = {
  version: 3,
  name: 'two-truths-checkins',
  up(db) {
    db.exec(`
      ALTER TABLE entries ADD COLUMN kind TEXT NOT NULL DEFAULT 'journal' CHECK (kind IN ('journal', 'two-truths'));
      ALTER TABLE entries ADD COLUMN fields_json TEXT;
      ALTER TABLE entry_revisions ADD COLUMN fields_json TEXT;
      CREATE INDEX entries_by_kind ON entries (kind, pinned DESC, updated_at DESC) WHERE deleted_at IS NULL;

      -- "This entry relates to that one", either way round.
      CREATE TABLE entry_links (
        from_id    TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        to_id      TEXT NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        PRIMARY KEY (from_id, to_id),
        CHECK (from_id <> to_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX entry_links_by_to ON entry_links (to_id, from_id);

      -- The person's own prompt pairs, and changes to built-in ones (a row with a built-in's id).
      CREATE TABLE truth_prompts (
        id         TEXT PRIMARY KEY,
        theme      TEXT NOT NULL,
        truth_a    TEXT NOT NULL,
        truth_b    TEXT NOT NULL,
        hidden     INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE red_flags (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        what_helps TEXT NOT NULL DEFAULT '',
        contact    TEXT NOT NULL DEFAULT '',
        position   INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE checkins (
        id         TEXT PRIMARY KEY,
        at         TEXT NOT NULL,
        capacity   INTEGER NOT NULL CHECK (capacity BETWEEN 0 AND 10),
        energy     INTEGER CHECK (energy BETWEEN 1 AND 5),
        sleep      INTEGER CHECK (sleep BETWEEN 1 AND 5),
        load       INTEGER CHECK (load BETWEEN 1 AND 5),
        helping    TEXT NOT NULL DEFAULT '',
        hard       TEXT NOT NULL DEFAULT '',
        entry_id   TEXT REFERENCES entries (id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX checkins_by_at ON checkins (at);

      -- The sign's name is kept with each check-in, so deleting a sign later leaves history readable.
      CREATE TABLE checkin_flags (
        id         INTEGER PRIMARY KEY,
        checkin_id TEXT NOT NULL REFERENCES checkins (id) ON DELETE CASCADE,
        flag_id    TEXT REFERENCES red_flags (id) ON DELETE SET NULL,
        name       TEXT NOT NULL
      ) STRICT;
      CREATE INDEX checkin_flags_by_checkin ON checkin_flags (checkin_id);
      CREATE INDEX checkin_flags_by_flag ON checkin_flags (flag_id);

      CREATE TABLE dismissed_suggestions (
        key          TEXT PRIMARY KEY,
        dismissed_at TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
