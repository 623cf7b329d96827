import type { SourceRef } from '../../connectors/connector.ts';
import type { Label } from '../types.ts';
import type { DisposalInput, DisposalRecord, Hold, HoldScope, Schedule, ScheduledDocument, ScheduleState } from './types.ts';

/**
 * What retention keeps in the store: a schedule per document, event dates, holds, purge intents and the disposal
 * log. Data only — the rules (which policy, which date, who may approve) live in src/retention. `Store` extends
 * this; every implementation runs test/store/retention.conformance.ts.
 */
export interface RetentionStore {
  /**
   * Classified, not deleted documents whose schedule is missing, was made from an older classification, or under
   * another policy set (`fingerprint`): what `schedule()` must (re)compute. At most `limit`, by document id.
   */
  toSchedule(options: { fingerprint: string; limit: number; afterId?: number }): Promise<ScheduleInput[]>;
  /** The same for these documents (classified, not deleted), stale or not: to schedule them again now. */
  scheduleInputs(documentIds: readonly number[]): Promise<ScheduleInput[]>;
  /** Inserts or replaces schedules (one transaction). */
  saveSchedules(rows: readonly ScheduleRow[]): Promise<void>;
  /** Scheduled documents with their document facts, by document id. */
  scheduled(query?: ScheduleQuery): Promise<ScheduledDocument[]>;

  addEventDate(date: EventDateInput): Promise<number>;
  eventDates(): Promise<EventDate[]>;

  placeHold(hold: Omit<Hold, 'id'>): Promise<Hold>;
  /** Undefined when there is no such hold; a released hold stays released (its first release counts). */
  releaseHold(id: number, release: { by: string; at: string; comment?: string }): Promise<Hold | undefined>;
  holds(options?: { active?: boolean }): Promise<Hold[]>;

  /** Written before a deletion is attempted, so a rerun after a kill knows it may have happened. */
  beginDisposal(intent: DisposalIntent): Promise<void>;
  disposalIntents(): Promise<DisposalIntent[]>;
  /** Drops an intent whose deletion is known not to have happened (the item is still there). */
  cancelDisposal(documentId: number): Promise<void>;
  /**
   * One transaction: the record appended to the hash chain (sealed with the store's key), an audit entry with its
   * seq and hash, the document marked deleted (its name, location and masked findings dropped: the record keeps
   * what proof needs), its schedule `disposed`, its intent dropped.
   */
  recordDisposal(record: DisposalInput, actor: string): Promise<DisposalRecord>;
  /** One transaction: the schedule back to `review` with the reason (approvals cleared), its intent dropped. */
  recordSkip(documentId: number, reason: string): Promise<void>;
  disposals(options?: { after?: number; limit?: number }): Promise<DisposalRecord[]>;
  /** The highest seq the disposal log ever issued (survives the removal of its last rows). */
  disposalHead(): Promise<number>;
}

/** A classified document as the scheduler needs it, with its current schedule if any. */
export interface ScheduleInput {
  documentId: number;
  sourceId: number;
  source: SourceRef;
  location: string;
  version: string;
  contentHash?: string;
  modified?: string;
  scannedAt: string;
  classifiedAt: string;
  documentType: string;
  label: Label;
  previous?: ScheduleRow;
}

export interface ScheduleRow extends Schedule {
  /** The classification this schedule was made from (its time) and the policy set's fingerprint. */
  classifiedAt: string;
  fingerprint: string;
  scheduledAt: string;
}

export interface ScheduleQuery {
  documentIds?: readonly number[];
  /** Due: a dispose-after date on or before this day (YYYY-MM-DD). */
  dueBy?: string;
  states?: readonly ScheduleState[];
  location?: { sourceId?: number; prefix: string };
  /** Default: only documents not deleted. */
  includeDeleted?: boolean;
}

export interface EventDateInput {
  /** One document, or every document below `prefix` (in `sourceId`, or in every source). */
  documentId?: number;
  sourceId?: number;
  prefix?: string;
  /** The event (`end-of-employment`); absent: whatever event the document's policy waits for. */
  event?: string;
  date: string;
  actor: string;
  at: string;
  comment?: string;
}

export interface EventDate extends EventDateInput {
  id: number;
}

export interface DisposalIntent {
  documentId: number;
  version: string;
  startedAt: string;
  permanent: boolean;
}

export type { HoldScope };
