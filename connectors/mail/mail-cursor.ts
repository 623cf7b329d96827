/**
 * Where a mailbox listing resumes. Delta works per mail folder (GRAPH.md §2), so the cursor holds the folder
 * delta link and one message delta link per folder; during a run also which folders are done in this enumeration
 * and the nextLink of the one in progress. `resync`: this enumeration lists the whole mailbox (the first one, or
 * after an expired token), so what it does not list is gone.
 */
export interface MailCursor {
  v: 1;
  folderLink: string | null;
  links: Record<string, string>;
  done: string[];
  current?: { folder: string; link: string };
  resync: boolean;
}

export const START: MailCursor = { v: 1, folderLink: null, links: {}, done: [], resync: true };

export function decodeMailCursor(raw: string | null | undefined): MailCursor {
  if (!raw) return structuredClone(START);
  try {
    const c = JSON.parse(raw) as Partial<MailCursor>;
    if (c.v === 1 && typeof c.links === 'object' && Array.isArray(c.done) && typeof c.resync === 'boolean') {
      return { v: 1, folderLink: c.folderLink ?? null, links: { ...c.links }, done: [...c.done], resync: c.resync, ...(c.current ? { current: c.current } : {}) };
    }
  } catch {
    // an unknown cursor: start over
  }
  return structuredClone(START);
}

export const encodeMailCursor = (c: MailCursor) => JSON.stringify(c);
