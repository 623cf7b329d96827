import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startSandboxTenant } from '../sandbox-tenant/index.ts';
import { UsageError, type Command } from './command.ts';
import { untilInterrupted } from './until-interrupted.ts';

const usage = `Usage: bewaarder sandbox [--port P] [--root DIR] [--generate N] [--budget RU_PER_MIN] [--json]

Starts the sandbox tenant: a stateful fake of the Microsoft Graph endpoints Bewaarder uses (users, sites, drives,
mail, delta, downloads, writes, $batch, throttling), over HTTPS on localhost with a certificate made at start.
Writes the CA certificate and a tenant config (mode 0600, it holds the client secret) to a temp folder and
prints where; the secret itself is never printed. Runs until Ctrl-C.

Options:
  --port P         port to listen on (default: a free port)
  --root DIR       the tenant's content (default fixtures/tenant)
  --generate N     serve a generated tenant of N documents and messages instead (e.g. 100000)
  --budget RU      resource units per minute before Graph-style 429s (default 1200; 0 turns throttling off)
  --json           print one JSON object: url, tenantId, clientId, caPath, configPath
  -h, --help       this help`;

function wholeNumber(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${name} takes a whole number, 0 or more`);
  return n;
}

export const sandboxCommand: Command = {
  name: 'sandbox',
  summary: 'run the sandbox tenant (a fake Microsoft 365 over HTTPS)',
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        port: { type: 'string' }, root: { type: 'string' }, generate: { type: 'string' }, budget: { type: 'string' },
        json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.out(usage);
      return 0;
    }
    if (positionals.length) throw new UsageError('sandbox takes no paths');
    const port = wholeNumber(values.port, '--port');
    const items = wholeNumber(values.generate, '--generate');
    const budget = wholeNumber(values.budget, '--budget');
    const sandbox = await startSandboxTenant({
      ...(values.root ? { root: values.root } : {}), ...(port !== undefined ? { port } : {}), ...(items ? { generate: { items } } : {}),
      throttling: budget === 0 ? false : { ruPerMinute: budget ?? 1200 },
    });
    const dir = join(tmpdir(), `bewaarder-sandbox-${new URL(sandbox.url).port}`);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const caPath = join(dir, 'ca.pem');
    const configPath = join(dir, 'tenant.json');
    writeFileSync(caPath, sandbox.ca);
    // The shape `bewaarder scan --tenant CONFIG` reads (connectors/graph/config.ts GraphConfigInput).
    writeFileSync(configPath, JSON.stringify({
      tenantId: sandbox.tenantId, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, graphBaseUrl: sandbox.url,
      authorityHost: sandbox.url, authorityMetadata: sandbox.authorityMetadata, cloudDiscoveryMetadata: sandbox.cloudDiscoveryMetadata,
      caPath, sandboxControlSecret: sandbox.controlSecret,
    }, null, 2), { mode: 0o600 });
    chmodSync(configPath, 0o600);
    const info = { url: sandbox.url, tenantId: sandbox.tenantId, clientId: sandbox.clientId, caPath, configPath };
    if (values.json) io.out(JSON.stringify(info));
    else {
      io.out(`Sandbox tenant running at ${info.url}`);
      io.out(`  tenant id   ${info.tenantId}`);
      io.out(`  client id   ${info.clientId}`);
      io.out(`  CA cert     ${info.caPath}`);
      io.out(`  config      ${info.configPath} (holds the client secret; mode 0600)`);
      io.out('Press Ctrl-C to stop.');
    }
    await untilInterrupted();
    await sandbox.close();
    const stats = sandbox.stats();
    io.err(`Sandbox tenant stopped: ${stats.requests} requests, ${stats.resourceUnits} RU, ${stats.throttled.total} throttled, ${stats.earlyRetries.length} early retries.`);
    return 0;
  },
};
