import { v1, type SandboxContext } from '../context.ts';
import { collection, preference, selectOf, project, wantsImmutableIds } from '../http/odata.ts';
import { graphError, json } from '../http/reply.ts';
import { decodeToken, encodeToken } from '../http/tokens.ts';
import type { Reply, SandboxRequest } from '../http/types.ts';
import type { ChangeLog } from '../state/change-log.ts';
import type { MailFolder, Mailbox } from '../state/model.ts';
import { idOf, messageJson } from './mail-json.ts';

/** `f`: changes after; `u`: upper bound of a page run; `c`: cursor; `ch`: changeType; `s`: $select; `e`: epoch. */
interface MailToken {
  f: number;
  u?: number;
  c?: number;
  ch?: string;
  s?: string;
  e: number;
}

const DEFAULT_PAGE = 10;
const MAX_PAGE = 1000;

export function mailDeltaCost(req: SandboxRequest): number {
  return req.query.has('$deltatoken') || req.query.has('$skiptoken') ? 1 : 2;
}

interface Walk {
  log: ChangeLog;
  path: string;
  context: string;
  /** The entity for a key, or a removal marker; undefined skips the key. */
  entity(key: string, since: number, immutable: boolean): Record<string, unknown> | 'removed' | undefined;
  removedId(key: string, immutable: boolean): string;
  odataType: string;
  /** Tokens from before this epoch are expired. */
  epoch: number;
}

/** Shared paging for mailFolders/delta and messages/delta: $skiptoken pages, a $deltatoken at the end. */
function deltaPage(context: SandboxContext, mailbox: Mailbox, walk: Walk, req: SandboxRequest): Reply {
  const skip = req.query.get('$skiptoken');
  const delta = req.query.get('$deltatoken');
  let token: MailToken | undefined = skip ?? delta ? decodeToken<MailToken>((skip ?? delta)!) : { f: 0, e: walk.epoch };
  if (!token || typeof token.f !== 'number') return graphError(400, 'invalidRequest', 'Invalid delta token.');
  if (!skip && !delta) {
    const ch = req.query.get('changeType');
    const s = req.query.get('$select');
    if (ch) token.ch = ch;
    if (s) token.s = s;
  }
  if (token.e < walk.epoch) {
    if (mailbox.expiryMode === 'resync') {
      const fresh = { f: 0, u: walk.log.seq, c: 0, e: walk.epoch, ...(token.s ? { s: token.s } : {}) };
      return graphError(410, 'resyncRequired', 'Resync required.', { Location: v1(context, `${walk.path}?$skiptoken=${encodeToken(fresh)}`) });
    }
    return graphError(400, 'syncStateNotFound', 'The sync state could not be found; it may have expired. Start a new sync without a token.');
  }
  if (token.u === undefined) token = { ...token, u: walk.log.seq, c: token.f };
  const requested = Number(preference(req.headers, 'odata.maxpagesize') ?? DEFAULT_PAGE);
  const size = Number.isInteger(requested) && requested > 0 ? Math.min(requested, MAX_PAGE) : DEFAULT_PAGE;
  const immutable = wantsImmutableIds(req.headers);
  const select = token.s ? new Set(token.s.split(',')) : selectOf(req.query);
  const value: Record<string, unknown>[] = [];
  let cursor = token.c!;
  let more = false;
  for (const entry of walk.log.since(cursor, token.u!)) {
    if (value.length >= size) {
      more = true;
      break;
    }
    cursor = entry.seq;
    const entity = walk.entity(entry.key, token.f, immutable);
    if (entity === undefined) continue;
    if (entity === 'removed') {
      if (token.f === 0 || (token.ch && token.ch !== 'deleted')) continue;
      value.push({ '@odata.type': walk.odataType, id: walk.removedId(entry.key, immutable), '@removed': { reason: 'deleted' } });
      continue;
    }
    const created = entity['@created'] === true;
    delete entity['@created'];
    if (token.ch === 'deleted' || (token.ch === 'created' && !created) || (token.ch === 'updated' && created)) continue;
    value.push(project(entity, select));
  }
  const next: MailToken = more ? { ...token, c: cursor } : { f: token.u!, e: token.e, ...(token.ch ? { ch: token.ch } : {}), ...(token.s ? { s: token.s } : {}) };
  const links = more
    ? { '@odata.nextLink': v1(context, `${walk.path}?$skiptoken=${encodeToken(next)}`) }
    : { '@odata.deltaLink': v1(context, `${walk.path}?$deltatoken=${encodeToken(next)}`) };
  const headers: Record<string, string> = { 'Preference-Applied': `odata.maxpagesize=${size}${immutable ? ', IdType="ImmutableId"' : ''}` };
  return json(collection(walk.context, value, links), 200, headers);
}

export function folderJson(mailbox: Mailbox, folder: MailFolder): Record<string, unknown> {
  const children = [...mailbox.folders.values()].filter((f) => !f.deleted && f.parentFolderId === folder.id).length;
  return {
    id: folder.id, displayName: folder.displayName, parentFolderId: folder.parentFolderId, childFolderCount: children,
    unreadItemCount: 0, totalItemCount: folder.members.size, sizeInBytes: 0, isHidden: false,
  };
}

export function folderDelta(context: SandboxContext, mailbox: Mailbox, req: SandboxRequest): Reply {
  return deltaPage(context, mailbox, {
    log: mailbox.folderLog,
    path: `/users/${mailbox.userId}/mailFolders/delta`,
    context: `${context.base}/v1.0/$metadata#Collection(mailFolder)`,
    odataType: '#microsoft.graph.mailFolder',
    epoch: mailbox.tokenEpoch,
    entity(key, since) {
      const folder = mailbox.folders.get(key)!;
      if (folder.deleted) return 'removed';
      return { ...folderJson(mailbox, folder), '@created': mailbox.folderLog.latest(key)! > since };
    },
    removedId: (key) => key,
  }, req);
}

export function messageDelta(context: SandboxContext, mailbox: Mailbox, folder: MailFolder, req: SandboxRequest): Reply {
  return deltaPage(context, mailbox, {
    log: folder.log,
    path: `/users/${mailbox.userId}/mailFolders/${folder.id}/messages/delta`,
    context: `${context.base}/v1.0/$metadata#Collection(message)`,
    odataType: '#microsoft.graph.message',
    epoch: mailbox.tokenEpoch + folder.tokenEpoch,
    entity(key, since, immutable) {
      if (!folder.members.has(key)) return 'removed';
      const message = mailbox.messages.get(key)!;
      return { ...messageJson(message, immutable), '@created': (folder.entered.get(key) ?? 0) > since };
    },
    removedId: (key, immutable) => (immutable ? key : folder.restIds.get(key) ?? key),
  }, req);
}

export { idOf };
