import { createChangeLog } from './change-log.ts';
import { itemIdFrom } from './ids.ts';
import { mimeTypeOf } from './mime-types.ts';
import type { ContentSource, Drive, DriveItem } from './model.ts';
import { quickXorHash } from './quickxor.ts';

export interface DriveSpec {
  id: string;
  name: string;
  driveType: Drive['driveType'];
  siteId: string;
  listId: string;
  webUrl: string;
  ownerUserId?: string;
  createdDateTime: string;
}

const DEFAULT_COLUMNS = [
  { id: 'fa564e0f-0c70-4ab9-b863-0177e6ddd247', name: 'Title', displayName: 'Title', text: { allowMultipleLines: false, maxLength: 255 } },
];

export function createDrive(spec: DriveSpec): Drive {
  const rootId = itemIdFrom(spec.id, 'root');
  const drive: Drive = {
    ...spec,
    rootId,
    items: new Map(),
    children: new Map([[rootId, new Set()]]),
    byListItemId: new Map(),
    nextListItemId: 1,
    log: createChangeLog(),
    tokenEpoch: 1,
    columns: DEFAULT_COLUMNS.map((c) => ({ ...c })),
  };
  drive.items.set(rootId, {
    id: rootId, name: 'root', folder: true, size: 0, createdDateTime: spec.createdDateTime,
    lastModifiedDateTime: spec.createdDateTime, eTagVersion: 1, cTagVersion: 1, listItemId: 0, fields: {}, locked: false, deleted: false,
  });
  drive.log.touch(rootId);
  return drive;
}

export interface NewItem {
  parentId: string;
  name: string;
  folder?: boolean;
  content?: ContentSource;
  at: string;
}

export function addItem(drive: Drive, spec: NewItem): DriveItem {
  const parentPath = pathOf(drive, spec.parentId);
  const id = itemIdFrom(drive.id, `${parentPath}/${spec.name}`, String(drive.log.seq));
  const item: DriveItem = {
    id, name: spec.name, parentId: spec.parentId, folder: spec.folder ?? false, createdDateTime: spec.at,
    lastModifiedDateTime: spec.at, eTagVersion: 1, cTagVersion: 1, listItemId: drive.nextListItemId++, fields: {},
    locked: false, deleted: false,
  };
  if (spec.content) item.content = spec.content;
  if (!item.folder) item.mimeType = mimeTypeOf(spec.name);
  else drive.children.set(id, new Set());
  drive.items.set(id, item);
  drive.byListItemId.set(item.listItemId, id);
  drive.children.get(spec.parentId)?.add(id);
  drive.log.touch(id);
  return item;
}

/** The folder at `segments` under the root, created where missing. */
export function ensureFolder(drive: Drive, segments: string[], at: string): DriveItem {
  let current = drive.items.get(drive.rootId)!;
  for (const segment of segments) {
    current = childNamed(drive, current.id, segment) ?? addItem(drive, { parentId: current.id, name: segment, folder: true, at });
  }
  return current;
}

export function childNamed(drive: Drive, parentId: string, name: string): DriveItem | undefined {
  for (const id of drive.children.get(parentId) ?? []) {
    const child = drive.items.get(id);
    if (child && child.name.toLowerCase() === name.toLowerCase()) return child;
  }
  return undefined;
}

export function itemByPath(drive: Drive, path: string): DriveItem | undefined {
  let current: DriveItem | undefined = drive.items.get(drive.rootId);
  for (const segment of path.split('/').filter(Boolean)) {
    if (!current) return undefined;
    current = childNamed(drive, current.id, segment);
  }
  return current;
}

/** "" for the root, "/a/b" for an item. */
export function pathOf(drive: Drive, id: string): string {
  const names: string[] = [];
  let current = drive.items.get(id);
  while (current && current.parentId) {
    names.unshift(current.name);
    current = drive.items.get(current.parentId);
  }
  return names.length ? `/${names.join('/')}` : '';
}

/** Size and quickXorHash need the bytes; computed once per content version. */
export function ensureContentMeta(item: DriveItem): void {
  if (item.folder || (item.size !== undefined && item.hash !== undefined)) return;
  const bytes = item.content ? item.content() : Buffer.alloc(0);
  item.size = bytes.length;
  item.hash = quickXorHash(bytes);
}

export function changeContent(drive: Drive, item: DriveItem, content: ContentSource, at: string): void {
  item.content = content;
  delete item.size;
  delete item.hash;
  item.cTagVersion++;
  touchMetadata(drive, item, at);
}

/** A metadata-only change: new eTag, lastModified and a delta entry; cTag and hash stay (GRAPH.md §5). */
export function touchMetadata(drive: Drive, item: DriveItem, at: string): void {
  item.eTagVersion++;
  item.lastModifiedDateTime = at;
  drive.log.touch(item.id);
}

export function moveItem(drive: Drive, item: DriveItem, parentId: string, name: string, at: string): void {
  if (item.parentId) drive.children.get(item.parentId)?.delete(item.id);
  item.parentId = parentId;
  item.name = name;
  drive.children.get(parentId)?.add(item.id);
  // Renaming or moving a folder does not emit its descendants (driveitem-delta remarks).
  touchMetadata(drive, item, at);
}

/** Deletes an item and everything below it: each gets a tombstone in the delta log, children first. */
export function deleteItem(drive: Drive, item: DriveItem, at: string): void {
  for (const childId of [...(drive.children.get(item.id) ?? [])]) {
    const child = drive.items.get(childId);
    if (child && !child.deleted) deleteItem(drive, child, at);
  }
  if (item.parentId) drive.children.get(item.parentId)?.delete(item.id);
  item.deleted = true;
  item.lastModifiedDateTime = at;
  drive.byListItemId.delete(item.listItemId);
  drive.log.touch(item.id);
}

export function liveItem(drive: Drive, id: string): DriveItem | undefined {
  const item = drive.items.get(id);
  return item && !item.deleted ? item : undefined;
}
