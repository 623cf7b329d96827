import pg from 'pg';

/** Query parameters as pg takes them. */
export type Params = unknown[];

/** One connection inside a transaction, or the pool outside one: methods run their SQL on either. */
export interface Queryable {
  rows<T>(sql: string, params?: Params): Promise<T[]>;
  one<T>(sql: string, params?: Params): Promise<T | undefined>;
  /** How many rows the statement changed. */
  run(sql: string, params?: Params): Promise<number>;
}

/**
 * The pool the store's methods use. Every call waits for `ready` (migrations and the key check) first, so the store
 * can be handed out before the database answered, as the SQLite store is.
 */
export interface Pg extends Queryable {
  /** `BEGIN … COMMIT` on one client (ROLLBACK when `work` throws). */
  tx<T>(work: (q: Queryable) => Promise<T>): Promise<T>;
  readonly pool: pg.Pool;
  ready: Promise<void>;
}

// bigint (count(*), sizes, ids) as a JS number: every value this store keeps is far below 2^53.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

function queryable(client: pg.Pool | pg.PoolClient, before: () => Promise<void>): Queryable {
  return {
    async rows<T>(sql: string, params: Params = []) {
      await before();
      return (await client.query(sql, params)).rows as T[];
    },
    async one<T>(sql: string, params: Params = []) {
      await before();
      return (await client.query(sql, params)).rows[0] as T | undefined;
    },
    async run(sql: string, params: Params = []) {
      await before();
      return (await client.query(sql, params)).rowCount ?? 0;
    },
  };
}

export function createPg(connectionString: string): Pg {
  const pool = new pg.Pool({ connectionString, types, max: 5 });
  // An idle client losing its server (a restart) must not crash the process: the next query reconnects.
  pool.on('error', () => {});
  const self: Pg = {
    pool,
    ready: Promise.resolve(),
    ...queryable(pool, () => self.ready),
    async tx(work) {
      await self.ready;
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(queryable(client, async () => {}));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
  };
  return self;
}
