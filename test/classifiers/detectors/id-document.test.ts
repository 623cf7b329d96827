import { describe, expect, it } from 'vitest';
import { idDocumentDetector } from '../../../classifiers/detectors/id-document.ts';
import { detect, outcome, type Case } from '../../support/detect.ts';

// ICAO 9303 specimens (Utopia) and a Dutch TD1 ID card built with valid check digits and the test BSN 999999990.
const TD3 = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10';
const TD2 = 'I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6';
const TD1_NL = 'I<NLDSPECI20212999999990<<<<<<\n6503101F3103094NLD<<<<<<<<<<<0\nDE<BRUIJN<<WILLEKE<LISELOTTE<<';
const DATA_PAGE = [
  'KONINKRIJK DER NEDERLANDEN / KINGDOM OF THE NETHERLANDS / ROYAUME DES PAYS-BAS',
  'PASPOORT / PASSPORT / PASSEPORT',
  'Nationaliteit/Nationality NEDERLANDSE',
  'Geboortedatum/Date of birth 10 MAA/MAR 1965',
  'Geldig tot/Date of expiry 09 MAA/MAR 2031',
].join('\n');

const mrzCases: Case[] = [
  { text: TD3, expect: 'strong', why: 'TD3 passport specimen' },
  { text: TD2, expect: 'strong', why: 'TD2 specimen' },
  { text: TD1_NL, expect: 'strong', why: 'Dutch TD1 ID card' },
  { text: TD3.replace('7408122', '74O8122').replace('<<10', '<<1O'), expect: 'strong', why: 'OCR: O for 0 in digit positions' },
  { text: TD3.replace(/</g, 'K'), expect: 'strong', why: 'OCR: every filler read as K' },
  { text: TD3.replace('P<UTO', 'P«UTO').replace('<<<<<10', '«««««10'), expect: 'strong', why: 'OCR: « for <' },
  { text: 'P<UTO ERIKSSON<<ANNA<MARIA <<<<<<<<<<<<<<<<<<<\nL898902C3 6UTO 7408122 F120415 9ZE184226B<<<<< 10', expect: 'strong', why: 'OCR: spaces inside the lines' },
  { text: TD3.toLowerCase(), expect: 'strong', why: 'OCR: lower case' },
  { text: TD3.replace('7408122F1204159', '74O8I22F12O4I59'), expect: 'strong', why: 'OCR: I for 1, O for 0' },
  { text: TD3.replace('1204159', '12O41S9').replace('L898902C36', 'L898902C3G'), expect: 'strong', why: 'OCR: S for 5, G for 6' },
  { text: TD3.replace('B<<<<<10', 'B<<<<<<<10'), expect: 'strong', why: 'two fillers too many' },
  { text: TD3.replace('B<<<<<10', 'B<<<<10'), expect: 'strong', why: 'one filler too few' },
  { text: `Scan:\n  ${TD2.replace('\n', '\n  ')}\nEinde`, expect: 'strong', why: 'MRZ indented between other lines' },
  { text: TD3.replace('\n', ' '), expect: 'strong', why: 'line break lost in extraction' },
  { text: TD3.replace('<<<<<10', '<<<<<11'), expect: 'strong', why: 'one check digit off (OCR damage): still strong' },
  { text: TD3.replace('C36', 'C37').replace('7408122', '7408123'), expect: 'none', why: 'two check digits wrong: not an MRZ' },
  { text: 'X<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10', expect: 'strong', why: 'no document type X, but line 2 holds alone' },
  { text: 'L898902C36UTO7408122F1204159ZE184226B<<<<<10', expect: 'strong', why: 'passport line 2 alone, all 5 check digits' },
  { text: 'L898902C36UTO7408122F1204159ZE184226B<<<<<11', expect: 'none', why: 'line 2 alone with a failing check digit' },
  { text: '[scan achterzijde]\nI<NLDSPECI20212999999990<<<<<<', expect: 'strong', why: 'first line of an ID card alone (back side)' },
  { text: 'X<NLDSPECI20212999999990<<<<<<', expect: 'none', why: 'first line alone with document type X' },
  { text: 'I<NLDSPECI20213999999990<<<<<<', expect: 'none', why: 'first line alone with a wrong check digit' },
  { text: 'std::cout << "a" << b << endl;\nfor (int i = 0; i << 3; i++) {}', expect: 'none', why: 'C++ shift operators' },
  { text: '<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<', expect: 'none', why: 'filler only' },
];

