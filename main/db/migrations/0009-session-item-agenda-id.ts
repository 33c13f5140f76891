import type { Migration } from './types';

/**
 * A session item remembers which agenda item it was. The agenda item is removed once discussed, so
 * this is a plain reference, not a foreign key: it lets a supervisor's feedback on an agenda item
 * stay beside it after the session is recorded. Items recorded earlier have none.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'session-item-agenda-id',
  up(db) {
    db.exec(`ALTER TABLE session_items ADD COLUMN agenda_item_id TEXT;`);
  },
};
