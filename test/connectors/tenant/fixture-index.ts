import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { messageName } from '../../../connectors/mail/index.ts';
import { loadTenant } from '../../../src/sandbox-tenant/state/load-fixtures.ts';

/** Where a fixture document should end up in the store: its source and location, as the connectors name them. */
export interface ExpectedDocument {
  key: string;
  kind: 'sharepoint' | 'onedrive' | 'mail';
  root: string;
  location: string;
}

function files(dir: string): string[] {
  let out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    const path = join(dir, name);
    out = statSync(path).isDirectory() ? [...out, ...files(path)] : [...out, path];
  }
  return out;
}

/**
 * Every document of a tenant folder (tenant-contract.md) with the key the manifest uses, and where it should be
 * found: the sandbox derives ids from the same paths, so loading the tenant gives the drive ids.
 */
export function expectedDocuments(root = 'fixtures/tenant'): ExpectedDocument[] {
  const tenant = loadTenant(root);
  const spec = JSON.parse(readFileSync(join(root, 'tenant.json'), 'utf8')) as {
    users: { id: string; userPrincipalName: string; oneDrive: boolean; mailbox: boolean }[];
    sites: { id: string; libraries: { id: string; folder: string }[] }[];
  };
  const out: ExpectedDocument[] = [];
  const key = (path: string) => relative(root, path).split('\\').join('/');
  for (const site of spec.sites) {
    for (const library of site.libraries) {
      const drive = [...tenant.drives.values()].find((d) => d.siteId === site.id && d.listId === library.id)!;
      for (const f of files(join(root, library.folder))) out.push({ key: key(f), kind: 'sharepoint', root: drive.id, location: relative(join(root, library.folder), f) });
    }
  }
  for (const u of spec.users) {
    const local = u.userPrincipalName.split('@')[0]!;
    const oneDrive = tenant.users.find((t) => t.id === u.id)?.oneDriveId;
    if (u.oneDrive && oneDrive) {
      for (const f of files(join(root, 'onedrive', local))) out.push({ key: key(f), kind: 'onedrive', root: oneDrive, location: relative(join(root, 'onedrive', local), f) });
    }
    if (u.mailbox) {
      for (const f of files(join(root, 'mail', local)).filter((p) => p.endsWith('.json'))) {
        const folder = relative(join(root, 'mail', local), f).split('/').slice(0, -1).join('/');
        const subject = (JSON.parse(readFileSync(f, 'utf8')) as { subject?: string }).subject;
        out.push({ key: key(f), kind: 'mail', root: u.id, location: `${folder}/${messageName(subject)}` });
      }
    }
  }
  return out;
}

export function skippedInFixture(root = 'fixtures/tenant'): { onedrive: string[]; mail: string[] } {
  const spec = JSON.parse(readFileSync(join(root, 'tenant.json'), 'utf8')) as { users: { id: string; oneDrive: boolean; mailbox: boolean }[] };
  return { onedrive: spec.users.filter((u) => !u.oneDrive).map((u) => u.id), mail: spec.users.filter((u) => !u.mailbox).map((u) => u.id) };
}
