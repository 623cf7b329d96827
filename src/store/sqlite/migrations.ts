/**
 * The schema, as numbered steps. A step is never edited once released: a change is a new step. The PostgreSQL
 * store will keep the same numbers with its own SQL, so one version means one shape in both.
 */
import { RETENTION_MIGRATION } from './retention-migration.ts';
import { ACCOUNT_DISABLED_MIGRATION, WEB_MIGRATION } from './web-migration.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'documents, classifications, scan runs, errors, audit log',
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

      CREATE TABLE sources (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        root TEXT NOT NULL,
        next_cursor TEXT,                -- where the next scan starts (a delta link; NULL: from the start)
        UNIQUE (kind, root)
      );

      CREATE TABLE scan_runs (
        id INTEGER PRIMARY KEY,
        source_id INTEGER NOT NULL REFERENCES sources (id),
        status TEXT NOT NULL CHECK (status IN ('running', 'interrupted', 'completed', 'failed')),
        started_at TEXT NOT NULL,
        finished_at TEXT,
        cursor TEXT,                     -- progress: resume after this page
        holder_pid INTEGER,
        holder_host TEXT,
        counts TEXT                      -- JSON
      );
      CREATE INDEX scan_runs_by_source ON scan_runs (source_id, status);

      CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        source_id INTEGER NOT NULL REFERENCES sources (id),
        item_id TEXT NOT NULL,           -- the connector's stable id (dev:inode, drive item id)
        location TEXT NOT NULL,
        name TEXT NOT NULL,
        size INTEGER NOT NULL,
        version TEXT NOT NULL,
        modified TEXT,
        owner TEXT,
        content_hash TEXT,               -- HMAC of the bytes read, never a plain hash
        source_hash TEXT,                -- HMAC of the source's own content hash
        state TEXT NOT NULL CHECK (state IN ('classified', 'error')),
        error_stage TEXT CHECK (error_stage IN ('fetch', 'extract')),
        error TEXT,
        scanned_at TEXT NOT NULL,
        last_seen_run INTEGER NOT NULL,
        deleted_at TEXT,
        UNIQUE (source_id, item_id)
      );
      CREATE INDEX documents_by_location ON documents (source_id, location);

      CREATE TABLE classifications (
        document_id INTEGER PRIMARY KEY REFERENCES documents (id),
        label TEXT NOT NULL CHECK (label IN ('geen', 'generiek', 'bijzonder')),
        document_type TEXT NOT NULL,
        document_type_confidence REAL NOT NULL,
        label_reason TEXT NOT NULL,
        document_type_reason TEXT NOT NULL,
        format TEXT NOT NULL,
        categories TEXT NOT NULL,        -- JSON, deciding categories in the classifier's order
        findings TEXT NOT NULL,          -- JSON, masked evidence and explanations, offsets; never text
        hints TEXT NOT NULL,
        parts TEXT NOT NULL,
        warnings TEXT NOT NULL,
        run_id INTEGER NOT NULL,
        classified_at TEXT NOT NULL
      );
      CREATE INDEX classifications_by_label ON classifications (label);
      CREATE INDEX classifications_by_type ON classifications (document_type);

      CREATE TABLE document_categories (
        document_id INTEGER NOT NULL REFERENCES documents (id),
        category TEXT NOT NULL,
        PRIMARY KEY (document_id, category)
      ) WITHOUT ROWID;
      CREATE INDEX document_categories_by_category ON document_categories (category);

      CREATE TABLE document_errors (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents (id),
        run_id INTEGER NOT NULL,
        stage TEXT NOT NULL,
        reason TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX document_errors_by_document ON document_errors (document_id);

      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT,
        details TEXT
      );
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    `,
  },
  RETENTION_MIGRATION,
  WEB_MIGRATION,
  {
    version: 4,
    name: 'folder trees and write-back records of Graph sources',
    sql: `
      CREATE TABLE source_folders (
        source_id INTEGER NOT NULL REFERENCES sources (id),
        folder_id TEXT NOT NULL,         -- the source's folder id (a drive item id, a mail folder id)
        parent_id TEXT,
        name TEXT NOT NULL,
        PRIMARY KEY (source_id, folder_id)
      ) WITHOUT ROWID;

      CREATE TABLE label_writes (
        source_id INTEGER NOT NULL REFERENCES sources (id),
        item_id TEXT NOT NULL,
        labels TEXT NOT NULL,            -- JSON: label, document type, disposal date as written to the source
        written_at TEXT NOT NULL,
        PRIMARY KEY (source_id, item_id)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 5,
    name: 'what people call a source and where it opens (title, web address)',
    sql: `
      ALTER TABLE sources ADD COLUMN title TEXT;      -- "Personeelszaken · Personeelsdossiers", "OneDrive · name"
      ALTER TABLE sources ADD COLUMN web_url TEXT;    -- the library's or drive's address in the browser
    `,
  },
  ACCOUNT_DISABLED_MIGRATION,
];
