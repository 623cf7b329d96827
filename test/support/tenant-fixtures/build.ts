/**
 * Writes fixtures/tenant/: the sandbox tenant's content (a fictional Dutch housing corporation) and its manifest of
 * expected labels. Run once by a developer: `npx tsx test/support/tenant-fixtures/build.ts`; the output is
 * committed. Seeded faker and fixed dates: a rerun writes the same bytes. Needs ImageMagick only for the scans.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fakerNL } from '@faker-js/faker';
import type { Tenant } from './builder.ts';
import { buildBoard } from './content/board.ts';
import { buildCustomers } from './content/customers.ts';
import { buildFinance } from './content/finance.ts';
import { buildHr } from './content/hr.ts';
import { buildMail } from './content/mail.ts';
import { buildOneDrive } from './content/onedrive.ts';
import { createStaff, tenantJson } from './org.ts';
import { createPerson } from './people.ts';

export const TENANT_DIR = fileURLToPath(new URL('../../../fixtures/tenant/', import.meta.url));

export async function buildTenant(): Promise<Tenant> {
  fakerNL.seed(20250106);
  const staff = createStaff(fakerNL);
  const people = Array.from({ length: 100 }, (_, i) => createPerson(fakerNL, i < 48 ? `P${2001 + i * 3}` : ''));
  const t: Tenant = { faker: fakerNL, staff, people, files: new Map(), manifest: new Map(), identifiers: { bsn: new Set(), iban: new Set() } };
  for (const p of [...staff, ...people]) {
    t.identifiers.bsn.add(p.bsn);
    t.identifiers.iban.add(p.iban);
  }
  await buildHr(t);
  await buildFinance(t);
  await buildBoard(t);
  await buildCustomers(t);
  await buildOneDrive(t);
  await buildMail(t);
  return t;
}

function write(t: Tenant): void {
  rmSync(TENANT_DIR, { recursive: true, force: true });
  for (const [path, bytes] of [...t.files].sort(([a], [b]) => a.localeCompare(b))) {
    const full = join(TENANT_DIR, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, bytes);
  }
  const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
  writeFileSync(join(TENANT_DIR, 'tenant.json'), json(tenantJson(t.staff)));
  const documents = Object.fromEntries([...t.manifest].sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(join(TENANT_DIR, 'manifest.json'), json({
    description: 'Expected label (and document type where clear) of every library/OneDrive file and every message of the sandbox tenant, as a careful records manager gives them. Built by test/support/tenant-fixtures/build.ts.',
    documents,
    identifiers: { bsn: [...t.identifiers.bsn].sort(), iban: [...t.identifiers.iban].sort() },
  }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const t = await buildTenant();
  write(t);
  const labels = [...t.manifest.values()].reduce<Record<string, number>>((acc, e) => ({ ...acc, [e.label]: (acc[e.label] ?? 0) + 1 }), {});
  console.log(`fixtures/tenant: ${t.files.size} files, ${t.manifest.size} documents and messages in the manifest`, labels);
}
