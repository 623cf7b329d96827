import type { SourceRef } from '../../connectors/connector.ts';
import type { ScheduleState } from '../retention/types.ts';
import type { Label } from '../types.ts';
import type { AuditEntry, StoredDocument } from './store.ts';

/**
 * What the web application keeps beside the scan results: accounts (scrypt password hashes), API tokens and
 * sessions (stored as hashes only, so a copied database signs nobody in), the records managers' review decisions,
 * and the hashed feature vectors of reviewed documents that retrain the document-type model.
 */
export interface WebStore {
  createAccount(input: AccountInput): Promise<Account>;
  /** By name (local accounts) or by external subject (an Entra ID object id). */
  account(name: string): Promise<StoredAccount | undefined>;
  accountById(id: number): Promise<Account | undefined>;
  accounts(): Promise<Account[]>;
  setPassword(name: string, passwordHash: string): Promise<void>;
  /** The role an account has from now on (an Entra ID sign-in brings the role the directory gives today); enables it again. */
  setRole(name: string, role: Role): Promise<void>;
  /**
   * Entra ID no longer gives the account a role: it keeps its row (the audit log names it) but signs nobody in, and
   * its sessions and API tokens stop working, until a sign-in brings a role again (`setRole`).
   */
  disableAccount(name: string): Promise<void>;

  /** Stores a token's hash; the token itself is shown once, never stored. */
  createApiToken(accountId: number, name: string, tokenHash: string): Promise<number>;
  accountByToken(tokenHash: string): Promise<Account | undefined>;

  createSession(session: SessionInput): Promise<void>;
  session(idHash: string, now: string): Promise<Session | undefined>;
  deleteSession(idHash: string): Promise<void>;
  /** Ends every session of an account (its role was taken away); how many there were. */
  deleteSessionsOf(accountId: number): Promise<number>;

  /** Documents with the review state, filtered and paged (`total` counts every match). */
  findDocuments(query: DocumentQuery): Promise<{ total: number; documents: ReviewedDocument[] }>;
  reviewedDocument(id: number): Promise<ReviewedDocument | undefined>;
  /** Records a records manager's decision on label and type (the current one; history is in the audit log). */
  recordReview(review: ReviewInput): Promise<void>;
  /** A reviewed document's feature vector (hashed tokens → counts), made by re-reading it after the review. */
  saveTrainingVector(documentId: number, features: Record<string, number>): Promise<void>;
  hasTrainingVector(documentId: number): Promise<boolean>;
  /** Reviewed documents' feature vectors (hashed tokens → counts) with the type the reviewer gave them. */
  trainingExamples(): Promise<TrainingExample[]>;
  /** Audit entries about one subject (`document:42`), oldest first: a document's history. */
  auditOf(subject: string, limit?: number): Promise<AuditEntry[]>;
  /** Every source, with its title and web address where known. */
  sources(): Promise<({ id: number } & SourceRef)[]>;
}

export const ROLES = ['administrator', 'records-manager', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export interface AccountInput {
  name: string;
  role: Role;
  passwordHash?: string;
  /** `local` (password), `entra` (OpenID Connect sign-in). */
  kind?: 'local' | 'entra';
  displayName?: string;
}

export interface Account {
  id: number;
  name: string;
  role: Role;
  kind: 'local' | 'entra';
  displayName?: string;
  createdAt: string;
  /** When Entra ID stopped giving this account a role; absent while it is enabled. */
  disabledAt?: string;
}

export interface StoredAccount extends Account {
  passwordHash?: string;
}

export interface SessionInput {
  idHash: string;
  accountId: number;
  csrfToken: string;
  expiresAt: string;
}

export interface Session {
  account: Account;
  csrfToken: string;
  expiresAt: string;
}

export type ReviewStatus = 'unreviewed' | 'confirmed' | 'corrected';

export interface Review {
  status: Exclude<ReviewStatus, 'unreviewed'>;
  label: Label;
  documentType: string;
  reviewer: string;
  at: string;
  comment?: string;
}

export interface ReviewedDocument extends StoredDocument {
  review?: Review;
}

export interface ReviewInput {
  documentId: number;
  label: Label;
  documentType: string;
  reviewer: string;
  comment?: string;
}

export interface TrainingExample {
  documentId: number;
  documentType: string;
  features: Record<string, number>;
}

export interface DocumentQuery {
  label?: Label;
  documentType?: string;
  category?: string;
  sourceId?: number;
  /** Location starts with this (a folder). */
  location?: string;
  review?: ReviewStatus | 'reviewed';
  status?: 'classified' | 'error' | 'deleted';
  /** Documents whose retention schedule is in this state (as stored: the retention's `schedule()` brings it up to date). */
  retention?: ScheduleState;
  /** Ids only (the retention queue narrows to these). */
  ids?: readonly number[];
  scannedFrom?: string;
  scannedTo?: string;
  modifiedFrom?: string;
  modifiedTo?: string;
  /** `priority`: bijzonder first, unreviewed before reviewed, then location. */
  sort?: 'priority' | 'location' | 'scanned';
  offset?: number;
  limit?: number;
}
