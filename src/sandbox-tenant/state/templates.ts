import { createRng, type Rng } from './rng.ts';

/** Synthetic Dutch office content, built from a seed (never read from disk): the same seed, the same bytes. */
const FIRST = ['Jan', 'Sanne', 'Pieter', 'Fatima', 'Daan', 'Emma', 'Mohamed', 'Lotte', 'Bram', 'Noor', 'Joris', 'Esther', 'Kees', 'Yara'];
const LAST = ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'El Amrani', 'Bos', 'Vos', 'Peters'];
const STREETS = ['Dorpsstraat', 'Kerkweg', 'Stationsplein', 'Molenlaan', 'Havenkade', 'Lindelaan'];
const CITIES = ['Utrecht', 'Zwolle', 'Leiden', 'Tilburg', 'Groningen', 'Delft', 'Arnhem'];
const TOPICS = ['begroting', 'inkoop', 'verhuizing', 'projectplan', 'jaarverslag', 'vergadering', 'onderhoud', 'planning'];

export const person = (rng: Rng) => `${rng.pick(FIRST)} ${rng.pick(LAST)}`;

/** A nine-digit number that passes the 11-test, like a real BSN (fictional: no register behind it). */
function bsn(rng: Rng): string {
  for (;;) {
    const d = Array.from({ length: 8 }, () => rng.int(10));
    const sum = d.reduce((s, x, i) => s + x * (9 - i), 0);
    const last = sum % 11;
    if (last <= 9 && d[0] !== 0) return [...d, last].join('');
  }
}

function address(rng: Rng): string {
  return `${rng.pick(STREETS)} ${1 + rng.int(200)}, ${1000 + rng.int(8999)} ${String.fromCharCode(65 + rng.int(26), 65 + rng.int(26))} ${rng.pick(CITIES)}`;
}

export type Kind = 'txt' | 'html' | 'csv';

/** One generated document: `kind` by index, content by seed. About 1 in 4 holds personal data, 1 in 20 special data. */
export function renderDocument(seed: number, index: number, kind: Kind): Buffer {
  const rng = createRng(seed * 1_000_003 + index);
  const topic = rng.pick(TOPICS);
  const who = person(rng);
  const roll = rng.next();
  const personal = roll < 0.25 ? `Betreft: ${who}, ${address(rng)}, BSN ${bsn(rng)}.` : '';
  const special = roll < 0.05 ? `Medische informatie: ${who} is in behandeling bij de bedrijfsarts wegens burn-out.` : '';
  const lines = [`Notitie ${topic} ${2020 + rng.int(6)}`, `Opgesteld door ${person(rng)}.`, personal, special,
    `Afspraken over ${topic}: de planning wordt in week ${1 + rng.int(52)} besproken.`].filter(Boolean);
  if (kind === 'html') return Buffer.from(`<!doctype html><html><head><meta charset="utf-8"><title>${topic}</title></head><body>${lines.map((l) => `<p>${l}</p>`).join('')}</body></html>`);
  if (kind === 'csv') {
    const rows = Array.from({ length: 3 + rng.int(5) }, () => `${person(rng)};${rng.pick(CITIES)};${roll < 0.25 ? bsn(rng) : rng.int(1000)}`);
    return Buffer.from(['naam;plaats;nummer', ...rows].join('\n'));
  }
  return Buffer.from(lines.join('\n'));
}
