import type { Migration } from './types';

/**
 * Supervision: relationships and their contracts, the agenda for each, session records with what
 * happened to each item, and actions. A session keeps its supervisor's name, so deleting a supervisor
 * leaves the record and the hours whole.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'supervision',
  up(db) {
    db.exec(`
      CREATE TABLE supervisors (
        id              TEXT PRIMARY KEY,
        name            TEXT NOT NULL,
        role            TEXT NOT NULL DEFAULT '',
        type            TEXT NOT NULL CHECK (type IN ('individual', 'group', 'peer')),
        frequency       TEXT NOT NULL CHECK (frequency IN ('weekly', 'fortnightly', 'monthly', 'six-weekly', 'as-needed')),
        min_hours       REAL NOT NULL CHECK (min_hours >= 0 AND min_hours <= 200),
        session_minutes INTEGER NOT NULL CHECK (session_minutes BETWEEN 5 AND 600),
        focus_json      TEXT NOT NULL DEFAULT '[]',
        start_date      TEXT NOT NULL,
        ended_at        TEXT,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL
      ) STRICT;

      CREATE TABLE supervision_sessions (
        id              TEXT PRIMARY KEY,
        supervisor_id   TEXT REFERENCES supervisors (id) ON DELETE SET NULL,
        supervisor_name TEXT NOT NULL,
        starts_at       TEXT NOT NULL,
        time_zone       TEXT NOT NULL,
        minutes         INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
        attendees       TEXT NOT NULL DEFAULT '',
        notes           TEXT NOT NULL DEFAULT '',
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX supervision_sessions_by_supervisor ON supervision_sessions (supervisor_id, starts_at);
      CREATE INDEX supervision_sessions_by_start ON supervision_sessions (starts_at);

      CREATE TABLE supervision_actions (
        id         TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES supervision_sessions (id) ON DELETE CASCADE,
        text       TEXT NOT NULL,
        owner      TEXT NOT NULL DEFAULT '',
        due        TEXT,
        done_at    TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX supervision_actions_by_session ON supervision_actions (session_id);

      CREATE TABLE agenda_items (
        id              TEXT PRIMARY KEY,
        supervisor_id   TEXT NOT NULL REFERENCES supervisors (id) ON DELETE CASCADE,
        title           TEXT NOT NULL,
        question        TEXT NOT NULL DEFAULT '',
        notes           TEXT NOT NULL DEFAULT '',
        function        TEXT NOT NULL CHECK (function IN ('normative', 'formative', 'restorative')),
        seven_eyed      INTEGER CHECK (seven_eyed BETWEEN 1 AND 7),
        graces_json     TEXT NOT NULL DEFAULT '[]',
        priority        TEXT NOT NULL CHECK (priority IN ('high', 'medium', 'low')),
        minutes         INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 600),
        position        INTEGER NOT NULL,
        source_kind     TEXT NOT NULL CHECK (source_kind IN ('scratch', 'entry', 'trend', 'action')),
        source_entry_id TEXT REFERENCES entries (id) ON DELETE SET NULL,
        source_title    TEXT NOT NULL DEFAULT '',
        excerpt         TEXT,
        action_id       TEXT REFERENCES supervision_actions (id) ON DELETE CASCADE,
        carried_from    TEXT REFERENCES supervision_sessions (id) ON DELETE SET NULL,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX agenda_items_by_supervisor ON agenda_items (supervisor_id, position);
      CREATE INDEX agenda_items_by_entry ON agenda_items (source_entry_id);
      CREATE INDEX agenda_items_by_action ON agenda_items (action_id);

      -- Each agenda item as it stood when the session was recorded, and what became of it.
      CREATE TABLE session_items (
        id              INTEGER PRIMARY KEY,
        session_id      TEXT NOT NULL REFERENCES supervision_sessions (id) ON DELETE CASCADE,
        position        INTEGER NOT NULL,
        title           TEXT NOT NULL,
        question        TEXT NOT NULL DEFAULT '',
        function        TEXT NOT NULL CHECK (function IN ('normative', 'formative', 'restorative')),
        source_entry_id TEXT REFERENCES entries (id) ON DELETE SET NULL,
        outcome         TEXT NOT NULL CHECK (outcome IN ('discussed', 'not-reached')),
        discussed       TEXT NOT NULL DEFAULT '',
        decided         TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX session_items_by_session ON session_items (session_id, position);
      CREATE INDEX session_items_by_entry ON session_items (source_entry_id);
    `);
  },
};
