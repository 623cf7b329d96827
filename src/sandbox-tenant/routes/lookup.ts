import type { SandboxContext } from '../context.ts';
import { graphError, notFound } from '../http/reply.ts';
import type { Reply } from '../http/types.ts';
import { liveItem } from '../state/drives.ts';
import type { Drive, DriveItem, Mailbox, TenantUser } from '../state/model.ts';

/** Lookups that answer with Graph's own error when the thing is not there. */
export function findUser(context: SandboxContext, idOrUpn: string): TenantUser | Reply {
  const lower = idOrUpn.toLowerCase();
  const user = context.tenant.users.find((u) => u.id === idOrUpn || u.userPrincipalName.toLowerCase() === lower);
  return user ?? graphError(404, 'Request_ResourceNotFound', `Resource '${idOrUpn}' does not exist or one of its queried reference-property objects are not present.`);
}

export function findDrive(context: SandboxContext, driveId: string): Drive | Reply {
  return context.tenant.drives.get(driveId) ?? graphError(404, 'itemNotFound', 'The requested drive was not found.');
}

export function findItem(drive: Drive, itemId: string): DriveItem | Reply {
  const id = itemId.toLowerCase() === 'root' ? drive.rootId : itemId;
  return liveItem(drive, id) ?? notFound('The resource could not be found.');
}

export function userDrive(context: SandboxContext, userId: string): Drive | Reply {
  const user = findUser(context, userId);
  if (isReply(user)) return user;
  const drive = user.oneDriveId ? context.tenant.drives.get(user.oneDriveId) : undefined;
  return drive ?? graphError(404, 'ResourceNotFound', "User's mysite not found.");
}

export function siteDrive(context: SandboxContext, siteId: string): Drive | Reply {
  const site = context.tenant.sites.find((s) => s.id === siteId && !s.deleted);
  const drive = site?.driveIds[0] ? context.tenant.drives.get(site.driveIds[0]) : undefined;
  return drive ?? graphError(404, 'itemNotFound', 'The requested site was not found.');
}

export function findMailbox(context: SandboxContext, userId: string): Mailbox | Reply {
  const user = findUser(context, userId);
  if (isReply(user)) return user;
  const mailbox = context.tenant.mailboxes.get(user.id);
  return mailbox ?? graphError(404, 'MailboxNotEnabledForRESTAPI', 'The mailbox is either inactive, soft-deleted, or is hosted on-premise.');
}

export function isReply(value: unknown): value is Reply {
  return !!value && typeof value === 'object' && 'status' in value && typeof (value as Reply).status === 'number' && !('id' in value);
}
