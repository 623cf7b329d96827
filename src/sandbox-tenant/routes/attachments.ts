import type { SandboxContext } from '../context.ts';
import { collection, project, selectOf, wantsImmutableIds } from '../http/odata.ts';
import { graphError, json } from '../http/reply.ts';
import { route } from '../http/router.ts';
import type { Params, Reply, Route, SandboxRequest } from '../http/types.ts';
import { outlookIdFrom } from '../state/ids.ts';
import { messageById } from '../state/mail.ts';
import { mimeTypeOf } from '../state/mime-types.ts';
import type { AttachmentSpec, MailContent, Message } from '../state/model.ts';
import { writeMime } from '../mime/mime-writer.ts';
import { findMailbox, findUser, isReply } from './lookup.ts';

const attachmentId = (message: Message, index: number) => outlookIdFrom('attachment', message.immutableId, String(index));

function nestedJson(content: MailContent): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.message', subject: content.subject, receivedDateTime: content.receivedDateTime,
    body: content.body, hasAttachments: content.attachments.length > 0,
    from: content.from ? { emailAddress: { name: content.from.name ?? content.from.address, address: content.from.address } } : null,
  };
}

function attachmentJson(message: Message, a: AttachmentSpec, index: number, withContent: boolean, expandItem: boolean): Record<string, unknown> {
  const base = { id: attachmentId(message, index), lastModifiedDateTime: message.lastModifiedDateTime, name: a.name, isInline: false };
  if (a.kind === 'file') {
    const bytes = a.bytes();
    const json: Record<string, unknown> = {
      '@odata.type': '#microsoft.graph.fileAttachment', ...base, contentType: a.contentType, size: bytes.length,
      isInline: a.isInline ?? false, contentId: null, contentLocation: null,
    };
    if (withContent) json['contentBytes'] = bytes.toString('base64');
    return json;
  }
  if (a.kind === 'item') {
    const nested = a.message();
    const json: Record<string, unknown> = { '@odata.type': '#microsoft.graph.itemAttachment', ...base, contentType: null, size: writeMime(nested).length };
    if (expandItem) json['item'] = nestedJson(nested);
    return json;
  }
  return { '@odata.type': '#microsoft.graph.referenceAttachment', ...base, contentType: mimeTypeOf(a.name), size: 0 };
}

/** Attachments: list (file content included, item attachments without), get, and raw $value (405 for references). */
export function attachmentRoutes(context: SandboxContext): Route[] {
  const mailbox = (p: Params) => {
    const user = findUser(context, p['user']!);
    return isReply(user) ? undefined : user.id;
  };
  const withAttachments = (then: (m: Message, list: AttachmentSpec[], req: SandboxRequest, p: Params) => Reply) => (req: SandboxRequest, p: Params): Reply => {
    const mb = findMailbox(context, p['user']!);
    if (isReply(mb)) return mb;
    const m = messageById(mb, p['message']!);
    return m ? then(m, m.load().attachments, req, p) : graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  };
  const one = (then: (m: Message, a: AttachmentSpec, index: number, req: SandboxRequest) => Reply) => withAttachments((m, list, req, p) => {
    const index = list.findIndex((_a, i) => attachmentId(m, i) === p['attachment']);
    return index < 0 ? graphError(404, 'ErrorItemNotFound', 'The attachment was not found.') : then(m, list[index]!, index, req);
  });
  const expandsItem = (req: SandboxRequest) => /itemattachment\/item/i.test(req.query.get('$expand') ?? '');
  return [
    route('GET', '/users/:user/messages/:message/attachments', {
      cost: 2, mailbox,
      handle: withAttachments((m, list, req) => json(collection(`${context.base}/v1.0/$metadata#attachments`,
        list.map((a, i) => project(attachmentJson(m, a, i, true, expandsItem(req)), selectOf(req.query)))))),
    }),
    route('GET', '/users/:user/messages/:message/attachments/:attachment', {
      mailbox, handle: one((m, a, i, req) => json(attachmentJson(m, a, i, true, expandsItem(req)))),
    }),
    route('GET', '/users/:user/messages/:message/attachments/:attachment/$value', {
      mailbox,
      handle: one((_m, a) => {
        if (a.kind === 'reference') return graphError(405, 'ErrorInvalidRequest', 'The $value of a reference attachment cannot be read.');
        if (a.kind === 'item') return { status: 200, headers: { 'Content-Type': 'message/rfc822' }, raw: writeMime(a.message()) };
        return { status: 200, headers: { 'Content-Type': a.contentType }, raw: a.bytes() };
      }),
    }),
  ];
}

export { wantsImmutableIds };
