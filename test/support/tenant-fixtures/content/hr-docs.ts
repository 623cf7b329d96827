import type { Doc } from '../formats/index.ts';
import { spacedIban } from '../ids.ts';
import { longDate, monthName, type Person, shortDate } from '../people.ts';
import { addressBlock, born, bsnLine, greeting, ibanLine, ORG_ADDRESS, signOff } from './org-text.ts';

/** HR documents about one employee. `by` signs for Personeelszaken. */
export function arbeidsovereenkomst(p: Person, by: Person, start: Date, role: string, salary: number, withBsn: boolean): Doc {
  return {
    title: `Arbeidsovereenkomst ${p.name}`,
    lines: [
      'De ondergetekenden:', '',
      `1. ${ORG_ADDRESS[0]}, gevestigd te Amersfoort, hierna te noemen "de werkgever", vertegenwoordigd door ${by.name};`,
      `2. ${p.name}, wonende ${p.street}, ${p.postcode} ${p.city}, geboren op ${longDate(p.birth)}, hierna te noemen "de werknemer";`,
      ...(withBsn ? [bsnLine(p)] : []), '',
      'verklaren te zijn overeengekomen als volgt:', '',
      `Artikel 1 Functie. De werknemer treedt op ${longDate(start)} in dienst in de functie van ${role}.`,
      'Artikel 2 Duur. De arbeidsovereenkomst wordt aangegaan voor onbepaalde tijd met een proeftijd van een maand.',
      'Artikel 3 Arbeidsduur. De arbeidsduur bedraagt 36 uur per week.',
      `Artikel 4 Salaris. Het bruto maandsalaris bedraagt € ${salary.toLocaleString('nl-NL')},-, uit te betalen op rekening ${spacedIban(p.iban)}.`,
      'Artikel 5 Cao. Op deze overeenkomst is de Cao Woondiensten van toepassing.',
      'Artikel 6 Opzegtermijn. De opzegtermijn is conform de cao.', '',
      `Aldus opgemaakt en ondertekend te Amersfoort op ${longDate(start)}.`, '',
      `Werkgever: ${by.name}                Werknemer: ${p.name}`,
    ],
  };
}

export function loonstrook(p: Person, year: number, month: number, gross: number): Doc {
  const tax = Math.round(gross * 0.21);
  const pension = Math.round(gross * 0.07);
  return {
    title: `Loonstrook ${monthName(month)} ${year}`,
    lines: [
      ORG_ADDRESS[0]!, `Periode: ${monthName(month)} ${year}`, '',
      `Werknemer: ${p.name}`, `Personeelsnummer: ${p.personnelNo}`, bsnLine(p), born(p), '',
      `Brutoloon: € ${gross},00`, `Pensioenpremie: € ${pension},00`, `Loonheffing: € ${tax},00`,
      'Loonheffingskorting: toegepast', `Nettoloon: € ${gross - tax - pension},00`, '',
      `Uit te betalen op ${spacedIban(p.iban)}`,
    ],
  };
}

export function ziekmelding(p: Person, by: Person, day: Date, reason: string): Doc {
  return {
    title: `Ziekmelding ${p.name}`,
    lines: [
      'Verzuimmelding aan de arbodienst', '',
      `Naam werknemer: ${p.name}`, `Personeelsnummer: ${p.personnelNo}`, born(p),
      `Datum ziekmelding: ${shortDate(day)}`, '',
      `Toelichting: de werknemer heeft zich ziek gemeld vanwege ${reason}. De huisarts heeft rust voorgeschreven.`,
      'De werknemer is telefonisch bereikbaar en verwacht binnen twee weken het werk gedeeltelijk te hervatten.', '',
      `Gemeld door: ${by.name}, Personeelszaken`,
    ],
  };
}

export function reintegratie(p: Person, by: Person, day: Date, condition: string): Doc {
  return {
    title: `Plan van aanpak re-integratie ${p.name}`,
    lines: [
      `Werknemer: ${p.name}`, `Functie: ${p.personnelNo ? 'medewerker' : ''}`, `Eerste ziektedag: ${shortDate(day)}`, '',
      `Probleemanalyse bedrijfsarts: de werknemer is arbeidsongeschikt door ${condition}. De belastbaarheid is beperkt; maximaal vier uur per dag, geen tilwerk.`,
      'Doel: volledige terugkeer in de eigen functie binnen twaalf weken (Wet verbetering poortwachter).',
      'Afspraken: week 1-4 twee uur per dag, week 5-8 vier uur per dag, fysiotherapie tweemaal per week.',
      `Evaluatie met de bedrijfsarts op ${shortDate(new Date(day.getTime() + 42 * 86400000))}.`, '',
      `Leidinggevende: ${by.name}`, `Werknemer: ${p.name}`,
    ],
  };
}

