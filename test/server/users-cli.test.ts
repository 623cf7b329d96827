import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { verifyPassword, secretHash } from '../../src/server/auth/passwords.ts';
import { openSqliteStore } from '../../src/store/sqlite/index.ts';

async function cli(args: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    process.env = saved;
  }
}

describe('bewaarder users and serve --add-user', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bewaarder-users-'));
  const db = join(dir, 'bewaarder.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates accounts with the password from the environment, stored as a scrypt hash', async () => {
    const made = await cli(['serve', '--add-user', 'anna', '--role', 'records-manager', '--db', db], { BEWAARDER_PASSWORD: 'een lang wachtwoord' });
    expect(made).toMatchObject({ code: 0, stdout: 'Account anna (records-manager) created.' });
    expect((await cli(['users', 'add', 'anna', '--role', 'auditor', '--db', db], { BEWAARDER_PASSWORD: 'een lang wachtwoord' })).code).toBe(1);
    expect((await cli(['users', 'add', 'bob', '--role', 'koning', '--db', db])).code).toBe(2);
    const listed = await cli(['users', 'list', '--json', '--db', db]);
    expect(JSON.parse(listed.stdout)).toMatchObject({ name: 'anna', role: 'records-manager', kind: 'local' });
    const token = await cli(['users', 'token', 'anna', '--label', 'dms', '--db', db]);
    expect(token.stdout).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const store = openSqliteStore(db);
    try {
      const anna = await store.account('anna');
      expect(anna?.passwordHash).toMatch(/^scrypt\$/);
      expect(anna?.passwordHash).not.toContain('wachtwoord');
      expect(await verifyPassword('een lang wachtwoord', anna?.passwordHash)).toBe(true);
      expect(await store.accountByToken(secretHash(token.stdout))).toMatchObject({ name: 'anna' });
    } finally {
      await store.close();
    }
  });

  it('lists an account disabled because its Entra ID role was removed as disabled', async () => {
    const store = openSqliteStore(db);
    try {
      await store.disableAccount('anna');
    } finally {
      await store.close();
    }
    const listed = await cli(['users', 'list', '--db', db]);
    expect(listed.stdout).toMatch(/^anna\s+records-manager\s+local\s+disabled since \d{4}-\d{2}-\d{2} \(no role in Entra ID\)$/);
  });

  it('explains itself with --help', async () => {
    expect((await cli(['serve', '--help'])).stdout).toContain('/api/v1/openapi.json');
    expect((await cli(['users', '--help'])).stdout).toContain('never from');
  });
});
