import { basename, resolve } from 'node:path';
import type { Connector, SourceRef } from '../../../connectors/connector.ts';
import { createFilesystemConnector } from '../../../connectors/filesystem/index.ts';
import { scan } from '../../scan/scan.ts';
import { DATA_FOLDER } from '../../store/default-path.ts';
import { isPostgresUrl } from '../../store/postgres/index.ts';
import { badRequest } from '../http-error.ts';
import type { ScanLauncher, TargetResult } from './launcher.ts';

/**
 * Scans of the configured folders. Only those: a request names a folder by its id from `targets()`, never a path
 * of its own choosing, so the API cannot be used to read the server's other files.
 */
export function createFolderLauncher(folders: readonly string[], options: { db: string }): ScanLauncher {
  const roots = folders.map((f) => resolve(f));
  // A PostgreSQL URL is no file below a folder: nothing to exclude.
  const database = isPostgresUrl(options.db) ? options.db : resolve(options.db);
  const connector = (root: string): Connector =>
    createFilesystemConnector(root, {
      exclude: ['', '-wal', '-shm', '-journal', '.key', '.key.tmp'].map((suffix) => `${database}${suffix}`),
      excludeNames: [DATA_FOLDER],
    });
  return {
    async targets() {
      return roots.map((root) => ({ id: root, kind: 'filesystem', name: basename(root) || root }));
    },
    async scan(targetIds, launch) {
      const chosen = targetIds ?? roots;
      for (const id of chosen) if (!roots.includes(id)) throw badRequest('a scan target is not one of the configured folders');
      const results: TargetResult[] = [];
      for (const [i, root] of chosen.entries()) {
        if (launch.signal.aborted) break;
        try {
          const summary = await scan(connector(root), launch.store, {
            signal: launch.signal,
            actor: launch.actor,
            classify: launch.classify,
            onProgress: (counts, listed) => launch.onProgress({ target: root, counts, listed, done: i, total: chosen.length }),
          });
          results.push({ target: root, summary });
        } catch (error) {
          results.push({ target: root, error: (error as Error).message });
        }
      }
      return results;
    },
    connectorFor(source: SourceRef) {
      // Any folder the store knows (a CLI scan may have filled it): the root comes from the store, not a request.
      return source.kind === 'filesystem' ? connector(source.root) : undefined;
    },
  };
}
