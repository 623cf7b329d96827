import type { Migration } from './migrations.ts';

/** Step 2: retention schedules, event dates, legal holds, purge intents and the disposal log. */
export const RETENTION_MIGRATION: Migration = {
  version: 2,
  name: 'retention: schedules, event dates, holds, purge intents, disposal log',
  sql: `
    CREATE TABLE retention_schedule (
      document_id INTEGER PRIMARY KEY REFERENCES documents (id),
      policy_id TEXT NOT NULL,
      document_type TEXT NOT NULL,     -- effective: a reviewer's relabel, else the classification
      label TEXT NOT NULL,
      trigger TEXT NOT NULL,           -- created | modified | event:<name>
      trigger_date TEXT,
      dispose_after TEXT,              -- YYYY-MM-DD; NULL while an event date is missing
      state TEXT NOT NULL CHECK (state IN ('scheduled', 'needs-trigger', 'review', 'disposed')),
      approvals TEXT NOT NULL,         -- JSON [{actor, stage, at, comment}]
      judged_version TEXT,             -- what the approvals judged
      judged_hash TEXT,
      review_reason TEXT,
      extended_until TEXT,
      relabel_type TEXT,
      relabel_label TEXT,
      classified_at TEXT NOT NULL,     -- the classification this was made from
      fingerprint TEXT NOT NULL,       -- the policy set it was made under
      scheduled_at TEXT NOT NULL
    );
    CREATE INDEX retention_schedule_due ON retention_schedule (dispose_after) WHERE state <> 'disposed';

    CREATE TABLE retention_event_dates (
      id INTEGER PRIMARY KEY,
      document_id INTEGER REFERENCES documents (id),
      source_id INTEGER REFERENCES sources (id),
      prefix TEXT,                     -- a folder: every document below it, now and later
      event TEXT,                      -- NULL: whichever event the document's policy waits for
      date TEXT NOT NULL,
      actor TEXT NOT NULL,
      at TEXT NOT NULL,
      comment TEXT,
      CHECK (document_id IS NOT NULL OR prefix IS NOT NULL)
    );

    CREATE TABLE retention_holds (
      id INTEGER PRIMARY KEY,
      scope TEXT NOT NULL,             -- JSON: a document, a location prefix or a saved search
      placed_by TEXT NOT NULL,
      placed_at TEXT NOT NULL,
      comment TEXT,
      released_by TEXT,
      released_at TEXT,
      release_comment TEXT
    );

    CREATE TABLE disposal_intents (
      document_id INTEGER PRIMARY KEY REFERENCES documents (id),
      version TEXT NOT NULL,
      started_at TEXT NOT NULL,
      permanent INTEGER NOT NULL
    );

    -- The proof of disposition: never deleted with the document (no foreign key), never changed.
    CREATE TABLE disposals (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      document_id INTEGER NOT NULL,
      source_kind TEXT NOT NULL,
      source_root TEXT NOT NULL,
      folder TEXT NOT NULL,
      name_hash TEXT NOT NULL,
      document_type TEXT NOT NULL,
      label TEXT NOT NULL,
      categories TEXT NOT NULL,
      policy_id TEXT NOT NULL,
      ground TEXT NOT NULL,
      dispose_after TEXT NOT NULL,
      approvers TEXT NOT NULL,
      deleted_at TEXT NOT NULL,
      permanent INTEGER NOT NULL,
      answer TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL,
      seal TEXT NOT NULL
    );
    CREATE TRIGGER disposals_no_update BEFORE UPDATE ON disposals
      BEGIN SELECT RAISE(ABORT, 'the disposal log is append-only'); END;
    CREATE TRIGGER disposals_no_delete BEFORE DELETE ON disposals
      BEGIN SELECT RAISE(ABORT, 'the disposal log is append-only'); END;
  `,
};
