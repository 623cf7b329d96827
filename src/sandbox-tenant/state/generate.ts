import { createChangeLog } from './change-log.ts';
import { addItem, createDrive } from './drives.ts';
import { driveIdFrom, guidFrom } from './ids.ts';
import { addMessage, createMailbox, ensureMailFolder } from './mail.ts';
import type { Drive, MailContent, Tenant, TenantUser } from './model.ts';
import { createRng } from './rng.ts';
import { person, renderDocument, type Kind } from './templates.ts';

export interface GenerateOptions {
  /** Documents plus messages in total (100,000 for the benchmark). */
  items: number;
}

const KINDS: Kind[] = ['txt', 'html', 'csv'];
const PER_FOLDER = 100;
const BASE_TIME = Date.parse('2025-01-06T08:00:00Z');
const DOMAIN = 'gemeente-voorbeeld.nl';

/**
 * A large synthetic tenant: half the items in site libraries, 30 % in OneDrives, 20 % as messages. Only metadata
 * is created; each body is rendered from its seed when it is served, so memory holds no document content.
 */
export function generateTenant(options: GenerateOptions, seed: number): Tenant {
  const rng = createRng(seed);
  const tenantId = guidFrom('generated-tenant', String(seed));
  const tenant: Tenant = { tenantId, domain: DOMAIN, organisation: 'Gemeente Voorbeeld', users: [], sites: [], siteLog: createChangeLog(), drives: new Map(), mailboxes: new Map() };
  const userCount = Math.max(10, Math.ceil(options.items / 5000));
  const siteCount = Math.max(3, Math.ceil(options.items / 20_000));
  const at = (i: number) => new Date(BASE_TIME + i * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  let index = 0;
  const fill = (drive: Drive, count: number) => {
    let folderId = drive.rootId;
    for (let i = 0; i < count; i++) {
      if (i % PER_FOLDER === 0) folderId = addItem(drive, { parentId: drive.rootId, name: `Map ${String(i / PER_FOLDER + 1).padStart(4, '0')}`, folder: true, at: at(index) }).id;
      const n = index++;
      const kind = KINDS[n % KINDS.length]!;
      addItem(drive, { parentId: folderId, name: `document-${n}.${kind}`, content: () => renderDocument(seed, n, kind), at: at(n) });
    }
  };
  const siteItems = Math.floor(options.items * 0.5);
  for (let s = 0; s < siteCount; s++) {
    const name = `afdeling${s + 1}`;
    const id = `gemeentevoorbeeld.sharepoint.com,${guidFrom('site', name, String(seed))},${guidFrom('web', name, String(seed))}`;
    const webUrl = `https://gemeentevoorbeeld.sharepoint.com/sites/${name}`;
    const drive = createDrive({ id: driveIdFrom('site', id), name: 'Documenten', driveType: 'documentLibrary', siteId: id, listId: guidFrom('list', id), webUrl: `${webUrl}/Documenten`, createdDateTime: at(0) });
    fill(drive, Math.floor(siteItems / siteCount) + (s === 0 ? siteItems % siteCount : 0));
    tenant.drives.set(drive.id, drive);
    tenant.sites.push({ id, name, displayName: `Afdeling ${s + 1}`, webUrl, createdDateTime: at(0), driveIds: [drive.id], personal: false, deleted: false });
    tenant.siteLog.touch(id);
  }
  const oneDriveItems = Math.floor(options.items * 0.3);
  const mailItems = options.items - siteItems - oneDriveItems;
  for (let u = 0; u < userCount; u++) {
    const displayName = person(rng);
    const local = `medewerker${u + 1}`;
    const user: TenantUser = { id: guidFrom('user', local, String(seed)), displayName, userPrincipalName: `${local}@${DOMAIN}`, mail: `${local}@${DOMAIN}`, accountEnabled: true, hasMailbox: true };
    // Every tenth user has neither OneDrive nor mailbox (a guest or an unlicensed account).
    if (u % 10 !== 9) {
      const drive = createDrive({
        id: driveIdFrom('onedrive', user.id), name: 'OneDrive', driveType: 'business', siteId: `gemeentevoorbeeld-my.sharepoint.com,${guidFrom('mysite', user.id)},${guidFrom('myweb', user.id)}`,
        listId: guidFrom('mylist', user.id), webUrl: `https://gemeentevoorbeeld-my.sharepoint.com/personal/${local}_${DOMAIN.replace(/\./g, '_')}/Documents`, ownerUserId: user.id, createdDateTime: at(0),
      });
      user.oneDriveId = drive.id;
      tenant.drives.set(drive.id, drive);
    } else user.hasMailbox = false;
    tenant.users.push(user);
  }
  const active = tenant.users.filter((u) => u.oneDriveId);
  active.forEach((user, i) => fill(tenant.drives.get(user.oneDriveId!)!, Math.floor(oneDriveItems / active.length) + (i === 0 ? oneDriveItems % active.length : 0)));
  active.forEach((user, i) => {
    const mailbox = createMailbox(user.id);
    const inbox = ensureMailFolder(mailbox, 'Inbox');
    const archive = ensureMailFolder(mailbox, 'Archive');
    const count = Math.floor(mailItems / active.length) + (i === 0 ? mailItems % active.length : 0);
    for (let m = 0; m < count; m++) {
      const n = index++;
      const received = at(n);
      addMessage(mailbox, m % 3 === 2 ? archive : inbox, { key: `generated/${n}`, load: () => generatedMessage(seed, n, user, received), receivedDateTime: received, at: received, domain: DOMAIN });
    }
    tenant.mailboxes.set(user.id, mailbox);
  });
  return tenant;
}

function generatedMessage(seed: number, n: number, user: TenantUser, received: string): MailContent {
  const rng = createRng(seed * 7_000_003 + n);
  const sender = person(rng);
  const body = renderDocument(seed, n, 'html').toString('utf8');
  const content: MailContent = {
    subject: `Bericht ${n}: ${body.match(/<title>([^<]*)<\/title>/)?.[1] ?? 'overleg'}`, from: { name: sender, address: `${sender.toLowerCase().replace(/[^a-z]+/g, '.')}@${DOMAIN}` },
    to: [{ name: user.displayName, address: user.mail }], cc: [], receivedDateTime: received, body: { contentType: 'html', content: body }, attachments: [],
  };
  if (n % 5 === 0) content.attachments.push({ kind: 'file', name: `bijlage-${n}.csv`, contentType: 'text/csv', bytes: () => renderDocument(seed, n + 1, 'csv') });
  return content;
}
