import { parseArgs } from 'node:util';
import { GraphConfigError, loadGraphConfig } from '../../connectors/graph/index.ts';
import { createGraphTransport } from '../../connectors/graph/transport.ts';
import { createSourceConnectors } from '../../connectors/tenant/index.ts';
import type { PurgeOutcome, PurgeSummary } from '../retention/index.ts';
import { UsageError, type CliIO, type Command } from './command.ts';
import { DB_HELP, DB_OPTION } from './results-db.ts';
import { actorOf, cliConnectorFor, pathIn, withRetention } from './retention-cli.ts';

/** The tenant's sources through Graph, with the app registration in `file` (the same file as `scan --tenant`). */
function openTenant(file: string) {
  if (!file.trim()) throw new UsageError('--tenant needs the tenant config file');
  let config;
  try {
    config = loadGraphConfig({ file });
  } catch (error) {
    if (error instanceof GraphConfigError) throw new UsageError(`the tenant config: ${error.message}`);
    throw error;
  }
  const transport = createGraphTransport(config);
  return { transport, connectorFor: createSourceConnectors(transport) };
}

const usage = `Usage: bewaarder purge [--tenant CONFIG] [--dry-run] [--json] [--permanent] [--limit N] [--rate N] [--db FILE]

Deletes the documents whose retention term has ended and whose disposal was approved (or whose policy needs no
review), that no legal hold covers and that did not change since they were judged: each one's content is read
and compared right before it is deleted, and the delete itself is refused by the source if it changed in
between. Changed, locked or vanished documents are skipped with the reason and go back to review. For every
deleted document a proof of disposition is added to the disposal log (\`bewaarder disposals\`).

Stopped (Ctrl-C) or killed, run it again: it first settles what the stopped run had started, so nothing is
deleted twice and nothing is skipped without a word.

Options:
${DB_HELP}
  --tenant CONFIG  also purge SharePoint libraries, OneDrives and mailboxes, through Graph with the app
                registration in CONFIG (as for \`bewaarder scan --tenant\`); without it only folders are purged
                and Microsoft 365 documents are skipped with the reason
  --dry-run     show what would be deleted, delete nothing
  --permanent   past the recycle bin, where the source has one (SharePoint and OneDrive: permanentDelete; mail:
                Recoverable Items; a folder has none: deleting there is final)
  --limit N     at most N documents this run
  --rate N      at most N deletes per second (default 5)
  --as NAME     who runs the purge, for the audit log (default: the user running the command)
  --json        one JSON object per document, then a summary object
  -h, --help    this help

Exit status: 0 done, 1 failed, 2 wrong usage, 130 stopped by Ctrl-C (run again to continue).`;

const WORD: Record<PurgeOutcome['result'], string> = { deleted: 'verwijderd', skipped: 'overgeslagen', planned: 'te verwijderen' };

function line(o: PurgeOutcome): string {
  return `  ${WORD[o.result].padEnd(15)} ${String(o.documentId).padStart(6)}  ${pathIn(o.source, o.location)}${o.message ? `: ${o.message}` : ''}`;
}

function describe(s: PurgeSummary): string {
  if (s.dryRun) return `Dry run: ${s.planned} document${s.planned === 1 ? '' : 's'} would be deleted; ${s.held} held. Nothing was deleted.`;
  return `${s.stopped ? 'Purge stopped (run again to continue)' : 'Purged'}: ${s.deleted} deleted` +
    `${s.recovered ? ` (${s.recovered} of them settled from an interrupted run)` : ''}, ${s.skipped} skipped (back in review), ` +
    `${s.held} held — ${s.seconds.toFixed(1)} s. Proof: bewaarder disposals`;
}

function positiveNumber(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${option} takes a number above 0`);
  return n;
}

export const purgeCommand: Command = {
  name: 'purge',
  summary: 'delete what is due, approved, not held and unchanged — with proof',
  usage,
  async run(args, io: CliIO) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        ...DB_OPTION, json: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, permanent: { type: 'boolean' },
        limit: { type: 'string' }, rate: { type: 'string' }, as: { type: 'string' }, tenant: { type: 'string' }, help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.out(usage);
      return 0;
    }
    if (positionals.length) throw new UsageError('purge takes no paths: it deletes what `bewaarder due` shows as approved');
    const limit = positiveNumber(values.limit, '--limit');
    if (limit !== undefined && !Number.isInteger(limit)) throw new UsageError('--limit takes a whole number');
    const rate = positiveNumber(values.rate, '--rate');
    const stop = new AbortController();
    const onSignal = () => {
      if (stop.signal.aborted) process.exit(130);
      stop.abort();
      io.err('\nbewaarder purge: stopping after the document in hand (Ctrl-C again to quit at once; run again to continue)');
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    const tenant = values.tenant !== undefined ? openTenant(values.tenant) : undefined;
    const folders = cliConnectorFor(values.db);
    try {
      return await withRetention(values.db, async (retention) => {
        const summary = await retention.purge({
          connectorFor: tenant ? (source) => folders(source) ?? tenant.connectorFor(source) : folders,
          dryRun: values['dry-run'] ?? false,
          permanent: values.permanent ?? false,
          actor: actorOf(values),
          signal: stop.signal,
          ...(limit !== undefined ? { limit } : {}),
          ...(rate !== undefined ? { rate } : {}),
          onOutcome: (o) => io.out(values.json ? JSON.stringify(o) : line(o)),
        });
        const { outcomes: _o, ...counts } = summary;
        io.out(values.json ? JSON.stringify({ summary: counts }) : describe(summary));
        return summary.stopped ? 130 : 0;
      });
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await tenant?.transport.close();
    }
  },
};
