import type { Tenant } from '../builder.ts';
import type { Doc } from '../formats/index.ts';
import { spacedIban } from '../ids.ts';
import { longDate, type Person, shortDate } from '../people.ts';
import { addressBlock, ORG_FOOTER } from './org-text.ts';

const SUPPLIERS = [
  { name: 'Installatiebedrijf Vonk B.V.', domain: 'vonk-installatie-fictief.nl', kvk: '61234987', btw: 'NL861234987B01', iban: 'NL02FICT0123456789', item: 'Vervanging cv-ketels complex Bergkwartier (12 stuks)' },
  { name: 'Schoonmaakdiensten Helder B.V.', domain: 'helder-schoon-fictief.nl', kvk: '58321764', btw: 'NL858321764B01', iban: 'NL59XBNK0987654321', item: 'Schoonmaak trappenhuizen februari' },
  { name: 'Groenvoorziening De Linde B.V.', domain: 'delinde-groen-fictief.nl', kvk: '70123456', btw: 'NL870123456B01', iban: 'NL39ZZBA0555444333', item: 'Onderhoud groenstroken Soesterkwartier' },
  { name: 'Kantoorgemak Nederland B.V.', domain: 'kantoorgemak-fictief.nl', kvk: '33445566', btw: 'NL833445566B01', iban: 'NL72FICT0222333444', item: 'Kantoorartikelen en printerpapier' },
];

/** An invoice between two companies: no person named, company account and numbers. */
export function invoiceB2B(t: Tenant, i: number) {
  const s = SUPPLIERS[i % SUPPLIERS.length]!;
  const number = `F${2025}${String(100 + i * 37).padStart(4, '0')}`;
  const amount = 1200 + i * 815;
  const doc: Doc = {
    title: `Factuur ${number}`,
    lines: [
      s.name, `KvK ${s.kvk} | BTW ${s.btw}`, '',
      'Factuuradres: Woonstede Fictief, afdeling Crediteurenadministratie, Postbus 2211, 3800 CE Amersfoort', '',
      `Factuurnummer: ${number}`, `Factuurdatum: ${shortDate(new Date(Date.UTC(2025, i % 12, 3)))}`, `Omschrijving: ${s.item}`,
      `Bedrag excl. btw: € ${amount},00`, `Btw 21%: € ${Math.round(amount * 0.21)},00`, `Totaal incl. btw: € ${Math.round(amount * 1.21)},00`, '',
      `Te betalen binnen 30 dagen op ${spacedIban(s.iban)} t.n.v. ${s.name} (${s.btw}).`,
    ],
  };
  void t;
  return { doc, number, domain: s.domain, supplier: s.name, name: `factuur-${number.toLowerCase()}-${s.domain.split('-')[0]}` };
}

/** An invoice to a private person (a tenant): name, address, account. */
export function invoicePrivate(t: Tenant, p: Person, i: number) {
  const number = `W${2025}${String(500 + i * 13).padStart(4, '0')}`;
  const doc: Doc = {
    title: `Factuur ${number}`,
    lines: [
      ...addressBlock(p), '', `Factuurnummer: ${number}`, `Factuurdatum: ${shortDate(new Date(Date.UTC(2025, 3 + (i % 6), 14)))}`, `Huurcontract: ${p.street}`, '',
      'Omschrijving: herstel van schade na oplevering (deur, wandtegels)', `Totaal: € ${145 + i * 30},00 (vrijgesteld van btw)`, '',
      `Wij verzoeken u het bedrag binnen 14 dagen over te maken of het wordt afgeschreven van uw rekening ${spacedIban(p.iban)} volgens de machtiging.`, '', ORG_FOOTER,
    ],
  };
  void t;
  return { doc, number, name: `factuur-${number.toLowerCase()}-${p.last.toLowerCase().replace(/[^a-z]/g, '')}` };
}

/** Minutes naming those present and what they said. */
export function notulen(t: Tenant, title: string, seed: number): Doc {
  const [director, hr, , controller, , assistant, advisor] = t.staff;
  const others = [t.people[seed % 40]!, t.people[(seed * 7) % 40]!];
  return {
    title: `Notulen ${title}`,
    lines: [
      `Aanwezig: ${director!.name} (voorzitter), ${controller!.name}, ${hr!.name}, ${advisor!.name}, ${assistant!.name} (notulist)`,
      `Afwezig met bericht: ${others[0]!.name}`, '',
      '1. Opening en vaststellen agenda. De voorzitter opent de vergadering om 9.30 uur.',
      `2. Kwartaalcijfers. ${controller!.first} licht de realisatie toe: de onderhoudskosten liggen 4% onder de begroting.`,
      `3. Personeel. ${hr!.first} meldt dat ${others[1]!.name} per 1 mei vertrekt; de vacature wordt opengesteld.`,
      '4. Huurbeleid. Het MT stemt in met de voorgestelde huurverhoging van 4,5% voor de vrije sector.',
      `5. Rondvraag. ${advisor!.first} vraagt aandacht voor de werkdruk bij klantcontact.`,
      'Actiepunten: controller stuurt de prognose rond; HR start werving.', `Sluiting om ${11 + (seed % 2)}.15 uur.`,
    ],
  };
}

export const longDateOf = longDate;
