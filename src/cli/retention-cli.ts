import { resolve } from 'node:path';
import { createFilesystemConnector } from '../../connectors/filesystem/index.ts';
import type { Connector, SourceRef } from '../../connectors/connector.ts';
import { createRetention, type Retention, type VerbResult } from '../retention/index.ts';
import { DATA_FOLDER, DEFAULT_DB } from '../store/default-path.ts';
import type { Store } from '../store/store.ts';
import { UsageError, type CliIO } from './command.ts';
import { currentActor, DB_HELP, DB_OPTION, openResults } from './results-db.ts';

/** Options every records-manager command takes. */
export const REVIEW_OPTIONS = {
  ...DB_OPTION,
  json: { type: 'boolean' },
  as: { type: 'string' },
  comment: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const REVIEW_HELP = `${DB_HELP}
  --as NAME     who decides, for the audit log (default: the user running the command)
  --comment T   why (kept with the decision in the audit log)
  --json        JSON on stdout
  -h, --help    this help

Policies: rules/retention/policies.json, with an organisation's own file merged over it by id when
$BEWAARDER_RETENTION_FILE names one.`;

export async function withRetention<T>(db: string | undefined, work: (retention: Retention, store: Store) => Promise<T>): Promise<T> {
  const store = openResults(db, { create: false });
  try {
    return await work(createRetention(store), store);
  } finally {
    await store.close();
  }
}

export function actorOf(values: { as?: string | undefined }): string {
  if (values.as !== undefined && !values.as.trim()) throw new UsageError('--as needs a name');
  return values.as?.trim() || currentActor();
}

export function decisionOf(values: { as?: string | undefined; comment?: string | undefined }) {
  return { actor: actorOf(values), ...(values.comment ? { comment: values.comment } : {}) };
}

export function documentIds(positionals: readonly string[]): number[] {
  return positionals.map((p) => {
    const id = Number(p);
    if (!Number.isInteger(id) || id <= 0) throw new UsageError(`"${p}" is not a document id (see \`bewaarder due\` or \`bewaarder list --json\`)`);
    return id;
  });
}

/**
 * The connector for a stored source: a folder opens as the filesystem connector (leaving the results database out,
 * as the scan does); other kinds need their own connector and are skipped with the reason until then.
 */
export function cliConnectorFor(db: string | undefined): (source: SourceRef) => Connector | undefined {
  const file = resolve(db ?? DEFAULT_DB);
  const made = new Map<string, Connector>();
  return (source) => {
    if (source.kind !== 'filesystem') return undefined;
    let connector = made.get(source.root);
    if (!connector) {
      connector = createFilesystemConnector(source.root, {
        exclude: ['', '-wal', '-shm', '-journal', '.key'].map((suffix) => `${file}${suffix}`),
        excludeNames: [DATA_FOLDER],
      });
      made.set(source.root, connector);
    }
    return connector;
  };
}

/** Where a document is, for people: a folder's path, or the source kind, root and location. */
export function pathIn(source: SourceRef, location: string): string {
  return source.kind === 'filesystem' ? `${source.root}/${location}` : `${source.kind}:${source.root}/${location}`;
}

/** One line per document (or one JSON line); exit status 1 when any was refused. */
export function printResults(results: readonly VerbResult[], io: CliIO, json: boolean | undefined): number {
  for (const r of results) {
    if (json) io.out(JSON.stringify({ documentId: r.documentId, ok: r.ok, message: r.message, ...(r.schedule ? { retention: r.schedule } : {}) }));
    else io.out(`${String(r.documentId).padStart(6)}  ${r.ok ? 'ok  ' : 'NIET'}  ${r.message}`);
  }
  return results.every((r) => r.ok) ? 0 : 1;
}

/** A verb's refusal of its arguments (a date in the past, an unknown type) is a usage error. */
export async function asUsage<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
}

/** The retention line after a scan. */
export function describeRetention(r: { scheduled: number; needsTrigger: number }): string {
  return `Retention: ${r.scheduled} document${r.scheduled === 1 ? '' : 's'} (re)scheduled` +
    (r.needsTrigger ? `, ${r.needsTrigger} waiting for an event date (bewaarder set-trigger)` : '') + ' — see bewaarder due';
}
