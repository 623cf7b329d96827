/**
 * What a connector needs kept between runs beyond the scan cursor. Graph delta names an item's parent id, not its
 * path, so the folder tree is kept here (a resumed or a later scan still knows where every item is); and what
 * write-back last put on each document, so a rescan writes only what changed. Names and labels only, as in a
 * document's location; nothing of any content.
 */
export interface ConnectorStateStore {
  /** Every folder recorded for the source: id → parent id (null for a root) and name. */
  folders(sourceId: number): Promise<Map<string, FolderEntry>>;
  /** Records new or changed folders and forgets removed ones, in one transaction. */
  saveFolders(sourceId: number, put: readonly FolderEntry[], remove: readonly string[]): Promise<void>;
  /** What write-back last wrote per item id (an opaque string, e.g. JSON of the labels). */
  writtenLabels(sourceId: number): Promise<Map<string, string>>;
  /**
   * Records a write; with `version`, the document's stored version follows the write (from → to, only while it is
   * still `from`), so the store's version is the one the source now shows and a purge's If-Match matches it.
   */
  recordWrittenLabels(sourceId: number, itemId: string, written: string, version?: { from: string; to: string }): Promise<void>;
}

export interface FolderEntry {
  id: string;
  parentId: string | null;
  name: string;
}
