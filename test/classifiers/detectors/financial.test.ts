import { describe, expect, it } from 'vitest';
import { financialDetector } from '../../../classifiers/detectors/financial.ts';
import { detect, outcome, type Case } from '../../support/detect.ts';

const cases: Case[] = [
  // Salary.
  { text: 'Uw bruto maandsalaris bedraagt € 3.500,00.', expect: 'strong', why: 'salary, amount and "uw"' },
  { text: 'Naam: J. Jansen\nBrutoloon: € 3.200\nLoonheffing: € 640', expect: 'strong', why: 'payslip with a Naam field' },
  { text: 'De werknemer ontvangt een uurloon van 14,50 euro.', expect: 'strong', why: 'hourly wage of an employee' },
  { text: 'Rekeninghouder: HOUTHANDEL TWENTE B.V.\nBoekdatum  Tegenrekening / naam     Omschrijving\n12-11-2026 Stora Enso B.V.  fact 9011823 incasso  -18.440,20 D', expect: 'weak', why: 'a business statement: the holder is a B.V., its naam column lists counterparties' },
  { text: '"Rekeninghouder";"HUURDERSVERENIGING DE SAMENWERKING"\nBoekdatum  Tegenrekening / naam     Omschrijving\n12-11-2026 Eneco B.V.  incasso energie  -118,20 D', expect: 'weak', why: 'a delimited holder row names an association (a compound)' },
  { text: 'Rekeninghouder: Voetbalvereniging Zuidwolde\nBoekdatum  Tegenrekening / naam     Omschrijving\n12-11-2026 Eneco B.V.  incasso energie  -118,20 D', expect: 'weak', why: 'the holder is a club: a compound ending in vereniging' },
  { text: 'Rekeninghouder: J. Verenigingsveld\nBoekdatum  Tegenrekening / naam     Omschrijving\n12-11-2026 Eneco B.V.  incasso energie  -118,20 D', expect: 'strong', why: 'an organisation word inside a surname, not at its end' },
  { text: 'Rekeninghouder: J. Bakker\nBoekdatum  Tegenrekening / naam     Omschrijving\n12-11-2026 Eneco B.V.  incasso energie  -118,20 D', expect: 'strong', why: 'a private statement: the holder is a person' },
  { text: 'Vakantiegeld: EUR 1.250,00', expect: 'weak', why: 'holiday pay with an amount but nobody it belongs to: weak' },
  {
    text: 'in de zaak tussen [eiseres], uit [woonplaats], en het college.\nHet college heeft € 6.214,88 aan bijstand van haar teruggevorderd.',
    expect: 'weak', why: 'a pseudonymised ruling: "haar" is a party no reader can identify',
  },
  {
    text: '[verdachte] verdient € 2.150 netto per maand; zijn schuld bij [slachtoffer] bedraagt € 14.000.',
    expect: 'weak', why: 'a pseudonymised criminal ruling: placeholders, no person',
  },
  {
    text: 'Mevrouw [naam] heeft een schuld van € 2.300.\nMevrouw Jansen heeft een schuld van € 2.300.',
    expect: 'strong', why: 'one placeholder is a blank, not a pseudonymised publication',
  },
  {
    text: 'Beste [voornaam],\nUw bruto maandsalaris bedraagt € 3.500,00.',
    expect: 'strong', why: 'a mail-merge field is no pseudonymised party',
  },
  { text: 'Naam: P. de Vries\nPeriode: mei\nVakantiegeld: EUR 1.250,00', expect: 'strong', why: 'the same line in a document about a named person (a payslip)' },
  { text: 'Het salaris van mevrouw De Vries wordt per 1 januari verhoogd.', expect: 'strong', why: 'salary of a named person, no amount' },
  { text: 'Haar salaris wordt verhoogd naar € 3.100.', expect: 'strong', why: 'pronoun with an amount' },
  // Debts and arrears.
  { text: 'Er is loonbeslag gelegd op het inkomen van de heer Jansen.', expect: 'strong', why: 'wage garnishment of a person' },
  { text: 'U heeft een betalingsachterstand van € 450,-.', expect: 'strong', why: 'arrears with amount' },
  { text: 'Mevrouw heeft een BKR-registratie.', expect: 'strong', why: 'credit registration of a person' },
  { text: 'Dhr. P. de Vries is toegelaten tot de WSNP.', expect: 'strong', why: 'debt restructuring, title with initials' },
  { text: 'Uw schuld bij de deurwaarder bedraagt € 1.200.', expect: 'strong', why: 'ambiguous word with amount and person' },
  { text: 'De uitkering van de heer Jansen wordt stopgezet.', expect: 'strong', why: 'benefit of a named person' },
  { text: 'Wij sturen u een aanmaning van € 45,00.', expect: 'strong', why: 'reminder to "u" with an amount' },
  // A pronoun alone: a letter to someone, or a text addressing every reader.
  { text: 'Wij sturen u een aanmaning.', expect: 'weak', why: 'reminder to "u", no amount' },
  { text: 'Mijn schulden lopen op.', expect: 'weak', why: 'first person, no amount' },
  { text: 'Bij uw aanvraag vragen wij naar uw inkomen en raadplegen wij het BKR.', expect: 'weak', why: 'privacy statement' },
  { text: 'Approved expenses are paid with your next salary.', expect: 'weak', why: 'manual addressing any reader' },
  { text: 'De heer Jansen is niet schuldig; het is niet zijn schuld.', expect: 'weak', why: 'ambiguous word near a named person' },
  // Not about a person.
  { text: 'De omzet steeg met 12% tot € 4,5 miljoen; het salaris van de directie bleef gelijk.', expect: 'weak', why: 'annual report' },
  { text: 'De totale personeelskosten bedroegen € 1,2 miljoen.', expect: 'none', why: 'company figure, no financial term about a person' },
  { text: 'De salariskosten van de organisatie stegen met € 200.000.', expect: 'none', why: 'organisation cost line' },
  { text: 'Het gemiddelde salaris van een medewerker is € 3.000.', expect: 'weak', why: 'an average, not one person' },
  { text: 'Wij verwerken salarisgegevens voor de loonadministratie.', expect: 'weak', why: 'privacy statement: topic only' },
  { text: 'Het is zijn schuld dat we te laat waren.', expect: 'none', why: 'guilt, not debt' },
  { text: 'De heer T. van Loon\nMolenweg 7a', expect: 'none', why: 'a surname, not a wage' },
  { text: 'naam          functie       jaarsalaris\nP. Jansen     monteur       52.000,00', expect: 'strong', why: 'salary table with a name column and Dutch money format' },
  { text: 'crediteurnr;naam;factuurnr;bedrag\n20011;Medline International B.V.;INV-884120;4.812,40\n20034;Nedap N.V.;2026-55102;1.045,00\n20070;Belastingdienst (loonheffing);aangifte 08-2026;148.220,00', expect: 'weak', why: "a creditors' list: its naam column holds organisations" },
  { text: 'nr;naam;functie;loonheffing\n1;P. Jansen;monteur;1.240,00\n2;K. de Vries;planner;980,00\n3;A. Bakker;chauffeur;1.105,50', expect: 'strong', why: 'a naam column of people' },
  { text: 'nr;naam;werkgever;loonheffing\n1;P. Jansen;Bouwbedrijf Smits B.V.;1.240,00\n2;K. de Vries;Otis B.V.;980,00\n3;A. Bakker;Sodexo B.V.;1.105,50', expect: 'strong', why: 'organisations in another column do not make the naam column one of organisations' },
  { text: 'Bonus is maximaal 8,33% van het jaarsalaris.', expect: 'weak', why: 'a percentage is not an amount' },
  { text: 'Wij verwerken uw naam, e-mailadres en IBAN voor de contributie-incasso.', expect: 'weak', why: 'the word naam is not a Naam: field' },
  { text: 'Er is een achterstand in het onderhoud.', expect: 'none', why: 'backlog, not arrears' },
  { text: 'Het bedrag van € 500 is voldaan.', expect: 'none', why: 'an amount without a financial-situation word' },
  { text: 'Factuurnummer 2024-001, totaal € 1.210,00', expect: 'none', why: 'invoice line' },
];

