import { createChangeLog } from './change-log.ts';
import { outlookIdFrom } from './ids.ts';
import type { MailContent, MailFolder, Mailbox, Message } from './model.ts';

/** Outlook's well-known folder names (usable instead of ids in URLs) and their display names. */
export const WELL_KNOWN: Record<string, string> = {
  inbox: 'Inbox',
  drafts: 'Drafts',
  sentitems: 'Sent Items',
  deleteditems: 'Deleted Items',
  archive: 'Archive',
};

export function createMailbox(userId: string): Mailbox {
  const rootFolderId = outlookIdFrom('folder', userId, '');
  const mailbox: Mailbox = {
    userId, rootFolderId, folders: new Map(), folderLog: createChangeLog(), messages: new Map(), restIndex: new Map(),
    tokenEpoch: 1, expiryMode: 'syncStateNotFound',
  };
  for (const [wellKnownName, displayName] of Object.entries(WELL_KNOWN)) {
    addFolder(mailbox, rootFolderId, displayName, displayName, wellKnownName);
  }
  return mailbox;
}

function addFolder(mailbox: Mailbox, parentFolderId: string, displayName: string, path: string, wellKnownName?: string): MailFolder {
  const folder: MailFolder = {
    id: outlookIdFrom('folder', mailbox.userId, path.toLowerCase()), displayName, parentFolderId, deleted: false, tokenEpoch: 0,
    log: createChangeLog(), members: new Set(), entered: new Map(), restIds: new Map(),
  };
  if (wellKnownName) folder.wellKnownName = wellKnownName;
  mailbox.folders.set(folder.id, folder);
  mailbox.folderLog.touch(folder.id);
  return folder;
}

/** "Inbox/Projecten" → that folder, created where missing. */
export function ensureMailFolder(mailbox: Mailbox, path: string): MailFolder {
  let parentId = mailbox.rootFolderId;
  let folder: MailFolder | undefined;
  const walked: string[] = [];
  for (const name of path.split('/').filter(Boolean)) {
    walked.push(name);
    folder = [...mailbox.folders.values()].find(
      (f) => !f.deleted && f.parentFolderId === parentId && f.displayName.toLowerCase() === name.toLowerCase(),
    ) ?? addFolder(mailbox, parentId, name, walked.join('/'));
    parentId = folder.id;
  }
  if (!folder) throw new Error('a mail folder path needs at least one name');
  return folder;
}

export function folderById(mailbox: Mailbox, idOrWellKnown: string): MailFolder | undefined {
  const lower = idOrWellKnown.toLowerCase();
  for (const folder of mailbox.folders.values()) {
    if (folder.deleted) continue;
    if (folder.id === idOrWellKnown || folder.wellKnownName === lower) return folder;
  }
  return undefined;
}

/** The default id: it embeds the folder, so it changes when the message moves (outlook-immutable-id.md). */
export function restIdOf(message: Message): string {
  return outlookIdFrom('rest', message.immutableId, message.folderId, String(message.moveCount));
}

export interface NewMessage {
  key: string;
  load: () => MailContent;
  receivedDateTime: string;
  at: string;
  domain: string;
}

export function addMessage(mailbox: Mailbox, folder: MailFolder, spec: NewMessage): Message {
  const immutableId = outlookIdFrom('immutable', mailbox.userId, spec.key);
  const message: Message = {
    immutableId, folderId: folder.id, moveCount: 0, load: spec.load, categories: [], isRead: true, extendedProperties: {},
    changeVersion: 1, createdDateTime: spec.receivedDateTime, lastModifiedDateTime: spec.at,
    internetMessageId: `<${immutableId.slice(5, 25)}@${spec.domain}>`, deleted: false,
  };
  mailbox.messages.set(immutableId, message);
  enter(mailbox, folder, message);
  return message;
}

function enter(mailbox: Mailbox, folder: MailFolder, message: Message): void {
  const restId = restIdOf(message);
  mailbox.restIndex.set(restId, message.immutableId);
  folder.members.add(message.immutableId);
  folder.restIds.set(message.immutableId, restId);
  folder.entered.set(message.immutableId, folder.log.touch(message.immutableId));
}

function leave(mailbox: Mailbox, message: Message): void {
  const folder = mailbox.folders.get(message.folderId);
  mailbox.restIndex.delete(restIdOf(message));
  if (!folder) return;
  folder.members.delete(message.immutableId);
  folder.log.touch(message.immutableId);
}

export function updateMessage(mailbox: Mailbox, message: Message, at: string): void {
  message.changeVersion++;
  message.lastModifiedDateTime = at;
  mailbox.folders.get(message.folderId)?.log.touch(message.immutableId);
}

export function moveMessage(mailbox: Mailbox, message: Message, to: MailFolder, at: string): void {
  leave(mailbox, message);
  message.folderId = to.id;
  message.moveCount++;
  message.changeVersion++;
  message.lastModifiedDateTime = at;
  enter(mailbox, to, message);
}

export function deleteMessage(mailbox: Mailbox, message: Message): void {
  leave(mailbox, message);
  message.deleted = true;
}

/** By immutable id or by the current default id. An old default id (from before a move) is not found, as in Exchange. */
export function messageById(mailbox: Mailbox, id: string): Message | undefined {
  const message = mailbox.messages.get(id) ?? mailbox.messages.get(mailbox.restIndex.get(id) ?? '');
  return message && !message.deleted ? message : undefined;
}
