import type { SandboxContext } from '../context.ts';
import { signToken } from '../http/tokens.ts';
import { ensureContentMeta, pathOf } from '../state/drives.ts';
import type { Drive, DriveItem } from '../state/model.ts';

const SYSTEM = { user: { displayName: 'Systeemaccount' } };

function guidOf(item: DriveItem): string {
  const h = item.id.slice(2).toLowerCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`.toUpperCase();
}

export const eTagOf = (item: DriveItem): string => `"{${guidOf(item)}},${item.eTagVersion}"`;
export const cTagOf = (item: DriveItem): string => `"c:{${guidOf(item)}},${item.cTagVersion}"`;

export function downloadUrlOf(context: SandboxContext, drive: Drive, item: DriveItem): string {
  const sig = signToken(context.secret, { d: drive.id, i: item.id, v: item.cTagVersion, x: Date.now() + context.downloadUrlTtlMs });
  return `${context.downloadBase}/download/${sig}`;
}

export interface ItemJsonOptions {
  select?: Set<string> | undefined;
  /** Delta omits cTag and parentReference.path (driveitem-delta remarks). */
  inDelta?: boolean;
}

/** A driveItem as Graph returns it; a deleted item is only {id, deleted, parentReference}. */
export function driveItemJson(context: SandboxContext, drive: Drive, item: DriveItem, options: ItemJsonOptions = {}): Record<string, unknown> {
  const parentReference: Record<string, unknown> = { driveType: drive.driveType, driveId: drive.id, siteId: drive.siteId };
  if (item.parentId) parentReference['id'] = item.parentId;
  if (item.deleted) return { id: item.id, deleted: {}, parentReference };
  if (!options.inDelta && item.parentId) parentReference['path'] = `/drives/${drive.id}/root:${pathOf(drive, item.parentId)}`;
  ensureContentMeta(item);
  const json: Record<string, unknown> = {
    id: item.id,
    name: item.name,
    eTag: eTagOf(item),
    createdDateTime: item.createdDateTime,
    lastModifiedDateTime: item.lastModifiedDateTime,
    webUrl: `${drive.webUrl}${encodeURI(pathOf(drive, item.id))}`,
    size: item.folder ? 0 : item.size,
    createdBy: SYSTEM,
    lastModifiedBy: SYSTEM,
    parentReference,
    fileSystemInfo: { createdDateTime: item.createdDateTime, lastModifiedDateTime: item.lastModifiedDateTime },
  };
  if (!options.inDelta && !item.folder) json['cTag'] = cTagOf(item);
  if (item.folder) json['folder'] = { childCount: drive.children.get(item.id)?.size ?? 0 };
  else json['file'] = { mimeType: item.mimeType, hashes: { quickXorHash: item.hash } };
  if (!item.parentId) json['root'] = {};
  if (options.select) {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(json)) if (key === 'id' || options.select.has(key)) out[key] = value;
    if (options.select.has('content.downloadUrl') && !item.folder) out['@microsoft.graph.downloadUrl'] = downloadUrlOf(context, drive, item);
    return out;
  }
  return json;
}

export function driveJson(context: SandboxContext, drive: Drive): Record<string, unknown> {
  const owner = drive.ownerUserId ? context.tenant.users.find((u) => u.id === drive.ownerUserId) : undefined;
  return {
    id: drive.id,
    name: drive.name,
    driveType: drive.driveType,
    createdDateTime: drive.items.get(drive.rootId)?.createdDateTime,
    webUrl: drive.webUrl,
    owner: owner ? { user: { id: owner.id, displayName: owner.displayName, email: owner.mail } } : { group: { displayName: drive.name } },
    quota: { total: 1099511627776, state: 'normal' },
  };
}