describe('financial detector', () => {
  it.each(cases)('$expect: $why — $text', ({ text, expect: expected }) => {
    expect(outcome(financialDetector, text)).toBe(expected);
  });

  it('masks the amount and names the word and the person reference', () => {
    const [hit] = detect(financialDetector, 'Uw bruto maandsalaris bedraagt € 3.500,00.');
    expect(hit?.evidence).toBe('bruto maandsalaris: € *.***,**');
    expect(hit?.reason).toContain('"uw"');
    expect(`${hit?.evidence} ${hit?.reason}`).not.toContain('3.500');
  });

  it('makes one occurrence per sentence, and keeps sentences apart', () => {
    const text = 'Uw loonbeslag, uw schulden en uw BKR-registratie zijn bekend. De omzet van de organisatie steeg.';
    expect(detect(financialDetector, text)).toHaveLength(1);
    const two = 'De heer Jansen heeft schulden. Mevrouw Pietersen ontvangt een uitkering.';
    expect(detect(financialDetector, two)).toHaveLength(2);
  });

  it('does not let an initial end the sentence before the person', () => {
    const [hit] = detect(financialDetector, 'Dhr. J. Jansen heeft loonbeslag.');
    expect(hit?.confidence).toBe(0.75);
    expect(hit?.reason).toContain('"dhr."');
    const [other] = detect(financialDetector, 'Mw. A. de Vries heeft loonbeslag.');
    expect(other?.reason).toContain('"mw."');
  });
});
