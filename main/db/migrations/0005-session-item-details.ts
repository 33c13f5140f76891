import type { Migration } from './types';

/** A session keeps the whole of each agenda item as it stood: its notes, excerpt and tags of thought too. */
export const migration0005: Migration = {
  version: 5,
  name: 'session-item-details',
  up(db) {
    db.exec(`
      ALTER TABLE session_items ADD COLUMN notes TEXT NOT NULL DEFAULT '';
      ALTER TABLE session_items ADD COLUMN excerpt TEXT;
      ALTER TABLE session_items ADD COLUMN seven_eyed INTEGER CHECK (seven_eyed BETWEEN 1 AND 7);
      ALTER TABLE session_items ADD COLUMN graces_json TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE session_items ADD COLUMN priority TEXT NOT NULL DEFAULT 'medium' CHECK (priority IN ('high', 'medium', 'low'));
      ALTER TABLE session_items ADD COLUMN minutes INTEGER NOT NULL DEFAULT 0;
    `);
  },
};
