import type { Migration } from './types';

/**
 * Every bundle this journal has opened, remembered by its id after the share or feedback itself is removed
 * (issue 19): docs/bundle-format.md promises that a second import of a bundle is refused, and a record that
 * went with the share let a removed share be opened again. Only the id, the kind and when: nothing of what
 * the bundle said.
 *
 * Written to stand on 0008's tables alone, so it runs the same whether or not 0013 (written on another
 * branch at the same time) ran before it; the ids already opened are carried over from the shares and
 * feedback still here.
 */
export const migration0014: Migration = {
  version: 14,
  name: 'opened-bundles',
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS opened_bundles (
        bundle_id TEXT PRIMARY KEY,
        kind      TEXT NOT NULL CHECK (kind IN ('share', 'feedback')),
        opened_at TEXT NOT NULL
      ) STRICT;
      INSERT OR IGNORE INTO opened_bundles (bundle_id, kind, opened_at)
        SELECT bundle_id, 'share', imported_at FROM shares_received;
      INSERT OR IGNORE INTO opened_bundles (bundle_id, kind, opened_at)
        SELECT bundle_id, 'feedback', imported_at FROM feedback_received;
    `);
  },
};
