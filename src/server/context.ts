import type { Retention } from '../retention/types.ts';
import type { Store } from '../store/store.ts';
import type { ServerConfig } from './config.ts';
import type { ScanJobs, ScanLauncher } from './scans/index.ts';
import type { ReviewLearning } from './training/learning.ts';
import type { TypeTrainer } from './training/trainer.ts';

/** What every route works with: one per server. */
export interface ServerContext {
  store: Store;
  config: ServerConfig;
  launcher: ScanLauncher;
  scans: ScanJobs;
  trainer: TypeTrainer;
  learning: ReviewLearning;
  /** Retention (scheduling, disposition, holds, purge); absent only in a store without it. */
  retention?: Retention;
  /** Runs `hook` when the server stops (after the HTTP server has closed): for what a route holds open, such as a connection pool. */
  onClose(hook: () => Promise<void> | void): void;
  /** One line per event worth an operator's eye; never document content, evidence or secrets. */
  log(line: string): void;
}
