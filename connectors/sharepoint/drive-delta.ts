import type { EnumerateOptions, Item, Page } from '../connector.ts';
import { isGraphError } from '../graph/graph-error.ts';
import type { GraphTransport } from '../graph/transport.ts';
import { isContainer, itemOf, type DriveItem } from './drive-item.ts';
import { descendants, merge } from './renamed-folders.ts';
import type { FolderTree } from './folder-tree.ts';
import { deltaCost } from './graph-errors.ts';

/**
 * Where a drive listing resumes: the Graph link to request next (a nextLink during a run; on the last page the
 * deltaLink, where the next scan starts), and whether the enumeration it belongs to lists everything (the first
 * one, or a resync after a 410): then, once it ends, what it did not list is gone.
 */
interface DriveCursor {
  v: 1;
  link: string;
  resync: boolean;
  /** The last items handed out (id → version): Graph may repeat them at the top of the next page. */
  tail?: Record<string, string>;
}

/** How many of a page's last items the cursor remembers to drop repeats. */
const TAIL = 20;

export function decodeDriveCursor(raw: string | null | undefined): DriveCursor | null {
  if (!raw) return null;
  try {
    const c = JSON.parse(raw) as Partial<DriveCursor>;
    if (c.v === 1 && typeof c.link === 'string' && typeof c.resync === 'boolean') return c as DriveCursor;
  } catch {
    // an unknown cursor: start over
  }
  return null;
}

function encode(link: string, resync: boolean, items: readonly Item[] = []): string {
  const cursor: DriveCursor = { v: 1, link, resync };
  if (items.length) cursor.tail = Object.fromEntries(items.slice(-TAIL).map((i) => [i.id, i.version]));
  return JSON.stringify(cursor);
}

export interface DeltaBody {
  value?: DriveItem[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

export interface DeltaContext {
  transport: GraphTransport;
  tree: FolderTree;
  /** The first request of a full enumeration (`/drives/{id}/root/delta?$select=…`). */
  startUrl: string;
  /** Download URLs seen in the listing, for fetch (short-lived, never stored). */
  rememberDownload(id: string, url: string): void;
  /** The children listing of a folder (`/drives/{id}/items/{folder}/children?$select=…`). */
  childrenUrl(folderId: string): string;
  /** Adds the labels written back earlier to the page's items (optional: costs a request per item). */
  addLabels?(items: Item[]): Promise<void>;
}



/**
 * The drive's root delta, page by page: one Graph request per page, the folder tree kept up to date (and saved
 * before the page is handed out, so a resume from its cursor knows every folder above its items), duplicates
 * within a page resolved last-wins, deletions reported in `removed`. A 410 (the delta token expired) restarts from
 * the Location Graph gives, as a resync: every page after it is marked, and the scan sweeps what it did not list.
 */
export async function* driveDelta(context: DeltaContext, raw: string | null | undefined, options: EnumerateOptions = {}): AsyncGenerator<Page> {
  const cursor = decodeDriveCursor(raw);
  let url = cursor?.link ?? context.startUrl;
  let resync = cursor?.resync ?? true;
  // Graph repeats items across pages; the same version handed out just before is dropped (last wins otherwise).
  let handedOut = new Map(Object.entries(cursor?.tail ?? {}));
  await context.tree.ready();
  for (;;) {
    options.signal?.throwIfAborted();
    let body: DeltaBody;
    try {
      body = (await context.transport.request<DeltaBody>({ url, cost: deltaCost(url), ...(options.signal ? { signal: options.signal } : {}) })).body;
    } catch (error) {
      if (!isGraphError(error, 410)) throw error;
      url = error.location ?? context.startUrl;
      resync = true;
      continue;
    }
    const { renamed, ...page } = pageOf(body.value ?? [], context);
    page.items = page.items.filter((i) => handedOut.get(i.id) !== i.version);
    // Delta does not list what is inside a renamed or moved folder; its files are listed here, at their new place.
    if (renamed.length) page.items = merge(page.items, await descendants(context, renamed, options.signal));
    if (context.addLabels && page.items.length) await context.addLabels(page.items);
    await context.tree.flush();
    handedOut = new Map(page.items.map((i) => [i.id, i.version]));
    const next = body['@odata.nextLink'];
    const delta = body['@odata.deltaLink'];
    if (next) {
      yield { ...page, ...(resync ? { resync } : {}), nextCursor: encode(next, resync, page.items), last: false };
      url = next;
      continue;
    }
    if (!delta) throw new Error('Graph delta page without a next or delta link');
    yield { ...page, ...(resync ? { resync } : {}), nextCursor: encode(delta, false), last: true };
    return;
  }
}

function pageOf(values: readonly DriveItem[], context: DeltaContext): Pick<Page, 'items' | 'removed'> & { renamed: string[] } {
  // The same item can come more than once, even within a page: the last occurrence wins (GRAPH.md §2).
  const last = new Map<string, DriveItem>();
  for (const d of values) {
    last.delete(d.id);
    last.set(d.id, d);
  }
  const items: Item[] = [];
  const removed: string[] = [];
  const renamed: string[] = [];
  // Folders first, so files below a folder listed on the same page find their path.
  for (const d of last.values()) {
    if (!isContainer(d) || d.deleted !== undefined) continue;
    const moved = context.tree.put({ id: d.id, parentId: d.root !== undefined ? null : (d.parentReference?.id ?? null), name: d.root !== undefined ? '' : (d.name ?? d.id) });
    if (moved && d.root === undefined) renamed.push(d.id);
  }
  for (const d of last.values()) {
    if (d.deleted !== undefined) {
      if (context.tree.has(d.id)) context.tree.remove(d.id);
      else removed.push(d.id);
      continue;
    }
    if (isContainer(d) || d.file === undefined) continue;
    const downloadUrl = d['@microsoft.graph.downloadUrl'];
    if (downloadUrl) context.rememberDownload(d.id, downloadUrl);
    items.push(itemOf(d, context.tree));
  }
  return removed.length ? { items, removed, renamed } : { items, renamed };
}
