import { Cron } from 'croner';

export interface PurgeSchedule {
  /** When the purge runs next (undefined once stopped). */
  nextRun(): Date | undefined;
  stop(): void;
}

/**
 * Runs `run` on a cron schedule (`0 2 * * *`: every night at two), never twice at once: a purge still running when
 * the next time comes is not started again. Errors go to `onError`; the schedule goes on.
 */
export function createPurgeSchedule(cron: string, run: () => Promise<unknown>, options: { onError?: (error: unknown) => void; timezone?: string } = {}): PurgeSchedule {
  let job: Cron;
  try {
    job = new Cron(cron, { protect: true, ...(options.timezone ? { timezone: options.timezone } : {}) }, async function purgeOnSchedule() {
      try {
        await run();
      } catch (error) {
        options.onError?.(error);
      }
    });
  } catch (error) {
    throw new RangeError(`"${cron}" is not a cron expression (${(error as Error).message})`);
  }
  return {
    nextRun: () => job.nextRun() ?? undefined,
    stop: () => job.stop(),
  };
}
