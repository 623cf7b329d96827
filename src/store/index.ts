export * from './store.ts';
export * from './web-store.ts';
export { createKeyedHasher, loadKey, KEY_ENV, type KeyedHasher } from './keyed-hash.ts';
export { openSqliteStore, type SqliteStoreOptions } from './sqlite/index.ts';
export { DEFAULT_DB } from './default-path.ts';
export { openPostgresStore, connectPostgresStore, isPostgresUrl, type PostgresStoreOptions } from './postgres/index.ts';
export { openStore } from './open-store.ts';
