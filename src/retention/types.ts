import type { Connector, SourceRef } from '../../connectors/connector.ts';
import type { Category, Label } from '../types.ts';

/** What starts a retention term running: the document's creation, its last change, or an event in the world. */
export type Trigger = 'created' | 'modified' | `event:${string}`;

/** A retention policy (rules/retention/policies.json): which documents, how long, from when, and what then. */
export interface RetentionPolicy {
  id: string;
  name: string;
  /** Document types it applies to (ids from rules/doctypes.json). */
  documentTypes?: string[];
  /** Labels it applies to; with `documentTypes`, only that combination. */
  labels?: Label[];
  /** ISO 8601 duration (`P7Y`, `P4W`, `P6M`, `P0D`). */
  term: string;
  trigger: Trigger;
  /** `delete`: disposed when due without review; `review`: a reviewer approves each disposal first. */
  action: 'delete' | 'review';
  /** Multi-stage approval: ordered reviewer roles, one approval (by a different person) per stage. */
  stages?: string[];
  /** The legal ground in words, with the article or law. */
  ground: string;
  examples?: string[];
}

export interface PolicySet {
  policies: readonly RetentionPolicy[];
  /** The policy for a document of this type and label (most specific wins: type+label, type, label, neither). */
  policyFor(documentType: string, label: Label): RetentionPolicy;
  byId(id: string): RetentionPolicy | undefined;
  /** Changes whenever any policy changes: schedules made under another fingerprint are made again. */
  fingerprint: string;
}

/**
 * Where a document stands: `scheduled` (a dispose-after date), `needs-trigger` (an event trigger without a date),
 * `review` (sent back by the purge job or by a change: a reviewer must approve again), `disposed`.
 */
export type ScheduleState = 'scheduled' | 'needs-trigger' | 'review' | 'disposed';

export interface Approval {
  actor: string;
  /** The stage's role (`records-manager`, `fg`…), or `reviewer` for a single-stage policy. */
  stage: string;
  at: string;
  comment?: string;
}

/** The retention field of the classify contract (DESIGN.md). */
export type RetentionContract =
  | { policy: string; disposeAfter: string }
  | { policy: string; needsTrigger: string };

/** A document's schedule: what the store keeps (ScheduleRow) and what a reviewer sees (ScheduledDocument) alike. */
export interface Schedule {
  documentId: number;
  policyId: string;
  trigger: Trigger;
  triggerDate?: string;
  /** YYYY-MM-DD; absent while a trigger date is missing. */
  disposeAfter?: string;
  state: ScheduleState;
  approvals: Approval[];
  /** The version and content hash the approvals judged. */
  judged?: { version: string; contentHash?: string };
  /** Why it is back in review (`changed since it was judged`, `locked`, `vanished`). */
  reviewReason?: string;
  extendedUntil?: string;
  relabel?: { documentType: string; label: Label };
}

/** A document's retention as scheduled, with what a reviewer needs to judge it. */
export interface ScheduledDocument extends Schedule {
  sourceId: number;
  source: SourceRef;
  itemId: string;
  location: string;
  name: string;
  size: number;
  version: string;
  modified?: string;
  /** Keyed hash of the content as classified. */
  contentHash?: string;
  /** Effective type and label (a reviewer's relabel wins over the classifier's). */
  documentType: string;
  label: Label;
  categories: Category[];
  deleted: boolean;
}

/** How a due item stands in the queue. */
export type DueStatus = 'awaiting-approval' | 'approved' | 'ready' | 'held' | 'review';

export interface DueItem extends ScheduledDocument {
  status: DueStatus;
  /** Every approval its policy needs is given (or it needs none): only a hold keeps it from the purge. */
  approved: boolean;
  /** The role whose approval is needed next (multi-stage), when awaiting approval. */
  nextStage?: string;
  /** Active holds that block disposal. */
  holds: HoldSummary[];
}

export interface DueQueue {
  /** The date the queue was made for (YYYY-MM-DD, UTC). */
  today: string;
  groups: { policy: RetentionPolicy; items: DueItem[] }[];
  /** Documents waiting for an event date (`set-trigger`). */
  needsTrigger: number;
}

export type HoldScope =
  | { kind: 'document'; documentId: number }
  | { kind: 'location'; sourceId?: number; prefix: string }
  | { kind: 'search'; filter: HoldFilter };

export interface HoldFilter {
  label?: Label;
  documentType?: string;
  category?: string;
}

export interface Hold {
  id: number;
  scope: HoldScope;
  placedBy: string;
  placedAt: string;
  comment?: string;
  releasedBy?: string;
  releasedAt?: string;
  releaseComment?: string;
}

export type HoldSummary = Pick<Hold, 'id' | 'scope' | 'placedBy' | 'comment'>;

/** Who decides, and why (every verb lands in the audit log with both). */
export interface Decision {
  actor: string;
  comment?: string;
}

/** The outcome of a verb for one document. */
export interface VerbResult {
  documentId: number;
  ok: boolean;
  /** What happened or why not, in a records manager's words. */
  message: string;
  schedule?: ScheduledDocument;
}

/** An event date for one document or every document below a location. */
export interface TriggerTarget {
  documentIds?: number[];
  location?: { sourceId?: number; prefix: string };
}

