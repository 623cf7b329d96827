import type { Doc } from '../formats/index.ts';
import { spacedIban } from '../ids.ts';
import { longDate, type Person, shortDate } from '../people.ts';
import { born, greeting, signOff } from './org-text.ts';

/** Documents holding one art. 9 category about a named person (DOMAIN.md: special data needs a data subject). */
export function vakbond(p: Person, day: Date): Doc {
  return {
    title: 'Machtiging inhouding vakbondscontributie',
    lines: [
      `Ondergetekende, ${p.name}, personeelsnummer ${p.personnelNo}, is lid van vakbond FNV (lidmaatschapsnummer ${p.personnelNo.slice(1)}73).`,
      'Hij/zij verzoekt de werkgever de vakbondscontributie maandelijks in te houden op het brutoloon en af te dragen aan de vakbond (fiscale uitruil, Cao Woondiensten).',
      `Contributie per maand: € 18,40`, `Ingangsdatum: ${shortDate(day)}`, '', `Handtekening werknemer: ${p.name}`,
    ],
  };
}

export function biometrie(p: Person, day: Date): Doc {
  return {
    title: 'Registratie vingerafdruk toegangssysteem serverruimte',
    lines: [
      `Medewerker: ${p.name}`, `Personeelsnummer: ${p.personnelNo}`, `Datum registratie: ${shortDate(day)}`, '',
      'Voor toegang tot de serverruimte is van deze medewerker een vingerafdruk vastgelegd. Het biometrische template (vingerafdruktemplate, ISO 19794-2) is opgeslagen in de lezer bij de deur en wordt gebruikt om de medewerker te identificeren.',
      'Template-id: FP-7731-02, kwaliteit 87/100, rechter wijsvinger.', `Toestemming medewerker gegeven op ${shortDate(day)}.`,
    ],
  };
}

export function gezichtsherkenning(p: Person, day: Date): Doc {
  return {
    title: `Toegangspas met gezichtsherkenning ${p.name}`,
    lines: [
      `Ten behoeve van het nieuwe toegangssysteem is op ${longDate(day)} een gezichtsscan gemaakt van ${p.name} (${p.personnelNo}).`,
      'Het gezichtstemplate (biometrische gegevens) wordt gebruikt om de medewerker bij de hoofdingang te herkennen en te identificeren.',
      'De medewerker heeft schriftelijk toestemming gegeven; zonder toestemming krijgt hij/zij een pas met pincode.',
    ],
  };
}

export function religieVerlof(p: Person, by: Person, day: Date): Doc {
  return {
    title: 'Verlofaanvraag religieuze feestdag',
    lines: [
      `Aanvrager: ${p.name}`, `Datum: ${shortDate(day)}`, '',
      `${p.first} vraagt een vrije dag aan voor het Suikerfeest. ${p.first} is moslim en viert het einde van de ramadan met familie in de moskee.`,
      `Akkoord leidinggevende: ${by.name}`,
    ],
  };
}

export function ongewenstGedrag(p: Person, accused: Person, day: Date): Doc {
  return {
    title: 'Melding ongewenst gedrag aan de vertrouwenspersoon',
    lines: [
      `Melder: ${p.name}`, `Datum gesprek: ${shortDate(day)}`, '',
      `${p.first} meldt dat collega ${accused.name} herhaaldelijk opmerkingen maakt over zijn homoseksualiteit en over zijn vriend, die hem soms ophaalt van het werk.`,
      `${p.first} wil dat dit stopt maar wil nog geen formele klacht indienen. Afgesproken is een vervolggesprek over vier weken.`,
      '', 'Vertrouwelijk: alleen voor de vertrouwenspersoon.',
    ],
  };
}

export function etniciteit(p: Person, day: Date): Doc {
  return {
    title: 'Aantekening gesprek vertrouwenspersoon',
    lines: [
      `Gesprek met ${p.name} op ${shortDate(day)}.`, '',
      `${p.first} is van Marokkaanse afkomst en ervaart dat huurders haar anders benaderen vanwege haar etnische achtergrond en haar hoofddoek.`,
      'Zij vraagt of het team hierover een training kan krijgen. Vervolgafspraak gemaakt.',
    ],
  };
}

export function nevenfunctie(p: Person, day: Date): Doc {
  return {
    title: 'Melding nevenwerkzaamheden',
    lines: [
      `Naam medewerker: ${p.name}`, `Datum melding: ${shortDate(day)}`, '',
      `Nevenfunctie: gemeenteraadslid voor de Partij voor de Dieren in de gemeente ${p.city}. ${p.first} is sinds 2022 lid van deze politieke partij en woordvoerder wonen namens de fractie.`,
      'Beoordeling: geen belangenverstrengeling zolang de medewerker niet stemt over prestatieafspraken met Woonstede Fictief.',
    ],
  };
}

export function genetisch(p: Person, by: Person, day: Date): Doc {
  return {
    title: 'Verzoek aanpassing werkzaamheden',
    lines: [
      greeting(by), '',
      `Zoals besproken: uit een DNA-test in het klinisch genetisch centrum is gebleken dat ik drager ben van een erfelijke BRCA1-mutatie. Ik krijg de komende maanden preventieve controles en vraag daarom om flexibele werktijden.`,
      ...signOff(p.name, `personeelsnummer ${p.personnelNo}`), born(p),
    ],
  };
}

export function salarisBeslag(p: Person, day: Date): Doc {
  return {
    title: 'Loonbeslag en betalingsachterstand',
    lines: [
      `Betreft: ${p.name}, ${p.personnelNo}`, `Datum: ${shortDate(day)}`, '',
      `De deurwaarder heeft beslag gelegd op het loon van ${p.name} wegens een schuld van € 4.812,00. Maandelijks wordt € 310,00 ingehouden en overgemaakt.`,
      `Rekening werknemer: ${spacedIban(p.iban)}.`,
    ],
  };
}
