import type { Faker } from '@faker-js/faker';
import { fakeBsn, fakeIban } from './ids.ts';

/** A fictional person: every field comes from the seeded faker, nothing from a real register. */
export interface Person {
  first: string;
  last: string;
  name: string;
  sex: 'M' | 'V';
  birth: Date;
  street: string;
  postcode: string;
  city: string;
  phone: string;
  privateMail: string;
  bsn: string;
  iban: string;
  personnelNo: string;
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** 12 maart 2025 */
export const longDate = (d: Date) => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
/** 12-03-2025 */
export const shortDate = (d: Date) => `${String(d.getUTCDate()).padStart(2, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${d.getUTCFullYear()}`;
export const monthName = (m: number) => MONTHS[m]!;

/** Postcodes: four digits (first not 0) and two letters, never SA, SD or SS. */
function postcode(faker: Faker): string {
  const letters = faker.helpers.arrayElement(['AB', 'BK', 'CL', 'DT', 'EH', 'GR', 'HN', 'JP', 'KM', 'LV', 'MZ', 'NR', 'PX', 'RT', 'TW', 'VG']);
  return `${faker.number.int({ min: 1000, max: 9999 })} ${letters}`;
}

const plain = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z]/g, '').toLowerCase();

export function createPerson(faker: Faker, personnelNo = ''): Person {
  const sex = faker.helpers.arrayElement(['M', 'V'] as const);
  const first = faker.person.firstName(sex === 'M' ? 'male' : 'female');
  const last = faker.person.lastName();
  const birth = faker.date.between({ from: '1962-01-01T00:00:00Z', to: '2001-12-31T00:00:00Z' });
  birth.setUTCHours(0, 0, 0, 0);
  return {
    first,
    last,
    name: `${first} ${last}`,
    sex,
    birth,
    street: `${faker.location.street()} ${faker.number.int({ min: 1, max: 240 })}`,
    postcode: postcode(faker),
    city: faker.location.city(),
    phone: `06-${faker.string.numeric(8)}`,
    privateMail: `${plain(first)}.${plain(last)}${faker.number.int({ min: 1, max: 99 })}@${faker.helpers.arrayElement(['voorbeeldmail.nl', 'fictief-mail.nl', 'postvak-test.nl'])}`,
    bsn: fakeBsn(faker),
    iban: fakeIban(faker),
    personnelNo,
  };
}

export const initials = (p: Person) => `${p.first[0]}. ${p.last}`;
export const salutation = (p: Person) => (p.sex === 'M' ? 'de heer' : 'mevrouw');
