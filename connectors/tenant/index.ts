export { discoverTenant, type SkippedUser, type TenantDiscovery, type TenantSource } from './discover.ts';
export { scanTenant, type TenantProgress, type TenantScanOptions } from './scan-tenant.ts';
export { connectorFor, storeFolders } from './source-connector.ts';
export type { KindTotals, TenantSummary } from './summary.ts';
export { writeBackLabels, type DisposalDates } from './write-back.ts';
export { retentionDisposalDates } from './disposal-dates.ts';
export { createSourceConnectors } from './stored-source.ts';
