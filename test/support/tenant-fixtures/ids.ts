import { createHash } from 'node:crypto';
import type { Faker } from '@faker-js/faker';

/** A GUID derived from a name, so a rebuild gives the same ids (tenant, users, sites, libraries). */
export function stableGuid(name: string): string {
  const h = createHash('sha256').update(`bewaarder-tenant:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The BSN 11-test (DOMAIN.md): 9·d1 + … + 2·d8 − 1·d9 ≡ 0 (mod 11). */
export function bsnValid(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn)) return false;
  const d = [...bsn].map(Number);
  const sum = d.slice(0, 8).reduce((s, n, i) => s + n * (9 - i), 0) - d[8]!;
  return sum % 11 === 0;
}

/** A random 9-digit number from faker that passes the 11-test: no real person's number is copied from anywhere. */
export function fakeBsn(faker: Faker): string {
  for (;;) {
    const first8 = `${faker.number.int({ min: 1, max: 6 })}${faker.string.numeric(7)}`;
    const d = [...first8].map(Number);
    const rest = d.reduce((s, n, i) => s + n * (9 - i), 0) % 11;
    if (rest <= 9) return `${first8}${rest}`;
  }
}

/** Bank codes no Dutch bank uses (the real ones are ABNA, INGB, RABO, …): the IBANs are valid but fictional. */
export const FICTIONAL_BANKS = ['FICT', 'XBNK', 'ZZBA'] as const;

function mod97(digits: string): number {
  let rest = 0;
  for (const c of digits) rest = (rest * 10 + Number(c)) % 97;
  return rest;
}

/** An NL IBAN with a fictional bank code and correct mod-97 check digits. */
export function fakeIban(faker: Faker): string {
  const bank = faker.helpers.arrayElement(FICTIONAL_BANKS);
  const account = faker.string.numeric(10);
  const numeric = [...`${bank}${account}NL00`].map((c) => (/\d/.test(c) ? c : String(c.charCodeAt(0) - 55))).join('');
  const check = String(98 - mod97(numeric)).padStart(2, '0');
  return `NL${check}${bank}${account}`;
}

export function ibanValid(iban: string): boolean {
  const s = iban.replace(/ /g, '');
  const moved = `${s.slice(4)}${s.slice(0, 4)}`;
  return mod97([...moved].map((c) => (/\d/.test(c) ? c : String(c.charCodeAt(0) - 55))).join('')) === 1;
}

/** Groups of four, as printed on letters and payslips. */
export const spacedIban = (iban: string) => iban.replace(/(.{4})/g, '$1 ').trim();
/** 1234.56.782, the way payroll systems print a BSN. */
export const dottedBsn = (bsn: string) => `${bsn.slice(0, 4)}.${bsn.slice(4, 6)}.${bsn.slice(6)}`;
