import type { Item, ItemLabels } from '../connector.ts';
import type { Label } from '../../src/types.ts';
import { joinPath, type FolderTree } from './folder-tree.ts';

/** The fields of a driveItem the connector selects in delta (GRAPH.md §1, elastic's $select). */
export interface DriveItem {
  id: string;
  name?: string;
  size?: number;
  eTag?: string;
  cTag?: string;
  lastModifiedDateTime?: string;
  createdBy?: { user?: { id?: string } };
  file?: { mimeType?: string; hashes?: { quickXorHash?: string; sha256Hash?: string } };
  folder?: unknown;
  package?: unknown;
  root?: unknown;
  deleted?: unknown;
  parentReference?: { id?: string; path?: string; driveId?: string };
  '@microsoft.graph.downloadUrl'?: string;
  listItem?: { fields?: Record<string, unknown> };
}

export const DELTA_SELECT =
  'id,name,size,file,folder,deleted,parentReference,lastModifiedDateTime,createdBy,lastModifiedBy,eTag,cTag,content.downloadUrl,root,package';

/** The write-back columns (choice columns; the display names are what users see in the library). */
export const COLUMNS = {
  label: { name: 'BewaarderLabel', displayName: 'Bewaarder-label' },
  documentType: { name: 'BewaarderType', displayName: 'Bewaarder-type' },
  disposeAfter: { name: 'BewaarderBewarenTot', displayName: 'Bewaarder-bewaren-tot' },
} as const;

const LABELS: readonly Label[] = ['geen', 'generiek', 'bijzonder'];

/** Folders (and OneNote packages, which are folders of pages) are not documents; the root is the tree's top. */
export const isContainer = (d: DriveItem) => d.folder !== undefined || d.package !== undefined || d.root !== undefined;

export function itemOf(d: DriveItem, tree: FolderTree): Item {
  const name = d.name ?? d.id;
  const hash = d.file?.hashes?.quickXorHash;
  const item: Item = {
    id: d.id,
    name,
    location: joinPath(tree.pathOf(d.parentReference?.id), name),
    size: d.size ?? 0,
    // The eTag moves on any change (also our own column writes); content changes are told apart by the hash.
    version: d.eTag ?? d.cTag ?? d.lastModifiedDateTime ?? '',
    modified: new Date(d.lastModifiedDateTime ?? 0).toISOString(),
  };
  const owner = d.createdBy?.user?.id;
  if (owner) item.owner = `user:${owner}`;
  if (hash) item.contentHash = { algorithm: 'quickXorHash', value: hash };
  const labels = labelsOf(d.listItem?.fields);
  if (labels) item.labels = labels;
  return item;
}

export function labelsOf(fields: Record<string, unknown> | undefined): ItemLabels | undefined {
  const label = fields?.[COLUMNS.label.name];
  if (typeof label !== 'string' || !LABELS.includes(label as Label)) return undefined;
  const labels: ItemLabels = { label: label as Label };
  const type = fields?.[COLUMNS.documentType.name];
  if (typeof type === 'string' && type) labels.documentType = type;
  const date = fields?.[COLUMNS.disposeAfter.name];
  if (typeof date === 'string' && date) labels.disposeAfter = date.slice(0, 10);
  return labels;
}
