import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';

/**
 * A private PostgreSQL cluster for one test file: initdb into a temporary folder (as user `postgres` when the tests
 * run as root: the server refuses to run as root), trust authentication on 127.0.0.1 only, a socket folder of its
 * own and a free port (PostgreSQL cannot listen on port 0, so one is probed). Each harness gets a fresh database.
 */
export interface PostgresCluster {
  /** A new empty database; its URL. */
  createDatabase(): Promise<string>;
  dropDatabase(url: string): Promise<void>;
}

/** Debian keeps the server programs outside PATH, one folder per major version: the newest installed one. */
function serverBin(): string {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error('PostgreSQL is not installed (apt-get install postgresql): the PostgreSQL store tests need initdb');
  return join(base, newest, 'bin');
}

function asServerUser(command: string, args: string[]): void {
  const root = process.getuid?.() === 0;
  if (root) execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' });
  else execFileSync(command, args, { stdio: 'pipe' });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Registers beforeAll/afterAll: the cluster starts before the file's tests and is stopped and removed after. */
export function usePostgres(): PostgresCluster {
  let dir = '';
  let port = 0;
  let admin: pg.Pool | undefined;
  let counter = 0;

  let BIN = '';

  beforeAll(async () => {
    BIN = serverBin();
    dir = mkdtempSync(join(tmpdir(), 'bewaarder-pg-'));
    chmodSync(dir, 0o777); // the server user writes its data and socket here
    asServerUser(`${BIN}/initdb`, ['-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    for (let attempt = 0; ; attempt++) {
      port = await freePort();
      try {
        asServerUser(`${BIN}/pg_ctl`, ['-D', join(dir, 'data'), '-l', join(dir, 'server.log'), '-w', '-o',
          `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`, 'start']);
        break;
      } catch (error) {
        if (attempt >= 2) throw error; // the probed port was taken in between: try another
      }
    }
    admin = new pg.Pool({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres`, max: 2 });
  }, 60_000);

  afterAll(async () => {
    await admin?.end();
    if (dir) {
      try {
        asServerUser(`${BIN}/pg_ctl`, ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }, 30_000);

  return {
    async createDatabase() {
      const name = `t${process.pid}_${++counter}`;
      await admin!.query(`CREATE DATABASE ${name}`);
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async dropDatabase(url) {
      const name = new URL(url).pathname.slice(1);
      await admin!.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
