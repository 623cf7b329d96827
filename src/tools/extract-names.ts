/**
 * Writes the name lists in rules/names/ from @faker-js/faker (MIT), plus the common Dutch names and surname
 * particles faker lacks (marked `addedByProject`). Run: `npx tsx src/tools/extract-names.ts`; commit the output.
 * The lists feed the person-name detector; faker is a devDependency only, the product reads the JSON.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { allLocales } from '@faker-js/faker';
import { PROJECT_FEMALE, PROJECT_MALE, PROJECT_PARTICLES, PROJECT_SURNAMES } from './project-names.ts';

const OUT = new URL('../../rules/names/', import.meta.url);
const require = createRequire(import.meta.url);
const FAKER_PACKAGE = require.resolve('@faker-js/faker/package.json');
const FAKER_VERSION = (JSON.parse(readFileSync(FAKER_PACKAGE, 'utf8')) as { version: string }).version;

const SOURCE = `@faker-js/faker ${FAKER_VERSION} (https://github.com/faker-js/faker), locales nl, nl_BE and en, person.first_name / person.last_name`;
/** The MIT notice must travel with substantial portions: the first section of faker's LICENSE, verbatim. */
const FAKER_LICENSE = readFileSync(join(dirname(FAKER_PACKAGE), 'LICENSE'), 'utf8').split('\n===')[0]!.trim();
const LICENCE = {
  licence: 'MIT',
  copyright: 'Faker - Copyright (c) 2022-2025 faker-js contributors; based on faker.js - Copyright (c) 2011-2020 Marak Squires',
  licenceText: FAKER_LICENSE,
};
const ADDED_NOTE = 'Added by the Bewaarder project (not from faker): common Dutch names as in the CBS/Meertens frequency lists, written from general knowledge; names themselves are facts, not a work.';

/** faker holds a few mojibake entries (e.g. "Ãmer"); a name is letters, apostrophes, hyphens and spaces. */
const CLEAN = /^[A-Za-zÀ-ÖØ-öø-ɏ'’ -]+$/;
const clean = (names: readonly string[]) => [...new Set(names.filter((n) => CLEAN.test(n) && !n.includes('Ã')))].sort((a, b) => a.localeCompare(b, 'nl'));

type Gendered = Partial<Record<'generic' | 'male' | 'female', readonly string[]>>;
function person(locale: 'nl' | 'nl_BE' | 'en'): { first: Gendered; last: readonly string[] } {
  const p = allLocales[locale].person as { first_name?: Gendered; last_name?: Gendered } | undefined;
  return { first: p?.first_name ?? {}, last: p?.last_name?.generic ?? [] };
}

const nl = person('nl');
const be = person('nl_BE');
const en = person('en');

const firstNames = {
  description: 'First names (voornamen) for the person-name detector: Dutch and Flemish (male, female, unisex) and English.',
  source: SOURCE,
  ...LICENCE,
  generatedBy: 'src/tools/extract-names.ts',
  male: clean([...(nl.first.male ?? []), ...(be.first.male ?? [])]),
  female: clean([...(nl.first.female ?? []), ...(be.first.female ?? [])]),
  unisex: clean([...(nl.first.generic ?? []), ...(be.first.generic ?? [])]),
  english: clean([...(en.first.male ?? []), ...(en.first.female ?? []), ...(en.first.generic ?? [])]),
  addedByProject: { note: ADDED_NOTE, male: [] as string[], female: [] as string[] },
};
const fakerFirst = new Set([...firstNames.male, ...firstNames.female, ...firstNames.unisex, ...firstNames.english]);
firstNames.addedByProject.male = clean(PROJECT_MALE).filter((n) => !fakerFirst.has(n));
firstNames.addedByProject.female = clean(PROJECT_FEMALE).filter((n) => !fakerFirst.has(n));

const surnames = {
  description: 'Surnames (achternamen) for the person-name detector, with their particles as written after a first name ("van der Meer").',
  source: SOURCE,
  ...LICENCE,
  generatedBy: 'src/tools/extract-names.ts',
  dutch: clean([...nl.last, ...be.last]),
  english: clean(en.last),
  addedByProject: { note: ADDED_NOTE, names: [] as string[] },
};
const fakerLast = new Set([...surnames.dutch, ...surnames.english]);
surnames.addedByProject.names = clean(PROJECT_SURNAMES).filter((n) => !fakerLast.has(n));

/** Particles (tussenvoegsels) seen in faker's Dutch surnames: the lower-case words before the capitalised part. */
const fakerParticles = clean(
  [...nl.last, ...be.last].map((name) => name.match(/^((?:[a-z']+ )+)/)?.[1]?.trim() ?? '').filter(Boolean),
);
const particles = {
  description: 'Surname particles (tussenvoegsels, voorvoegsels) that may stand between a first name or initials and the surname.',
  source: `${SOURCE}: the particles of its Dutch surnames`,
  ...LICENCE,
  generatedBy: 'src/tools/extract-names.ts',
  particles: fakerParticles,
  addedByProject: {
    note: 'Added by the Bewaarder project (not from faker): further Dutch particles as in the BRP table of voorvoegsels, and common foreign ones.',
    particles: [...new Set(PROJECT_PARTICLES)].filter((p) => !fakerParticles.includes(p)),
  },
};

mkdirSync(OUT, { recursive: true });
for (const [file, data] of Object.entries({ 'first-names.json': firstNames, 'surnames.json': surnames, 'particles.json': particles })) {
  writeFileSync(new URL(file, OUT), `${JSON.stringify(data, null, 2)}\n`);
}
console.log(
  `first names: ${firstNames.male.length} male, ${firstNames.female.length} female, ${firstNames.unisex.length} unisex, ${firstNames.english.length} English, ` +
    `${firstNames.addedByProject.male.length + firstNames.addedByProject.female.length} added; surnames: ${surnames.dutch.length} Dutch, ` +
    `${surnames.english.length} English, ${surnames.addedByProject.names.length} added; particles: ${particles.particles.length} + ${particles.addedByProject.particles.length}`,
);
