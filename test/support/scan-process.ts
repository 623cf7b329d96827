import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../src/cli/bewaarder.js', import.meta.url));

export interface DbProgress {
  runs: number;
  documents: number;
}

/** How far a running scan got, read from its database while it writes (WAL: a reader never blocks the writer). */
export function progressOf(path: string): DbProgress | undefined {
  if (!existsSync(path)) return undefined;
  let db;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const runs = db.prepare('SELECT count(*) FROM scan_runs').pluck().get() as number;
    const documents = db.prepare('SELECT count(*) FROM documents').pluck().get() as number;
    return { runs, documents };
  } catch {
    return { runs: 0, documents: 0 }; // created, not yet migrated
  } finally {
    db?.close();
  }
}

/**
 * Runs `bewaarder` with `args` (a scan writing to `db`) and sends `signal` as soon as `when` holds for the
 * database's progress. Resolves with how the process ended and what it printed.
 */
export function scanAndSignal(args: string[], db: string, signal: NodeJS.Signals, when: (p: DbProgress) => boolean) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; at?: DbProgress; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let at: DbProgress | undefined;
    const poll = setInterval(() => {
      const p = progressOf(db);
      if (p && !at && when(p)) {
        at = p;
        child.kill(signal);
      }
    }, 3);
    child.on('error', reject);
    child.on('close', (code, received) => {
      clearInterval(poll);
      resolve({ code, signal: received, stdout, stderr, ...(at ? { at } : {}) });
    });
  });
}
