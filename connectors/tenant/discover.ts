import type { GraphRequest, GraphResponse, GraphTransport } from '../graph/transport.ts';
import { seg } from '../sharepoint/graph-errors.ts';
import { IMMUTABLE } from '../mail/message.ts';

/** One place documents live in the tenant: a library, a OneDrive, a mailbox. */
export interface TenantSource {
  kind: 'sharepoint' | 'onedrive' | 'mail';
  /** The drive id (libraries, OneDrives) or the user id (mailboxes). */
  root: string;
  /** For people: the site and library name, or the user id (never an address in logs). */
  title: string;
}

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
  const users: { id: string }[] = [];
  for await (const u of paged<{ id: string; accountEnabled?: boolean }>(transport, '/users?$select=id,userPrincipalName,accountEnabled&$top=999', 1, signal)) users.push(u);
  const sites: { id: string; name?: string; displayName?: string; webUrl?: string; isPersonalSite?: boolean }[] = [];
  for await (const s of paged<(typeof sites)[number]>(transport, '/sites/getAllSites?$select=id,name,displayName,webUrl,isPersonalSite&$top=999', 2, signal)) {
    // OneDrives are sites too; they are reached per user, so a personal site here would be scanned twice.
    if (s.isPersonalSite || /-my\.sharepoint\.com\/personal\//.test(s.webUrl ?? '')) continue;
    sites.push(s);
  }
  sites.sort((a, b) => (a.id < b.id ? -1 : 1));

  const sources: TenantSource[] = [];
  const skipped: SkippedUser[] = [];
  const driveLists = await batch<Paged<{ id: string; name?: string }>>(
    transport,
    sites.map((s): GraphRequest => ({ url: `/sites/${seg(s.id)}/drives?$select=id,name,driveType`, cost: 2, ...(signal ? { signal } : {}) })),
  );
  sites.forEach((site, i) => {
    const answer = driveLists[i];
    if (!answer || answer.status >= 400) throw new Error(`the libraries of a site could not be listed (${errorCode(answer)})`);
    for (const d of answer.body.value ?? []) sources.push({ kind: 'sharepoint', root: d.id, title: `${site.name ?? site.displayName ?? site.id}/${d.name ?? d.id}` });
  });

  const probes = await batch(
    transport,
    users.flatMap((u): GraphRequest[] => [
      { url: `/users/${seg(u.id)}/drive?$select=id`, accept: [404], ...(signal ? { signal } : {}) },
      { url: `/users/${seg(u.id)}/mailFolders/inbox?$select=id`, headers: { Prefer: IMMUTABLE }, mailbox: u.id, ...(signal ? { signal } : {}) },
    ]),
  );
  users.forEach((u, i) => {
    const drive = probes[2 * i];
    const mailbox = probes[2 * i + 1];
    if (drive?.status === 200) sources.push({ kind: 'onedrive', root: (drive.body as { id: string }).id, title: `user:${u.id}` });
    else if (drive?.status === 404) skipped.push({ user: u.id, what: 'onedrive', reason: 'no OneDrive (not provisioned)' });
    else if (drive?.status === 403) skipped.push({ user: u.id, what: 'onedrive', reason: `access denied (${errorCode(drive)})` });
    else throw new Error(`a user's OneDrive could not be looked up (${errorCode(drive)})`);
    if (mailbox?.status === 200) sources.push({ kind: 'mail', root: u.id, title: `user:${u.id}` });
    else if (errorCode(mailbox) === 'MailboxNotEnabledForRESTAPI' || mailbox?.status === 404) {
      skipped.push({ user: u.id, what: 'mail', reason: `no Exchange Online mailbox (${errorCode(mailbox)})` });
    } else if (mailbox?.status === 403) {
      // An application access policy keeps the app out of this mailbox: the administrator's choice, reported.
      skipped.push({ user: u.id, what: 'mail', reason: `access denied (${errorCode(mailbox)})` });
    } else throw new Error(`a user's mailbox could not be looked up (${errorCode(mailbox)})`);
  });
  return { sources, skipped, users: users.length, sites: sites.length };
}
