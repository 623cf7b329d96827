export { scan, type ScanOptions } from './scan.ts';
export type { ScanCounts, ScanSummary } from './summary.ts';
export type { ClassifyBytes } from './read-item.ts';
