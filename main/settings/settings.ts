import { cleanList } from '../../common/deid/lists';
import type { Settings } from '../../common/ipc/contract';
import type { Vault } from '../vault/vault';

export const DEFAULT_SETTINGS: Settings = { autoLockMinutes: 10, deidNames: [], deidPlaces: [] };

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
    return {
      autoLockMinutes: typeof autoLockMinutes === 'number' ? autoLockMinutes : DEFAULT_SETTINGS.autoLockMinutes,
      deidNames: cleanList(stored['deidNames']),
      deidPlaces: cleanList(stored['deidPlaces']),
    };
  }

  update(changes: { [K in keyof Settings]?: Settings[K] | undefined }): Settings {
    const db = this.vault.db();
    const upsert = db.prepare(
      `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    );
    const stamp = this.now().toISOString();
    db.transaction(() => {
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined) continue;
        upsert.run(key, JSON.stringify(Array.isArray(value) ? cleanList(value) : value), stamp);
      }
    })();
    return this.get();
  }
}