const numberCases: Case[] = [
  { text: 'Paspoortnummer: NXC8K3P41', expect: 'strong', why: 'Dutch passport number' },
  { text: 'ID-kaart nr. SPECI2021 afgegeven te Utrecht', expect: 'strong', why: 'ID-card specimen number' },
  { text: 'Passport number / Document no.: NXC8K3P41', expect: 'strong', why: 'English label' },
  { text: 'Kopie paspoort: NXC8K3P41', expect: 'strong', why: 'number after a copy phrase' },
  { text: 'Legitimatie: paspoort, documentnummer BX4R72K59', expect: 'strong', why: 'generic label, identity document named' },
  { text: 'Documentnummer: IN2024A07', expect: 'weak', why: 'generic label, no identity document named' },
  { text: 'Paspoortnummer: NOC8K3P41', expect: 'strong', why: 'not Dutch (letter O), but a passport number of another country' },
  { text: 'Passport No./Passeport No. 538204719', expect: 'strong', why: 'British passport number: nine digits' },
  { text: 'Kopie vreemdelingendocument\nNaam: T., Y.\nDocumentnummer: W8327164', expect: 'strong', why: 'generic label near a copy phrase' },
  { text: 'Documentnummer: 2024001234\nVersie 3, vastgesteld door de directie', expect: 'none', why: 'a DMS document number' },
  { text: 'Neem uw paspoort mee.' + ' '.repeat(500) + 'Documentnummer: 2024001234', expect: 'weak', why: 'passport mentioned far away: only the mention' },
  { text: 'Paspoortnummer: NXC8K3P4A', expect: 'none', why: 'last character not a digit' },
  { text: 'Paspoortnummer: 12C8K3P41', expect: 'strong', why: 'no letter in positions 1–2: not Dutch, still a passport number' },
  { text: 'Paspoortnummer: 12C8', expect: 'none', why: 'too short for any document number' },
  { text: 'PASPOORT NEDERLAND 12345678', expect: 'strong', why: 'a word in capitals before the number is skipped' },
  { text: 'Paspoort: zie bijlage, tel 0612345678', expect: 'weak', why: 'a phone number after the word paspoort' },
  { text: 'Paspoortnummer: NXCAKBPQ1', expect: 'none', why: 'a single digit: too word-like' },
  { text: 'Paspoort: nxc8k3p41', expect: 'weak', why: 'lower case: not a printed document number' },
  { text: 'Factuur NXC8K3P41', expect: 'none', why: 'no context word' },
  { text: 'Rijbewijsnummer 5012345678', expect: 'strong', why: 'driving licence number' },
  { text: 'Driving licence number: 4999999990', expect: 'strong', why: 'English label' },
  { text: 'Rijbewijs: ja, tel. 0612345678', expect: 'weak', why: 'a phone number after the word rijbewijs' },
  { text: 'Rijbewijs B sinds 2012', expect: 'weak', why: 'no 10-digit number' },
  { text: 'RIJBEWIJS  Koninkrijk der Nederlanden\n1. JANSEN\n4d. 999999990\n5.  5281904736\n9. AM B', expect: 'strong', why: 'driving-licence data page: field 5' },
  { text: 'Agenda\n5.  5281904736\n6. Rondvraag', expect: 'none', why: 'field 5 without a driving licence named' },
  { text: 'Legitimatie gecontroleerd: rijbewijs nr. 4930172856', expect: 'strong', why: 'licence number after a generic label' },
];

const wordingCases: Case[] = [
  { text: DATA_PAGE, expect: 'strong', why: 'bilingual data-page labels' },
  { text: 'Naam/Surname\nVoornamen/Given names\nAutoriteit/Authority Burg. van Utrecht', expect: 'strong', why: 'three bilingual groups, one of a document' },
  { text: 'Neem uw paspoort mee naar de balie.', expect: 'weak', why: 'a mention of a passport' },
  { text: 'Stuur ons een kopie van uw paspoort.', expect: 'weak', why: 'a request for a copy is no copy' },
  { text: 'Naam: Jan Jansen\nGeboortedatum: 01-01-1980\nNationaliteit: Nederlandse\nGeslacht: M', expect: 'none', why: 'a monolingual form' },
  { text: 'Geboortedatum/Date of birth\nNationaliteit/Nationality\nGeboorteplaats/Place of birth', expect: 'weak', why: 'bilingual form, nothing document-specific' },
  { text: 'Deze offerte is geldig tot 1 mei. De geboortedatum staat in het dossier.', expect: 'none', why: 'ordinary prose' },
  { text: 'Het Statuut voor het Koninkrijk der Nederlanden regelt de verhoudingen.', expect: 'none', why: 'a law text' },
];

