import { existsSync } from 'node:fs';
import { DATA_FOLDER, DEFAULT_DB } from '../store/default-path.ts';
import { isPostgresUrl } from '../store/postgres/index.ts';
import { openStore } from '../store/open-store.ts';
import { openSqliteStore } from '../store/sqlite/index.ts';
import type { Store } from '../store/store.ts';

/** The `--db` option every results command takes. */
export const DB_OPTION = { db: { type: 'string' } } as const;

export const DB_HELP = `  --db FILE     the results database (default ${DEFAULT_DB}, relative to the current folder); its hash key
                is kept beside it in FILE.key (mode 0600), or given in $BEWAARDER_KEY; a postgres://… URL
                keeps them in PostgreSQL (key in $BEWAARDER_KEY or ${DATA_FOLDER}/postgres-HOST-PORT-DB.key)`;

/** Opens the results; `list` and `stats` refuse a database that does not exist rather than create an empty one. */
export function openResults(path: string | undefined, options: { create: boolean }): Store {
  if (path && isPostgresUrl(path)) return openStore(path, { create: options.create });
  const file = path ?? DEFAULT_DB;
  if (!options.create && !existsSync(file)) {
    throw new NoResultsError(`no results at ${file}: run \`bewaarder scan PATH\` first${path ? '' : ' (or name the database with --db)'}`);
  }
  return openSqliteStore(file);
}

export class NoResultsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoResultsError';
  }
}

/** Who is looking, for the audit log ("record who looked at what"). */
export { osUser as currentActor } from '../store/os-user.ts';
