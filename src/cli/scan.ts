import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createFilesystemConnector } from '../../connectors/filesystem/index.ts';
import { closeDefaultSandbox } from '../extract/sandbox.ts';
import { scan } from '../scan/scan.ts';
import type { ScanSummary } from '../scan/summary.ts';
import { DATA_FOLDER, DEFAULT_DB } from '../store/default-path.ts';
import { UsageError, type Command } from './command.ts';
import { currentActor, DB_HELP, DB_OPTION, openResults } from './results-db.ts';
import { createProgressLine } from './scan-progress.ts';
import { createRetention } from '../retention/index.ts';
import { describeRetention } from './retention-cli.ts';
import { scanTenantCommand } from './scan-tenant.ts';

const usage = `Usage: bewaarder scan [--json] [--db FILE] [--reclassify] PATH
       bewaarder scan --tenant CONFIG [--write-back] [--json] [--db FILE]

Scans a folder (recursively) into the results database: every document's label, type and masked findings, as
\`bewaarder classify\` gives them. A rescan reads only what changed since: new and changed files are classified,
renamed and moved ones keep their results under their new location, deleted ones are marked deleted. Stopped
(Ctrl-C) or killed, it continues where it was when run again. Nothing of the documents' text is stored.

Options:
${DB_HELP}
  --json            one summary object on stdout at the end (found, classified, skipped, errors, deleted,
                    moved, fetched, bytes, seconds, status), nothing else
  --reclassify      classify every document again, changed or not (after an update of the rules)
  --concurrency N   documents read and classified at once (default: two per core)
  --quiet           no progress on stderr
  --tenant CONFIG   scan a Microsoft 365 tenant instead of a folder: every SharePoint library, every OneDrive and
                    every mailbox (attachments included), through Microsoft Graph. CONFIG is a JSON file with the
                    app registration (tenantId, clientId, a certificate or secret; see the README); the
                    BEWAARDER_GRAPH_* environment variables override it. Users without a OneDrive or mailbox are
                    skipped, not failed. --json prints one object with documents, errors, graphRequests,
                    resourceUnits, throttled, earlyRetries and totals per kind of source.
  --write-back      (with --tenant) put the label, document type and disposal date on each document in the
                    tenant: SharePoint columns Bewaarder-label/-type/-bewaren-tot, a mail category
                    \`Bewaarder: <label>\`. Needs Sites.Manage.All and Mail.ReadWrite.
  -h, --help        this help

Progress goes to stderr: a live line on a terminal, a plain line every few seconds otherwise.
Exit status: 0 scanned (documents that could not be read are stored with the reason: \`bewaarder list --status
error\`), 1 the scan failed, 2 wrong usage, 130 stopped by Ctrl-C (run the same command again to continue).`;

function describe(path: string, s: ScanSummary): string {
  const rate = s.seconds > 0 ? Math.round((s.classified + s.skipped + s.errors) / s.seconds) : 0;
  const head = s.status === 'interrupted' ? `Stopped scan of ${path} (run again to continue)` : `Scanned ${path}`;
  return `${head}: ${s.found} found, ${s.classified} classified, ${s.skipped} unchanged, ${s.errors} not readable, ` +
    `${s.deleted} deleted, ${s.moved} moved — ${s.seconds.toFixed(1)} s, ${rate} documents/s` +
    (s.unreadable ? `\nFolders that could not be read (deletions not checked): ${s.unreadable.join(', ')}` : '');
}

export const scanCommand: Command = {
  name: 'scan',
  summary: 'scan a folder into the results database (incremental, resumable)',
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        ...DB_OPTION,
        json: { type: 'boolean' },
        reclassify: { type: 'boolean' },
        concurrency: { type: 'string' },
        quiet: { type: 'boolean' },
        tenant: { type: 'string' },
        'write-back': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.out(usage);
      return 0;
    }
    if (values.tenant !== undefined) {
      if (positionals.length) throw new UsageError('give either --tenant CONFIG or a folder, not both');
      return scanTenantCommand(values.tenant, { db: values.db, json: values.json ?? false, quiet: values.quiet ?? false, writeBack: values['write-back'] ?? false }, io);
    }
    if (values['write-back']) throw new UsageError('--write-back goes with --tenant');
    if (positionals.length !== 1) throw new UsageError('name one folder to scan');
    const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);
    if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency > 0)) {
      throw new UsageError('--concurrency takes a whole number above 0');
    }
    const path = positionals[0]!;
    const db = values.db ?? DEFAULT_DB;
    // The database and its key are never scanned, even inside the folder (`bewaarder scan .`), nor is any
    // other scan's data folder.
    const file = resolve(db);
    const connector = createFilesystemConnector(path, {
      exclude: ['', '-wal', '-shm', '-journal', '.key', '.key.tmp'].map((suffix) => `${file}${suffix}`),
      excludeNames: [DATA_FOLDER],
    });
    const store = openResults(db, { create: true });
    const stop = new AbortController();
    const onSignal = () => {
      if (stop.signal.aborted) process.exit(130);
      stop.abort();
      io.err('\nbewaarder scan: stopping after the documents in flight (Ctrl-C again to quit at once; run again to continue)');
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    const progress = values.quiet ? undefined : createProgressLine(process.stderr);
    try {
      const summary = await scan(connector, store, {
        signal: stop.signal,
        reclassify: values.reclassify ?? false,
        actor: currentActor(),
        ...(concurrency ? { concurrency } : {}),
        ...(progress ? { onProgress: progress.update } : {}),
      });
      progress?.done();
      // What was classified gets its retention schedule now, so `bewaarder due` and the web queue are current.
      const retention = await createRetention(store).schedule();
      io.out(values.json ? JSON.stringify({ ...summary, retention }) : `${describe(path, summary)}\n${describeRetention(retention)}`);
      return summary.status === 'interrupted' ? 130 : 0;
    } catch (error) {
      progress?.done();
      throw error;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await store.close();
      await closeDefaultSandbox();
    }
  },
};
