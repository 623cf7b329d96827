import { parseArgs } from 'node:util';
import { UsageError, type Command } from './command.ts';
import { DB_HELP, DB_OPTION, currentActor } from './results-db.ts';
import { withRetention } from './retention-cli.ts';

const usage = `Usage: bewaarder audit verify [--json] [--db FILE]

Checks the disposal log: every record's SHA-256 hash over the one before it and its own content, its seal made
with the database's key, and that no record is missing (the numbering, the highest number ever given, and the
audit log's note of each disposal). Reports the first record that does not fit.

Options:
${DB_HELP}
  --json        one JSON object: ok, entries, broken {seq, reason}
  -h, --help    this help

Exit status: 0 the log is intact, 1 it was tampered with, 2 wrong usage.`;

export const auditCommand: Command = {
  name: 'audit',
  summary: 'verify the disposal log (audit verify)',
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...DB_OPTION, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
    if (values.help) {
      io.out(usage);
      return 0;
    }
    if (positionals.length !== 1 || positionals[0] !== 'verify') throw new UsageError('the subcommand is verify');
    return withRetention(values.db, async (retention, store) => {
      const verdict = await retention.verifyLog();
      await store.appendAudit({ actor: currentActor(), action: 'retention.log-verified', details: { ...verdict } });
      if (values.json) io.out(JSON.stringify(verdict));
      else if (verdict.ok) io.out(`The disposal log is intact: ${verdict.entries} record${verdict.entries === 1 ? '' : 's'}, chain, seals and numbering check out.`);
      else io.out(`The disposal log was tampered with: record ${verdict.broken!.seq} ${verdict.broken!.reason}. ${verdict.entries} record${verdict.entries === 1 ? '' : 's'} before it check out.`);
      return verdict.ok ? 0 : 1;
    });
  },
};
