import { readFile, rename, writeFile } from 'node:fs/promises';
import type { ItemLabels } from '../connector.ts';

/**
 * Labels written back to a folder. A plain folder has no columns for them, so they live in one JSON file (outside
 * the folder, or it would be scanned), keyed by item id: they follow a file through renames and moves.
 */
export interface LabelsFile {
  read(): Promise<Map<string, ItemLabels>>;
  write(id: string, labels: ItemLabels): Promise<void>;
}

export function createLabelsFile(path: string): LabelsFile {
  let chain: Promise<unknown> = Promise.resolve();

  async function read(): Promise<Map<string, ItemLabels>> {
    try {
      return new Map(Object.entries(JSON.parse(await readFile(path, 'utf8')) as Record<string, ItemLabels>));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
      throw error;
    }
  }

  return {
    read,
    write(id, labels) {
      // One writer at a time, and an atomic replace: a crash leaves the old file or the new one, never half.
      const next = chain.then(async () => {
        const all = await read();
        all.set(id, labels);
        await writeFile(`${path}.tmp`, JSON.stringify(Object.fromEntries(all)), { mode: 0o600 });
        await rename(`${path}.tmp`, path);
      });
      chain = next.catch(() => {});
      return next;
    },
  };
}
