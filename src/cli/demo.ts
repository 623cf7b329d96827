import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Store } from '../store/store.ts';
import { DATA_FOLDER } from '../store/default-path.ts';
import { openSqliteStore } from '../store/sqlite/index.ts';
import { UsageError, type CliIO, type Command } from './command.ts';
import { startDemoTenant, type DemoTenant } from './demo-sandbox.ts';
import { exitCodeOf, runTenantScan } from './tenant-run.ts';

export const DEMO_DB = `${DATA_FOLDER}/demo.db`;

/**
 * What the web application adds to the demo (`--serve`): helper W registers a function here that starts the web
 * application on the demo's results and returns how to stop it. Without it, `--serve` says it is not available.
 */
export const demoHooks: { serve?: (context: { store: Store; tenant: DemoTenant; io: CliIO }) => Promise<{ close(): Promise<void> }> } = {};

const usage = `Usage: bewaarder demo [--json] [--keep-running] [--quiet] [--db FILE]

Starts the sandbox tenant — a fake Microsoft 365 tenant of a fictional Dutch organisation (fixtures/tenant:
SharePoint sites, OneDrives, mailboxes with attachments) served over HTTPS on localhost, throttling included —
and scans all of it the way \`bewaarder scan --tenant\` scans a real one: MSAL client credentials, Microsoft
Graph delta queries, a budget of 1,200 resource units per minute. Progress goes to stderr; the summary to stdout.
The results go to ${DEMO_DB} (started afresh each run); look at them with
\`bewaarder list --db ${DEMO_DB}\` and \`bewaarder stats --db ${DEMO_DB}\`.

Options:
  --json           one summary object on stdout: documents, errors, graphRequests, resourceUnits, throttled,
                   earlyRetries (requests that came back before Retry-After ran out: always 0), per-source totals
  --keep-running   keep the sandbox tenant running after the scan (Ctrl-C ends it)
  --serve          also start the web application on the results (when it is installed)
  --quiet          no progress on stderr
  --db FILE        the results database (default ${DEMO_DB}; emptied first)
  -h, --help       this help`;

export const demoCommand: Command = {
  name: 'demo',
  summary: 'scan a sandbox Microsoft 365 tenant (fake, local, HTTPS) end to end',
  usage,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        json: { type: 'boolean' },
        'keep-running': { type: 'boolean' },
        serve: { type: 'boolean' },
        quiet: { type: 'boolean' },
        db: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.out(usage);
      return 0;
    }
    if (values.serve && !demoHooks.serve) throw new UsageError('--serve needs the web application, which is not part of this build');
    // The sandbox gets a new port each run, and saved delta links name the old one: every demo starts afresh.
    const db = values.db ?? DEMO_DB;
    for (const suffix of ['', '-wal', '-shm', '.key']) rmSync(`${db}${suffix}`, { force: true });
    const tenant = await startDemoTenant();
    const store = openSqliteStore(db);
    let web: { close(): Promise<void> } | undefined;
    try {
      if (!values.quiet && !values.json) io.err(`Sandbox tenant at ${tenant.sandbox.url} (tenant ${tenant.sandbox.tenantId}); scanning…`);
      const summary = await runTenantScan(
        tenant.transport,
        store,
        { json: values.json ?? false, quiet: values.quiet ?? false, writeBack: false, command: 'demo', earlyRetries: () => tenant.sandbox.stats().earlyRetries.length },
        io,
      );
      if (values.serve && demoHooks.serve) web = await demoHooks.serve({ store, tenant, io });
      if (values['keep-running'] || web) {
        io.err(`The sandbox tenant keeps running at ${tenant.sandbox.url}; Ctrl-C ends it.`);
        await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
      }
      return exitCodeOf(summary);
    } finally {
      await web?.close();
      await store.close();
      await tenant.close();
    }
  },
};
