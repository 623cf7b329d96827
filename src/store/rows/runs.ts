import type { ScanRun } from '../store.ts';

export interface RunRow {
  id: number;
  source_id: number;
  status: ScanRun['status'];
  started_at: string;
  finished_at: string | null;
  cursor: string | null;
  holder_pid: number | null;
  holder_host: string | null;
  counts: string | null;
}

export function runOf(row: RunRow): ScanRun {
  return {
    id: row.id,
    sourceId: row.source_id,
    status: row.status,
    startedAt: row.started_at,
    ...(row.finished_at ? { finishedAt: row.finished_at } : {}),
    cursor: row.cursor,
    ...(row.counts ? { counts: JSON.parse(row.counts) as Record<string, number> } : {}),
  };
}
