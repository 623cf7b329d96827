import { describe, expect, it } from 'vitest';
import { createDocumentTypeClassifier, trainDocumentTypeModel } from '../../classifiers/doctype/classifier.ts';
import { DOCTYPES } from '../../classifiers/doctype/doctypes.ts';
import { ScannedText } from '../../classifiers/text/scanned-text.ts';
import { Vocabulary } from '../../classifiers/text/vocabulary.ts';
import { classifyText } from '../../src/index.ts';

/** English documents and Dutch financial lists get their type from their own wording (rules/doctypes.json cues). */
const cases: { type: string; text: string }[] = [
  {
    type: 'correspondentie',
    text: `Dear Mr Collins,\n\nThank you for your letter of 4 March about the parking arrangements at our Bath Road site. We have
looked into the matter and agree that the signs at the entrance are unclear. New signs will be installed next month.\n
If you have any further questions, please do not hesitate to contact me.\n\nYours sincerely,\n\nJane Whitfield\nSite Manager`,
  },
  {
    type: 'beoordelingsverslag',
    text: `ANNUAL PERFORMANCE REVIEW 2025\nEmployee: Mark Dunn    Reviewer: Sarah Lowe (Team Leader)\n\nObjectives
1. Reduce average handling time to 6 minutes – achieved (5:40).\n2. Complete coaching qualification – partly achieved.\n
Strengths: calm with difficult customers, reliable.\nAreas for development: written updates to the team.\n
Overall rating: 3 – Meets expectations\nAppraisal agreed and signed by both parties.`,
  },
  {
    type: 'beleidsstuk',
    text: `Remote Working Policy\n\nApproved by: Management Team, 3 February 2025\n\n1. Purpose\nThis policy explains when and
how staff may work from home.\n\n2. Scope\nIt applies to all employees and contractors with a company laptop.\n
3. Principles\nRemote working is agreed with the line manager. Confidential papers are not taken home. Staff use the
VPN and lock their screen.\n\n4. Responsibilities\nManagers review arrangements every year.`,
  },
  {
    type: 'factuur',
    text: `INVOICE\nGreenway Landscapes Ltd, 4 Mill Road, Ely CB7 4DP\n\nBill to: Accounts Payable, Fenland Homes Ltd
Invoice number: GL-2291    Invoice date: 30 April 2025    Due date: 30 May 2025\n\nGrounds maintenance April (4 visits)  £1,240.00
VAT 20%  £248.00\nTotal due  £1,488.00\n\nPlease quote the invoice number with your payment.`,
  },
  {
    type: 'financieel-overzicht',
    text: `Debiteurenlijst – openstaande posten per 31-10-2025\n\nDebiteur;Factuur;Vervaldatum;Bedrag;0-30;31-60;>60
Bakkerij Hoeve B.V.;25-1188;15-10-2025;1.240,00;1.240,00;;\nGarage Ten Brink V.O.F.;25-1102;30-09-2025;780,50;;780,50;
Sportclub Irene;25-0977;31-08-2025;310,00;;;310,00\n\nOuderdomsanalyse: 62% binnen termijn.`,
  },
  {
    type: 'handleiding',
    text: `Standard operating procedure SOP-LAB-02: calibrating the pH meter\n\nStep 1 - Switch the meter on and let it warm up
for ten minutes.\nStep 2 - Rinse the electrode with demineralised water and dab it dry.\nStep 3 - Measure buffer pH 7.00,
then pH 4.01, and press CAL after each reading.\nStep 4 - Note the slope in the calibration log; replace the electrode if
the slope is below 95%.`,
  },
];

