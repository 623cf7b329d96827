import type { ClassifyBytes } from '../../scan/read-item.ts';
import type { Store } from '../../store/store.ts';
import { conflict } from '../http-error.ts';
import type { ScanLauncher, ScanProgress, TargetResult } from './launcher.ts';

/** A scan started from the UI, the API or the scheduler: one or more targets, one after another. */
export interface ScanJob {
  id: number;
  status: 'running' | 'completed' | 'failed' | 'stopped';
  actor: string;
  targets: string[] | 'all';
  startedAt: string;
  finishedAt?: string;
  progress?: ScanProgress;
  results: TargetResult[];
  error?: string;
}

export type JobEvent = { type: 'progress'; job: ScanJob } | { type: 'done'; job: ScanJob };

export interface ScanJobs {
  start(targets: readonly string[] | undefined, actor: string): ScanJob;
  job(id: number): ScanJob | undefined;
  recent(): ScanJob[];
  /** Listens to a job's progress; returns the unsubscribe function. */
  subscribe(id: number, listener: (event: JobEvent) => void): () => void;
  stop(id: number): boolean;
  /** Stops the running job and waits for it (server shutdown). */
  close(): Promise<void>;
}

const KEEP = 50;
/** Progress events at most this often per job: a scan counts thousands of documents a second. */
const THROTTLE_MS = 100;

/** One scan job at a time (a second start while one runs is a 409): scans of one store do not overlap. */
export function createScanJobs(store: Store, launcher: ScanLauncher, classify: () => ClassifyBytes): ScanJobs {
  const jobs: ScanJob[] = [];
  const listeners = new Map<number, Set<(event: JobEvent) => void>>();
  let running: { job: ScanJob; stop: AbortController; done: Promise<void> } | undefined;
  let nextId = 1;

  function emit(job: ScanJob, type: JobEvent['type']): void {
    for (const listener of listeners.get(job.id) ?? []) listener({ type, job });
  }

  return {
    start(targets, actor) {
      if (running) throw conflict(`scan ${running.job.id} is still running`);
      const job: ScanJob = { id: nextId++, status: 'running', actor, targets: targets ? [...targets] : 'all', startedAt: new Date().toISOString(), results: [] };
      jobs.unshift(job);
      jobs.length = Math.min(jobs.length, KEEP);
      const stop = new AbortController();
      let last = 0;
      const done = launcher
        .scan(targets, {
          store,
          actor,
          signal: stop.signal,
          classify: classify(),
          onProgress(progress) {
            job.progress = { ...progress, counts: { ...progress.counts } };
            const now = Date.now();
            if (now - last >= THROTTLE_MS) {
              last = now;
              emit(job, 'progress');
            }
          },
        })
        .then(
          (results) => {
            job.results = results;
            job.status = stop.signal.aborted ? 'stopped' : results.some((r) => r.error) ? 'failed' : 'completed';
          },
          (error: unknown) => {
            job.status = 'failed';
            job.error = (error as Error).message;
          },
        )
        .finally(() => {
          job.finishedAt = new Date().toISOString();
          running = undefined;
          emit(job, 'done');
          listeners.delete(job.id);
        });
      running = { job, stop, done };
      return job;
    },
    job: (id) => jobs.find((j) => j.id === id),
    recent: () => [...jobs],
    subscribe(id, listener) {
      let set = listeners.get(id);
      if (!set) listeners.set(id, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
    stop(id) {
      if (running?.job.id !== id) return false;
      running.stop.abort();
      return true;
    },
    async close() {
      if (!running) return;
      running.stop.abort();
      await running.done;
    },
  };
}
