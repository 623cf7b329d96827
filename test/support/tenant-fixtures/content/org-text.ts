import { dottedBsn, spacedIban } from '../ids.ts';
import { longDate, type Person, salutation } from '../people.ts';

export const ORG_ADDRESS = ['Woonstede Fictief', 'Stationsplein 12', '3818 LE Amersfoort', 'KvK 90871234'];
export const ORG_FOOTER = 'Woonstede Fictief | Stationsplein 12, 3818 LE Amersfoort | KvK 90871234 | BTW NL865432109B01 | info@woonstede-fictief.nl';

export const addressBlock = (p: Person) => [`${salutation(p) === 'de heer' ? 'De heer' : 'Mevrouw'} ${p.first[0]}. ${p.last}`, p.street, `${p.postcode} ${p.city}`];
export const bsnLine = (p: Person, dotted = true) => `Burgerservicenummer (BSN): ${dotted ? dottedBsn(p.bsn) : p.bsn}`;
export const ibanLine = (p: Person) => `IBAN: ${spacedIban(p.iban)} t.n.v. ${p.first[0]}. ${p.last}`;
export const born = (p: Person) => `Geboortedatum: ${longDate(p.birth)}`;
export const greeting = (p: Person) => `Geachte ${salutation(p)} ${p.last},`;
export const signOff = (who: string, role: string) => ['', 'Met vriendelijke groet,', '', who, role, 'Woonstede Fictief'];
