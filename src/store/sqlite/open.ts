import Database from 'better-sqlite3';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import type { KeyedHasher } from '../keyed-hash.ts';
import { MIGRATIONS, type Migration } from './migrations.ts';

export type Db = Database.Database;

/**
 * Opens (or creates) the database file: owner-only permissions (SQLite gives its -wal and -shm files the same),
 * WAL so readers (`list`, `stats`) never wait for a scan, and `synchronous=NORMAL`: a killed process loses
 * nothing committed (only a power cut can lose the last transactions, never consistency).
 */
export function openDatabase(path: string, hasher: KeyedHasher, migrations: readonly Migration[] = MIGRATIONS): Db {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  closeSync(openSync(path, 'a', 0o600));
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 10000');
    migrate(db, migrations);
    checkKey(db, hasher);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Applies the steps not applied yet, each in its own transaction, and refuses a database from a newer version. */
export function migrate(db: Db, migrations: readonly Migration[]): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  const newest = Math.max(0, ...migrations.map((m) => m.version));
  const unknown = [...applied].filter((v) => v > newest);
  if (unknown.length) throw new Error(`this database was made by a newer bewaarder (schema version ${Math.max(...unknown)})`);
  const done: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    }).immediate();
    done.push(m.version);
  }
  return done;
}

/** The key the hashes were made with must be the one given now, or every stored hash would silently stop matching. */
function checkKey(db: Db, hasher: KeyedHasher): void {
  db.transaction(() => {
    const stored = db.prepare("SELECT value FROM meta WHERE key = 'key-fingerprint'").pluck().get() as string | undefined;
    if (stored === undefined) db.prepare("INSERT INTO meta (key, value) VALUES ('key-fingerprint', ?)").run(hasher.fingerprint);
    else if (stored !== hasher.fingerprint) {
      throw new Error('the hash key does not match this database ($BEWAARDER_KEY or the key file next to it was changed)');
    }
  }).immediate();
}