describe('document type cues', () => {
  it.each(cases)('$type', ({ type, text }) => {
    const result = classifyText(text);
    expect(result.documentType, result.documentTypeReason).toBe(type);
  });

  it('reads "manual" as a handbook only where it names one ("the manual", "user manual"), not the adjective', () => {
    const review = 'Post-incident review INC-88\n\nThe certificate expired because its manual rotation was missed. Manual failover took 20 minutes. Action: automate the rotation.';
    expect(classifyText(review).documentTypeReason).not.toMatch(/"manual"/);
    const guide = 'How to reset the router\n\nSee the manual for the position of the reset button. Step 1: unplug the router.';
    expect(classifyText(guide).documentTypeReason).toMatch(/"the manual"/);
  });

  it('does not read cue words inside the field names of an export', () => {
    const csv = 'klant_id;omzet_totaal;kosten_verzending;resultaat_marge\n1001;120,00;6,95;33,10\n1002;89,50;6,95;21,40';
    expect(classifyText(csv).documentTypeReason).toMatch(/^no cue words/);
  });

  it('knows the types of every cue word as the shared pass reports it (one list for all types)', () => {
    const classifier = createDocumentTypeClassifier(trainDocumentTypeModel());
    const vocabulary = new Vocabulary(classifier.wordLists);
    for (const [t, type] of DOCTYPES.types.entries()) {
      if (type.cues.length === 0) continue;
      const text = `${type.cues.map((cue) => cue.replace('*', 'en')).join(' ; ')} ;`;
      const decision = classifier.classify(new ScannedText(text, vocabulary)); // a cue of no known type would throw
      expect(decision.reason, `${t}: ${type.id}`).toMatch(/^cue words /);
    }
  });
});

/** "cv" is also central heating (cv-ketel, cv-monteur, "werktuigbouw en cv"): only the curriculum vitae is a cue. */
const heating = [
  `Bakker Installatietechniek – werktuigbouw en cv\nStoring cv-ketel verholpen\n\nWerkbon 2025-1183\nAdres: Kerkstraat 12, Zwolle
Monteur: cv-monteur ploeg 2\nWerkzaamheden: ontluchten cv-installatie, vervangen expansievat, cv en loodgieterswerk.\nTotaal: € 245,00`,
  `Onderhoud cv ketel\n\nUw cv-ketel is aan zijn jaarlijkse beurt toe. De cv monteur komt op 9 december. Zorg dat de cv-ruimte
vrij is en de cv-leidingen bereikbaar zijn. Sanitair en cv: één aanspreekpunt.`,
];
const curriculum = [
  `CV\n\nNaam: Sanne de Vries\nWoonplaats: Utrecht\n\nWerkervaring\n2019 - heden  Administratief medewerker, Gemeente Utrecht
Opleiding\nMBO Secretarieel, ROC Midden Nederland`,
];

describe('the cue "cv"', () => {
  it.each(heating)('is not the heating sense: %#', (text) => {
    const result = classifyText(text);
    expect(result.documentType, result.documentTypeReason).not.toBe('cv-sollicitatie');
    expect(result.documentTypeReason).not.toMatch(/"cv"/);
  });

  it.each(curriculum)('is a curriculum vitae: %#', (text) => {
    const result = classifyText(text);
    expect(result.documentType, result.documentTypeReason).toBe('cv-sollicitatie');
    expect(result.documentTypeReason).toMatch(/"cv"/);
  });
});

/** A published court ruling has no type of its own: `overig`, with its ECLI and ruling words as the reason. */
const rulings = [
  `ECLI:NL:RBMNE:2025:1187\n\nInstantie: Rechtbank Midden-Nederland\nDatum uitspraak: 12-03-2025\nRechtsgebieden: Civiel recht
Inhoudsindicatie: Huurrecht. Vordering tot betaling van achterstallige huur toegewezen.\n\nVonnis van 12 maart 2025\n\nin de zaak van
[eiser] B.V., gevestigd te [vestigingsplaats], eisende partij,\ntegen\n[gedaagde], wonende te [woonplaats], gedaagde partij.
De kantonrechter veroordeelt [gedaagde] om aan [eiser] te betalen € 4.580,00.`,
  `Uitspraak van de enkelvoudige kamer van 20 mei 2025 in de zaak tussen [eiseres], uit [woonplaats], en het college van
burgemeester en wethouders van de gemeente Eindhoven.\nDe rechtbank verklaart het beroep ongegrond. Deze uitspraak is gedaan
door de rechter, in aanwezigheid van de griffier. Uitgesproken in het openbaar op 20 mei 2025.`,
];

describe('a court ruling', () => {
  it.each(rulings)('is overig, with its ruling words as the reason: %#', (text) => {
    const result = classifyText(text);
    expect(result.documentType, result.documentTypeReason).toBe('overig');
    expect(result.documentTypeReason).toMatch(/^cue words/);
    expect(result.label, result.labelReason).toBe('geen');
  });
});
