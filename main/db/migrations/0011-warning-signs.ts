import type { Migration } from './types';

/**
 * One name for the person's early-warning signs in every layer: `red_flags` becomes `warning_signs`
 * and `checkin_flags` becomes `checkin_signs`, with its `flag_id` column `sign_id`. ("Flag" is kept
 * for the bring-to-supervision flag on entries.)
 *
 * RENAME TO and RENAME COLUMN (SQLite 3.25 and later) carry the foreign key from `checkin_signs` to
 * `warning_signs` and the indexes with them; the indexes themselves are made again under names
 * that match. No view or trigger reads these tables.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'warning-signs',
  up(db) {
    db.exec(`
      ALTER TABLE red_flags RENAME TO warning_signs;
      ALTER TABLE checkin_flags RENAME TO checkin_signs;
      ALTER TABLE checkin_signs RENAME COLUMN flag_id TO sign_id;
      DROP INDEX checkin_flags_by_checkin;
      DROP INDEX checkin_flags_by_flag;
      CREATE INDEX checkin_signs_by_checkin ON checkin_signs (checkin_id);
      CREATE INDEX checkin_signs_by_sign ON checkin_signs (sign_id);
    `);
  },
};
