import type { GraphTransport } from '../../connectors/graph/transport.ts';
import { scanTenant, type TenantScanOptions, type TenantSummary } from '../../connectors/tenant/index.ts';
import { closeDefaultSandbox } from '../extract/sandbox.ts';
import type { Store } from '../store/store.ts';
import type { CliIO } from './command.ts';
import { currentActor } from './results-db.ts';
import { createTenantProgress, describeTenant } from './tenant-report.ts';

export interface TenantRunOptions {
  json: boolean;
  quiet: boolean;
  writeBack: boolean;
  earlyRetries?: () => number;
  command: string;
}

/**
 * Runs a tenant scan for a command (`scan --tenant`, `demo`): Ctrl-C stops after the documents in flight (a rerun
 * resumes every source from its cursor), progress on stderr, the summary on stdout. Returns the summary.
 */
export async function runTenantScan(transport: GraphTransport, store: Store, options: TenantRunOptions, io: CliIO): Promise<TenantSummary> {
  const stop = new AbortController();
  const onSignal = () => {
    if (stop.signal.aborted) process.exit(130);
    stop.abort();
    io.err(`\nbewaarder ${options.command}: stopping after the documents in flight (Ctrl-C again to quit at once; run again to continue)`);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const progress = options.quiet ? undefined : createTenantProgress(process.stderr);
  try {
    const scanOptions: TenantScanOptions = {
      signal: stop.signal,
      writeBack: options.writeBack,
      scan: { actor: currentActor() },
      ...(options.earlyRetries ? { earlyRetries: options.earlyRetries } : {}),
      ...(progress ? { onProgress: progress.update } : {}),
    };
    const summary = await scanTenant(transport, store, scanOptions);
    progress?.done();
    io.out(options.json ? JSON.stringify(summary) : describeTenant(summary));
    return summary;
  } finally {
    progress?.done();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await closeDefaultSandbox();
  }
}

export function exitCodeOf(summary: TenantSummary): number {
  return summary.status === 'interrupted' ? 130 : summary.status === 'failed' ? 1 : 0;
}
