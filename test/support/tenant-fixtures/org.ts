import type { Faker } from '@faker-js/faker';
import { stableGuid } from './ids.ts';
import { createPerson, type Person } from './people.ts';

export const DOMAIN = 'woonstede-fictief.nl';
export const ORGANISATION = 'Woonstede Fictief';
export const SHAREPOINT_HOST = 'woonstedefictief.sharepoint.com';

/** A staff member with an account in the tenant. */
export interface Staff extends Person {
  upn: string;
  local: string;
  role: string;
  oneDrive: boolean;
  mailbox: boolean;
}

export interface Library {
  name: string;
}
export interface Site {
  name: string;
  displayName: string;
  libraries: Library[];
}

export const SITES: Site[] = [
  { name: 'hr', displayName: 'Personeelszaken', libraries: [{ name: 'Documenten' }, { name: 'Personeelsdossiers' }] },
  { name: 'financien', displayName: 'Financiën', libraries: [{ name: 'Documenten' }, { name: 'Facturen' }] },
  { name: 'bestuur', displayName: 'Bestuur en directie', libraries: [{ name: 'Documenten' }] },
  { name: 'klantcontact', displayName: 'Klantcontact', libraries: [{ name: 'Documenten' }, { name: 'Huurdersdossiers' }] },
];

const ROLES = [
  'directeur-bestuurder', 'HR-adviseur', 'salarisadministrateur', 'controller', 'medewerker crediteuren',
  'managementassistent', 'klantadviseur', 'woonconsulent', 'medewerker verhuur', 'functionaris gegevensbescherming',
];

/** Bewaarder's app roles in the directory (the sandbox's sign-in puts them in the id token's `roles` claim). */
const APP_ROLES: Record<string, string> = {
  'HR-adviseur': 'Bewaarder.RecordsManager',
  managementassistent: 'Bewaarder.Administrator',
  'functionaris gegevensbescherming': 'Bewaarder.Auditor',
};

const local = (p: Person) => `${p.first[0]}.${p.last}`.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z.]/g, '').toLowerCase();

/** Ten staff with OneDrive and mailbox, a shared mailbox without OneDrive, a scanner account without mailbox. */
export function createStaff(faker: Faker): Staff[] {
  const staff: Staff[] = ROLES.map((role, i) => {
    const p = createPerson(faker, `P${String(1040 + i * 7)}`);
    const l = local(p);
    return { ...p, upn: `${l}@${DOMAIN}`, local: l, role, oneDrive: true, mailbox: true };
  });
  const base = createPerson(faker);
  staff.push({ ...base, first: 'Klantcontact', last: '', name: 'Klantcontact Woonstede', upn: `klantcontact@${DOMAIN}`, local: 'klantcontact', role: 'gedeelde mailbox', oneDrive: false, mailbox: true });
  staff.push({ ...base, first: 'Scanner', last: '', name: 'Scanner Kantoor', upn: `scanner@${DOMAIN}`, local: 'scanner', role: 'apparaataccount multifunctional', oneDrive: true, mailbox: false });
  return staff;
}

export function tenantJson(staff: Staff[]) {
  return {
    tenantId: stableGuid('tenant'),
    domain: DOMAIN,
    organisation: ORGANISATION,
    users: staff.map((s) => ({
      id: stableGuid(`user:${s.upn}`),
      displayName: s.name,
      userPrincipalName: s.upn,
      mail: s.upn,
      oneDrive: s.oneDrive,
      mailbox: s.mailbox,
      accountEnabled: true,
      ...(APP_ROLES[s.role] ? { appRoles: [APP_ROLES[s.role]] } : {}),
    })),
    sites: SITES.map((site) => ({
      id: `${SHAREPOINT_HOST},${stableGuid(`site:${site.name}`)},${stableGuid(`web:${site.name}`)}`,
      name: site.name,
      displayName: site.displayName,
      webUrl: `https://${SHAREPOINT_HOST}/sites/${site.name}`,
      libraries: site.libraries.map((l) => ({ id: stableGuid(`drive:${site.name}/${l.name}`), name: l.name, folder: `sites/${site.name}/${l.name}` })),
    })),
  };
}
