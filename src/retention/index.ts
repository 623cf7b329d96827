/**
 * Retention: policies as data, scheduling, the disposition review (Purview model), legal holds, the purge job and
 * the tamper-evident disposal log. The CLI (`bewaarder due|approve|…`) and the web application build on this.
 */
export type * from './types.ts';
export type { RetentionStore, ScheduleInput, ScheduleRow, ScheduleQuery, EventDate, EventDateInput, DisposalIntent } from './store.ts';
export { createRetention } from './retention.ts';
export { loadPolicies, parsePolicies, PolicyError, RETENTION_FILE_ENV, DEFAULT_POLICY_FILE } from './policies.ts';
export { addDuration, parseDuration } from './duration.ts';
export { retentionForFile } from './contract.ts';
export { disposalsCsv } from './csv.ts';
export { createPurgeSchedule, type PurgeSchedule } from './cron.ts';
