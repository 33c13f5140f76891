import type { Migration } from './types';

/**
 * Sharing (issue 7): this vault's identity (one row: an X25519 and an Ed25519 key pair, secret keys
 * included, so they live only inside the encrypted database) and the people whose cards were added.
 * A contact is verified only once the person confirms the short fingerprints matched.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'identity-contacts',
  up(db) {
    db.exec(`
      CREATE TABLE identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        encryption_public BLOB NOT NULL CHECK (length(encryption_public) = 32),
        encryption_secret BLOB NOT NULL CHECK (length(encryption_secret) = 32),
        signing_public BLOB NOT NULL CHECK (length(signing_public) = 32),
        signing_secret BLOB NOT NULL CHECK (length(signing_secret) = 64),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE contacts (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        encryption_key BLOB NOT NULL CHECK (length(encryption_key) = 32),
        signing_key BLOB NOT NULL CHECK (length(signing_key) = 32),
        fingerprint TEXT NOT NULL UNIQUE,
        verified_at TEXT,
        added_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
