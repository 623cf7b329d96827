import { parseArgs } from 'node:util';
import type { DocumentStatus, StoredDocument } from '../store/store.ts';
import { LABELS, type Label } from '../types.ts';
import { UsageError, type Command } from './command.ts';
import { contractOf } from './contract.ts';
import { createRetention, type RetentionContract } from '../retention/index.ts';
import { currentActor, DB_HELP, DB_OPTION, openResults } from './results-db.ts';

const STATUSES: readonly DocumentStatus[] = ['classified', 'error', 'deleted'];

const usage = `Usage: bewaarder list [--json] [--db FILE] [--label L] [--type T] [--category C] [--status S]

Lists the scanned documents from the results database, with their label, type and masked findings.

Options:
${DB_HELP}
  --json          JSON Lines in the contract of \`bewaarder classify --json\`, plus id, location, status and
                  scannedAt (when it was last classified)
  --label L       only documents labelled L (${LABELS.join(', ')})
  --type T        only documents of type T (e.g. factuur, medische-brief)
  --category C    only documents with findings of category C (e.g. bsn, health, iban)
  --status S      ${STATUSES.join(', ')} (default: everything not deleted)
  -h, --help      this help`;

/** The full path: a folder source's root joined with the location; other sources show root and location. */
export function pathOf(doc: StoredDocument): string {
  return doc.source.kind === 'filesystem' ? `${doc.source.root}/${doc.location}` : `${doc.source.kind}:${doc.source.root}/${doc.location}`;
}

function lineOf(doc: StoredDocument, retention?: RetentionContract) {
  const meta = { id: doc.id, location: doc.location, status: doc.status, scannedAt: doc.scannedAt };
  const path = pathOf(doc);
  const base = doc.classification ? contractOf(path, doc.classification, retention) : { path };
  return { ...base, ...(doc.error ? { error: doc.error } : {}), ...meta };
}

export const listCommand: Command = {
  name: 'list',
  summary: 'list scanned documents from the results database',
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        ...DB_OPTION,
        json: { type: 'boolean' },
        label: { type: 'string' },
        type: { type: 'string' },
        category: { type: 'string' },
        status: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.out(usage);
      return 0;
    }
    if (positionals.length) throw new UsageError('list takes no paths (filter with --label, --type, --category)');
    if (values.label && !LABELS.includes(values.label as Label)) throw new UsageError(`--label is one of ${LABELS.join(', ')}`);
    if (values.status && !STATUSES.includes(values.status as DocumentStatus)) throw new UsageError(`--status is one of ${STATUSES.join(', ')}`);
    const filter = {
      ...(values.label ? { label: values.label as Label } : {}),
      ...(values.type ? { documentType: values.type } : {}),
      ...(values.category ? { category: values.category } : {}),
      ...(values.status ? { status: values.status as DocumentStatus } : {}),
    };
    const store = openResults(values.db, { create: false });
    try {
      const retention = createRetention(store);
      if (values.json) await retention.schedule(); // the retention field of the contract
      let count = 0;
      for await (const doc of store.listDocuments(filter)) {
        count++;
        if (values.json) {
          const schedule = doc.classification ? await store.scheduled({ documentIds: [doc.id], includeDeleted: true }) : [];
          io.out(JSON.stringify(lineOf(doc, schedule[0] && retention.contractOf(schedule[0]))));
          continue;
        }
        const label = doc.status === 'classified' ? doc.classification!.label : doc.status === 'error' ? 'FOUT' : 'verwijderd';
        const type = doc.classification?.documentType ?? '';
        io.out(`${label.padEnd(10)} ${type.padEnd(22)} ${pathOf(doc)}${doc.error ? `: ${doc.error}` : ''}`);
      }
      await store.appendAudit({ actor: currentActor(), action: 'results.listed', details: { filter, documents: count } });
      if (!values.json) io.err(`${count} document${count === 1 ? '' : 's'}`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
