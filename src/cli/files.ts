import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The files named on the command line, folders walked recursively in name order. Symbolic links are not followed
 * (no loops, no escaping the folder); a path that cannot be read is yielded with its error.
 */
export async function* walk(paths: readonly string[]): AsyncGenerator<{ path: string; error?: string }> {
  for (const path of paths) yield* walkOne(path);
}

async function* walkOne(path: string): AsyncGenerator<{ path: string; error?: string }> {
  let stat;
  try {
    stat = await lstat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    yield { path, error: code === 'ENOENT' ? 'not found' : code === 'EACCES' ? 'permission denied' : `cannot be read (${code})` };
    return;
  }
  if (stat.isSymbolicLink()) return;
  if (!stat.isDirectory()) {
    yield { path };
    return;
  }
  let entries;
  try {
    entries = await readdir(path);
  } catch (error) {
    yield { path, error: `folder cannot be read (${(error as NodeJS.ErrnoException).code})` };
    return;
  }
  for (const entry of entries.sort()) yield* walkOne(join(path, entry));
}
