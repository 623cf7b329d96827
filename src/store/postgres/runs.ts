import { isAlive } from '../run-holder.ts';
import { runOf, type RunRow } from '../rows/index.ts';
import { ScanBusyError, type RunOutcome, type Store } from '../store.ts';
import type { Pg, Queryable } from './db.ts';

/** Sources and scan runs: starting (the source row locked, so two processes never both take a run), resuming, ending. */
export function runMethods(db: Pg): Pick<Store, 'source' | 'startRun' | 'finishRun' | 'run' | 'runs'> {
  const now = () => new Date().toISOString();
  const select = async (q: Queryable, id: number) => runOf((await q.one<RunRow>('SELECT * FROM scan_runs WHERE id = $1', [id]))!);

  return {
    async source(ref) {
      const row = await db.one<{ id: number }>(`INSERT INTO sources (kind, root, title, web_url) VALUES ($1, $2, $3, $4)
        ON CONFLICT (kind, root) DO UPDATE SET title = coalesce($3, sources.title), web_url = coalesce($4, sources.web_url)
        RETURNING id`, [ref.kind, ref.root, ref.title ?? null, ref.webUrl ?? null]);
      return row!.id;
    },

    async startRun(sourceId, holder) {
      return db.tx(async (q) => {
        const source = await q.one<{ next_cursor: string | null }>('SELECT next_cursor FROM sources WHERE id = $1 FOR UPDATE', [sourceId]);
        if (!source) throw new Error(`unknown source ${sourceId}`);
        const open = await q.one<RunRow>(
          "SELECT * FROM scan_runs WHERE source_id = $1 AND status IN ('running', 'interrupted') ORDER BY id DESC LIMIT 1 FOR UPDATE",
          [sourceId]);
        if (open) {
          const other = { pid: open.holder_pid ?? 0, host: open.holder_host ?? '' };
          const self = other.pid === holder.pid && other.host === holder.host;
          if (open.status === 'running' && !self && isAlive(other)) throw new ScanBusyError(other);
          await q.run("UPDATE scan_runs SET status = 'running', holder_pid = $1, holder_host = $2 WHERE id = $3", [holder.pid, holder.host, open.id]);
          return { run: await select(q, open.id), resumed: true };
        }
        const created = await q.one<{ id: number }>(`INSERT INTO scan_runs (source_id, status, started_at, cursor, holder_pid, holder_host)
          VALUES ($1, 'running', $2, $3, $4, $5) RETURNING id`, [sourceId, now(), source.next_cursor, holder.pid, holder.host]);
        return { run: await select(q, created!.id), resumed: false };
      });
    },

    async finishRun(runId, outcome: RunOutcome) {
      return db.tx(async (q) => {
        const run = await q.one<RunRow>('SELECT * FROM scan_runs WHERE id = $1 FOR UPDATE', [runId]);
        if (!run) throw new Error(`unknown scan run ${runId}`);
        let deleted = 0;
        const completed = outcome.status === 'completed';
        if (completed && outcome.sweepUnseen) {
          deleted = await q.run('UPDATE documents SET deleted_at = $1 WHERE source_id = $2 AND last_seen_run <> $3 AND deleted_at IS NULL',
            [now(), run.source_id, runId]);
        }
        if (completed) await q.run('UPDATE sources SET next_cursor = $1 WHERE id = $2', [outcome.nextCursor ?? null, run.source_id]);
        await q.run('UPDATE scan_runs SET status = $1, finished_at = $2, counts = $3, cursor = CASE WHEN $4 THEN NULL ELSE cursor END WHERE id = $5',
          [outcome.status, now(), JSON.stringify({ ...outcome.counts, deleted: (outcome.counts.deleted ?? 0) + deleted }), completed, runId]);
        return { deleted };
      });
    },

    async run(runId) {
      const row = await db.one<RunRow>('SELECT * FROM scan_runs WHERE id = $1', [runId]);
      return row ? runOf(row) : undefined;
    },
    async runs(sourceId) {
      const rows = sourceId === undefined
        ? await db.rows<RunRow>('SELECT * FROM scan_runs ORDER BY id')
        : await db.rows<RunRow>('SELECT * FROM scan_runs WHERE source_id = $1 ORDER BY id', [sourceId]);
      return rows.map(runOf);
    },
  };
}
