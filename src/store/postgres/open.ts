import type pg from 'pg';
import type { KeyedHasher } from '../keyed-hash.ts';
import { MIGRATIONS, type Migration } from './migrations.ts';

/** Any number: held while migrating, so two processes opening a new database do not both create its tables. */
const MIGRATION_LOCK = 0x6265_7761;

export class NoDatabaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoDatabaseError';
  }
}

/**
 * Brings the schema up to date (each step in its own transaction, under an advisory lock), refuses a database from a
 * newer version, and checks the hash key against the one the database was made with. `create: false` refuses a
 * database without bewaarder's tables instead of creating them (`list` and `stats` on a wrong URL).
 */
export async function prepareDatabase(pool: pg.Pool, hasher: KeyedHasher, options: { create: boolean; migrations?: readonly Migration[] }): Promise<'new' | 'existing'> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const exists = (await client.query("SELECT to_regclass('schema_migrations') IS NOT NULL AS e")).rows[0].e as boolean;
    if (!exists && !options.create) throw new NoDatabaseError('this PostgreSQL database holds no bewaarder results: run `bewaarder scan PATH --db URL` first');
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const applied = new Set((await client.query('SELECT version FROM schema_migrations')).rows.map((r: { version: number }) => r.version));
    const migrations = options.migrations ?? MIGRATIONS;
    const newest = Math.max(0, ...migrations.map((m) => m.version));
    const unknown = [...applied].filter((v) => v > newest);
    if (unknown.length) throw new Error(`this database was made by a newer bewaarder (schema version ${Math.max(...unknown)})`);
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(m.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    // The key the hashes were made with must be the one given now, or every stored hash would silently stop matching.
    const inserted = await client.query("INSERT INTO meta (key, value) VALUES ('key-fingerprint', $1) ON CONFLICT (key) DO NOTHING", [hasher.fingerprint]);
    if (inserted.rowCount) return 'new';
    const stored = (await client.query("SELECT value FROM meta WHERE key = 'key-fingerprint'")).rows[0]?.value as string | undefined;
    if (stored !== hasher.fingerprint) throw new KeyMismatchError();
    return 'existing';
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
}

export class KeyMismatchError extends Error {
  constructor() {
    super('the hash key does not match this database ($BEWAARDER_KEY or the key file was changed)');
    this.name = 'KeyMismatchError';
  }
}
