import type { BigIntStats } from 'node:fs';
import { lstat, open, stat, unlink } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { ConnectorError, type Connector, type Item, type ItemLabels, type Page, type Unreadable } from '../connector.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { createLabelsFile } from './labels-file.ts';
import { walk } from './walk.ts';

export interface FilesystemConnectorOptions {
  /** Absolute paths left out of the listing, with everything below them (the scan's own database). */
  exclude?: readonly string[];
  /** File and folder names left out wherever they occur (`.bewaarder`, the data folder of any other scan). */
  excludeNames?: readonly string[];
  /** Where written-back labels are kept; without it `writeLabel` is unsupported. */
  labelsFile?: string;
  /** Items per page unless `enumerate` asks otherwise. */
  pageSize?: number;
}

/**
 * A local folder as a source: the embedded default and the reference connector. An item's id is its device and
 * inode, so a renamed or moved file (within one file system) stays the same document; its location is its path
 * below the root, with `/` between folders. The listing is `full`: a file missing from a complete enumeration is gone.
 */
export function createFilesystemConnector(root: string, options: FilesystemConnectorOptions = {}): Connector {
  const base = resolve(root);
  const exclude = new Set((options.exclude ?? []).map((p) => resolve(p)));
  const excludeNames = new Set(options.excludeNames ?? []);
  const labels = options.labelsFile ? createLabelsFile(options.labelsFile) : undefined;

  function pathOf(item: Item): string {
    const path = resolve(base, ...item.location.split('/'));
    const rel = relative(base, path);
    if (!rel || rel.startsWith('..') || isAbsolute(rel)) throw new ConnectorError('not-found', 'outside the source folder');
    return path;
  }

  function check(item: Item, stat: BigIntStats): void {
    if (!stat.isFile() || idOf(stat) !== item.id) throw new ConnectorError('not-found', 'no longer at this location');
  }

  return {
    source: { kind: 'filesystem', root: base },
    listing: 'full',
    capabilities: { delete: true, writeLabel: labels !== undefined },

    async *enumerate(cursor, enumerateOptions = {}): AsyncGenerator<Page> {
      const pageSize = Math.max(1, enumerateOptions.pageSize ?? options.pageSize ?? 200);
      try {
        if (!(await stat(base)).isDirectory()) throw new ConnectorError('not-found', 'not a folder');
      } catch (error) {
        if (error instanceof ConnectorError) throw error;
        throw new ConnectorError('not-found', 'the folder does not exist or cannot be read');
      }
      const written = labels ? await labels.read() : undefined;
      let page: Item[] = [];
      let unreadable: Unreadable[] = [];
      let lastSegments: string[] = [];
      const files = walk(base, {
        after: decodeCursor(cursor),
        exclude,
        excludeNames,
        onUnreadable: (segments, code) => unreadable.push({ location: segments.join('/'), reason: reasonOf(code) }),
      });
      const withUnreadable = (p: Page): Page => {
        if (unreadable.length) p.unreadable = unreadable;
        unreadable = [];
        return p;
      };
      for await (const { segments, stat } of files) {
        if (page.length === pageSize) {
          // Emitted only once the next file is known to exist, so the final page can say it is the last.
          yield withUnreadable({ items: page, nextCursor: encodeCursor(lastSegments), last: false });
          page = [];
          enumerateOptions.signal?.throwIfAborted();
        }
        const item = itemOf(segments, stat);
        const label = written?.get(item.id);
        if (label) item.labels = label;
        page.push(item);
        lastSegments = segments;
      }
      yield withUnreadable({ items: page, nextCursor: null, last: true });
    },

    async fetch(item, fetchOptions = {}) {
      const path = pathOf(item);
      let handle;
      try {
        handle = await open(path, 'r');
      } catch (error) {
        throw fsError(error);
      }
      try {
        const stat = await handle.stat({ bigint: true });
        check(item, stat);
        const size = Number(stat.size);
        const max = fetchOptions.maxBytes ?? Infinity;
        if (size > max) throw new ConnectorError('too-large', `too large: ${size} bytes (limit ${max})`);
        const bytes = new Uint8Array(size);
        let read = 0;
        while (read < size) {
          const { bytesRead } = await handle.read(bytes, read, size - read, read);
          if (bytesRead === 0) break;
          read += bytesRead;
        }
        return { bytes: read === size ? bytes : bytes.subarray(0, read), version: readVersionOf(stat) };
      } finally {
        await handle.close();
      }
    },

    async delete(item, version) {
      const path = pathOf(item);
      let stat;
      try {
        stat = await lstat(path, { bigint: true });
      } catch (error) {
        throw fsError(error);
      }
      check(item, stat);
      if (versionOf(stat) !== version) throw new ConnectorError('version-conflict', 'changed since it was classified');
      try {
        await unlink(path);
      } catch (error) {
        throw fsError(error);
      }
    },

    async writeLabel(item, itemLabels: ItemLabels) {
      if (!labels) throw new ConnectorError('unsupported', 'this folder connector has no labels file');
      check(item, await lstat(pathOf(item), { bigint: true }).catch((error: unknown) => Promise.reject(fsError(error))));
      await labels.write(item.id, itemLabels);
    },
  };
}

function idOf(stat: BigIntStats): string {
  return `${stat.dev}:${stat.ino}`;
}

/** The modification time in nanoseconds: any write changes it, a rename or move does not. */
function versionOf(stat: BigIntStats): string {
  return String(stat.mtimeNs);
}

/**
 * A file changed within the clock tick of its last write can keep its mtime (the "racy git" problem): content read
 * that fresh gets a version no listing will show, so the next scan reads it once more and compares the hash.
 */
const RACY_MS = 2000;
function readVersionOf(stat: BigIntStats): string {
  const version = versionOf(stat);
  return Date.now() - Number(stat.mtimeMs) < RACY_MS ? `${version}~racy` : version;
}

function itemOf(segments: string[], stat: BigIntStats): Item {
  return {
    id: idOf(stat),
    name: segments[segments.length - 1]!,
    location: segments.join('/'),
    size: Number(stat.size),
    version: versionOf(stat),
    modified: new Date(Number(stat.mtimeMs)).toISOString(),
    owner: `uid:${stat.uid}`,
  };
}

function reasonOf(code: string): string {
  return code === 'EACCES' || code === 'EPERM' ? 'permission denied' : `cannot be listed (${code})`;
}

function fsError(error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new ConnectorError('not-found', 'no longer at this location');
  if (code === 'EACCES' || code === 'EPERM') return new ConnectorError('access-denied', 'permission denied');
  return error instanceof Error ? error : new Error(String(error));
}

