import { isAlive } from '../run-holder.ts';
import { runOf, type RunRow } from '../rows/index.ts';
import { ScanBusyError, type RunHolder, type Store } from '../store.ts';
import type { Db } from './open.ts';

/** Sources and scan runs: starting, resuming and ending a run. */
export function runMethods(db: Db): Pick<Store, 'source' | 'startRun' | 'finishRun' | 'run' | 'runs'> {
  const now = () => new Date().toISOString();
  const select = db.prepare<[number], RunRow>('SELECT * FROM scan_runs WHERE id = ?');

  const start = db.transaction((sourceId: number, holder: RunHolder) => {
    const open = db
      .prepare<[number], RunRow>("SELECT * FROM scan_runs WHERE source_id = ? AND status IN ('running', 'interrupted') ORDER BY id DESC LIMIT 1")
      .get(sourceId);
    if (open) {
      const other = { pid: open.holder_pid ?? 0, host: open.holder_host ?? '' };
      const self = other.pid === holder.pid && other.host === holder.host;
      if (open.status === 'running' && !self && isAlive(other)) throw new ScanBusyError(other);
      db.prepare("UPDATE scan_runs SET status = 'running', holder_pid = ?, holder_host = ? WHERE id = ?").run(holder.pid, holder.host, open.id);
      return { run: runOf(select.get(open.id)!), resumed: true };
    }
    const cursor = db.prepare('SELECT next_cursor FROM sources WHERE id = ?').pluck().get(sourceId) as string | null | undefined;
    if (cursor === undefined) throw new Error(`unknown source ${sourceId}`);
    const { lastInsertRowid } = db
      .prepare("INSERT INTO scan_runs (source_id, status, started_at, cursor, holder_pid, holder_host) VALUES (?, 'running', ?, ?, ?, ?)")
      .run(sourceId, now(), cursor, holder.pid, holder.host);
    return { run: runOf(select.get(Number(lastInsertRowid))!), resumed: false };
  });

  const finish = db.transaction((runId: number, outcome: Parameters<Store['finishRun']>[1]) => {
    const run = select.get(runId);
    if (!run) throw new Error(`unknown scan run ${runId}`);
    let deleted = 0;
    const completed = outcome.status === 'completed';
    if (completed && outcome.sweepUnseen) {
      deleted = db
        .prepare('UPDATE documents SET deleted_at = ? WHERE source_id = ? AND last_seen_run <> ? AND deleted_at IS NULL')
        .run(now(), run.source_id, runId).changes;
    }
    if (completed) db.prepare('UPDATE sources SET next_cursor = ? WHERE id = ?').run(outcome.nextCursor ?? null, run.source_id);
    db.prepare('UPDATE scan_runs SET status = ?, finished_at = ?, counts = ?, cursor = CASE WHEN ? THEN NULL ELSE cursor END WHERE id = ?')
      .run(outcome.status, now(), JSON.stringify({ ...outcome.counts, deleted: (outcome.counts.deleted ?? 0) + deleted }), completed ? 1 : 0, runId);
    return { deleted };
  });

  return {
    async source(ref) {
      db.prepare(`INSERT INTO sources (kind, root, title, web_url) VALUES (@kind, @root, @title, @webUrl)
        ON CONFLICT (kind, root) DO UPDATE SET title = coalesce(@title, title), web_url = coalesce(@webUrl, web_url)`)
        .run({ kind: ref.kind, root: ref.root, title: ref.title ?? null, webUrl: ref.webUrl ?? null });
      return db.prepare('SELECT id FROM sources WHERE kind = ? AND root = ?').pluck().get(ref.kind, ref.root) as number;
    },
    async startRun(sourceId, holder) {
      return start.immediate(sourceId, holder);
    },
    async finishRun(runId, outcome) {
      return finish.immediate(runId, outcome);
    },
    async run(runId) {
      const row = select.get(runId);
      return row ? runOf(row) : undefined;
    },
    async runs(sourceId) {
      const rows = sourceId === undefined
        ? db.prepare<[], RunRow>('SELECT * FROM scan_runs ORDER BY id').all()
        : db.prepare<[number], RunRow>('SELECT * FROM scan_runs WHERE source_id = ? ORDER BY id').all(sourceId);
      return rows.map(runOf);
    },
  };
}
