import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createKeyedHasher, loadKey } from '../keyed-hash.ts';
import type { Store } from '../store.ts';
import { auditMethods } from './audit.ts';
import { documentMethods } from './documents.ts';
import { connectorStateMethods } from './connector-state.ts';
import { openDatabase } from './open.ts';
import { queryMethods } from './queries.ts';
import { retentionMethods } from './retention.ts';
import { runMethods } from './runs.ts';
import { webMethods } from './web.ts';

export interface SqliteStoreOptions {
  /** The hash key itself (tests); otherwise $BEWAARDER_KEY or the key file. */
  key?: Uint8Array;
  /** Default: the database path + `.key`, next to it, mode 0600. */
  keyFile?: string;
  env?: NodeJS.ProcessEnv;
}

/** The embedded store: one SQLite file (plus its -wal and -shm while open) and a key file beside it. */
export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Store {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const key = options.key ?? loadKey(options.keyFile ?? `${path}.key`, options.env, { create: !existsSync(path) });
  const hasher = createKeyedHasher(key);
  const db = openDatabase(path, hasher);
  return {
    hasher,
    ...runMethods(db),
    ...documentMethods(db, hasher),
    ...queryMethods(db),
    ...auditMethods(db),
    ...connectorStateMethods(db),
    ...webMethods(db),
    ...retentionMethods(db, hasher),
    async close() {
      if (db.open) db.close();
    },
  };
}
