import { isGraphError } from '../graph/graph-error.ts';
import type { GraphTransport } from '../graph/transport.ts';
import type { FolderTree } from '../sharepoint/folder-tree.ts';
import { deltaCost, seg } from '../sharepoint/graph-errors.ts';
import { IMMUTABLE } from './message.ts';

interface GraphFolder {
  id: string;
  displayName?: string;
  parentFolderId?: string;
  '@removed'?: unknown;
}

interface FolderPage {
  value?: GraphFolder[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

export interface FolderSync {
  /** Where the next folder sync starts. */
  deltaLink: string;
  /** A folder went away (or the token expired): the whole mailbox must be listed again to know what is gone. */
  resync: boolean;
  /** Folders renamed or moved: their messages are listed again, at their new location. */
  renamed: string[];
}

/** True for the errors Graph gives for an expired delta token: 410 Gone, or a 40x with `syncStateNotFound`. */
export const isExpiredToken = (error: unknown) =>
  isGraphError(error) && (error.status === 410 || error.code === 'syncStateNotFound' || error.code === 'SyncStateNotFound');

/**
 * The mailbox's folder tree from mailFolders/delta (all folders, nested ones included), kept in `tree` (saved in
 * the store). A rescan of an unchanged mailbox costs one request here.
 */
export async function syncFolders(
  transport: GraphTransport,
  userId: string,
  tree: FolderTree,
  from: string | null,
  signal?: AbortSignal,
): Promise<FolderSync> {
  const start = `/users/${seg(userId)}/mailFolders/delta?$select=id,displayName,parentFolderId`;
  let url = from ?? start;
  let resync = from === null;
  const renamed: string[] = [];
  for (;;) {
    let body: FolderPage;
    try {
      const response = await transport.request<FolderPage>({ url, cost: deltaCost(url), headers: { Prefer: IMMUTABLE }, mailbox: userId, ...(signal ? { signal } : {}) });
      body = response.body;
    } catch (error) {
      if (!isExpiredToken(error) || url === start) throw error;
      url = start;
      resync = true;
      continue;
    }
    for (const f of body.value ?? []) {
      if (f['@removed'] !== undefined) {
        if (tree.has(f.id)) resync = true; // its messages went with it, and delta will not name them
        tree.remove(f.id);
      } else if (tree.put({ id: f.id, parentId: f.parentFolderId ?? '', name: f.displayName ?? f.id })) renamed.push(f.id);
    }
    await tree.flush();
    if (body['@odata.nextLink']) url = body['@odata.nextLink'];
    else if (body['@odata.deltaLink']) return { deltaLink: body['@odata.deltaLink'], resync, renamed };
    else throw new Error('Graph mail folder delta page without a next or delta link');
  }
}
