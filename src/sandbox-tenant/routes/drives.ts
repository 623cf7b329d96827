import type { SandboxContext } from '../context.ts';
import { collection, selectOf } from '../http/odata.ts';
import { graphError, json } from '../http/reply.ts';
import { route } from '../http/router.ts';
import type { Reply, Route } from '../http/types.ts';
import type { Drive } from '../state/model.ts';
import { deltaCost, driveDelta } from './drive-delta.ts';
import { downloadUrlOf, driveItemJson, driveJson } from './drive-json.ts';
import { findDrive, findItem, isReply, siteDrive, userDrive } from './lookup.ts';

/** Drives, items, children, content and delta (GRAPH.md sandbox items 5). */
export function driveRoutes(context: SandboxContext): Route[] {
  const withDrive = (resolve: (p: Record<string, string>) => Drive | Reply, then: (drive: Drive, p: Record<string, string>, req: Parameters<Route['handle']>[0]) => Reply) =>
    (req: Parameters<Route['handle']>[0], p: Record<string, string>): Reply => {
      const drive = resolve(p);
      return isReply(drive) ? drive : then(drive, p, req);
    };
  const byId = (p: Record<string, string>) => findDrive(context, p['drive']!);
  const ofUser = (p: Record<string, string>) => userDrive(context, p['user']!);
  const ofSite = (p: Record<string, string>) => siteDrive(context, p['site']!);
  const delta = (drive: Drive, _p: unknown, req: Parameters<Route['handle']>[0]) => driveDelta(context, drive, req);
  const getItem = (drive: Drive, p: Record<string, string>, req: Parameters<Route['handle']>[0]): Reply => {
    const item = findItem(drive, p['item'] ?? 'root');
    return isReply(item) ? item : json(driveItemJson(context, drive, item, { select: selectOf(req.query) }));
  };
  const content = (drive: Drive, p: Record<string, string>): Reply => {
    const item = findItem(drive, p['item']!);
    if (isReply(item)) return item;
    if (item.folder) return graphError(400, 'invalidRequest', 'Cannot download a folder.');
    return { status: 302, headers: { Location: downloadUrlOf(context, drive, item) } };
  };
  const children = (drive: Drive, p: Record<string, string>, req: Parameters<Route['handle']>[0]): Reply => {
    const item = findItem(drive, p['item'] ?? 'root');
    if (isReply(item)) return item;
    const select = selectOf(req.query);
    const value = [...(drive.children.get(item.id) ?? [])].map((id) => driveItemJson(context, drive, drive.items.get(id)!, { select }));
    return json(collection(`${context.base}/v1.0/$metadata#Collection(driveItem)`, value));
  };
  return [
    route('GET', '/drives/:drive', { handle: withDrive(byId, (d) => json(driveJson(context, d))) }),
    route('GET', '/users/:user/drive', { handle: withDrive(ofUser, (d) => json(driveJson(context, d))) }),
    route('GET', '/sites/:site/drive', { handle: withDrive(ofSite, (d) => json(driveJson(context, d))) }),
    route('GET', '/drives/:drive/root/delta', { cost: deltaCost, handle: withDrive(byId, delta) }),
    route('GET', '/users/:user/drive/root/delta', { cost: deltaCost, handle: withDrive(ofUser, delta) }),
    route('GET', '/sites/:site/drive/root/delta', { cost: deltaCost, handle: withDrive(ofSite, delta) }),
    route('GET', '/drives/:drive/root', { handle: withDrive(byId, getItem) }),
    route('GET', '/drives/:drive/items/:item', { handle: withDrive(byId, getItem) }),
    route('GET', '/drives/:drive/root/children', { cost: 2, handle: withDrive(byId, children) }),
    route('GET', '/drives/:drive/items/:item/children', { cost: 2, handle: withDrive(byId, children) }),
    route('GET', '/drives/:drive/items/:item/content', { handle: withDrive(byId, content) }),
  ];
}
