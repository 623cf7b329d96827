import { describe, expect, it } from 'vitest';
import { dateOfBirthDetector } from '../../../classifiers/detectors/date-of-birth.ts';
import { detect, outcome, type Case } from '../../support/detect.ts';

const cases: Case[] = [
  { text: 'Geboortedatum/Date of birth\n22 JUL/JUL 1991', expect: 'strong', why: 'the bilingual month of an identity document' },
  { text: 'Geboortedatum / Date of birth: 15 MAA/MAR 1985', expect: 'strong', why: 'MAA is how Dutch ID cards write maart' },
  // Scans: OCR letters for digits, read only right after a birth label.
  { text: ' Geb.datum    :  11-O5-1968                          In dienst   :  01-04-2009', expect: 'strong', why: 'OCR "O" for zero in a payslip field' },
  { text: 'Geboortedatum: l2-03-1985', expect: 'strong', why: 'OCR "l" for one' },
  { text: 'Geboortedatum: 31-O2-1985', expect: 'none', why: 'read as digits, no such day' },
  { text: 'geb. Oosterhout', expect: 'none', why: 'a place after the label, not a misread date' },
  { text: 'Vergadering op 11-O5-1968 in de kantine', expect: 'none', why: 'no birth label: OCR letters are never read in running text' },
  // Labels.
  { text: 'Geboortedatum: 12-03-1985', expect: 'strong', why: 'dashed date after its label' },
  { text: 'geb. 12/03/1985', expect: 'strong', why: 'abbreviated label, slashes' },
  { text: 'Geb. datum: 12.03.1985', expect: 'strong', why: 'dotted date' },
  { text: 'DOB 1985-03-12', expect: 'strong', why: 'ISO date' },
  { text: 'Date of birth: March 12, 1985', expect: 'strong', why: 'English month-day' },
  { text: 'Geboren op 12 mrt. 1985 te Utrecht', expect: 'strong', why: 'abbreviated Dutch month' },
  { text: 'Geboortedatum\n12 maart 1985', expect: 'strong', why: 'value on the next line' },
  { text: 'born on 3rd of June 1990', expect: 'strong', why: 'ordinal' },
  { text: 'Jan Jansen (geb. 01-02-85)', expect: 'strong', why: 'two-digit year' },
  { text: 'Birth date: 03/25/1985', expect: 'strong', why: 'American order when the day cannot be a month' },
  // Phrases.
  { text: 'Jan Jansen, geboren te Amsterdam op 12 maart 1985, verklaart', expect: 'strong', why: 'geboren te … op' },
  { text: "geboren te 's-Gravenhage op 3 mei 1970", expect: 'strong', why: "place with 's-" },
  { text: 'She was born in New York City on March 12, 1985.', expect: 'strong', why: 'born in … on' },
  // Ages.
  { text: 'Leeftijd: 38', expect: 'strong', why: 'age (0.6)' },
  { text: 'een man van 38 jaar oud', expect: 'strong', why: 'age with jaar oud' },
  { text: 'a 45-year-old employee', expect: 'strong', why: 'English age' },
  { text: 'Leeftijd: 250', expect: 'none', why: 'not a human age' },
  // Invalid dates.
  { text: 'Geboortedatum: 31-02-1985', expect: 'none', why: 'no such day' },
  { text: 'Geboortedatum: 14-13-1985', expect: 'none', why: 'no such month in either order' },
  { text: 'Geboortedatum: 00-03-1985', expect: 'none', why: 'day zero' },
  { text: 'Geboortedatum: 12-03-2090', expect: 'none', why: 'in the future' },
  { text: 'Geboren: 01-01-1850', expect: 'none', why: 'more than 120 years ago' },
  { text: 'Geboortedatum: 29-02-1985', expect: 'none', why: '1985 was no leap year' },
  { text: 'Geboortedatum: 29-02-1984', expect: 'strong', why: 'leap day' },
  // Animal registers: an animal's birth date is no personal data.
  { text: 'levensnummer;werknummer;geboortedatum;geslacht;ras;UBN_huidig\nNL 314789328;1200;07-04-2024;M;BS;2841106\nNL 113879811;1207;08-04-2022;V;FH;2841106', expect: 'none', why: "a herd's I&R export (life numbers, UBN)" },
  { text: 'Oormerk: NL 314789328   Geboortedatum: 07-04-2024   Geslacht: stier', expect: 'none', why: "an animal's ear tag on the label's line" },
  { text: 'persnr;naam;geboortedatum;functie\n1004;Jansen, P.A.;14-03-1971;uitvoerder\n1011;Korkmaz, E.;02-09-1985;timmerman', expect: 'strong', why: 'a staff table: persons' },
  { text: 'Naam eigenaar: J. Jansen\nGeboortedatum: 14-03-1971\nLevensnummer paard: 528003 2019 12345', expect: 'strong', why: "the owner's birth date on its own line, the horse's number on another" },
  // Dates without birth context.
  { text: 'Factuurdatum: 12-03-2024', expect: 'none', why: 'invoice date' },
  { text: 'Vergadering op 12 maart 1985 om 10:00', expect: 'none', why: 'meeting date' },
  { text: 'Datum: 12-03-1985', expect: 'none', why: 'a plain date' },
  { text: 'Geboortedatum: onbekend. Datum gesprek: 12-03-2020', expect: 'none', why: 'another label stands between' },
  { text: 'Hij is geboren en getogen in Utrecht en werkt sinds 01-01-2010 bij ons', expect: 'none', why: 'phrase without a date of its own' },
  { text: 'De gemeente registreert geboorten sinds 1811', expect: 'none', why: 'a year about births, no person' },
  { text: 'Het gebouw (geb. A) is op 12-03-2024 geopend', expect: 'none', why: 'geb. for gebouw' },
];

