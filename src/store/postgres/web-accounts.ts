import { accountOf, type AccountRow } from '../rows/index.ts';
import type { StoredAccount, WebStore } from '../web-store.ts';
import type { Pg } from './db.ts';

type AccountMethods = Pick<WebStore, 'createAccount' | 'account' | 'accountById' | 'accounts' | 'setPassword' | 'setRole' | 'disableAccount' | 'createApiToken' | 'accountByToken' | 'createSession' | 'session' | 'deleteSession' | 'deleteSessionsOf'>;

/** Accounts, API tokens and sessions. Secrets arrive hashed: this layer never sees a password or a token. */
export function webAccountMethods(db: Pg): AccountMethods {
  const now = () => new Date().toISOString();
  return {
    async createAccount(input) {
      const row = await db.one<AccountRow>(`INSERT INTO accounts (name, role, kind, display_name, password_hash, created_at)
        VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [input.name, input.role, input.kind ?? 'local', input.displayName ?? null, input.passwordHash ?? null, now()]);
      return accountOf(row!);
    },
    async account(name) {
      const row = await db.one<AccountRow>('SELECT * FROM accounts WHERE name = $1', [name]);
      return row ? { ...accountOf(row), ...(row.password_hash ? { passwordHash: row.password_hash } : {}) } satisfies StoredAccount : undefined;
    },
    async accountById(id) {
      const row = await db.one<AccountRow>('SELECT * FROM accounts WHERE id = $1', [id]);
      return row ? accountOf(row) : undefined;
    },
    async accounts() {
      return (await db.rows<AccountRow>('SELECT * FROM accounts ORDER BY name')).map(accountOf);
    },
    async setPassword(name, passwordHash) {
      if (!(await db.run('UPDATE accounts SET password_hash = $1 WHERE name = $2', [passwordHash, name]))) throw new Error(`no account named ${name}`);
    },
    async setRole(name, role) {
      if (!(await db.run('UPDATE accounts SET role = $1, disabled_at = NULL WHERE name = $2', [role, name]))) throw new Error(`no account named ${name}`);
    },
    async disableAccount(name) {
      if (!(await db.run('UPDATE accounts SET disabled_at = COALESCE(disabled_at, $1) WHERE name = $2', [now(), name]))) throw new Error(`no account named ${name}`);
    },
    async createApiToken(accountId, name, tokenHash) {
      const row = await db.one<{ id: number }>('INSERT INTO api_tokens (account_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING id',
        [accountId, name, tokenHash, now()]);
      return row!.id;
    },
    async accountByToken(tokenHash) {
      const row = await db.one<AccountRow>(`UPDATE api_tokens t SET last_used_at = $1 FROM accounts a
        WHERE a.id = t.account_id AND t.token_hash = $2 AND a.disabled_at IS NULL RETURNING a.*`, [now(), tokenHash]);
      return row ? accountOf(row) : undefined;
    },
    async createSession(s) {
      // Expired sessions go when new ones come: the table never grows without bound.
      await db.run('DELETE FROM sessions WHERE expires_at < $1', [now()]);
      await db.run('INSERT INTO sessions (id_hash, account_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
        [s.idHash, s.accountId, s.csrfToken, now(), s.expiresAt]);
    },
    async session(idHash, at) {
      const row = await db.one<AccountRow & { csrf_token: string; expires_at: string }>(
        'SELECT a.*, s.csrf_token, s.expires_at FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.id_hash = $1 AND s.expires_at > $2 AND a.disabled_at IS NULL',
        [idHash, at]);
      return row ? { account: accountOf(row), csrfToken: row.csrf_token, expiresAt: row.expires_at } : undefined;
    },
    async deleteSession(idHash) {
      await db.run('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
    },
    async deleteSessionsOf(accountId) {
      return db.run('DELETE FROM sessions WHERE account_id = $1', [accountId]);
    },
  };
}
