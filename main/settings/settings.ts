import {
  BACKUP_FREQUENCIES,
  BACKUP_KEEPS,
  type BackupFrequency,
  type BackupKeep,
  DEFAULT_BACKUP_PREFERENCES,
} from '../../common/backup/types';
import { cleanList } from '../../common/deid/lists';
import {
  ENTRY_LIST_LAYOUTS,
  type EntryListLayout,
  JOURNAL_PREVIEWS,
  type JournalPreviews,
  type Settings,
  SIDE_MENUS,
  type SideMenu,
} from '../../common/ipc/contract';
import type { Vault } from '../vault/vault';

export const DEFAULT_SETTINGS: Settings = {
  autoLockMinutes: 10,
  deidNames: [],
  deidPlaces: [],
  backupFolder: DEFAULT_BACKUP_PREFERENCES.folder,
  backupFrequency: DEFAULT_BACKUP_PREFERENCES.frequency,
  backupKeep: DEFAULT_BACKUP_PREFERENCES.keep,
  // Client material never shows in the list by default: a name or a date of birth in the first line is
  // exactly what a glance over a shoulder would catch.
  journalPreviews: 'not-client',
  // Until the person chooses, the menu narrows to icons only when the window is narrow; the list stays.
  sideMenu: 'auto',
  entryList: 'shown',
};

const oneOf = <T extends string>(choices: readonly T[], value: unknown, fallback: T): T =>
  (choices as readonly unknown[]).includes(value) ? (value as T) : fallback;

/** Settings live inside the encrypted database: even preferences say something about a person. */
export class SettingsService {
  constructor(
    private readonly vault: Vault,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get(): Settings {
    const rows = this.vault.db().prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
    const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
    const autoLockMinutes = stored['autoLockMinutes'];
    const backupFolder = stored['backupFolder'];
    return {
      autoLockMinutes: typeof autoLockMinutes === 'number' ? autoLockMinutes : DEFAULT_SETTINGS.autoLockMinutes,
      deidNames: cleanList(stored['deidNames']),
      deidPlaces: cleanList(stored['deidPlaces']),
      backupFolder: typeof backupFolder === 'string' && backupFolder ? backupFolder : null,
      backupFrequency: oneOf<BackupFrequency>(
        BACKUP_FREQUENCIES,
        stored['backupFrequency'],
        DEFAULT_SETTINGS.backupFrequency,
      ),
      backupKeep: oneOf<BackupKeep>(BACKUP_KEEPS, stored['backupKeep'], DEFAULT_SETTINGS.backupKeep),
      journalPreviews: oneOf<JournalPreviews>(
        JOURNAL_PREVIEWS,
        stored['journalPreviews'],
        DEFAULT_SETTINGS.journalPreviews,
      ),
      // Journals from before these choices existed have no row for them, and read as the defaults.
      sideMenu: oneOf<SideMenu>(SIDE_MENUS, stored['sideMenu'], DEFAULT_SETTINGS.sideMenu),
      entryList: oneOf<EntryListLayout>(ENTRY_LIST_LAYOUTS, stored['entryList'], DEFAULT_SETTINGS.entryList),
    };
  }

  update(changes: { [K in keyof Settings]?: Settings[K] | undefined }): Settings {
    this.write(
      Object.entries(changes).map(([key, value]) => [key, Array.isArray(value) ? cleanList(value) : value] as const),
    );
    return this.get();
  }

  /**
   * Something Holding keeps for itself beside the settings (the last backup that failed, a note set aside),
   * never part of `Settings`; undefined when there is none.
   */
  read(key: string): unknown {
    const row = this.vault.db().prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as
      string | undefined;
    return row === undefined ? undefined : (JSON.parse(row) as unknown);
  }

  /** Keeps `value` under `key` (see `read`); null removes it. */
  keep(key: string, value: unknown): void {
    if (value === null) this.vault.db().prepare('DELETE FROM settings WHERE key = ?').run(key);
    else this.write([[key, value]]);
  }

  private write(pairs: readonly (readonly [string, unknown])[]): void {
    const db = this.vault.db();
    const upsert = db.prepare(
      `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    );
    const stamp = this.now().toISOString();
    db.transaction(() => {
      for (const [key, value] of pairs) {
        if (value === undefined) continue;
        upsert.run(key, JSON.stringify(value), stamp);
      }
    })();
  }
}
