import type { SandboxContext } from '../context.ts';
import { collection, project, selectOf, wantsImmutableIds } from '../http/odata.ts';
import { badJson, graphError, json, noContent, parseJsonBody } from '../http/reply.ts';
import { route } from '../http/router.ts';
import type { Params, Reply, Route, SandboxRequest } from '../http/types.ts';
import { deleteMessage, folderById, messageById, moveMessage, updateMessage } from '../state/mail.ts';
import type { Mailbox, Message } from '../state/model.ts';
import { writeMime } from '../mime/mime-writer.ts';
import { findMailbox, findUser, isReply } from './lookup.ts';
import { folderDelta, folderJson, mailDeltaCost, messageDelta } from './mail-delta.ts';
import { changeKeyOf, messageJson } from './mail-json.ts';

type Handler = (mailbox: Mailbox, req: SandboxRequest, p: Params) => Reply;

/** Mail folders, messages, their delta, MIME, and the writes the product makes (sandbox item 7). */
export function mailRoutes(context: SandboxContext): Route[] {
  const mailbox = (p: Params) => {
    const user = findUser(context, p['user']!);
    return isReply(user) ? undefined : user.id;
  };
  const withMailbox = (then: Handler) => (req: SandboxRequest, p: Params): Reply => {
    const mb = findMailbox(context, p['user']!);
    return isReply(mb) ? mb : then(mb, req, p);
  };
  const withMessage = (then: (mb: Mailbox, m: Message, req: SandboxRequest) => Reply) => withMailbox((mb, req, p) => {
    const m = messageById(mb, p['message']!);
    return m ? then(mb, m, req) : graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  });
  const mail = (method: string, path: string, handle: Handler, cost: Route['cost'] = 1) =>
    route(method, `/users/:user${path}`, { cost, mailbox, handle: withMailbox(handle) });
  const msg = (method: string, path: string, handle: (mb: Mailbox, m: Message, req: SandboxRequest) => Reply, cost = 1) =>
    route(method, `/users/:user${path}`, { cost, mailbox, handle: withMessage(handle) });
  const getMessage = (_mb: Mailbox, m: Message, req: SandboxRequest): Reply => {
    const body = project(messageJson(m, wantsImmutableIds(req.headers)), selectOf(req.query));
    const expand = req.query.get('$expand') ?? '';
    const wanted = /singleValueExtendedProperties\(\$filter=id eq '([^']+)'\)/i.exec(expand)?.[1];
    if (wanted !== undefined) {
      const match = Object.entries(m.extendedProperties).find(([id]) => id.toLowerCase() === wanted.toLowerCase());
      body['singleValueExtendedProperties'] = match ? [{ id: match[0], value: match[1] }] : [];
    }
    return json(body);
  };
  const folderList = (mb: Mailbox, parentId: string) =>
    [...mb.folders.values()].filter((f) => !f.deleted && f.parentFolderId === parentId).map((f) => folderJson(mb, f));
  const precondition = (m: Message, req: SandboxRequest): Reply | undefined => {
    const given = req.headers['if-match']?.trim();
    if (!given || given === '*' || given.replace(/^W\//, '').replace(/"/g, '') === changeKeyOf(m)) return undefined;
    return graphError(412, 'ErrorIrresolvableConflict', 'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.');
  };
  return [
    mail('GET', '/mailFolders/delta', (mb, req) => folderDelta(context, mb, req), mailDeltaCost),
    mail('GET', '/mailFolders', (mb) => json(collection(`${context.base}/v1.0/$metadata#mailFolders`, folderList(mb, mb.rootFolderId))), 2),
    mail('GET', '/mailFolders/:folder', (mb, _req, p) => {
      const f = folderById(mb, p['folder']!);
      return f ? json(folderJson(mb, f)) : graphError(404, 'ErrorItemNotFound', 'The specified folder could not be found in the store.');
    }),
    mail('GET', '/mailFolders/:folder/childFolders', (mb, _req, p) => {
      const f = folderById(mb, p['folder']!);
      return f ? json(collection(`${context.base}/v1.0/$metadata#mailFolders`, folderList(mb, f.id))) : graphError(404, 'ErrorItemNotFound', 'The specified folder could not be found in the store.');
    }, 2),
    mail('GET', '/mailFolders/:folder/messages/delta', (mb, req, p) => {
      const f = folderById(mb, p['folder']!);
      return f ? messageDelta(context, mb, f, req) : graphError(404, 'ErrorItemNotFound', 'The specified folder could not be found in the store.');
    }, mailDeltaCost),
    msg('GET', '/messages/:message', getMessage),
    msg('GET', '/mailFolders/:folder/messages/:message', getMessage),
    msg('GET', '/messages/:message/$value', (_mb, m) => ({
      status: 200, headers: { 'Content-Type': 'message/rfc822' }, raw: writeMime(m.load(), { internetMessageId: m.internetMessageId }),
    })),
    msg('PATCH', '/messages/:message', (mb, m, req) => {
      const body = parseJsonBody(req.body);
      if (!body) return badJson();
      const failed = precondition(m, req);
      if (failed) return failed;
      if (body['categories'] !== undefined) {
        if (!Array.isArray(body['categories']) || body['categories'].some((c) => typeof c !== 'string')) return graphError(400, 'ErrorInvalidRequest', 'categories must be a list of strings.');
        m.categories = body['categories'] as string[];
      }
      if (typeof body['isRead'] === 'boolean') m.isRead = body['isRead'];
      const props = body['singleValueExtendedProperties'];
      if (props !== undefined) {
        if (!Array.isArray(props)) return graphError(400, 'ErrorInvalidRequest', 'singleValueExtendedProperties must be a list.');
        for (const prop of props as { id?: unknown; value?: unknown }[]) {
          if (typeof prop.id !== 'string' || typeof prop.value !== 'string') return graphError(400, 'ErrorInvalidExtendedPropertyValue', 'Each extended property needs an id and a string value.');
          m.extendedProperties[prop.id] = prop.value;
        }
      }
      updateMessage(mb, m, context.now());
      return json(messageJson(m, wantsImmutableIds(req.headers)));
    }, 2),
    msg('POST', '/messages/:message/move', (mb, m, req) => {
      const destination = parseJsonBody(req.body)?.['destinationId'];
      const folder = typeof destination === 'string' ? folderById(mb, destination) : undefined;
      if (!folder) return graphError(400, 'ErrorInvalidIdMalformed', 'The destination folder id is not valid.');
      moveMessage(mb, m, folder, context.now());
      return json(messageJson(m, wantsImmutableIds(req.headers)), 201);
    }, 2),
    msg('DELETE', '/messages/:message', (mb, m, req) => precondition(m, req) ?? (deleteMessage(mb, m), noContent), 2),
    msg('POST', '/messages/:message/permanentDelete', (mb, m) => (deleteMessage(mb, m), noContent), 2),
  ];
}
