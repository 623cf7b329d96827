import { isPostgresUrl, openPostgresStore } from './postgres/index.ts';
import { openSqliteStore } from './sqlite/index.ts';
import type { Store } from './store.ts';

/** A `--db` as users give it: a `postgres://` or `postgresql://` URL opens PostgreSQL, anything else a SQLite file. */
export function openStore(db: string, options: { create?: boolean } = {}): Store {
  return isPostgresUrl(db) ? openPostgresStore(db, options) : openSqliteStore(db);
}