describe('id-document detector', () => {
  describe('MRZ', () => {
    it.each(mrzCases)('$expect: $why', ({ text, expect: expected }) => {
      expect(outcome(idDocumentDetector, text)).toBe(expected);
    });
  });
  describe('document numbers', () => {
    it.each(numberCases)('$expect: $why — $text', ({ text, expect: expected }) => {
      expect(outcome(idDocumentDetector, text)).toBe(expected);
    });
  });
  describe('document wording', () => {
    it.each(wordingCases)('$expect: $why', ({ text, expect: expected }) => {
      expect(outcome(idDocumentDetector, text)).toBe(expected);
    });
  });

  it('gives a valid MRZ 0.99 and masks all but the document type and issuer', () => {
    const [hit] = detect(idDocumentDetector, `Bijlage\n${TD3}\n`);
    expect(hit?.confidence).toBe(0.99);
    expect(hit?.evidence).toBe('MRZ TD3 (P, UTO): ****…');
    expect(hit?.reason).toContain('5 of 5 check digits');
    expect(hit?.start).toBe(8);
    expect(hit?.end).toBe(8 + TD3.length);
  });

  it('reports the BSN in the optional-data field of a Dutch MRZ as a BSN, masked', () => {
    const found = detect(idDocumentDetector, TD1_NL);
    const bsn = found.find((o) => o.category === 'bsn');
    expect(bsn?.confidence).toBeGreaterThanOrEqual(0.95);
    expect(bsn?.evidence).toBe('BSN in MRZ: ******990');
    expect(TD1_NL.slice(bsn!.start, bsn!.end)).toBe('999999990');
    expect(found.find((o) => o.category === undefined)?.evidence).toBe('MRZ TD1 (I, NLD): ****…');
    expect(detect(idDocumentDetector, TD3).some((o) => o.category === 'bsn')).toBe(false);
  });

  it('reads the BSN from the first line of an ID card scanned alone', () => {
    const found = detect(idDocumentDetector, 'Achterzijde\nI<NLDSPECI20212999999990<<<<<<\n');
    expect(found.find((o) => o.category === undefined)?.reason).toContain('one line alone');
    expect(found.find((o) => o.category === 'bsn')?.value).toBe('999999990');
  });

  it('finds the BSN when OCR spaced the line and read a 0 as O', () => {
    const damaged = TD1_NL.replace('999999990<<<<<<', '99999999O <<<<<<');
    const bsn = detect(idDocumentDetector, damaged).find((o) => o.category === 'bsn');
    expect(bsn?.value).toBe('999999990');
  });

  it('never shows the document number, and keeps evidence of numbers masked', () => {
    const all = [TD3, TD2, TD1_NL, 'Paspoortnummer: NXC8K3P41', 'Rijbewijsnummer 5012345678']
      .flatMap((t) => detect(idDocumentDetector, t)).map((o) => o.evidence + ' ' + o.reason).join('\n');
    for (const secret of ['L898902C3', 'D23145890', 'SPECI2021', 'ERIKSSON', 'NXC8K3P41', '5012345678', '740812']) {
      expect(all).not.toContain(secret);
    }
    expect(detect(idDocumentDetector, 'Paspoortnummer: NXC8K3P41')[0]?.evidence).toBe('paspoortnummer: ******P41');
  });

  it('tells a Dutch number from another country\'s, and a licence number from an unknown one', () => {
    expect(detect(idDocumentDetector, 'Paspoortnummer: NXC8K3P41')[0]?.reason).toMatch(/^Dutch passport/);
    expect(detect(idDocumentDetector, 'Paspoortnummer: NOC8K3P41')[0]?.reason).toMatch(/^document number \(9 capitals/);
    const [licence] = detect(idDocumentDetector, 'Legitimatie gecontroleerd: rijbewijs nr. 4930172856');
    expect(licence?.reason).toContain('driving-licence');
    expect(licence?.evidence).toBe('rijbewijs: *******856');
  });

  it('reads the BSN in field 4d of a driving licence as a BSN', () => {
    const page = 'RIJBEWIJS  Koninkrijk der Nederlanden\n1. JANSEN\n4d. 999999990\n5.  5281904736';
    const bsn = detect(idDocumentDetector, page).find((o) => o.category === 'bsn');
    expect(bsn?.evidence).toBe('BSN (rijbewijs 4d.): ******990');
    expect(detect(idDocumentDetector, 'Agenda\n4d. 999999990').some((o) => o.category === 'bsn')).toBe(false);
  });

  it('explains a data page by its labels', () => {
    const hit = detect(idDocumentDetector, DATA_PAGE).find((o) => o.confidence >= 0.5);
    expect(hit?.evidence).toMatch(/^ID data page labels: /);
    expect(hit?.reason).toMatch(/two languages/);
  });
});
