import type { Item, SourceRef } from '../../connectors/connector.ts';
import type { Category, Finding, Label } from '../types.ts';
import type { KeyedHasher } from './keyed-hash.ts';
import type { WebStore } from './web-store.ts';
import type { ConnectorStateStore } from './connector-state.ts';
import type { RetentionStore } from '../retention/store.ts';

/**
 * Where scan results live: documents, their classification, scan runs with their cursors, per-document errors and
 * an append-only audit log. One interface, two implementations (SQLite in src/store/sqlite/, the embedded
 * default; PostgreSQL in src/store/postgres/, for many workers); both run the conformance suites in test/store/. Every method is async so a networked database fits.
 *
 * Never stored: document text, raw identifiers. Findings are masked by the classifier; content hashes are keyed
 * (HMAC, `hasher`) with a key kept outside the database, so a short document cannot be found by hashing guesses.
 */
export interface Store extends WebStore, ConnectorStateStore, RetentionStore {
  readonly hasher: KeyedHasher;

  /**
   * The source's id in this store, created on first use. A `title` or `webUrl` given is recorded (a renamed site:
   * the new one); one not given leaves the stored one alone, so a caller that knows only kind and root loses nothing.
   */
  source(ref: SourceRef): Promise<number>;

  /**
   * Starts a scan of a source, or resumes its unfinished one (interrupted, or left `running` by a process that
   * died): same run, same progress cursor. Refuses while another live process runs a scan of it.
   */
  startRun(sourceId: number, holder: RunHolder): Promise<RunStart>;

  /** What the store knows of these items (by item id): the skip check reads this one page at a time. */
  knownDocuments(sourceId: number, itemIds: readonly string[]): Promise<Map<string, KnownDocument>>;

  /**
   * Items listed and unchanged (same version and size, or the same source content hash): location, name, version
   * and metadata are brought up to date, the document counts as seen in this run, a deleted one comes back. One
   * transaction, with the cursor if given (an empty `items` only moves the cursor).
   */
  recordSeen(runId: number, items: readonly Item[], cursor?: CursorUpdate): Promise<void>;

  /**
   * Documents' outcomes (classified, content unchanged, or an error) and the cursor if given: one transaction, so
   * the cursor never passes a document that is not stored. A scan groups what is ready into one call.
   */
  recordDocuments(runId: number, records: readonly DocumentRecord[], cursor?: CursorUpdate): Promise<void>;

  /** Items the source reported deleted (delta listings). Returns how many were known and not yet deleted. */
  recordRemoved(runId: number, itemIds: readonly string[], cursor?: CursorUpdate): Promise<number>;

  /**
   * Ends a run. `completed` saves `nextCursor` for the next scan of the source and, with `sweepUnseen`, marks every
   * document of the source that this run did not see as deleted (a complete `full` listing). Returns that number.
   */
  finishRun(runId: number, outcome: RunOutcome): Promise<{ deleted: number }>;

  run(runId: number): Promise<ScanRun | undefined>;
  runs(sourceId?: number): Promise<ScanRun[]>;

  /** Documents with their classification, per source in location order; deleted ones only when asked for by status. */
  listDocuments(filter?: DocumentFilter): AsyncIterable<StoredDocument>;
  /** Per-document error history, newest first. */
  documentErrors(documentId: number): Promise<DocumentError[]>;
  stats(options?: StatsOptions): Promise<Stats>;

  /** Appends to the audit log; entries are never changed or deleted (the database refuses). */
  appendAudit(event: AuditInput): Promise<void>;
  audit(options?: { after?: number; limit?: number }): Promise<AuditEntry[]>;

  close(): Promise<void>;
}

export interface RunHolder {
  pid: number;
  host: string;
}

export interface ScanRun {
  id: number;
  sourceId: number;
  status: 'running' | 'interrupted' | 'completed' | 'failed';
  startedAt: string;
  finishedAt?: string;
  /** Where this run resumes: the `nextCursor` of the last page whose documents are all stored. */
  cursor: string | null;
  counts?: Record<string, number>;
}

