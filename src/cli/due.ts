import { parseArgs } from 'node:util';
import type { DueItem } from '../retention/index.ts';
import { UsageError, type Command } from './command.ts';
import { actorOf, pathIn, REVIEW_HELP, REVIEW_OPTIONS, withRetention } from './retention-cli.ts';

const usage = `Usage: bewaarder due [--json] [--db FILE]

The disposition queue: documents whose retention term has ended (dispose-after on or before today), grouped by
retention policy, each with its status — awaiting approval (and of which stage), approved, ready (its policy
needs no review), held, or back in review with the reason. Documents whose policy waits for an event date
(end of employment, of a contract, of a procedure) are counted: give the date with \`bewaarder set-trigger\`.

Then: \`bewaarder approve ID…\`, \`extend ID… --until DATE\`, \`hold ID\`, and \`bewaarder purge\`.

Options:
${REVIEW_HELP}`;

const STATUS: Record<DueItem['status'], string> = {
  'awaiting-approval': 'wacht op akkoord',
  approved: 'akkoord',
  ready: 'klaar',
  held: 'bevroren',
  review: 'opnieuw beoordelen',
};

export const dueCommand: Command = {
  name: 'due',
  summary: 'documents whose retention term has ended, grouped by policy',
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, options: REVIEW_OPTIONS });
    if (values.help) {
      io.out(usage);
      return 0;
    }
    if (positionals.length) throw new UsageError('due takes no arguments');
    return withRetention(values.db, async (retention, store) => {
      const queue = await retention.due();
      const count = queue.groups.reduce((n, g) => n + g.items.length, 0);
      await store.appendAudit({ actor: actorOf(values), action: 'retention.queue-viewed', details: { due: count } });
      if (values.json) {
        io.out(JSON.stringify(queue));
        return 0;
      }
      io.out(`Due on ${queue.today}: ${count} document${count === 1 ? '' : 's'} under ${queue.groups.length} polic${queue.groups.length === 1 ? 'y' : 'ies'}` +
        (queue.needsTrigger ? `; ${queue.needsTrigger} waiting for an event date (bewaarder set-trigger)` : ''));
      for (const { policy, items } of queue.groups) {
        io.out('');
        io.out(`${policy.id} — ${policy.name} (${policy.term} from ${policy.trigger}, ${policy.action === 'review' ? `review${policy.stages ? `: ${policy.stages.join(' → ')}` : ''}` : 'delete without review'})`);
        for (const i of items) {
          const status = STATUS[i.status] + (i.nextStage && i.status !== 'held' ? ` (${i.nextStage})` : '') + (i.reviewReason && i.status === 'review' ? `: ${i.reviewReason}` : '');
          io.out(`  ${String(i.documentId).padStart(6)}  ${i.disposeAfter}  ${i.label.padEnd(9)} ${i.documentType.padEnd(20)} ${status.padEnd(28)} ${pathIn(i.source, i.location)}`);
        }
      }
      return 0;
    });
  },
};
