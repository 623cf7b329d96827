import { createHash } from 'node:crypto';
import { restIdOf } from '../state/mail.ts';
import type { MailContent, Message } from '../state/model.ts';

export function changeKeyOf(message: Message): string {
  return `CQAAABYAAAD${createHash('sha1').update(`${message.immutableId}:${message.changeVersion}`).digest('base64').slice(0, 24)}`;
}

export const idOf = (message: Message, immutable: boolean): string => (immutable ? message.immutableId : restIdOf(message));

const recipient = (a: { name?: string; address: string }) => ({ emailAddress: { name: a.name ?? a.address, address: a.address } });

function preview(content: MailContent): string {
  const text = content.body.contentType === 'html' ? content.body.content.replace(/<[^>]*>/g, ' ') : content.body.content;
  return text.replace(/\s+/g, ' ').trim().slice(0, 255);
}

/** A message resource as Graph returns it (default properties, no extended properties unless expanded). */
export function messageJson(message: Message, immutable: boolean, content: MailContent = message.load()): Record<string, unknown> {
  const changeKey = changeKeyOf(message);
  const from = content.from ? recipient(content.from) : null;
  return {
    '@odata.type': '#microsoft.graph.message',
    '@odata.etag': `W/"${changeKey}"`,
    id: idOf(message, immutable),
    createdDateTime: message.createdDateTime,
    lastModifiedDateTime: message.lastModifiedDateTime,
    changeKey,
    categories: [...message.categories],
    receivedDateTime: content.receivedDateTime,
    sentDateTime: content.receivedDateTime,
    hasAttachments: content.attachments.some((a) => !(a.kind === 'file' && a.isInline)),
    internetMessageId: message.internetMessageId,
    subject: content.subject,
    bodyPreview: preview(content),
    importance: 'normal',
    parentFolderId: message.folderId,
    conversationId: `AAQkA${message.immutableId.slice(5, 40)}`,
    isDeliveryReceiptRequested: false,
    isReadReceiptRequested: false,
    isRead: message.isRead,
    isDraft: false,
    webLink: `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(message.immutableId)}&exvsurl=1&viewmodel=ReadMessageItem`,
    inferenceClassification: 'focused',
    body: { contentType: content.body.contentType, content: content.body.content },
    sender: from,
    from,
    toRecipients: content.to.map(recipient),
    ccRecipients: content.cc.map(recipient),
    bccRecipients: [],
    replyTo: [],
    flag: { flagStatus: 'notFlagged' },
  };
}
