import type { EnumerateOptions, Item, Page } from '../connector.ts';
import type { GraphTransport } from '../graph/transport.ts';
import type { FolderTree } from '../sharepoint/folder-tree.ts';
import { deltaCost, seg } from '../sharepoint/graph-errors.ts';
import { isExpiredToken, syncFolders } from './folders.ts';
import { decodeMailCursor, encodeMailCursor, START, type MailCursor } from './mail-cursor.ts';
import { IMMUTABLE, MESSAGE_SELECT, messageItem, type GraphMessage } from './message.ts';

interface MessagePage {
  value?: GraphMessage[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

export interface MailDeltaContext {
  transport: GraphTransport;
  userId: string;
  tree: FolderTree;
}

/**
 * A mailbox, page by page: the folder sync first, then each folder's message delta (one Graph request per page,
 * with immutable ids and the page size as `Prefer: odata.maxpagesize`). A removal is checked before it is reported:
 * a message moved to another folder is removed from the old one's delta too, and must not count as deleted.
 * An expired token anywhere lists the whole mailbox again, as a resync.
 */
export async function* mailDelta(context: MailDeltaContext, raw: string | null | undefined, options: EnumerateOptions = {}): AsyncGenerator<Page> {
  const { transport, userId, tree } = context;
  const prefer = `${IMMUTABLE}, odata.maxpagesize=${Math.max(1, Math.min(options.pageSize ?? 100, 1000))}`;
  const signal = options.signal ? { signal: options.signal } : {};
  let cursor = decodeMailCursor(raw);
  await tree.ready();
  const sync = await syncFolders(transport, userId, tree, cursor.folderLink, options.signal);
  if (sync.resync && !cursor.resync) cursor = { ...structuredClone(START), folderLink: sync.deltaLink };
  cursor.folderLink = sync.deltaLink;
  // A renamed folder's messages are not in its delta: list it from the start (no deletions concluded from that).
  for (const folder of sync.renamed) {
    delete cursor.links[folder];
    for (const child of tree.ids()) if (tree.pathOf(child).startsWith(`${tree.pathOf(folder)}/`)) delete cursor.links[child];
  }

  restart: for (;;) {
    const folders = tree.ids().sort().filter((f) => !cursor.done.includes(f));
    if (folders.length === 0) {
      yield { items: [], ...(cursor.resync ? { resync: true } : {}), nextCursor: encodeMailCursor(finished(cursor)), last: true };
      return;
    }
    for (const [index, folder] of folders.entries()) {
      const lastFolder = index === folders.length - 1;
      const fresh = `/users/${seg(userId)}/mailFolders/${seg(folder)}/messages/delta?$select=${MESSAGE_SELECT}`;
      let url = cursor.current?.folder === folder ? cursor.current.link : (cursor.links[folder] ?? fresh);
      for (;;) {
        options.signal?.throwIfAborted();
        let body: MessagePage;
        try {
          body = (await transport.request<MessagePage>({ url, cost: deltaCost(url), headers: { Prefer: prefer }, mailbox: userId, ...signal })).body;
        } catch (error) {
          if (!isExpiredToken(error)) throw error;
          // Deletions during the gap are unknown now: list every folder again and sweep what is missing.
          cursor = { ...structuredClone(START), folderLink: cursor.folderLink };
          continue restart;
        }
        const { items, removed } = await pageOf(body.value ?? [], tree.pathOf(folder), context, signal);
        const next = body['@odata.nextLink'];
        const delta = body['@odata.deltaLink'];
        if (next) cursor.current = { folder, link: next };
        else if (delta) {
          cursor.links[folder] = delta;
          cursor.done.push(folder);
          delete cursor.current;
        } else throw new Error('Graph message delta page without a next or delta link');
        const last = !next && lastFolder;
        const page: Page = { items, nextCursor: encodeMailCursor(last ? finished(cursor) : cursor), last };
        if (removed.length) page.removed = removed;
        if (cursor.resync) page.resync = true;
        yield page;
        if (!next) break;
        url = next;
      }
    }
    return;
  }
}

/** Where the next scan starts: every folder's delta link, nothing in progress. Links of folders gone are dropped. */
function finished(c: MailCursor): MailCursor {
  return { v: 1, folderLink: c.folderLink, links: Object.fromEntries(Object.entries(c.links).filter(([f]) => c.done.includes(f))), done: [], resync: false };
}

async function pageOf(values: readonly GraphMessage[], folderPath: string, context: MailDeltaContext, signal: { signal?: AbortSignal }) {
  const last = new Map<string, GraphMessage>();
  for (const m of values) {
    last.delete(m.id);
    last.set(m.id, m);
  }
  const items: Item[] = [];
  const gone: string[] = [];
  for (const m of last.values()) {
    if (m['@removed'] !== undefined) gone.push(m.id);
    else items.push(messageItem(m, folderPath, context.userId));
  }
  return { items, removed: gone.length ? await reallyGone(gone, context, signal) : [] };
}

/** Of the messages a folder's delta says were removed, those that no longer exist anywhere in the mailbox. */
async function reallyGone(ids: readonly string[], context: MailDeltaContext, signal: { signal?: AbortSignal }): Promise<string[]> {
  const { transport, userId } = context;
  const answers = await transport.batch(
    ids.map((id) => ({ url: `/users/${seg(userId)}/messages/${seg(id)}?$select=id`, headers: { Prefer: IMMUTABLE }, mailbox: userId, accept: [404], ...signal })),
  );
  return ids.filter((_, i) => answers[i]?.status === 404);
}