export function medischeVerklaring(p: Person, doctor: Person, day: Date, condition: string): Doc {
  return {
    title: 'Medische verklaring',
    lines: [
      `Ondergetekende, ${doctor.name}, huisarts te ${doctor.city}, verklaart dat`, '',
      `${p.name}, geboren op ${longDate(p.birth)},`, '',
      `bij hem/haar onder behandeling is in verband met ${condition}. Patiënt gebruikt medicatie en kan gedurende de behandeling geen nachtdiensten verrichten.`, '',
      `${doctor.city}, ${longDate(day)}`, doctor.name, 'huisarts',
    ],
  };
}

export function vogAfwijzing(p: Person, day: Date, offence: string): Doc {
  return {
    title: 'Voornemen tot afwijzing aanvraag Verklaring Omtrent het Gedrag',
    lines: [
      'Dienst Justis, Ministerie van Justitie en Veiligheid', '', ...addressBlock(p), '',
      `Datum: ${longDate(day)}`, 'Betreft: uw aanvraag VOG natuurlijke personen, screeningsprofiel 45 (financiële gegevens)', '',
      greeting(p), '',
      `Uit het Justitieel Documentatieregister blijkt dat u in ${day.getUTCFullYear() - 3} bent veroordeeld voor ${offence}.`,
      'Dit strafbare feit is relevant voor de functie waarvoor de VOG is aangevraagd. Wij zijn daarom voornemens uw aanvraag af te wijzen.',
      'U kunt binnen twee weken uw zienswijze geven.', '', 'Met vriendelijke groet,', 'Dienst Justis',
    ],
  };
}

export function vogAfgegeven(p: Person, day: Date): Doc {
  return {
    title: 'Verklaring Omtrent het Gedrag natuurlijke personen',
    lines: [
      'Dienst Justis verklaart dat uit een onderzoek naar het gedrag van:', '',
      `Naam: ${p.name}`, born(p), `Geboorteplaats: ${p.city}`, '',
      'met het oog op het risico voor de samenleving in verband met het doel waarvoor de verklaring is gevraagd, geen bezwaren zijn gebleken.',
      `Doel: functie bij ${ORG_ADDRESS[0]}`, `Datum afgifte: ${longDate(day)}`,
    ],
  };
}

export function beoordeling(p: Person, by: Person, day: Date, score: string, points: string): Doc {
  return {
    title: `Beoordelingsverslag ${day.getUTCFullYear()} ${p.name}`,
    lines: [
      `Medewerker: ${p.name}`, `Leidinggevende: ${by.name}`, `Datum beoordelingsgesprek: ${shortDate(day)}`, '',
      'Competenties: klantgerichtheid, samenwerken, plannen en organiseren.',
      `Prestaties: ${p.first} haalt de afgesproken productie en wordt door huurders positief gewaardeerd.`,
      `Ontwikkelpunten: ${points}.`, `Eindoordeel: ${score}.`, '', 'Gezien en akkoord medewerker: ja',
    ],
  };
}

export function cv(p: Person, job: string, school: string): Doc {
  return {
    title: `Curriculum vitae ${p.name}`,
    lines: [
      'Personalia', `Naam: ${p.name}`, `Adres: ${p.street}, ${p.postcode} ${p.city}`, `Telefoon: ${p.phone}`, `E-mail: ${p.privateMail}`, born(p), '',
      'Werkervaring', `2019 - heden: ${job}, Woningstichting Voorbeeld`, '2015 - 2019: medewerker klantenservice, Energiebedrijf Test B.V.', '',
      'Opleiding', `${school}`, '', 'Vaardigheden: Microsoft 365, Engels (goed), rijbewijs B',
    ],
  };
}

export function sollicitatiebrief(p: Person, vacancy: string, day: Date): Doc {
  return {
    title: `Sollicitatie ${vacancy}`,
    lines: [
      p.name, p.street, `${p.postcode} ${p.city}`, p.phone, p.privateMail, '', `${p.city}, ${longDate(day)}`, '',
      'Aan: Woonstede Fictief, t.a.v. Personeelszaken', `Betreft: sollicitatie ${vacancy}`, '',
      'Geachte heer, mevrouw,', '',
      `Met veel interesse las ik uw vacature voor ${vacancy}. Mijn motivatie: ik werk graag met mensen en wil bijdragen aan goede en betaalbare huisvesting.`,
      'In de bijlage vindt u mijn cv. Graag licht ik mijn sollicitatie toe in een gesprek.', '', 'Met vriendelijke groet,', '', p.name,
    ],
  };
}

export const ibanOf = ibanLine;
