import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError, type Command } from './command.ts';
import { asUsage, decisionOf, documentIds, printResults, REVIEW_HELP, REVIEW_OPTIONS, withRetention } from './retention-cli.ts';

const usage = `Usage: bewaarder set-trigger (ID... | --location FOLDER) --date DATE [--event NAME] [--as NAME] [--comment TEXT]

Gives the date of the event a retention term runs from — the end of employment, of a contract, of an application
procedure — for documents whose policy waits for one (\`bewaarder due\` counts them). By id for single documents;
with --location for every document in a folder (as \`bewaarder list --json\` shows locations: relative to the
scanned folder), including documents found there later. The documents get their dispose-after date at once.

Options:
  --date DATE        when the event happened (YYYY-MM-DD)
  --event NAME       only for policies waiting for this event (end-of-employment, end-of-contract,
                     end-of-procedure); default: whichever event each document's policy waits for
  --location FOLDER  every document in this folder and below it
  --source PATH      with --location: only in this scanned folder (default: in every scanned source)
${REVIEW_HELP}`;

export const setTriggerCommand: Command = {
  name: 'set-trigger',
  summary: 'give the event date (end of employment…) a retention term runs from',
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { ...REVIEW_OPTIONS, date: { type: 'string' }, event: { type: 'string' }, location: { type: 'string' }, source: { type: 'string' } },
    });
    if (values.help) {
      io.out(usage);
      return 0;
    }
    if (!values.date) throw new UsageError('give the date with --date YYYY-MM-DD');
    if (positionals.length && values.location !== undefined) throw new UsageError('name documents by id or a --location, not both');
    if (!positionals.length && values.location === undefined) throw new UsageError('name documents by id, or a folder with --location');
    if (values.source && values.location === undefined) throw new UsageError('--source goes with --location');
    const date = values.date;
    const decision = { ...decisionOf(values), ...(values.event ? { event: values.event } : {}) };
    return withRetention(values.db, async (retention, store) => {
      const sourceId = values.source ? await store.source({ kind: 'filesystem', root: resolve(values.source) }) : undefined;
      const target = values.location !== undefined
        ? { location: { prefix: values.location, ...(sourceId !== undefined ? { sourceId } : {}) } }
        : { documentIds: documentIds(positionals) };
      const results = await asUsage(() => retention.setTrigger(target, date, decision));
      if (!results.length && !values.json) io.err('no document there waits for an event date');
      return printResults(results, io, values.json);
    });
  },
};
