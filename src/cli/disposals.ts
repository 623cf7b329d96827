import { parseArgs } from 'node:util';
import { disposalsCsv } from '../retention/index.ts';
import { UsageError, type Command } from './command.ts';
import { DB_HELP, DB_OPTION, currentActor } from './results-db.ts';
import { withRetention } from './retention-cli.ts';

const usage = `Usage: bewaarder disposals [--csv | --json] [--db FILE]

The proof of disposition: one record per deleted document — the source and folder it was in, a keyed hash of
its name (names often name people), its type, label and categories, the policy and its legal ground, who
approved it, when it was deleted and what the source answered. Records are kept after the documents are gone,
in an append-only log chained by SHA-256 (check it with \`bewaarder audit verify\`).

Options:
${DB_HELP}
  --csv         CSV with a header row (for an auditor or the archive)
  --json        one JSON object per record
  -h, --help    this help`;

export const disposalsCommand: Command = {
  name: 'disposals',
  summary: 'the proof of what was deleted, when, why and by whose approval (CSV)',
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, options: { ...DB_OPTION, csv: { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
      io.out(usage);
      return 0;
    }
    if (positionals.length) throw new UsageError('disposals takes no arguments');
    if (values.csv && values.json) throw new UsageError('choose --csv or --json');
    return withRetention(values.db, async (retention, store) => {
      const records = await retention.disposals();
      await store.appendAudit({ actor: currentActor(), action: 'retention.disposals-read', details: { records: records.length } });
      if (values.csv) for (const row of disposalsCsv(records)) io.out(row);
      else if (values.json) for (const r of records) io.out(JSON.stringify(r));
      else {
        for (const r of records) {
          io.out(`${String(r.seq).padStart(5)}  ${r.deletedAt}  ${r.label.padEnd(9)} ${r.documentType.padEnd(20)} ${r.policyId.padEnd(24)} ` +
            `${r.sourceKind}:${r.sourceRoot}/${r.folder ? `${r.folder}/` : ''}#${r.nameHash.slice(0, 12)}  ` +
            `akkoord: ${r.approvers.map((a) => a.actor).join(', ') || '(geen beoordeling nodig)'}`);
        }
        io.err(`${records.length} disposal record${records.length === 1 ? '' : 's'}`);
      }
      return 0;
    });
  },
};
