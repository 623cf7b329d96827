import { parseArgs } from 'node:util';
import { UsageError, type Command } from './command.ts';
import { currentActor, DB_HELP, DB_OPTION, openResults } from './results-db.ts';

const usage = `Usage: bewaarder stats [--json] [--db FILE] [--depth N]

Counts of the scanned documents in the results database: per label, document type, category of personal data
and location (folder) — what a register of processing activities asks for. Deleted documents are not counted.

Options:
${DB_HELP}
  --json        one JSON object: documents, errors, deleted, byLabel, byType, byCategory, byLocation, lastRun
  --depth N     count locations per folder N levels below each scanned folder (default 1; 0: per scanned folder)
  -h, --help    this help`;

function table(title: string, counts: Record<string, number>): string[] {
  const rows = Object.entries(counts);
  if (!rows.length) return [];
  const width = Math.max(...rows.map(([k]) => k.length));
  return [`${title}:`, ...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${String(v).padStart(7)}`), ''];
}

export const statsCommand: Command = {
  name: 'stats',
  summary: 'counts per label, type, category and location',
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: { ...DB_OPTION, json: { type: 'boolean' }, depth: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      io.out(usage);
      return 0;
    }
    if (positionals.length) throw new UsageError('stats takes no paths');
    const depth = values.depth === undefined ? 1 : Number(values.depth);
    if (!Number.isInteger(depth) || depth < 0) throw new UsageError('--depth takes a whole number, 0 or more');
    const store = openResults(values.db, { create: false });
    try {
      const stats = await store.stats({ locationDepth: depth });
      await store.appendAudit({ actor: currentActor(), action: 'results.counted' });
      if (values.json) {
        io.out(JSON.stringify(stats));
        return 0;
      }
      const run = stats.lastRun;
      io.out(`${stats.documents} documents (${stats.errors} not readable), ${stats.deleted} deleted` +
        (run ? `; last scan ${run.finishedAt ?? run.startedAt} (${run.status})` : ''));
      io.out('');
      for (const line of [...table('Label', stats.byLabel), ...table('Document type', stats.byType), ...table('Category', stats.byCategory)]) io.out(line);
      if (stats.byLocation.length) {
        io.out('Location:');
        for (const l of stats.byLocation) {
          const labels = Object.entries(l.byLabel).map(([k, v]) => `${k} ${v}`).join(', ');
          io.out(`  ${String(l.documents).padStart(7)}  ${l.location}  (${labels})`);
        }
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};
