import type { GraphRequest, GraphResponse, GraphTransport } from '../graph/transport.ts';
import { seg } from '../sharepoint/graph-errors.ts';
import { IMMUTABLE } from '../mail/message.ts';

/** One place documents live in the tenant: a library, a OneDrive, a mailbox. */
export interface TenantSource {
  kind: 'sharepoint' | 'onedrive' | 'mail';
  /** The drive id (libraries, OneDrives) or the user id (mailboxes). */
  root: string;
  /**
   * What people call it: "site · library", "OneDrive · name", "Postvak · name" (the user's display name, never an
   * address). Shown in the review screen and the overview; the store keeps it with the source.
   */
  title: string;
  /** Where it opens in a browser: the drive's webUrl; for a mailbox, Outlook on the web. */
  webUrl?: string;
}

/**
 * Outlook on the web, where Graph's `webLink` of every Exchange Online message points (…/owa/?ItemID=…); the
 * review screen links a message there by its id rather than storing a link per message.
 */
export const OUTLOOK_WEB = 'https://outlook.office365.com/owa/';

export interface SkippedUser {
  user: string;
  what: 'onedrive' | 'mail';
  reason: string;
}

export interface TenantDiscovery {
  sources: TenantSource[];
  skipped: SkippedUser[];
  users: number;
  sites: number;
}

interface Paged<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}

async function* paged<T>(transport: GraphTransport, url: string, cost: number, signal?: AbortSignal): AsyncGenerator<T> {
  let next: string | undefined = url;
  while (next) {
    const { body }: GraphResponse<Paged<T>> = await transport.request<Paged<T>>({ url: next, cost, ...(signal ? { signal } : {}) });
    yield* body.value ?? [];
    next = body['@odata.nextLink'];
  }
}

const batch = <T>(transport: GraphTransport, requests: GraphRequest[]) =>
  requests.length ? transport.batch<T>(requests) : Promise.resolve([] as GraphResponse<T>[]);

const errorCode = (r: GraphResponse | undefined) => (r?.body as { error?: { code?: string } } | null)?.error?.code ?? `HTTP ${r?.status ?? '?'}`;

/**
 * Everything to scan: every user (paged), every site (getAllSites, paged) and its libraries, every user's OneDrive
 * and mailbox. The per-user and per-site look-ups go 20 to a $batch. Users without a OneDrive (404) or without an
 * Exchange Online mailbox (MailboxNotEnabledForRESTAPI) are skipped with the reason, not failed.
 */
export async function discoverTenant(transport: GraphTransport, options: { signal?: AbortSignal } = {}): Promise<TenantDiscovery> {
  const { signal } = options;
  const users: { id: string; displayName?: string }[] = [];
  for await (const u of paged<{ id: string; displayName?: string; accountEnabled?: boolean }>(transport, '/users?$select=id,displayName,accountEnabled&$top=999', 1, signal)) users.push(u);
  const sites: { id: string; name?: string; displayName?: string; webUrl?: string; isPersonalSite?: boolean }[] = [];
  for await (const s of paged<(typeof sites)[number]>(transport, '/sites/getAllSites?$select=id,name,displayName,webUrl,isPersonalSite&$top=999', 2, signal)) {
    // OneDrives are sites too; they are reached per user, so a personal site here would be scanned twice.
    if (s.isPersonalSite || /-my\.sharepoint\.com\/personal\//.test(s.webUrl ?? '')) continue;
    sites.push(s);
  }
  sites.sort((a, b) => (a.id < b.id ? -1 : 1));

  const sources: TenantSource[] = [];
  const skipped: SkippedUser[] = [];
  const driveLists = await batch<Paged<{ id: string; name?: string; webUrl?: string }>>(
    transport,
    sites.map((s): GraphRequest => ({ url: `/sites/${seg(s.id)}/drives?$select=id,name,driveType,webUrl`, cost: 2, ...(signal ? { signal } : {}) })),
  );
  sites.forEach((site, i) => {
    const answer = driveLists[i];
    if (!answer || answer.status >= 400) throw new Error(`the libraries of a site could not be listed (${errorCode(answer)})`);
    for (const d of answer.body.value ?? []) {
      sources.push({ kind: 'sharepoint', root: d.id, title: `${site.displayName ?? site.name ?? site.id} · ${d.name ?? d.id}`, ...(d.webUrl ? { webUrl: d.webUrl } : {}) });
    }
  });

  const probes = await batch(
    transport,
    users.flatMap((u): GraphRequest[] => [
      { url: `/users/${seg(u.id)}/drive?$select=id,webUrl`, accept: [404], ...(signal ? { signal } : {}) },
      { url: `/users/${seg(u.id)}/mailFolders/inbox?$select=id`, headers: { Prefer: IMMUTABLE }, mailbox: u.id, ...(signal ? { signal } : {}) },
    ]),
  );
  users.forEach((u, i) => {
    const drive = probes[2 * i];
    const mailbox = probes[2 * i + 1];
    // A person without a display name is still one: named by their id, which says nothing about them.
    const person = u.displayName ?? u.id;
    if (drive?.status === 200) {
      const { id, webUrl } = drive.body as { id: string; webUrl?: string };
      sources.push({ kind: 'onedrive', root: id, title: `OneDrive · ${person}`, ...(webUrl ? { webUrl } : {}) });
    }
    else if (drive?.status === 404) skipped.push({ user: u.id, what: 'onedrive', reason: 'no OneDrive (not provisioned)' });
    else if (drive?.status === 403) skipped.push({ user: u.id, what: 'onedrive', reason: `access denied (${errorCode(drive)})` });
    else throw new Error(`a user's OneDrive could not be looked up (${errorCode(drive)})`);
    if (mailbox?.status === 200) sources.push({ kind: 'mail', root: u.id, title: `Postvak · ${person}`, webUrl: OUTLOOK_WEB });
    else if (errorCode(mailbox) === 'MailboxNotEnabledForRESTAPI' || mailbox?.status === 404) {
      skipped.push({ user: u.id, what: 'mail', reason: `no Exchange Online mailbox (${errorCode(mailbox)})` });
    } else if (mailbox?.status === 403) {
      // An application access policy keeps the app out of this mailbox: the administrator's choice, reported.
      skipped.push({ user: u.id, what: 'mail', reason: `access denied (${errorCode(mailbox)})` });
    } else throw new Error(`a user's mailbox could not be looked up (${errorCode(mailbox)})`);
  });
  return { sources, skipped, users: users.length, sites: sites.length };
}
