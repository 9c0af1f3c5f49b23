import Database from 'better-sqlite3';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from './migrations';

export type Db = Database.Database;

export const DB_FILE = 'sandbox.sqlite';

/** Deletes the database files in `dataDir` (the next start seeds afresh). */
export function resetDatabase(dataDir: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(join(dataDir, `${DB_FILE}${suffix}`), { force: true });
}

/** Opens the sandbox database: a file in `dataDir` (WAL, survives kill -9) or memory. */
export function openDatabase(options: { memory: boolean; dataDir: string }): Db {
  let db: Db;
  if (options.memory) {
    db = new Database(':memory:');
  } else {
    mkdirSync(options.dataDir, { recursive: true });
    db = new Database(join(options.dataDir, DB_FILE));
    db.pragma('journal_mode = WAL');
    // NORMAL (with WAL): a committed transaction is in the WAL before the answer leaves, so it
    // survives kill -9 (only a power loss can drop the last ones); no fsync on every commit.
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  reuseStatements(db);
  return db;
}

/**
 * Routes call `db.prepare(sql)` on every request; compiling the same SQL again was the largest
 * single cost of a checkout (`npm run bench`, sandbox CPU profile). Reuse the compiled statement
 * per SQL text. The texts are literals plus a few variants, so the cache stays small (bounded anyway).
 */
function reuseStatements(db: Db): void {
  const prepare = db.prepare.bind(db);
  const statements = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= 500) statements.clear();
      statement = prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  }) as Db['prepare'];
}
