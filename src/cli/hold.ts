import { parseArgs } from 'node:util';
import { describeScope } from '../retention/holds.ts';
import type { Hold, HoldScope } from '../retention/index.ts';
import { LABELS, type Label } from '../types.ts';
import { UsageError, type CliIO, type Command } from './command.ts';
import { asUsage, decisionOf, documentIds, REVIEW_HELP, REVIEW_OPTIONS, withRetention } from './retention-cli.ts';

const usage = `Usage: bewaarder hold (ID | --location FOLDER | --label L --type T --category C) [--comment TEXT] [--as NAME]
       bewaarder hold --list [--all] [--json]

Places a legal hold: the documents it covers are not disposed of, due and approved or not, until the hold is
released (\`bewaarder release HOLD\`). A hold covers one document (by id), a folder and everything below it
(--location, as \`bewaarder list --json\` shows locations), or a saved search (--label, --type and/or
--category: every document that matches, now and later).

Options:
  --location FOLDER  every document in this folder and below it
  --label L          documents labelled L (${LABELS.join(', ')})
  --type T           documents of type T (e.g. personeelsdossier types: arbeidsovereenkomst)
  --category C       documents with findings of category C (e.g. health, bsn)
  --list             the holds in force (with --all: released ones too)
${REVIEW_HELP}`;

export function printHold(h: Hold, io: CliIO): void {
  const released = h.releasedAt ? ` — released ${h.releasedAt} by ${h.releasedBy}${h.releaseComment ? ` (${h.releaseComment})` : ''}` : '';
  io.out(`hold ${h.id}: ${describeScope(h.scope)} — placed ${h.placedAt} by ${h.placedBy}${h.comment ? ` (${h.comment})` : ''}${released}`);
}

export const holdCommand: Command = {
  name: 'hold',
  summary: 'place a legal hold on a document, a folder or a search',
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { ...REVIEW_OPTIONS, location: { type: 'string' }, label: { type: 'string' }, type: { type: 'string' },
        category: { type: 'string' }, list: { type: 'boolean' }, all: { type: 'boolean' } },
    });
    if (values.help) {
      io.out(usage);
      return 0;
    }
    if (values.list) {
      return withRetention(values.db, async (retention) => {
        const holds = await retention.holds({ active: !values.all });
        for (const h of holds) values.json ? io.out(JSON.stringify(h)) : printHold(h, io);
        if (!values.json) io.err(`${holds.length} hold${holds.length === 1 ? '' : 's'}`);
        return 0;
      });
    }
    const search = values.label !== undefined || values.type !== undefined || values.category !== undefined;
    const kinds = [positionals.length > 0, values.location !== undefined, search].filter(Boolean).length;
    if (kinds !== 1) throw new UsageError('name one document id, or a --location, or a search (--label/--type/--category)');
    if (positionals.length > 1) throw new UsageError('one document per hold (or hold their folder with --location)');
    if (values.label !== undefined && !LABELS.includes(values.label as Label)) throw new UsageError(`--label is one of ${LABELS.join(', ')}`);
    const scope: HoldScope = positionals.length
      ? { kind: 'document', documentId: documentIds(positionals)[0]! }
      : values.location !== undefined
        ? { kind: 'location', prefix: values.location.replace(/\/+$/, '') }
        : { kind: 'search', filter: { ...(values.label ? { label: values.label as Label } : {}), ...(values.type ? { documentType: values.type } : {}), ...(values.category ? { category: values.category } : {}) } };
    return withRetention(values.db, async (retention) => {
      const hold = await asUsage(() => retention.hold(scope, decisionOf(values)));
      values.json ? io.out(JSON.stringify(hold)) : printHold(hold, io);
      return 0;
    });
  },
};
