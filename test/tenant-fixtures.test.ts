import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fakerNL } from '@faker-js/faker';
import { describe, expect, it } from 'vitest';
import { bsnValid, FICTIONAL_BANKS, ibanValid } from './support/tenant-fixtures/ids.ts';

const ROOT = fileURLToPath(new URL('../fixtures/tenant/', import.meta.url));
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
const tenant = JSON.parse(read('tenant.json')) as { domain: string; users: { userPrincipalName: string; displayName: string; oneDrive: boolean; mailbox: boolean }[]; sites: { name: string; libraries: { name: string; folder: string }[] }[] };
const manifest = JSON.parse(read('manifest.json')) as { documents: Record<string, { label: string; documentType?: string; why: string }>; identifiers: { bsn: string[]; iban: string[] } };
const doctypes = (JSON.parse(readFileSync(new URL('../rules/doctypes.json', import.meta.url), 'utf8')) as { types: { id: string }[] }).types.map((t) => t.id);

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [relative(ROOT, join(dir, n))]));
}
const local = (upn: string) => upn.split('@')[0]!;
const documents = [...walk(join(ROOT, 'sites')), ...walk(join(ROOT, 'onedrive')), ...walk(join(ROOT, 'mail'))];
type Message = { subject: string; from: { address: string }; to: { address: string }[]; receivedDateTime: string; body: { contentType: string; content: string }; attachments: ({ file: string } | { message: string } | { reference: string })[] };

