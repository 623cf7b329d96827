import { parseArgs } from 'node:util';
import { UsageError, type Command } from './command.ts';
import { printHold } from './hold.ts';
import { asUsage, decisionOf, REVIEW_HELP, REVIEW_OPTIONS, withRetention } from './retention-cli.ts';

const usage = `Usage: bewaarder release HOLD [--as NAME] [--comment TEXT] [--json] [--db FILE]

Releases a legal hold (its number from \`bewaarder hold --list\`): the documents it covered can be disposed of
again, when due and approved and not covered by another hold. The hold stays on record, released.

Options:
${REVIEW_HELP}`;

export const releaseCommand: Command = {
  name: 'release',
  summary: 'release a legal hold',
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: REVIEW_OPTIONS });
    if (values.help) {
      io.out(usage);
      return 0;
    }
    const id = Number(positionals[0]);
    if (positionals.length !== 1 || !Number.isInteger(id) || id <= 0) throw new UsageError('name one hold by its number (bewaarder hold --list)');
    return withRetention(values.db, async (retention) => {
      const hold = await asUsage(() => retention.release(id, decisionOf(values)));
      values.json ? io.out(JSON.stringify(hold)) : printHold(hold, io);
      return 0;
    });
  },
};
