import type { TenantProgress, TenantSummary } from '../../connectors/tenant/index.ts';
import { createStatusLine, progressText, type ProgressStream } from './scan-progress.ts';

const n = (x: number) => x.toLocaleString('en-US');
const count = (x: number, one: string, many: string) => `${n(x)} ${x === 1 ? one : many}`;

/** The tenant scan's summary for people: totals per kind of source, this run's work, Graph's cost, what was skipped. */
export function describeTenant(s: TenantSummary): string {
  const kinds = [
    `SharePoint ${n(s.sources.sharepoint.documents)} in ${count(s.sources.sharepoint.sources, 'library', 'libraries')}`,
    `OneDrive ${n(s.sources.onedrive.documents)} in ${count(s.sources.onedrive.sources, 'OneDrive', 'OneDrives')}`,
    `mail ${n(s.sources.mail.documents)} in ${count(s.sources.mail.sources, 'mailbox', 'mailboxes')}`,
  ].join(', ');
  const head = s.status === 'interrupted' ? 'Stopped tenant scan (run again to continue)' : s.status === 'failed' ? 'Tenant scan finished with failed sources' : 'Scanned the tenant';
  const lines = [
    `${head}: ${n(s.documents)} documents (${kinds})`,
    `This run: ${n(s.found)} listed, ${n(s.classified)} classified, ${n(s.skipped)} unchanged, ${n(s.errors)} not readable, ` +
      `${n(s.deleted)} deleted, ${n(s.moved)} moved — ${s.seconds.toFixed(1)} s`,
    `Graph: ${n(s.graphRequests)} requests, ${n(s.resourceUnits)} resource units, ${n(s.throttled)} throttled, ` +
      `${n(s.retried)} retried, ${n(s.earlyRetries)} early retries`,
  ];
  const reasons = new Map<string, number>();
  for (const u of s.skippedUsers) {
    const what = `${u.what === 'mail' ? 'mailbox' : 'OneDrive'}: ${u.reason}`;
    reasons.set(what, (reasons.get(what) ?? 0) + 1);
  }
  if (reasons.size) lines.push(`Skipped (\`--json\` lists the users): ${[...reasons].map(([why, x]) => `${count(x, 'user', 'users')} — ${why}`).join('; ')}`);
  if (s.labelsWritten || s.labelWritesFailed) lines.push(`Labels written back: ${n(s.labelsWritten)}${s.labelWritesFailed ? ` (${s.labelWritesFailed} could not be written; tried again next scan)` : ''}`);
  for (const f of s.failedSources) lines.push(`Failed: ${f.kind} ${f.root}: ${f.reason}`);
  return lines.join('\n');
}

/** A live progress line for a tenant scan on stderr (rewritten in place on a terminal, every few seconds otherwise). */
export function createTenantProgress(stream: ProgressStream, every = 5) {
  const line = createStatusLine(stream, { every, immediate: true });
  return {
    update: (p: TenantProgress) =>
      line.update((seconds) => `${progressText(p.counts, p.listed, seconds)} · sources ${p.sourcesDone}/${p.sourcesTotal} · ${n(p.graphRequests)} Graph requests`),
    done: () => line.done(),
  };
}
