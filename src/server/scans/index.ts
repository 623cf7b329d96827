export type { ScanLauncher, ScanTarget, ScanProgress, LaunchOptions, TargetResult } from './launcher.ts';
export { createFolderLauncher } from './filesystem.ts';
export { createTenantLauncher, type TenantLauncherOptions } from './tenant.ts';
export { createScanJobs, type ScanJob, type ScanJobs, type JobEvent } from './jobs.ts';
