import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { closeDefaultSandbox } from '../extract/sandbox.ts';
import { createRetention } from '../retention/index.ts';
import { DATA_FOLDER } from '../store/default-path.ts';
import { openSqliteStore } from '../store/sqlite/index.ts';
import type { Command } from './command.ts';
import { startDemoTenant } from './demo-sandbox.ts';
import { describeDemoWeb, startDemoWeb, type DemoWeb } from './demo-serve.ts';
import { parsePort } from './port-option.ts';
import { exitCodeOf, runTenantScan } from './tenant-run.ts';
import { untilInterrupted } from './until-interrupted.ts';

export const DEMO_DB = `${DATA_FOLDER}/demo.db`;

/**
 * How the demo learns it should stop once it serves: Ctrl-C by default. Tests that run the demo in this process
 * replace `untilStopped` and `onServing` (to reach the sandbox tenant), and stop it by resolving their own promise.
 */
export const demoHooks: { untilStopped: () => Promise<void>; onServing?: (web: DemoWeb, tenant: Awaited<ReturnType<typeof startDemoTenant>>) => void } = {
  untilStopped: untilInterrupted,
};

const usage = `Usage: bewaarder demo [--port P] [--no-serve] [--json] [--quiet] [--db FILE]

Starts the sandbox tenant — a fake Microsoft 365 tenant of a fictional Dutch organisation (fixtures/tenant:
SharePoint sites, OneDrives, mailboxes with attachments) served over HTTPS on localhost, throttling included —
and scans all of it the way \`bewaarder scan --tenant\` scans a real one: MSAL client credentials, Microsoft
Graph delta queries, a budget of 1,200 resource units per minute. Progress goes to stderr; the summary to stdout.
Then it schedules every document's deletion by the retention policies and starts the web application on the
results: sign in through the sandbox tenant's account page (the records manager, administrator and auditor
accounts are printed), review what was found, correct types and labels, approve disposals, and start a rescan of
the whole tenant or chosen sites, OneDrives and mailboxes from the Scans screen. Ctrl-C stops everything.

The results go to ${DEMO_DB}, started afresh each run: the sandbox tenant gets a new port every time and a
saved delta link names the old one, so nothing of an earlier demo is kept. With --no-serve, look at them
with \`bewaarder list --db ${DEMO_DB}\` and \`bewaarder stats --db ${DEMO_DB}\`.

Options:
  --port P         port of the web application (default 8080; when it is taken, any free port — the demo says
                   which; 0: any free port)
  --no-serve       exit after the scan, without the web application
  --keep-running   with --no-serve: keep the sandbox tenant running after the scan (Ctrl-C ends it); serving
                   keeps it running anyway
  --json           one summary object on stdout (implies --no-serve): documents, errors, graphRequests,
                   resourceUnits, throttled, earlyRetries (requests that came back before Retry-After ran out:
                   always 0), per-source totals
  --quiet          no progress on stderr
  --db FILE        the results database (default ${DEMO_DB}; emptied first)
  -h, --help       this help`;

export const demoCommand: Command = {
  name: 'demo',
  summary: 'scan a sandbox Microsoft 365 tenant (fake, local, HTTPS) and open the web application on it',
  usage,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        port: { type: 'string' },
        'no-serve': { type: 'boolean' },
        json: { type: 'boolean' },
        'keep-running': { type: 'boolean' },
        quiet: { type: 'boolean' },
        db: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.out(usage);
      return 0;
    }
    const port = parsePort(values.port) ?? 8080;
    const serve = !values['no-serve'] && !values.json;
    // The sandbox gets a new port each run, and saved delta links name the old one: every demo starts afresh.
    const db = values.db ?? DEMO_DB;
    for (const suffix of ['', '-wal', '-shm', '.key']) rmSync(`${db}${suffix}`, { force: true });
    const tenant = await startDemoTenant();
    const store = openSqliteStore(db);
    let web: DemoWeb | undefined;
    try {
      if (!values.quiet && !values.json) io.err(`Sandbox tenant at ${tenant.sandbox.url} (tenant ${tenant.sandbox.tenantId}); scanning…`);
      const summary = await runTenantScan(
        tenant.transport,
        store,
        { json: values.json ?? false, quiet: values.quiet ?? false, writeBack: false, command: 'demo', earlyRetries: () => tenant.sandbox.stats().earlyRetries.length },
        io,
      );
      if (summary.status === 'interrupted') return exitCodeOf(summary);
      const retention = createRetention(store);
      const scheduled = await retention.schedule();
      if (!values.json) io.out(`Retention: ${scheduled.scheduled} documents scheduled for deletion, ${scheduled.needsTrigger} waiting for a trigger date (a records manager sets it)`);
      if (serve) {
        web = await startDemoWeb({ store, db, tenant, retention, port, io });
        io.out(describeDemoWeb(web));
        demoHooks.onServing?.(web, tenant);
        await demoHooks.untilStopped();
        io.err('Stopping: the web application, then the sandbox tenant.');
      } else if (values['keep-running']) {
        io.err(`The sandbox tenant keeps running at ${tenant.sandbox.url}; Ctrl-C ends it.`);
        await demoHooks.untilStopped();
      }
      return exitCodeOf(summary);
    } finally {
      await web?.close();
      await store.close();
      await tenant.close();
      // Rescans from the web application start the extraction worker again.
      await closeDefaultSandbox();
    }
  },
};
