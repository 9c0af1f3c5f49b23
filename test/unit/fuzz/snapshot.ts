import { createHash } from 'node:crypto';
import type { Db } from '../../../src/sandbox/storage/db';

/** Every table's row count and a digest of its rows: equal snapshots mean an unchanged database. */
export function snapshotTables(db: Db): Record<string, { rows: number; digest: string }> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as Array<{ name: string }>;
  const out: Record<string, { rows: number; digest: string }> = {};
  for (const { name } of tables) {
    const rows = db.prepare(`SELECT * FROM "${name}"`).all();
    const lines = rows.map((row) => JSON.stringify(row)).sort();
    out[name] = { rows: rows.length, digest: createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16) };
  }
  return out;
}
