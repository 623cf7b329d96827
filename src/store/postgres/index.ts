import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { DATA_FOLDER } from '../default-path.ts';
import { createKeyedHasher, KEY_ENV, loadKey } from '../keyed-hash.ts';
import type { Store } from '../store.ts';
import { auditMethods } from './audit.ts';
import { connectorStateMethods } from './connector-state.ts';
import { createPg } from './db.ts';
import { documentMethods } from './documents.ts';
import { KeyMismatchError, prepareDatabase } from './open.ts';
import { queryMethods } from './queries.ts';
import { retentionMethods } from './retention.ts';
import { runMethods } from './runs.ts';
import { webAccountMethods } from './web-accounts.ts';
import { webDocumentMethods } from './web-documents.ts';

export { KeyMismatchError, NoDatabaseError } from './open.ts';

export interface PostgresStoreOptions {
  /** The hash key itself (tests); otherwise $BEWAARDER_KEY or the key file. */
  key?: Uint8Array;
  /** Default: .bewaarder/postgres-HOST-PORT-DATABASE.key below the working folder, mode 0600. */
  keyFile?: string;
  env?: NodeJS.ProcessEnv;
  /** false: refuse a database without bewaarder's tables rather than create them (default true). */
  create?: boolean;
}

/** `postgres://…` and `postgresql://…` name a PostgreSQL database; anything else is a SQLite file. */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

/** The default key file for a database: its host, port and name, never its user or password. */
export function defaultKeyFile(connectionString: string): string {
  const url = new URL(connectionString);
  const name = `${url.hostname || 'local'}-${url.port || '5432'}-${decodeURIComponent(url.pathname.slice(1)) || 'postgres'}`;
  return `${DATA_FOLDER}/postgres-${name.replace(/[^\w.-]/g, '_')}.key`;
}

/**
 * The store at scale: the same tables, numbered steps and keyed hashes as the SQLite store, on a pg Pool. Returned
 * at once; the schema is brought up to date and the key checked before the first query runs (a wrong key or an
 * unreachable server fails that first call). `connectPostgresStore` waits for it.
 */
export function openPostgresStore(connectionString: string, options: PostgresStoreOptions = {}): Store {
  const keyFile = options.keyFile ?? defaultKeyFile(connectionString);
  const env = options.env ?? process.env;
  const create = options.create ?? true;
  const madeKey = !options.key && !env[KEY_ENV]?.trim() && !existsSync(keyFile) && create;
  if (madeKey && !options.keyFile) mkdirSync(DATA_FOLDER, { recursive: true, mode: 0o700 });
  const key = options.key ?? loadKey(keyFile, env, { create });
  const hasher = createKeyedHasher(key);
  const db = createPg(connectionString);
  db.ready = prepareDatabase(db.pool, hasher, { create }).then(
    () => undefined,
    async (error: unknown) => {
      // A key made just now for a database that has one already: say the key is missing, and leave no stray file.
      if (madeKey) rmSync(keyFile, { force: true });
      throw error instanceof KeyMismatchError && madeKey ? new Error(`the hash key ${keyFile} is missing (or set $BEWAARDER_KEY)`) : error;
    },
  );
  db.ready.catch(() => {}); // reported by the first call that waits for it
  return {
    hasher,
    ...runMethods(db),
    ...documentMethods(db, hasher),
    ...queryMethods(db),
    ...auditMethods(db),
    ...connectorStateMethods(db),
    ...webAccountMethods(db),
    ...webDocumentMethods(db),
    ...retentionMethods(db, hasher),
    async close() {
      await db.ready.catch(() => {});
      await db.pool.end();
    },
  };
}

/** Opens the store and waits until it is ready (schema, key check): errors surface here. */
export async function connectPostgresStore(connectionString: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const store = openPostgresStore(connectionString, options);
  try {
    await store.runs(-1);
    return store;
  } catch (error) {
    await store.close();
    throw error;
  }
}
