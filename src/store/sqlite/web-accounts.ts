import { accountOf, type AccountRow } from '../rows/index.ts';
import type { StoredAccount, WebStore } from '../web-store.ts';
import type { Db } from './open.ts';

type AccountMethods = Pick<WebStore, 'createAccount' | 'account' | 'accountById' | 'accounts' | 'setPassword' | 'setRole' | 'disableAccount' | 'createApiToken' | 'accountByToken' | 'createSession' | 'session' | 'deleteSession' | 'deleteSessionsOf'>;

/** Accounts, API tokens and sessions. Secrets arrive hashed: this layer never sees a password or a token. */
export function webAccountMethods(db: Db): AccountMethods {
  const now = () => new Date().toISOString();
  const byName = db.prepare<[string], AccountRow>('SELECT * FROM accounts WHERE name = ?');
  const byId = db.prepare<[number], AccountRow>('SELECT * FROM accounts WHERE id = ?');
  return {
    async createAccount(input) {
      const info = db
        .prepare('INSERT INTO accounts (name, role, kind, display_name, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(input.name, input.role, input.kind ?? 'local', input.displayName ?? null, input.passwordHash ?? null, now());
      return accountOf(byId.get(Number(info.lastInsertRowid))!);
    },
    async account(name) {
      const row = byName.get(name);
      return row ? { ...accountOf(row), ...(row.password_hash ? { passwordHash: row.password_hash } : {}) } satisfies StoredAccount : undefined;
    },
    async accountById(id) {
      const row = byId.get(id);
      return row ? accountOf(row) : undefined;
    },
    async accounts() {
      return db.prepare<[], AccountRow>('SELECT * FROM accounts ORDER BY name').all().map(accountOf);
    },
    async setPassword(name, passwordHash) {
      const { changes } = db.prepare('UPDATE accounts SET password_hash = ? WHERE name = ?').run(passwordHash, name);
      if (!changes) throw new Error(`no account named ${name}`);
    },
    async setRole(name, role) {
      const { changes } = db.prepare('UPDATE accounts SET role = ?, disabled_at = NULL WHERE name = ?').run(role, name);
      if (!changes) throw new Error(`no account named ${name}`);
    },
    async disableAccount(name) {
      const { changes } = db.prepare('UPDATE accounts SET disabled_at = COALESCE(disabled_at, ?) WHERE name = ?').run(now(), name);
      if (!changes) throw new Error(`no account named ${name}`);
    },
    async createApiToken(accountId, name, tokenHash) {
      const info = db.prepare('INSERT INTO api_tokens (account_id, name, token_hash, created_at) VALUES (?, ?, ?, ?)').run(accountId, name, tokenHash, now());
      return Number(info.lastInsertRowid);
    },
    async accountByToken(tokenHash) {
      const row = db.prepare<[string], AccountRow>('SELECT a.* FROM api_tokens t JOIN accounts a ON a.id = t.account_id WHERE t.token_hash = ? AND a.disabled_at IS NULL').get(tokenHash);
      if (!row) return undefined;
      db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE token_hash = ?').run(now(), tokenHash);
      return accountOf(row);
    },
    async createSession(s) {
      // Expired sessions go when new ones come: the table never grows without bound.
      db.prepare('DELETE FROM sessions WHERE expires_at < ?').run(now());
      db.prepare('INSERT INTO sessions (id_hash, account_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(
        s.idHash, s.accountId, s.csrfToken, now(), s.expiresAt,
      );
    },
    async session(idHash, at) {
      const row = db
        .prepare<[string, string], AccountRow & { csrf_token: string; expires_at: string }>(
          'SELECT a.*, s.csrf_token, s.expires_at FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.id_hash = ? AND s.expires_at > ? AND a.disabled_at IS NULL',
        )
        .get(idHash, at);
      return row ? { account: accountOf(row), csrfToken: row.csrf_token, expiresAt: row.expires_at } : undefined;
    },
    async deleteSession(idHash) {
      db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash);
    },
    async deleteSessionsOf(accountId) {
      return db.prepare('DELETE FROM sessions WHERE account_id = ?').run(accountId).changes;
    },
  };
}
