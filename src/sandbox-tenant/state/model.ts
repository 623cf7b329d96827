import type { ChangeLog } from './change-log.ts';

/** The tenant the sandbox serves: loaded from fixtures/tenant/ or generated. Everything is in memory except file bodies. */
export interface Tenant {
  tenantId: string;
  domain: string;
  organisation: string;
  users: TenantUser[];
  sites: Site[];
  siteLog: ChangeLog;
  drives: Map<string, Drive>;
  mailboxes: Map<string, Mailbox>;
}

export interface TenantUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
  mail: string;
  accountEnabled: boolean;
  /** Drive id of the OneDrive, when provisioned. */
  oneDriveId?: string;
  hasMailbox: boolean;
  /** Values of Bewaarder's app roles assigned to the user (the id token's `roles` claim at sign-in). */
  appRoles?: string[];
}

export interface Site {
  id: string;
  name: string;
  displayName: string;
  webUrl: string;
  createdDateTime: string;
  driveIds: string[];
  personal: boolean;
  deleted: boolean;
}

export interface Column {
  id: string;
  name: string;
  displayName: string;
  [key: string]: unknown;
}

/** Bytes produced on demand, so a 100,000-item tenant never holds its bodies in memory. */
export type ContentSource = () => Buffer;

export interface DriveItem {
  id: string;
  name: string;
  parentId?: string;
  folder: boolean;
  content?: ContentSource;
  /** Filled on first listing (size and quickXorHash need the bytes). */
  size?: number;
  hash?: string;
  mimeType?: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  eTagVersion: number;
  cTagVersion: number;
  listItemId: number;
  fields: Record<string, unknown>;
  retentionLabel?: { name: string; labelAppliedDateTime: string };
  locked: boolean;
  deleted: boolean;
}

export interface Drive {
  id: string;
  name: string;
  driveType: 'documentLibrary' | 'business';
  siteId: string;
  listId: string;
  webUrl: string;
  ownerUserId?: string;
  rootId: string;
  items: Map<string, DriveItem>;
  /** Live children per folder id (for childCount, paths and recursive deletes). */
  children: Map<string, Set<string>>;
  byListItemId: Map<number, string>;
  nextListItemId: number;
  log: ChangeLog;
  /** Tokens issued before this epoch answer 410 (control.expireDeltaTokens). */
  tokenEpoch: number;
  columns: Column[];
}

export interface MailContent {
  subject: string;
  from?: { name?: string; address: string };
  to: { name?: string; address: string }[];
  cc: { name?: string; address: string }[];
  receivedDateTime: string;
  body: { contentType: 'html' | 'text'; content: string };
  attachments: AttachmentSpec[];
}

export type AttachmentSpec =
  | { kind: 'file'; name: string; contentType: string; bytes: ContentSource; isInline?: boolean }
  | { kind: 'item'; name: string; message: () => MailContent }
  | { kind: 'reference'; name: string; url: string };

export interface Message {
  /** The immutable id (Prefer: IdType="ImmutableId"): survives moves. */
  immutableId: string;
  folderId: string;
  /** Bumped on every move: the default (REST) id depends on it, so a move looks like delete + create without the header. */
  moveCount: number;
  load: () => MailContent;
  categories: string[];
  isRead: boolean;
  extendedProperties: Record<string, string>;
  changeVersion: number;
  createdDateTime: string;
  lastModifiedDateTime: string;
  internetMessageId: string;
  deleted: boolean;
}

export interface MailFolder {
  id: string;
  displayName: string;
  parentFolderId: string;
  wellKnownName?: string;
  deleted: boolean;
  /** Added to the mailbox's epoch for this folder's message tokens (per-folder expiry). */
  tokenEpoch: number;
  /** Changes to the messages in this folder: key = immutable id; a key that is no longer a member is a removal. */
  log: ChangeLog;
  members: Set<string>;
  /** When each member entered the folder, to tell created from updated (changeType). */
  entered: Map<string, number>;
  /** Default ids messages had while in this folder, so a removal can name them. */
  restIds: Map<string, string>;
}

export interface Mailbox {
  userId: string;
  rootFolderId: string;
  folders: Map<string, MailFolder>;
  folderLog: ChangeLog;
  messages: Map<string, Message>;
  /** Default (REST) id → immutable id, for messages where they are now. */
  restIndex: Map<string, string>;
  tokenEpoch: number;
  /** How an expired token answers: 'syncStateNotFound' (40x) or 'resync' (410 + Location). */
  expiryMode: 'syncStateNotFound' | 'resync';
}
