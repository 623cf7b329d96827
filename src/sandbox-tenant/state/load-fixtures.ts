import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { createChangeLog } from './change-log.ts';
import { addItem, createDrive, ensureFolder } from './drives.ts';
import { driveIdFrom, guidFrom } from './ids.ts';
import { addMessage, createMailbox, ensureMailFolder } from './mail.ts';
import type { AttachmentSpec, MailContent, Site, Tenant, TenantUser } from './model.ts';

/** The fixed creation time of fixture content, so a restart serves identical metadata. */
export const FIXTURE_TIME = '2025-06-02T08:00:00Z';

interface TenantJson {
  tenantId: string;
  domain: string;
  organisation: string;
  users: { id: string; displayName: string; userPrincipalName: string; mail: string; oneDrive: boolean; mailbox: boolean; accountEnabled?: boolean; appRoles?: string[] }[];
  sites: { id: string; name: string; displayName: string; webUrl: string; libraries: { id: string; name: string; folder: string }[] }[];
}

interface MessageJson {
  subject?: string;
  from?: { name?: string; address: string };
  to?: { name?: string; address: string }[];
  cc?: { name?: string; address: string }[];
  receivedDateTime?: string;
  body?: { contentType?: string; content?: string };
  attachments?: { name: string; contentType?: string; file?: string; message?: string; reference?: string; isInline?: boolean }[];
}

/** Reads fixtures/tenant/ (tenant-contract.md). Only metadata is kept; bodies are read from disk when served. */
export function loadTenant(root: string): Tenant {
  const spec = JSON.parse(readFileSync(join(root, 'tenant.json'), 'utf8')) as TenantJson;
  const host = new URL(spec.sites[0]?.webUrl ?? `https://${spec.domain.split('.')[0]}.sharepoint.com`).hostname;
  const tenant: Tenant = {
    tenantId: spec.tenantId, domain: spec.domain, organisation: spec.organisation, users: [], sites: [],
    siteLog: createChangeLog(), drives: new Map(), mailboxes: new Map(),
  };
  for (const s of spec.sites) {
    const site: Site = { id: s.id, name: s.name, displayName: s.displayName, webUrl: s.webUrl, createdDateTime: FIXTURE_TIME, driveIds: [], personal: false, deleted: false };
    for (const library of s.libraries) {
      const drive = createDrive({
        id: driveIdFrom('site', s.id, library.id), name: library.name, driveType: 'documentLibrary', siteId: s.id,
        listId: library.id, webUrl: `${s.webUrl}/${encodeURIComponent(library.name)}`, createdDateTime: FIXTURE_TIME,
      });
      loadFiles(drive, join(root, library.folder));
      tenant.drives.set(drive.id, drive);
      site.driveIds.push(drive.id);
    }
    tenant.sites.push(site);
    tenant.siteLog.touch(site.id);
  }
  for (const u of spec.users) {
    const local = u.userPrincipalName.split('@')[0]!;
    const user: TenantUser = {
      id: u.id, displayName: u.displayName, userPrincipalName: u.userPrincipalName, mail: u.mail,
      accountEnabled: u.accountEnabled ?? true, hasMailbox: u.mailbox,
      ...(u.appRoles ? { appRoles: [...u.appRoles] } : {}),
    };
    if (u.oneDrive) {
      const myHost = host.replace('.sharepoint.com', '-my.sharepoint.com');
      const siteId = `${myHost},${guidFrom('mysite', u.id)},${guidFrom('myweb', u.id)}`;
      const drive = createDrive({
        id: driveIdFrom('onedrive', u.id), name: 'OneDrive', driveType: 'business', siteId, listId: guidFrom('mylist', u.id),
        webUrl: `https://${myHost}/personal/${u.userPrincipalName.replace(/[@.]/g, '_')}/Documents`, ownerUserId: u.id,
        createdDateTime: FIXTURE_TIME,
      });
      loadFiles(drive, join(root, 'onedrive', local));
      tenant.drives.set(drive.id, drive);
      user.oneDriveId = drive.id;
    }
    if (u.mailbox) {
      const mailbox = createMailbox(u.id);
      const mailRoot = join(root, 'mail', local);
      for (const file of walk(mailRoot).filter((f) => f.endsWith('.json'))) {
        const rel = relative(mailRoot, file).split(sep);
        const folder = ensureMailFolder(mailbox, rel.slice(0, -1).join('/') || 'Inbox');
        const load = () => readMessage(root, file);
        const received = load().receivedDateTime;
        addMessage(mailbox, folder, { key: relative(root, file).split(sep).join('/'), load, receivedDateTime: received, at: received, domain: spec.domain });
      }
      tenant.mailboxes.set(u.id, mailbox);
    }
    tenant.users.push(user);
  }
  return tenant;
}

function loadFiles(drive: ReturnType<typeof createDrive>, folder: string): void {
  for (const file of walk(folder)) {
    const segments = relative(folder, file).split(sep);
    const parent = ensureFolder(drive, segments.slice(0, -1), FIXTURE_TIME);
    addItem(drive, { parentId: parent.id, name: segments.at(-1)!, content: () => readFileSync(file), at: FIXTURE_TIME });
  }
}

/** Files below `folder`, sorted, so ids and delta order are the same on every start. Missing folder: none. */
function walk(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder).sort();
  } catch {
    return [];
  }
  return names.filter((n) => !n.startsWith('.')).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

export function readMessage(root: string, file: string): MailContent {
  const m = JSON.parse(readFileSync(file, 'utf8')) as MessageJson;
  const attachments: AttachmentSpec[] = (m.attachments ?? []).map((a): AttachmentSpec => {
    if (a.message) return { kind: 'item', name: a.name, message: () => readMessage(root, join(root, a.message!)) };
    if (a.reference) return { kind: 'reference', name: a.name, url: a.reference };
    const path = join(root, a.file ?? '');
    return { kind: 'file', name: a.name, contentType: a.contentType ?? 'application/octet-stream', bytes: () => readFileSync(path), isInline: a.isInline ?? false };
  });
  const content: MailContent = {
    subject: m.subject ?? '', to: m.to ?? [], cc: m.cc ?? [], receivedDateTime: m.receivedDateTime ?? FIXTURE_TIME,
    body: { contentType: m.body?.contentType === 'html' ? 'html' : 'text', content: m.body?.content ?? '' }, attachments,
  };
  if (m.from) content.from = m.from;
  return content;
}
