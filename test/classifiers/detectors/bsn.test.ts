import { describe, expect, it } from 'vitest';
import { bsnDetector } from '../../../classifiers/detectors/bsn.ts';
import { detect, outcome, type Case } from '../../support/detect.ts';

const cases: Case[] = [
  { text: 'BSN: 111222333', expect: 'strong', why: 'valid number after its label' },
  { text: 'Burgerservicenummer 1234.56.782 van betrokkene', expect: 'strong', why: 'dotted form' },
  { text: 'sofinummer: 123 456 782', expect: 'strong', why: 'spaced form, old name' },
  { text: 'Uw BSN-nummer is 12345678 2', expect: 'none', why: 'odd grouping is not how a BSN is written' },
  { text: 'bsn 12345672', expect: 'strong', why: '8 digits get a leading zero (012345672 passes)' },
  { text: 'Persoonsnummer\t111-222-333', expect: 'strong', why: 'dashed 3-3-3 form' },
  { text: 'BSN: 123456789', expect: 'none', why: 'fails the 11-test' },
  { text: 'Het nummer 123456782 staat op de lijst.', expect: 'weak', why: 'valid 11-test, no context: weak' },
  { text: 'Artikelnummer 123456782 — 3 stuks', expect: 'weak', why: 'look-alike context keeps it near zero' },
  { text: 'Bel ons op +31 123456782', expect: 'none', why: 'international phone number' },
  { text: 'IBAN NL91ABNA0417164300', expect: 'none', why: 'digits inside an IBAN' },
  { text: 'Totaal € 123.456.782,00', expect: 'none', why: 'an amount' },
  { text: 'Datum 12-03-2024', expect: 'none', why: 'a date' },
  { text: 'Tel. 0612345678', expect: 'none', why: 'a mobile number has 10 digits' },
  { text: 'Factuurnummer: 111222333', expect: 'weak', why: 'a valid 11-test number labelled as an invoice number' },
  { text: 'B5N: 1234.56.782', expect: 'strong', why: 'OCR misread of BSN (5 for S)' },
  { text: 'Burgerservicenr.: 123456782', expect: 'strong', why: 'abbreviated label as in a payroll export' },
  { text: '| `999990019` | geldig | testnummer RvIG |', expect: 'weak', why: 'a test number of a developers\' table' },
  { text: 'Fictief voorbeeld: 123456782', expect: 'weak', why: 'a made-up example number' },
  // scans: OCR letters for digits, read only right after a context word
  { text: ' Sofi/BSN     :  6352.08.O52                         Loonheffingskorting : JA', expect: 'strong', why: 'OCR "O" for zero in a payslip field' },
  { text: 'BSN: l23456782', expect: 'strong', why: 'OCR "l" for one right after the label' },
  { text: 'Burgerservicenummer O12 345 672', expect: 'strong', why: 'OCR "O" in the spaced form' },
  { text: 'BSN: 6352.08.O53', expect: 'none', why: 'read as digits, it fails the 11-test' },
  { text: 'BSN: 1234.56.7B2', expect: 'none', why: 'B is no OCR digit' },
  { text: 'BSN: lOlOl2345', expect: 'none', why: 'more than two letters is a code, not a misread number' },
  { text: 'BSN: Oosterhout', expect: 'none', why: 'a word after the label' },
  { text: 'Het nummer O12345672 staat op de lijst.', expect: 'none', why: 'no context word: OCR letters are never read in running text' },
  { text: 'Uw BSN staat op de pas, O12345672 is het pasnummer.', expect: 'none', why: 'the context word is not directly before the value' },
];

describe('bsn detector', () => {
  it.each(cases)('$expect: $why — $text', ({ text, expect: expected }) => {
    expect(outcome(bsnDetector, text)).toBe(expected);
  });

  it('masks an OCR-read BSN as digits and says it was read from a scan', () => {
    const [hit] = detect(bsnDetector, 'Sofi/BSN : 6352.08.O52');
    expect(hit?.evidence).toBe('BSN: ****.**.052');
    expect(hit?.reason).toContain('read from a scan');
    expect(hit?.value).toBe('635208052');
  });

  it('masks the evidence and explains the context word', () => {
    const [hit] = detect(bsnDetector, 'Naam: J. Jansen, BSN: 1234.56.782');
    expect(hit?.evidence).toBe('BSN: ****.**.782');
    expect(hit?.reason).toContain('"bsn"');
    expect(JSON.stringify(hit?.evidence)).not.toContain('123456782');
  });

  it('treats a BSN column as BSNs even far from the header, but not a column of article numbers', () => {
    const bsns = ['111222333', '123456782', '012345672', '100000009'];
    const table = `Naam | BSN\n${bsns.map((b, i) => `Persoon ${i} | ${b}`).join('\n')}`;
    expect(detect(bsnDetector, table).every((o) => o.confidence >= 0.5)).toBe(true);
    const random = ['483920571', '123456782', '938475610', '564738291', '102938475', '675849302'];
    const articles = `BSN-vrije lijst\nArtikel | Omschrijving\n${random.map((r) => `${r} | schroef`).join('\n')}`;
    expect(detect(bsnDetector, articles).every((o) => o.confidence < 0.5)).toBe(true);
  });

  it('takes a BSN column only under its own header cell or line', () => {
    const bsns = ['111222333', '123456782', '012345672', '100000009'];
    const csv = `Naam;BSN;Afdeling\n${bsns.map((b, i) => `Persoon ${i};${b};Zorg`).join('\n')}`;
    expect(detect(bsnDetector, csv).every((o) => o.confidence >= 0.5)).toBe(true);
    const list = `De BSN's van de deelnemers:\n${bsns.join('\n')}`;
    expect(detect(bsnDetector, list).every((o) => o.confidence >= 0.5)).toBe(true);
    // "BSN" in the prose above, a table of other numbers below: its own header does not name a BSN.
    const wiki = `Zo controleert het portaal een BSN met de elfproef.\n\n| invoer | verwacht |\n|---|---|\n${bsns
      .map((b) => `| ${b} | geldig |`)
      .join('\n')}`;
    expect(detect(bsnDetector, wiki).every((o) => o.confidence < 0.5)).toBe(true);
    // The BSN header names another column than the numbers'.
    const other = `Naam;BSN;Functie en afdeling;Lidnummer\n${bsns.map((b, i) => `Persoon ${i};;Medewerker;${b}`).join('\n')}`;
    expect(detect(bsnDetector, other).every((o) => o.confidence < 0.5)).toBe(true);
  });
});
