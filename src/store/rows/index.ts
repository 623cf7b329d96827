/**
 * Row → object mappings both Store implementations share: the same column names and the same text encodings (JSON
 * in text columns, 0/1 flags), so a document reads the same from SQLite and PostgreSQL. The SQL stays per store.
 */
export * from './accounts.ts';
export * from './audit.ts';
export * from './disposals.ts';
export * from './documents.ts';
export * from './holds.ts';
export * from './reviews.ts';
export * from './runs.ts';
export * from './schedules.ts';
export * from './source-ref.ts';
export * from './document-query.ts';
