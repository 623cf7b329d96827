/** What a scan did, counted as it goes. */
export interface ScanCounts {
  /** Items listed. */
  found: number;
  /** Read and classified. */
  classified: number;
  /** Unchanged since classified: not read (version and size the same), or read and found the same (content hash). */
  skipped: number;
  /** Could not be read or classified (each stored with its reason). */
  errors: number;
  /** Gone from the source since the last scan. */
  deleted: number;
  /** Known documents found at a new location (renamed or moved): same record, no reclassification. */
  moved: number;
  /** Documents read from the source, and their bytes. */
  fetched: number;
  bytes: number;
}

export interface ScanSummary extends ScanCounts {
  seconds: number;
  /** `interrupted`: stopped on request; a rerun resumes. */
  status: 'completed' | 'interrupted' | 'failed';
  run: number;
  /** This invocation continued an unfinished run. */
  resumed: boolean;
  /** The whole source was listed (then deletions are known). */
  complete: boolean;
  /** Folders that could not be listed (no deletions are concluded while any are). */
  unreadable?: string[];
}

export function emptyCounts(): ScanCounts {
  return { found: 0, classified: 0, skipped: 0, errors: 0, deleted: 0, moved: 0, fetched: 0, bytes: 0 };
}
