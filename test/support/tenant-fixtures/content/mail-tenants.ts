import type { Tenant } from '../builder.ts';
import { addressOf, deliver } from '../mailbox.ts';

const REQUESTS = [
  ['Lekkage badkamer', 'Sinds gisteren lekt het plafond in de badkamer. Kan er deze week iemand langskomen? Ik ben bereikbaar op'],
  ['Klacht over geluidsoverlast', 'De buren boven mij maken elke nacht lawaai. Ik heb al twee keer met ze gepraat. Mijn telefoonnummer is'],
  ['Huuropzegging', 'Hierbij zeg ik de huur van mijn woning op per de eerste van de volgende maand. U kunt mij bereiken op'],
  ['Vraag over servicekosten', 'Op mijn jaaroverzicht staan servicekosten voor de lift, maar mijn flat heeft geen lift. Belt u mij terug op'],
  ['Parkeerplaats aanvragen', 'Ik wil graag een parkeerplaats huren bij mijn woning. Is er een wachtlijst? Mijn nummer is'],
] as const;

/** Tenants write to the shared Klantcontact mailbox and to their consultant: names, addresses, phone numbers. */
export async function tenantMail(t: Tenant): Promise<void> {
  const shared = t.staff[10]!;
  const consultant = t.staff[7]!;
  for (let i = 0; i < 14; i++) {
    const p = t.people[48 + i]!;
    const [subject, text] = REQUESTS[i % REQUESTS.length]!;
    const owner = i % 3 === 2 ? consultant : shared;
    const m = { subject, from: { name: p.name, address: p.privateMail }, to: [addressOf(owner)], body: `Geachte heer/mevrouw,\n\n${text} ${p.phone}.\n\nMet vriendelijke groet,\n${p.name}\n${p.street}\n${p.postcode} ${p.city}`, html: i % 2 === 1 };
    deliver(t, owner, i % 4 === 3 ? 'Archive' : 'Inbox', m, new Date(Date.UTC(2025, i % 6, 2 + i, 8 + (i % 8), 11)), { label: 'generiek', documentType: 'correspondentie', why: 'mail van een huurder met naam, adres en telefoonnummer' });
    if (i % 3 === 0) {
      deliver(t, shared, 'Sent Items', { subject: `RE: ${subject}`, from: addressOf(shared), to: [{ name: p.name, address: p.privateMail }], body: `Beste ${p.sex === 'M' ? 'heer' : 'mevrouw'} ${p.last},\n\nDank voor uw bericht. Wij nemen binnen drie werkdagen contact met u op.\n\nMet vriendelijke groet,\nKlantcontact Woonstede Fictief` }, new Date(Date.UTC(2025, i % 6, 3 + i, 9, 40)), { label: 'generiek', documentType: 'correspondentie', why: 'antwoord aan een genoemde huurder op diens privéadres' });
    }
  }
}