describe('date-of-birth detector', () => {
  it.each(cases)('$expect: $why — $text', ({ text, expect: expected }) => {
    expect(outcome(dateOfBirthDetector, text)).toBe(expected);
  });

  it('keeps only the year in the evidence', () => {
    const [hit] = detect(dateOfBirthDetector, 'Geboortedatum: 12-03-1985');
    expect(hit?.evidence).toBe('geboortedatum: **-**-1985');
    expect(hit?.value).toBe('1985-03-12');
    expect(hit?.confidence).toBeGreaterThanOrEqual(0.9);
    const [spelled] = detect(dateOfBirthDetector, 'geboren op 12 maart 1985');
    expect(spelled?.evidence).toBe('geboren op: ** ***** 1985');
    expect(`${spelled?.evidence} ${spelled?.reason}`).not.toMatch(/\b12\b|maart/);
  });

  it('masks an OCR-read date as digits, keeping the year, and says it was read from a scan', () => {
    const [hit] = detect(dateOfBirthDetector, 'Geb.datum : 11-O5-1968');
    expect(hit?.evidence).toBe('geb.datum: **-**-1968');
    expect(hit?.reason).toContain('read from a scan');
    expect(hit?.value).toBe('1968-05-11');
  });

  it('rates an age below a date of birth', () => {
    const [age] = detect(dateOfBirthDetector, 'Leeftijd: 38 jaar');
    expect(age?.confidence).toBe(0.6);
    expect(age?.evidence).toBe('leeftijd: **');
  });

  it('reads the column under a birth-date header in a table', () => {
    const table = 'Naam;Geboortedatum;Plaats\nJansen;12-03-1985;Utrecht\nDe Vries;1-1-1970;Breda\nPietersen;;Ede\n\nFactuur;12-03-2024;x';
    const found = detect(dateOfBirthDetector, table);
    expect(found.map((o) => o.value)).toEqual(['1985-03-12', '1970-01-01']);
    expect(table.slice(found[0]!.start, found[0]!.end)).toBe('12-03-1985');
    const markdown = '| Naam | Geb. datum (dd-mm-jjjj) |\n|---|---|\n| Jansen | 12-03-1985 |';
    expect(detect(dateOfBirthDetector, markdown).map((o) => o.value)).toEqual(['1985-03-12']);
  });

  it('does not read a column under a label inside prose', () => {
    const prose = 'Wij vragen uw naam, geboortedatum en adres.\nA,12-03-1985';
    expect(detect(dateOfBirthDetector, prose)).toEqual([]);
  });
});
