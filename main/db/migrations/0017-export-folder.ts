import type { Migration } from './types';

/**
 * The folder each export was saved in, beside its file name (issue 18): "Exported before" promised to say
 * where, and Holding can now show the file in its folder. The record is the person's own and stays in the
 * encrypted journal; it does not leave with "Export everything" (main/export/everything/tables.ts), being a
 * place on this computer. Exports recorded before this have no folder (null), and say so.
 */
export const migration0017: Migration = {
  version: 17,
  name: 'export-folder',
  up(db) {
    db.exec('ALTER TABLE exports ADD COLUMN folder TEXT');
  },
};
