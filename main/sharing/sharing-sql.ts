/** SQL the sharing repositories share. */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { BundleKind } from './bundle-format';

/** A bundle opened here, remembered after what it brought is removed; a second open of the id fails. */
export function rememberOpened(db: Database, bundleId: string, kind: BundleKind, openedAt: string): void {
  db.prepare('INSERT INTO opened_bundles (bundle_id, kind, opened_at) VALUES (?, ?, ?)').run(bundleId, kind, openedAt);
}

/** A row and its child rows (a share's items, a feedback's comments), in one transaction: all or none. */
export function insertWithChildren(
  db: Database,
  sql: string,
  values: unknown[],
  childSql: string,
  children: unknown[][],
): void {
  db.transaction(() => {
    db.prepare(sql).run(...values);
    const insert = db.prepare(childSql);
    for (const child of children) insert.run(...child);
  })();
}

/** Comments (`ref`, `body`) found by one id, as an object by reference. */
export function byRef(db: Database, sql: string, id: string): Record<string, string> {
  return Object.fromEntries((db.prepare(sql).all(id) as { ref: string; body: string }[]).map((c) => [c.ref, c.body]));
}
