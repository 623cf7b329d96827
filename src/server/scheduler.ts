import { Cron } from 'croner';
import type { ServerContext } from './context.ts';

/**
 * Scheduled work from the configuration: rescans of every target and the purge job, on cron expressions. A run
 * that would overlap the previous one is skipped (croner's `protect`), a busy scanner too (one scan at a time).
 */
export function startSchedules(ctx: ServerContext): { stop(): void } {
  const jobs: Cron[] = [];
  const { rescan, purge } = ctx.config.schedules;
  if (rescan) {
    jobs.push(
      new Cron(rescan, { protect: true, name: 'rescan' }, () => {
        try {
          ctx.scans.start(undefined, 'scheduler');
          ctx.log('scheduled rescan started');
        } catch (error) {
          ctx.log(`scheduled rescan skipped: ${(error as Error).message}`);
        }
      }),
    );
  }
  if (purge && ctx.retention) {
    const retention = ctx.retention;
    jobs.push(
      new Cron(purge, { protect: true, name: 'purge' }, async () => {
        try {
          const summary = await retention.purge({ connectorFor: (source) => ctx.launcher.connectorFor(source), actor: 'scheduler' });
          ctx.log(`scheduled purge: ${summary.deleted} deleted, ${summary.skipped} skipped`);
        } catch (error) {
          ctx.log(`scheduled purge failed: ${(error as Error).message}`);
        }
      }),
    );
  }
  return {
    stop() {
      for (const job of jobs) job.stop();
    },
  };
}
