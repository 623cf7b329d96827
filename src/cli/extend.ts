import { parseArgs } from 'node:util';
import { UsageError, type Command } from './command.ts';
import { asUsage, decisionOf, documentIds, printResults, REVIEW_HELP, REVIEW_OPTIONS, withRetention } from './retention-cli.ts';

const usage = `Usage: bewaarder extend ID... --until DATE [--as NAME] [--comment TEXT] [--json] [--db FILE]

Keeps documents longer: a new dispose-after date (YYYY-MM-DD, after today). Approvals given so far lapse; the
documents come back in \`bewaarder due\` on the new date. Say why with --comment (a running procedure, an audit).

Options:
  --until DATE  the new dispose-after date
${REVIEW_HELP}`;

export const extendCommand: Command = {
  name: 'extend',
  summary: 'keep documents longer (a new dispose-after date)',
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...REVIEW_OPTIONS, until: { type: 'string' } } });
    if (values.help) {
      io.out(usage);
      return 0;
    }
    if (!positionals.length) throw new UsageError('name the documents to keep longer by id');
    if (!values.until) throw new UsageError('give the new date with --until YYYY-MM-DD');
    const ids = documentIds(positionals);
    const until = values.until;
    return withRetention(values.db, async (retention) =>
      printResults(await asUsage(() => retention.extend(ids, until, decisionOf(values))), io, values.json));
  },
};
