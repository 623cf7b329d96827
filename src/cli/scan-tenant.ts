import { GraphConfigError, loadGraphConfig } from '../../connectors/graph/index.ts';
import { createGraphTransport } from '../../connectors/graph/transport.ts';
import { DEFAULT_DB } from '../store/default-path.ts';
import { UsageError, type CliIO } from './command.ts';
import { openResults } from './results-db.ts';
import { exitCodeOf, runTenantScan } from './tenant-run.ts';

/** `bewaarder scan --tenant CONFIG`: a real tenant, with the app registration from the config file. */
export async function scanTenantCommand(
  configFile: string,
  options: { db: string | undefined; json: boolean; quiet: boolean; writeBack: boolean },
  io: CliIO,
): Promise<number> {
  let config;
  try {
    config = loadGraphConfig({ file: configFile });
  } catch (error) {
    if (error instanceof GraphConfigError) throw new UsageError(`the tenant config: ${error.message}`);
    throw error;
  }
  const transport = createGraphTransport(config);
  const store = openResults(options.db ?? DEFAULT_DB, { create: true });
  try {
    const summary = await runTenantScan(transport, store, { ...options, command: 'scan' }, io);
    return exitCodeOf(summary);
  } finally {
    await transport.close();
    await store.close();
  }
}
