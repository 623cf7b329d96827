import { lstat, readdir } from 'node:fs/promises';
import type { BigIntStats } from 'node:fs';
import { join } from 'node:path';

/** A regular file met by the walk: its path below the root as segments, and its stat. */
export interface WalkEntry {
  segments: string[];
  stat: BigIntStats;
}

export interface WalkOptions {
  /** Resume: only what sorts after this file (segments of the last one already listed). */
  after?: readonly string[] | null;
  /** Absolute paths left out, with everything below them (the scan's own database folder). */
  exclude?: ReadonlySet<string>;
  /** File and folder names left out wherever they occur. */
  excludeNames?: ReadonlySet<string>;
  /** Folders that could not be listed, as paths below the root: the listing is then not complete. */
  onUnreadable?: (segments: string[], code: string) => void;
}

/**
 * Regular files below `root`, depth first, names in code-unit order in every folder: a total order, so a position
 * (`after`) is enough to resume, even when the file there has gone since. Symbolic links are not followed (no
 * loops, no escaping the root).
 */
export async function* walk(root: string, options: WalkOptions = {}): AsyncGenerator<WalkEntry> {
  yield* walkFolder(root, [], options.after ?? null, options);
}

async function* walkFolder(
  root: string,
  prefix: string[],
  after: readonly string[] | null,
  options: WalkOptions,
): AsyncGenerator<WalkEntry> {
  let names: string[];
  try {
    names = await readdir(join(root, ...prefix));
  } catch (error) {
    options.onUnreadable?.(prefix, (error as NodeJS.ErrnoException).code ?? 'EIO');
    return;
  }
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const depth = prefix.length;
  for (const name of names) {
    // While still on the resume path, skip what sorts before it; the resume point itself was listed already.
    let below: readonly string[] | null = null;
    if (after && depth < after.length) {
      const mark = after[depth]!;
      if (name < mark) continue;
      if (name === mark) {
        if (depth === after.length - 1) continue;
        below = after;
      }
    }
    if (options.excludeNames?.has(name)) continue;
    const segments = [...prefix, name];
    const path = join(root, ...segments);
    if (options.exclude?.has(path)) continue;
    let stat: BigIntStats;
    try {
      stat = await lstat(path, { bigint: true });
    } catch {
      continue; // gone between the listing and now
    }
    if (stat.isDirectory()) yield* walkFolder(root, segments, below, options);
    else if (stat.isFile() && !below) yield { segments, stat }; // a file where the resume path had a folder sorts before it

  }
}
