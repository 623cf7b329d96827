import type { Migration } from './migrations.ts';

/** Step 3: the web application's accounts, API tokens, sessions, review decisions and reviewed feature vectors. */
export const WEB_MIGRATION: Migration = {
  version: 3,
  name: 'web application: accounts, API tokens, sessions, reviews',
  sql: `
    CREATE TABLE accounts (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,        -- local user name, or the Entra ID object id
      role TEXT NOT NULL CHECK (role IN ('administrator', 'records-manager', 'auditor')),
      kind TEXT NOT NULL DEFAULT 'local' CHECK (kind IN ('local', 'entra')),
      display_name TEXT,
      password_hash TEXT,               -- scrypt$N$r$p$salt$hash; NULL for Entra ID accounts
      created_at TEXT NOT NULL
    );

    CREATE TABLE api_tokens (
      id INTEGER PRIMARY KEY,
      account_id INTEGER NOT NULL REFERENCES accounts (id),
      name TEXT NOT NULL,
      token_hash TEXT NOT NULL UNIQUE,  -- SHA-256 of the token; the token is shown once
      created_at TEXT NOT NULL,
      last_used_at TEXT
    );

    CREATE TABLE sessions (
      id_hash TEXT PRIMARY KEY,         -- SHA-256 of the cookie value
      account_id INTEGER NOT NULL REFERENCES accounts (id),
      csrf_token TEXT NOT NULL,
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL
    );
    CREATE INDEX sessions_by_expiry ON sessions (expires_at);

    CREATE TABLE reviews (
      document_id INTEGER PRIMARY KEY REFERENCES documents (id),
      status TEXT NOT NULL CHECK (status IN ('confirmed', 'corrected')),
      label TEXT NOT NULL CHECK (label IN ('geen', 'generiek', 'bijzonder')),
      document_type TEXT NOT NULL,
      reviewer TEXT NOT NULL,
      comment TEXT,
      reviewed_at TEXT NOT NULL
    );

    CREATE TABLE doctype_training (
      document_id INTEGER PRIMARY KEY REFERENCES documents (id),
      document_type TEXT NOT NULL,
      features TEXT NOT NULL,           -- JSON {keyed hash of a vocabulary stem: count}; never words
      reviewed_at TEXT NOT NULL
    );

    -- A document's history in the UI reads the audit log by subject (document:ID).
    CREATE INDEX audit_log_by_subject ON audit_log (subject, seq);
  `,
};

/** Step 6: an Entra ID account whose app role was taken away is kept (the audit log names it) but disabled. */
export const ACCOUNT_DISABLED_MIGRATION: Migration = {
  version: 6,
  name: 'accounts disabled when Entra ID takes their role away',
  sql: `
    ALTER TABLE accounts ADD COLUMN disabled_at TEXT;
  `,
};