export interface RunStart {
  run: ScanRun;
  resumed: boolean;
}

export interface RunOutcome {
  status: 'completed' | 'interrupted' | 'failed';
  counts: Record<string, number>;
  /** With `completed`: where the next scan of the source starts. */
  nextCursor?: string | null;
  sweepUnseen?: boolean;
}

/** Moves a run's progress cursor; `{ cursor: null }` means "from the start". */
export interface CursorUpdate {
  cursor: string | null;
}

export interface KnownDocument {
  id: number;
  location: string;
  size: number;
  version: string;
  /** Keyed hash of the content last read. */
  contentHash?: string;
  /** Keyed hash of the source's own content hash, when it gives one. */
  sourceHash?: string;
  state: 'classified' | 'error';
  /** For `error`: `fetch` errors are tried again next scan, `extract` errors only when the content changed. */
  errorStage?: 'fetch' | 'extract';
  deleted: boolean;
}

export type DocumentOutcome =
  | { kind: 'classified'; classification: StoredClassification }
  /** Read again (the version changed) but the content hash is the same: the classification stands. */
  | { kind: 'unchanged' }
  | { kind: 'error'; stage: 'fetch' | 'extract'; reason: string };

export interface DocumentRecord {
  item: Item;
  /** The version that was read (fetch may see a newer one than the listing). */
  version: string;
  /** Keyed hash of the bytes read (absent for a fetch error). */
  contentHash?: string;
  outcome: DocumentOutcome;
}

/** A classification as stored: the classify contract, masked throughout. */
export interface StoredClassification {
  label: Label;
  labelReason: string;
  documentType: string;
  documentTypeConfidence: number;
  documentTypeReason: string;
  categories: Category[];
  findings: Finding[];
  hints: Finding[];
  format: string;
  parts: { path: string; label?: Label; documentType?: string; error?: string }[];
  warnings: string[];
}

export type DocumentStatus = 'classified' | 'error' | 'deleted';

export interface StoredDocument {
  id: number;
  source: SourceRef;
  itemId: string;
  location: string;
  name: string;
  size: number;
  version: string;
  modified?: string;
  owner?: string;
  status: DocumentStatus;
  /** When it was last classified or failed (not when it was last seen unchanged). */
  scannedAt: string;
  deletedAt?: string;
  classification?: StoredClassification;
  /** For `error`: why, in a records manager's words. */
  error?: string;
}

export interface DocumentFilter {
  label?: Label;
  documentType?: string;
  category?: string;
  /** Default: classified and error (everything not deleted). */
  status?: DocumentStatus;
  sourceId?: number;
}

export interface DocumentError {
  runId: number;
  stage: 'fetch' | 'extract';
  reason: string;
  at: string;
}

export interface StatsOptions {
  /** How many folder levels a location is counted under (1: the top folders of each source). */
  locationDepth?: number;
}

export interface Stats {
  documents: number;
  errors: number;
  deleted: number;
  byLabel: Record<string, number>;
  byType: Record<string, number>;
  byCategory: Record<string, number>;
  /** Per source root and folder: documents and how many per label. */
  byLocation: { location: string; documents: number; byLabel: Record<string, number> }[];
  lastRun?: ScanRun;
}

export interface AuditInput {
  actor: string;
  action: string;
  /** What it concerns (a document id, a source root); never personal data from documents. */
  subject?: string;
  details?: Record<string, unknown>;
}

export interface AuditEntry extends AuditInput {
  seq: number;
  at: string;
}

/** Another live process holds the source's scan. */
export class ScanBusyError extends Error {
  constructor(readonly holder: RunHolder) {
    super(`a scan of this source is already running (process ${holder.pid} on ${holder.host})`);
    this.name = 'ScanBusyError';
  }
}

/** The keyed form of a source's own content hash (absent when the source gives none). */
export function sourceHashOf(hasher: KeyedHasher, item: Item): string | undefined {
  return item.contentHash ? hasher.digest('source-hash', `${item.contentHash.algorithm}:${item.contentHash.value}`) : undefined;
}
