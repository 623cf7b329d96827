import type { Item } from '../connector.ts';
import type { DeltaBody, DeltaContext } from './drive-delta.ts';
import { isContainer, itemOf } from './drive-item.ts';

/** Items not already in the page, added after it (last wins within a page; these are as current). */
export function merge(items: Item[], more: readonly Item[]): Item[] {
  const ids = new Set(items.map((i) => i.id));
  return [...items, ...more.filter((i) => !ids.has(i.id))];
}

/**
 * Graph's delta lists a renamed or moved folder, not what is inside it; the files below it are listed here through
 * the children listings (paged; 2 resource units a page), so the scan records their new locations.
 */
export async function descendants(context: DeltaContext, folders: readonly string[], signal?: AbortSignal): Promise<Item[]> {
  const out: Item[] = [];
  const queue = [...folders];
  for (let folder = queue.shift(); folder !== undefined; folder = queue.shift()) {
    let url: string | undefined = context.childrenUrl(folder);
    while (url) {
      const body: DeltaBody = (await context.transport.request<DeltaBody>({ url, cost: 2, ...(signal ? { signal } : {}) })).body;
      for (const d of body.value ?? []) {
        if (isContainer(d)) {
          context.tree.put({ id: d.id, parentId: d.parentReference?.id ?? folder, name: d.name ?? d.id });
          queue.push(d.id);
        } else if (d.file !== undefined) {
          const downloadUrl = d['@microsoft.graph.downloadUrl'];
          if (downloadUrl) context.rememberDownload(d.id, downloadUrl);
          out.push(itemOf(d, context.tree));
        }
      }
      url = body['@odata.nextLink'];
    }
  }
  return out;
}

