import { parseArgs } from 'node:util';
import { UsageError, type Command } from './command.ts';
import { decisionOf, documentIds, printResults, REVIEW_HELP, REVIEW_OPTIONS, withRetention } from './retention-cli.ts';

const usage = `Usage: bewaarder approve ID... [--as NAME] [--comment TEXT] [--json] [--db FILE]

Approves the disposal of due documents (ids from \`bewaarder due\`). A policy with stages needs one approval
per stage, in order, each by a different person. Approved documents are deleted by the next \`bewaarder purge\`
unless a hold covers them or they changed since they were approved.

Options:
${REVIEW_HELP}

Exit status: 0 all approved, 1 some refused (each line says why), 2 wrong usage.`;

export const approveCommand: Command = {
  name: 'approve',
  summary: 'approve the disposal of due documents',
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: REVIEW_OPTIONS });
    if (values.help) {
      io.out(usage);
      return 0;
    }
    if (!positionals.length) throw new UsageError('name the documents to approve by id');
    const ids = documentIds(positionals);
    return withRetention(values.db, async (retention) => printResults(await retention.approve(ids, decisionOf(values)), io, values.json));
  },
};
