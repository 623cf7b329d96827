import type { Label } from '../src/types.ts';

/**
 * Where documents live: a local folder, a SharePoint drive, a mailbox. A scan only talks to a source through this
 * interface, so a new source adds a connector and nothing else. Every implementation runs the shared conformance
 * suite (test/connectors/connector.conformance.ts).
 */
export interface Connector {
  /** Which source this is; the store keeps documents per source. */
  readonly source: SourceRef;
  /**
   * `full`: every complete enumeration lists every item, so an item missing from one was deleted (a folder).
   * `delta`: an enumeration from the cursor of a complete one lists only what changed and reports deletions in
   * `Page.removed` (Graph delta queries).
   */
  readonly listing: 'full' | 'delta';
  readonly capabilities: { readonly delete: boolean; readonly writeLabel: boolean };

  /**
   * The items, a page at a time. `cursor` is a `Page.nextCursor` from an earlier enumeration (resume after that
   * page), or absent/null for the start. Pages come in a stable order; the last page has `last: true`.
   */
  enumerate(cursor?: string | null, options?: EnumerateOptions): AsyncIterable<Page>;

  /** The item's content, as it is now. Fails with `too-large` above `maxBytes`, `not-found` when it is gone. */
  fetch(item: Item, options?: FetchOptions): Promise<Fetched>;

  /** Deletes the item if it is still at `version` (`version-conflict` if it changed since; `not-found` if gone). */
  delete(item: Item, version: string, options?: DeleteOptions): Promise<void>;

  /**
   * Records the labels on the item in the source itself (SharePoint columns, mail categories). Where the write moves
   * the item's version (an eTag, a change key), returns the new one, so the store can follow its own write and a
   * purge does not take it for someone else's change.
   */
  writeLabel(item: Item, labels: ItemLabels): Promise<string | void>;
}

/** How a purge deletes: into the source's recycle bin (the default, where it has one) or past it. */
export interface DeleteOptions {
  permanent?: boolean;
}

export interface SourceRef {
  /** `filesystem`, `sharepoint`, `onedrive`, `mail`. */
  kind: string;
  /** Where in that kind: an absolute folder path, a drive id, a mailbox. */
  root: string;
  /**
   * What people call it ("Personeelszaken · Personeelsdossiers", "OneDrive · Liya Dijkstra"), where the source
   * knows; `kind` + `root` stay the identity, so a renamed site is the same source with a new title.
   */
  title?: string;
  /** Where it opens in a browser (a library's or drive's web address); a document's link starts here. */
  webUrl?: string;
}

/** One document in a source. Metadata only: nothing of the content. */
export interface Item {
  /** Stable for the life of the document: survives renames and moves (dev+inode, a drive item id). */
  id: string;
  name: string;
  /** Where it is now, within the source (a relative path, a folder path in a drive). Changes on rename/move. */
  location: string;
  /** In bytes; 0 when the source does not tell before the content is read (a mail message). */
  size: number;
  /** Changes whenever the content may have changed (mtime, eTag/cTag). */
  version: string;
  /** ISO 8601 time of the last change. */
  modified: string;
  owner?: string;
  /** A hash the source computes itself (Graph: sha256Hash/quickXorHash), so a change can be ruled out unread. */
  contentHash?: { algorithm: string; value: string };
  /** Labels written to the source earlier, when the source keeps them. */
  labels?: ItemLabels;
}

export interface Page {
  items: Item[];
  /** Ids of items deleted since the cursor (delta listings only). */
  removed?: string[];
  /**
   * Folders (sites, mail folders) that could not be listed: the enumeration is then not complete, and nothing may
   * be concluded deleted for missing from it.
   */
  unreadable?: Unreadable[];
  /**
   * This page belongs to a complete enumeration of a `delta` source (its first listing, or a resync after the
   * source dropped the delta token: Graph's 410): once that enumeration ends, items it did not list are gone, as in
   * a `full` listing. Every page of such an enumeration says so, also after a resume from its cursor.
   */
  resync?: boolean;
  /**
   * Resumes after this page. On the last page: where the *next* scan starts (a delta link), or null to start over.
   */
  nextCursor: string | null;
  last: boolean;
}

export interface Unreadable {
  location: string;
  reason: string;
}

export interface EnumerateOptions {
  /** Items per page (a hint; a source may use its own). */
  pageSize?: number;
  signal?: AbortSignal;
}

export interface FetchOptions {
  /** Refuse content larger than this (`too-large`), before reading it where the source allows. */
  maxBytes?: number;
  signal?: AbortSignal;
}

export interface Fetched {
  bytes: Uint8Array;
  /**
   * The version of the content that was read (it may have changed since the item was listed). A source that cannot
   * vouch for it (a file written a moment ago) returns one no listing shows, so the next scan reads it again.
   */
  version: string;
}

/** What write-back puts on a document: the DMS field "soort persoonsgegevens", the type, the disposal date. */
export interface ItemLabels {
  label: Label;
  documentType?: string;
  disposeAfter?: string;
}

/** `locked`: the source holds the item open or checked out (SharePoint 423); try again later. */
export type ConnectorErrorCode = 'not-found' | 'version-conflict' | 'too-large' | 'access-denied' | 'unsupported' | 'locked';

/** A failure every connector reports the same way, so the scan and the purge job can act on `code`. */
export class ConnectorError extends Error {
  constructor(
    readonly code: ConnectorErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ConnectorError';
  }
}

export function isConnectorError(error: unknown, code?: ConnectorErrorCode): error is ConnectorError {
  return error instanceof ConnectorError && (code === undefined || error.code === code);
}
