import type { SandboxContext } from '../context.ts';
import { badJson, graphError, json, noContent, parseJsonBody } from '../http/reply.ts';
import { route } from '../http/router.ts';
import type { Params, Reply, Route, SandboxRequest } from '../http/types.ts';
import { deleteItem, liveItem, touchMetadata } from '../state/drives.ts';
import type { Drive, DriveItem } from '../state/model.ts';
import { cTagOf, eTagOf } from './drive-json.ts';
import { findDrive, findItem, isReply } from './lookup.ts';

/** The quoted entity tags in an If-Match header (eTags contain commas, so a plain split would break them). */
const tagsOf = (header: string): string[] => [...header.matchAll(/(?:W\/)?("[^"]*")/g)].map((m) => m[1]!);

/** If-Match against the eTag (and for deletes also the cTag, as driveitem-delete allows); '*' matches anything. */
function preconditionFails(req: SandboxRequest, item: DriveItem, allowCTag: boolean): Reply | undefined {
  const given = req.headers['if-match'];
  if (!given || given.trim() === '*') return undefined;
  const tags = tagsOf(given);
  if (tags.includes(eTagOf(item)) || (allowCTag && tags.includes(cTagOf(item)))) return undefined;
  return graphError(412, 'preconditionFailed', 'ETag does not match current item\'s value');
}

export function fieldsJson(drive: Drive, item: DriveItem): Record<string, unknown> {
  return { '@odata.etag': eTagOf(item), id: String(item.listItemId), FileLeafRef: item.name, ...item.fields };
}

export function listItemJson(context: SandboxContext, drive: Drive, item: DriveItem): Record<string, unknown> {
  return {
    '@odata.etag': eTagOf(item), id: String(item.listItemId), createdDateTime: item.createdDateTime,
    lastModifiedDateTime: item.lastModifiedDateTime, webUrl: `${drive.webUrl}/${encodeURIComponent(item.name)}`,
    parentReference: { id: drive.listId, siteId: drive.siteId }, contentType: { name: item.folder ? 'Folder' : 'Document' },
    fields: fieldsJson(drive, item), sharepointIds: { listId: drive.listId, listItemId: String(item.listItemId), siteId: drive.siteId },
  };
}

/** Drive item of /sites/{s}/lists/{l}/items/{n}: the drive whose list it is, the item by its list item id. */
function listTarget(context: SandboxContext, p: Params): { drive: Drive; item: DriveItem } | Reply {
  const drive = [...context.tenant.drives.values()].find((d) => d.listId === p['list'] && d.siteId === p['site']);
  if (!drive) return graphError(404, 'itemNotFound', 'The list was not found.');
  const id = drive.byListItemId.get(Number(p['n']));
  const item = id ? liveItem(drive, id) : undefined;
  return item ? { drive, item } : graphError(404, 'itemNotFound', 'The list item was not found.');
}

function driveTarget(context: SandboxContext, p: Params): { drive: Drive; item: DriveItem } | Reply {
  const drive = findDrive(context, p['drive']!);
  if (isReply(drive)) return drive;
  const item = findItem(drive, p['item']!);
  return isReply(item) ? item : { drive, item };
}

type Target = (context: SandboxContext, p: Params) => { drive: Drive; item: DriveItem } | Reply;

function on(context: SandboxContext, target: Target, then: (t: { drive: Drive; item: DriveItem }, req: SandboxRequest) => Reply) {
  return (req: SandboxRequest, p: Params): Reply => {
    const t = target(context, p);
    return isReply(t) ? t : then(t, req);
  };
}

/** Column writes, retention labels and deletes (GRAPH.md §5–6 and sandbox item 6). */
export function driveWriteRoutes(context: SandboxContext): Route[] {
  const patchFields = ({ drive, item }: { drive: Drive; item: DriveItem }, req: SandboxRequest): Reply => {
    const body = parseJsonBody(req.body);
    if (!body) return badJson();
    const failed = preconditionFails(req, item, false);
    if (failed) return failed;
    const known = new Set(drive.columns.map((c) => c.name.toLowerCase()));
    const unknown = Object.keys(body).find((k) => !known.has(k.toLowerCase()));
    if (unknown) return graphError(400, 'invalidRequest', `Field '${unknown}' is not recognized`);
    Object.assign(item.fields, body);
    touchMetadata(drive, item, context.now());
    return json(fieldsJson(drive, item));
  };
  const setLabel = ({ drive, item }: { drive: Drive; item: DriveItem }, req: SandboxRequest): Reply => {
    const body = parseJsonBody(req.body);
    if (!body || typeof body['name'] !== 'string' || !body['name']) return graphError(400, 'invalidRequest', 'A retention label name is required.');
    const first = !item.retentionLabel;
    item.retentionLabel = { name: body['name'], labelAppliedDateTime: context.now() };
    touchMetadata(drive, item, context.now());
    return json(labelJson(item), first ? 201 : 200);
  };
  const remove = (permanent: boolean) => ({ drive, item }: { drive: Drive; item: DriveItem }, req: SandboxRequest): Reply => {
    const failed = preconditionFails(req, item, true);
    if (failed) return failed;
    if (item.locked) return graphError(423, 'resourceLocked', 'The resource you are attempting to access is locked');
    if (!item.parentId) return graphError(403, 'accessDenied', 'The root of a drive cannot be deleted.');
    deleteItem(drive, item, context.now());
    if (permanent) item.content = () => Buffer.alloc(0);
    return noContent;
  };
  const drv = (then: (t: { drive: Drive; item: DriveItem }, req: SandboxRequest) => Reply) => on(context, driveTarget, then);
  return [
    route('PATCH', '/drives/:drive/items/:item/listItem/fields', { cost: 2, handle: drv(patchFields) }),
    route('PATCH', '/sites/:site/lists/:list/items/:n/fields', { cost: 2, handle: on(context, listTarget, patchFields) }),
    route('GET', '/drives/:drive/items/:item/listItem', { handle: drv(({ drive, item }) => json(listItemJson(context, drive, item))) }),
    route('GET', '/sites/:site/lists/:list/items/:n', { handle: on(context, listTarget, ({ drive, item }) => json(listItemJson(context, drive, item))) }),
    route('GET', '/drives/:drive/items/:item/listItem/fields', { handle: drv(({ drive, item }) => json(fieldsJson(drive, item))) }),
    route('PATCH', '/drives/:drive/items/:item/retentionLabel', { cost: 2, handle: drv(setLabel) }),
    route('GET', '/drives/:drive/items/:item/retentionLabel', {
      handle: drv(({ item }) => (item.retentionLabel ? json(labelJson(item)) : graphError(404, 'itemNotFound', 'No retention label is applied.'))),
    }),
    route('DELETE', '/drives/:drive/items/:item', { cost: 2, handle: drv(remove(false)) }),
    route('POST', '/drives/:drive/items/:item/permanentDelete', { cost: 2, handle: drv(remove(true)) }),
  ];
}

function labelJson(item: DriveItem): Record<string, unknown> {
  return {
    name: item.retentionLabel?.name, isLabelAppliedExplicitly: true, labelAppliedDateTime: item.retentionLabel?.labelAppliedDateTime,
    labelAppliedBy: { application: { displayName: 'Bewaarder' } },
    retentionSettings: { behaviorDuringRetentionPeriod: 'retain', isDeleteAllowed: true, isRecordLocked: false, isMetadataUpdateAllowed: true, isContentUpdateAllowed: true, isLabelUpdateAllowed: true },
  };
}