describe('the sandbox tenant fixture (fixtures/tenant)', () => {
  it('lists every document and message in the manifest, and nothing else', () => {
    expect(documents.sort()).toEqual(Object.keys(manifest.documents).sort());
    expect(documents.length).toBeGreaterThan(300);
    for (const [key, e] of Object.entries(manifest.documents)) {
      expect(['geen', 'generiek', 'bijzonder'], key).toContain(e.label);
      if (e.documentType) expect(doctypes, key).toContain(e.documentType);
      expect(e.why.length, key).toBeGreaterThan(10);
    }
  });

  it('keeps each user\'s content where tenant.json says the user has a OneDrive or a mailbox', () => {
    const users = new Map(tenant.users.map((u) => [local(u.userPrincipalName), u]));
    expect(tenant.users.length).toBeGreaterThanOrEqual(12);
    expect(tenant.users.some((u) => !u.oneDrive) && tenant.users.some((u) => !u.mailbox)).toBe(true);
    for (const u of tenant.users) expect(u.userPrincipalName.endsWith(`@${tenant.domain}`)).toBe(true);
    for (const owner of readdirSync(join(ROOT, 'onedrive'))) expect(users.get(owner)?.oneDrive, owner).toBe(true);
    for (const owner of readdirSync(join(ROOT, 'mail'))) expect(users.get(owner)?.mailbox, owner).toBe(true);
    for (const u of tenant.users) {
      expect(existsSync(join(ROOT, 'onedrive', local(u.userPrincipalName))), u.userPrincipalName).toBe(u.oneDrive);
      expect(existsSync(join(ROOT, 'mail', local(u.userPrincipalName))), u.userPrincipalName).toBe(u.mailbox);
    }
  });

  it('has a folder for every library and no library folder tenant.json does not name', () => {
    const folders = tenant.sites.flatMap((s) => s.libraries.map((l) => l.folder));
    for (const s of tenant.sites) for (const l of s.libraries) expect(l.folder).toBe(`sites/${s.name}/${l.name}`);
    const onDisk = readdirSync(join(ROOT, 'sites')).flatMap((s) => readdirSync(join(ROOT, 'sites', s)).map((l) => `sites/${s}/${l}`));
    expect(onDisk.sort()).toEqual(folders.sort());
  });

  it('gives every message the contract\'s shape, and every attachment reference exists', () => {
    const seen = new Set<string>();
    const check = (path: string, depth: number) => {
      const m = JSON.parse(read(path)) as Message;
      expect(m.subject, path).toBeTruthy();
      expect(Number.isNaN(Date.parse(m.receivedDateTime)), path).toBe(false);
      expect(['html', 'text']).toContain(m.body.contentType);
      for (const a of m.attachments) {
        if ('file' in a) { expect(existsSync(join(ROOT, a.file)), a.file).toBe(true); seen.add(a.file); }
        if ('message' in a) { seen.add(a.message); check(a.message, depth + 1); }
        if ('reference' in a) expect(a.reference).toMatch(/^https:\/\//);
      }
    };
    for (const key of documents.filter((d) => d.startsWith('mail/'))) check(key, 0);
    expect([...seen].sort()).toEqual(walk(join(ROOT, 'attachments')).sort()); // no orphan attachments
  });

  it('prints only generated identifiers: BSNs from faker that pass the 11-test, IBANs with fictional bank codes', () => {
    for (const bsn of manifest.identifiers.bsn) expect(bsnValid(bsn), bsn).toBe(true);
    for (const iban of manifest.identifiers.iban) {
      expect(ibanValid(iban), iban).toBe(true);
      expect(FICTIONAL_BANKS as readonly string[]).toContain(iban.slice(4, 8));
    }
    const bsns = new Set(manifest.identifiers.bsn);
    const textFiles = [...documents, ...walk(join(ROOT, 'attachments'))].filter((p) => /\.(txt|md|html|csv|json|rtf|eml)$/.test(p));
    for (const path of textFiles) {
      const text = read(path);
      for (const m of text.matchAll(/\b(?:NL\d\d ?[A-Z]{4}(?: ?\d{4}){2} ?\d\d)\b/g)) expect(FICTIONAL_BANKS as readonly string[], `${path}: ${m[0]}`).toContain(m[0].replace(/ /g, '').slice(4, 8));
      for (const m of text.matchAll(/\b\d{4}\.\d{2}\.\d{3}\b/g)) expect(bsns.has(m[0].replace(/\./g, '')), `${path}: dotted number not generated`).toBe(true);
    }
  });

  it('names its users with faker\'s Dutch first and last names', () => {
    const names = fakerNL.definitions.person?.first_name;
    const first = new Set([...(names?.generic ?? []), ...(names?.male ?? []), ...(names?.female ?? [])]);
    const last = new Set(fakerNL.definitions.person?.last_name?.generic ?? []);
    const people = tenant.users.filter((u) => /^[a-z]\.[a-z]+@/.test(u.userPrincipalName));
    expect(people.length).toBe(10);
    for (const u of people) {
      const [f, ...rest] = u.displayName.split(' ');
      expect(first.has(f!), u.displayName).toBe(true);
      expect(last.has(rest.join(' ')), u.displayName).toBe(true);
    }
  });

  it('covers every format the product extracts and every kind of special data, within the size budget', () => {
    const ext = new Set([...documents, ...walk(join(ROOT, 'attachments'))].map((p) => p.split('.').pop()!.toLowerCase()));
    for (const e of ['pdf', 'docx', 'xlsx', 'pptx', 'odt', 'rtf', 'csv', 'txt', 'md', 'html', 'eml', 'msg', 'png', 'jpg', 'zip', 'json']) expect(ext, e).toContain(e);
    const whys = Object.values(manifest.documents).filter((e) => e.label === 'bijzonder').map((e) => e.why).join(' | ');
    for (const kind of ['BSN', 'gezondheid', 'vakbond', 'religie', 'politiek', 'etnisch', 'seksuele', 'genetisch', 'biometri', 'strafrechtelijk', 'identiteitskaart', 'paspoort', 'rijbewijs']) expect(whys, kind).toContain(kind);
    const bytes = [...walk(ROOT)].reduce((sum, p) => sum + statSync(join(ROOT, p)).size, 0);
    expect(bytes).toBeLessThan(6 * 1024 * 1024);
  });
});