/** A proof of disposition: what was deleted (without its personal data), why, by whose approval, with what answer. */
export interface DisposalRecord {
  seq: number;
  documentId: number;
  sourceKind: string;
  sourceRoot: string;
  /** The folder it was in (the file name itself only as `nameHash`: names often name people). */
  folder: string;
  /** Keyed hash (HMAC) of the file name: recognisable by someone who knows the name and has the key. */
  nameHash: string;
  documentType: string;
  label: Label;
  categories: Category[];
  policyId: string;
  ground: string;
  disposeAfter: string;
  approvers: Approval[];
  deletedAt: string;
  permanent: boolean;
  /** What the source answered (`deleted`, or `already gone after an interrupted purge`). */
  answer: string;
  /** SHA-256 over the previous entry's hash and this entry (hex). */
  prevHash: string;
  hash: string;
  /** HMAC of `hash` with the store's key: a rewritten chain cannot be re-sealed without the key. */
  seal: string;
}

export type DisposalInput = Omit<DisposalRecord, 'seq' | 'prevHash' | 'hash' | 'seal'>;

export interface ChainVerdict {
  ok: boolean;
  entries: number;
  /** The first entry that does not fit the chain, and why. */
  broken?: { seq: number; reason: string };
}

/** Why a planned deletion did not happen; the item goes back to review. */
export type SkipReason = 'changed' | 'locked' | 'vanished' | 'held' | 'no-connector' | 'failed';

export interface PurgePlanItem {
  documentId: number;
  source: SourceRef;
  location: string;
  documentType: string;
  label: Label;
  policyId: string;
  disposeAfter: string;
  approvers: string[];
}

export interface PurgeOutcome {
  documentId: number;
  source: SourceRef;
  location: string;
  result: 'deleted' | 'skipped' | 'planned';
  reason?: SkipReason;
  message?: string;
}

export interface PurgeSummary {
  dryRun: boolean;
  permanent: boolean;
  planned: number;
  deleted: number;
  skipped: number;
  /** Due and approved, but under a legal hold: left alone. */
  held: number;
  /** Intents of an interrupted run found already carried out. */
  recovered: number;
  stopped: boolean;
  outcomes: PurgeOutcome[];
  seconds: number;
}

export interface PurgeOptions {
  dryRun?: boolean;
  /** Past the recycle bin (where the source has one). */
  permanent?: boolean;
  limit?: number;
  /** Deletes per second at most (default 5). */
  rate?: number;
  signal?: AbortSignal;
  /** The connector for a source; `undefined`: this kind cannot be purged here (skipped, with the reason). */
  connectorFor: (source: SourceRef) => Connector | undefined;
  actor?: string;
  onOutcome?: (outcome: PurgeOutcome) => void;
}

/**
 * Retention over one store: scheduling, the disposition queue and its verbs, the purge job and the proof. Made by
 * `createRetention(store, { policies, clock })`; the CLI and the web application call only this.
 */
export interface Retention {
  readonly policies: PolicySet;
  /** Schedules what was classified (or classified again, or the policies changed) since the last call. */
  schedule(): Promise<{ scheduled: number; needsTrigger: number }>;
  /** Due documents (dispose-after on or before today), grouped by policy; `schedule()` runs first. */
  due(): Promise<DueQueue>;
  /** Documents whose policy waits for an event date. */
  needsTrigger(): Promise<ScheduledDocument[]>;
  /** One document's schedule as stored (call `schedule()` first after a scan; `due()` and the verbs do). */
  retentionOf(documentId: number): Promise<ScheduledDocument | undefined>;
  /** The classify contract's `retention` field for a scheduled document. */
  contractOf(schedule: ScheduledDocument): RetentionContract;

  /** Approves disposal (the next stage of a multi-stage policy; each stage by a different person). */
  approve(documentIds: readonly number[], decision: Decision): Promise<VerbResult[]>;
  /** A new dispose-after date (YYYY-MM-DD, after today); approvals given so far lapse. */
  extend(documentIds: readonly number[], until: string, decision: Decision): Promise<VerbResult[]>;
  /** A reviewer's type and/or label: a new policy and a new date; approvals lapse. */
  relabel(documentIds: readonly number[], to: { documentType?: string; label?: Label }, decision: Decision): Promise<VerbResult[]>;
  /** The event date for one or many documents (and for later documents below a location). */
  setTrigger(target: TriggerTarget, date: string, decision: Decision & { event?: string }): Promise<VerbResult[]>;
  hold(scope: HoldScope, decision: Decision): Promise<Hold>;
  release(holdId: number, decision: Decision): Promise<Hold>;
  holds(options?: { active?: boolean }): Promise<Hold[]>;

  /** Deletes what is due, approved, not held and unchanged; see PurgeOptions. */
  purge(options: PurgeOptions): Promise<PurgeSummary>;
  disposals(options?: { after?: number; limit?: number }): Promise<DisposalRecord[]>;
  /** Walks the disposal log's hash chain, seals and head; reports the first broken entry. */
  verifyLog(): Promise<ChainVerdict>;
}

export interface RetentionOptions {
  /** Default: rules/retention/policies.json merged with $BEWAARDER_RETENTION_FILE. */
  policies?: PolicySet;
  /** Default: the system clock. Dates are calendar days in UTC. */
  clock?: () => Date;
}
