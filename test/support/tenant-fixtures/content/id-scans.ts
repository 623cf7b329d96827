import type { Person } from '../people.ts';

/** ICAO 9303 check digit: weights 7-3-1, '<' = 0, letters A=10…Z=35. */
export function checkDigit(s: string): string {
  const value = (c: string) => (c === '<' ? 0 : /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55);
  return String([...s].reduce((sum, c, i) => sum + value(c) * [7, 3, 1][i % 3]!, 0) % 10);
}

const ymd = (d: Date) => `${String(d.getUTCFullYear()).slice(2)}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
const name = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase().replace(/[^A-Z]+/g, '<');
const pad = (s: string, n: number) => s.padEnd(n, '<').slice(0, n);

/** A Dutch identity card (TD1) copy: front, back with the BSN, and the three-line MRZ with valid check digits. */
export function idCardLines(p: Person, docNo: string): string[] {
  const expiry = new Date(Date.UTC(2031, 8, 2));
  const l1 = pad(`I<NLD${docNo}${checkDigit(docNo)}${p.bsn}`, 30);
  const l2core = `${ymd(p.birth)}${checkDigit(ymd(p.birth))}${p.sex === 'V' ? 'F' : 'M'}${ymd(expiry)}${checkDigit(ymd(expiry))}NLD`;
  const l2 = pad(l2core, 29);
  const l2full = l2 + checkDigit(`${l1.slice(5, 30)}${l2.slice(0, 7)}${l2.slice(8, 15)}${l2.slice(18, 29)}`);
  const l3 = pad(`${name(p.last)}<<${name(p.first)}`, 30);
  return [
    'KONINKRIJK DER NEDERLANDEN / KINGDOM OF THE NETHERLANDS',
    'IDENTITEITSKAART / IDENTITY CARD', '',
    `Naam / Surname: ${p.last.toUpperCase()}`, `Voornamen / Given names: ${p.first}`, 'Nationaliteit / Nationality: Nederlandse',
    `Geboortedatum / Date of birth: ${String(p.birth.getUTCDate()).padStart(2, '0')} ${['JAN', 'FEB', 'MAA', 'APR', 'MEI', 'JUN', 'JUL', 'AUG', 'SEP', 'OKT', 'NOV', 'DEC'][p.birth.getUTCMonth()]} ${p.birth.getUTCFullYear()}`,
    `Documentnummer / Document no: ${docNo}`, 'Geldig tot / Date of expiry: 02 SEP 2031', '',
    `Persoonsnummer / Personal no: ${p.bsn.slice(0, 4)}.${p.bsn.slice(4, 6)}.${p.bsn.slice(6)}`, '',
    l1, l2full, l3,
  ];
}

/** A Dutch passport (TD3) data page with its two-line MRZ; the BSN sits in the personal-number field. */
export function passportLines(p: Person, docNo: string): string[] {
  const expiry = new Date(Date.UTC(2032, 4, 11));
  const l1 = pad(`P<NLD${name(p.last)}<<${name(p.first)}`, 44);
  const personal = pad(p.bsn, 14);
  const core = `${docNo}${checkDigit(docNo)}NLD${ymd(p.birth)}${checkDigit(ymd(p.birth))}${p.sex === 'V' ? 'F' : 'M'}${ymd(expiry)}${checkDigit(ymd(expiry))}${personal}${checkDigit(personal)}`;
  const l2 = core + checkDigit(`${core.slice(0, 10)}${core.slice(13, 20)}${core.slice(21, 43)}`);
  return [
    'KONINKRIJK DER NEDERLANDEN', 'PASPOORT / PASSPORT', '',
    `Naam / Surname: ${p.last.toUpperCase()}`, `Voornamen / Given names: ${p.first}`, 'Nationaliteit / Nationality: Nederlandse',
    `Documentnummer / Document no: ${docNo}`, 'Geldig tot / Date of expiry: 11 MEI 2032', `Geboorteplaats / Place of birth: ${p.city}`, '',
    l1, l2,
  ];
}

/** A Dutch driving licence (front): numbered fields, document number in field 5. */
export function drivingLicenceLines(p: Person, docNo: string): string[] {
  return [
    'RIJBEWIJS  NL', 'KONINKRIJK DER NEDERLANDEN', '',
    `1. ${p.last.toUpperCase()}`, `2. ${p.first}`, `3. ${String(p.birth.getUTCDate()).padStart(2, '0')}.${String(p.birth.getUTCMonth() + 1).padStart(2, '0')}.${String(p.birth.getUTCFullYear()).slice(2)} ${p.city}`,
    '4a. 14.03.2019  4b. 14.03.2029', '4c. Burgemeester van Amersfoort', `5. ${docNo}`, '9. AM B',
  ];
}
