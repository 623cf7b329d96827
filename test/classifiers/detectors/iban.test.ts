import { describe, expect, it } from 'vitest';
import { ibanDetector } from '../../../classifiers/detectors/iban.ts';
import { detect, outcome, type Case } from '../../support/detect.ts';

const cases: Case[] = [
  // A holder named right after the number that is an organisation (a statement's transfer, t.n.v.).
  { text: 'Storting reserverekening MJOP\n           naar NL61INGB0332541888 VvE Parkzicht Reservefonds', expect: 'weak', why: 'an association of owners holds the account the money goes to' },
  { text: 'Overgemaakt naar NL61 INGB 0332 5418 88 t.n.v. Gemeente Leeuwarden', expect: 'weak', why: 't.n.v. a municipality' },
  { text: 'Overgemaakt naar NL61INGB0332541888 J. de Vries (penningmeester VvE Parkzicht)', expect: 'strong', why: 'the name after the number is a person\'s; the VvE does not start it' },
  { text: 'Overgemaakt naar NL61INGB0332541888 voor de vve-bijdrage', expect: 'strong', why: 'a lower-case word after the number names no holder' },
  {
    text: 'Bakkerij B.V.\nKvK 24123456\nIBAN NL91 ABNA 0417 1643 00\n\nFactuur 12\n' + 'Levering brood. '.repeat(12) + '\nBetaling binnen 14 dagen op NL91 ABNA 0417 1643 00.',
    expect: 'weak',
    why: 'the company account of the letterhead, repeated in the payment line far from KvK, is still the company account',
  },
  {
    text: 'Kantoorgemak B.V., KvK 12345678\n' + 'Levering kopieerpapier. '.repeat(6) + '\nGelieve te betalen binnen 30 dagen op NL91ABNA0417164300.',
    expect: 'weak',
    why: 'invoice of a registered company: the account the reader must pay into is the company\'s',
  },
  {
    text: 'Kantoorgemak B.V., KvK 12345678\n' + 'Terugbetaling borg. '.repeat(6) + '\nU kunt het bedrag over te maken op NL91ABNA0417164300 t.n.v. J. Jansen.',
    expect: 'strong',
    why: 'payment instruction, but the holder is named after the number',
  },
  {
    text: 'Brightwater Consulting Ltd\nCompany number 08123456 · VAT GB 123 4567 89\n' + 'Workshop facilitation. '.repeat(6) + '\nPayment: IBAN GB33 BUKB 2020 1555 5555 55, BIC BUKBGB22',
    expect: 'weak',
    why: 'the payment field of a registered company\'s invoice names its own account',
  },
  {
    text: 'Brightwater Consulting Ltd, VAT GB 123 4567 89\n' + 'Monthly subscription. '.repeat(6) + '\nPayment method: direct debit from GB33 BUKB 2020 1555 5555 55',
    expect: 'strong',
    why: 'a payment method field names the customer\'s account, not the company\'s',
  },
  { text: 'Betaling: NL91ABNA0417164300\n' + 'Groetjes en tot snel. '.repeat(6), expect: 'strong', why: 'a payment field outside a company document is not a payee' },
  { text: 'Dat is b.v. handig.\n' + 'Groetjes en tot snel. '.repeat(6) + '\nHet is te betalen op NL91ABNA0417164300.', expect: 'strong', why: 'a legal form alone ("b.v." = bijvoorbeeld) does not make it a company document' },
  // Tables: a row without context of its own follows a majority of organisations' rows.
  { text: 'nr;naam;iban;bedrag\n1;Sodexo B.V.;NL91ABNA0417164300;10,00\n2;Otis B.V.;NL44RABO0123456789;20,00\n3;Nedap Healthcare;NL20INGB0001234567;30,00\n4;Medline B.V.;NL31ABNA0602030405;40,00', expect: 'weak', why: 'a context-less row among B.V. rows is one more organisation' },
  { text: 'nr;naam;iban;bedrag\n1;Sodexo B.V.;NL91ABNA0417164300;10,00\n2;P. Jansen;NL44RABO0123456789;20,00\n3;K. de Vries;NL20INGB0001234567;30,00\n4;A. Bakker;NL31ABNA0602030405;40,00', expect: 'strong', why: 'one company row among persons: the others stay persons\' accounts' },
  { text: 'nr;naam;iban;omschrijving\n1;Sodexo B.V.;NL91ABNA0417164300;inkoop\n2;Otis B.V.;NL44RABO0123456789;onderhoud\n3;P. Jansen;NL20INGB0001234567;salaris', expect: 'strong', why: 'a row with a context word of its own (salaris) does not follow the table' },
  { text: 'Sodexo B.V. betaalt op NL91ABNA0417164300 en Otis B.V. op NL44RABO0123456789.\n' + 'Verder niets. '.repeat(8) + '\nHet bedrag staat op NL20INGB0001234567.', expect: 'strong', why: 'running text is no table' },
  // The account holder named as an organisation, or a capitalised organisation name before the number on its line.
  { text: 'Rekeninghouder : STICHTING VOEDSELBANK LEIDEN-NOORD\nRekening       : NL91 ABNA 0417 1643 00', expect: 'weak', why: "the statement's holder field names a foundation" },
  { text: 'Rekeninghouder : J. Jansen\nRekening       : NL91 ABNA 0417 1643 00', expect: 'strong', why: 'the holder field names a person' },
  { text: 'Naam: Jan de Vries\nIBAN: NL91 ABNA 0417 1643 00\nToeslag: n.v.t.', expect: 'strong', why: '"n.v.t." (niet van toepassing) next to an employee\'s account is no N.V.' },
  { text: 'Naam: Jan de Vries\nIBAN: NL91 ABNA 0417 1643 00\nToeslag: N.V.T', expect: 'strong', why: '"N.V.T" in capitals, no final dot' },
  { text: 'Philips N.V.\nIBAN: NL91 ABNA 0417 1643 00', expect: 'weak', why: 'an N.V. letterhead' },
  { text: "Rekeninghouder:  J. Kroonenberg, toeslag n.v.t.\n                 Havenstraat 41\n                 5211 RM  'S-HERTOGENBOSCH\nRekeningnummer:  NL91ABNA0417164300", expect: 'strong', why: '"n.v.t." (niet van toepassing) in the holder field is no N.V.' },
  { text: "Rekeninghouder:  KROONENBERG HOLDING N.V.\n                 Havenstraat 41\n                 5211 RM  'S-HERTOGENBOSCH\nRekeningnummer:  NL91ABNA0417164300", expect: 'weak', why: 'an N.V. in the holder field' },
  { text: 'Rekeninghouder:  BOUWBEDRIJF KROONENBERG B.V.\n                 Havenstraat 41\n                 5211 RM  \'S-HERTOGENBOSCH\nRekeningnummer:  NL91ABNA0417164300       Soort: Rabo BedrijfsRekening', expect: 'weak', why: "the header block's holder field, address lines between" },
  { text: 'Rekeninghouder:  J. Kroonenberg\n                 Havenstraat 41\n                 5211 RM  \'S-HERTOGENBOSCH\nRekeningnummer:  NL91ABNA0417164300', expect: 'strong', why: 'the header block names a person as the holder' },
  { text: 'Rekeninghouder:  BOUWBEDRIJF KROONENBERG B.V.\n                 Havenstraat 41\n                 5211 RM  \'S-HERTOGENBOSCH\n\nRekeningnummer:  NL91ABNA0417164300', expect: 'strong', why: 'a blank line ends the header block' },
  { text: 'Rekeninghouder:  STICHTING DE HOEVE\nPeriode:  01-10-2026 t/m 31-10-2026\n01-10  P. Jansen  NL91ABNA0417164300  gift', expect: 'strong', why: 'a transaction line is no header field: the gift stays the giver\'s account' },
  { text: 'Rekeninghouder : STICHTING VOEDSELBANK\nRekening : NL44 RABO 0123 4567 89\nDatum : oktober 2026\nTegenrekening : NL91 ABNA 0417 1643 00', expect: 'strong', why: 'the account field between is the holder\'s; the counterparty below it is not' },
  { text: '03-10   SEPA Overboeking Bouwmaterialen Brabant B.V.  NL91ABNA0417164300  18.744,52', expect: 'weak', why: "a statement's counterparty B.V. on the transaction line" },
  { text: 'Rekeninghouder : Coöperatie Zorgboerderij De Hoeve U.A.\nIBAN: NL91 ABNA 0417 1643 00', expect: 'weak', why: 'a cooperative holds the account' },
  { text: '02-10    Gemeente Leiden  NL46 BNGH 0285 1706 99\n         subsidie 2026 vierde termijn', expect: 'weak', why: 'a municipality as the counterparty' },
  { text: '09-10    Stichting Rotary Club Leiden Fonds  NL02 RABO 0156 3381 20', expect: 'weak', why: 'a foundation as the counterparty' },
  { text: 'Overboeking naar NL91ABNA0417164300 t.n.v. Stichting Het Oranje Fonds', expect: 'weak', why: 'a foundation named as the holder after the number' },
  { text: 'De gemeente maakt de bijstand over op uw rekening NL91 ABNA 0417 1643 00.', expect: 'strong', why: '"de gemeente" pays into the reader\'s account' },
  { text: 'Uw vereniging int de contributie van rekening NL91 ABNA 0417 1643 00.', expect: 'strong', why: 'a lower-case "vereniging" names no organisation' },
  { text: 'Rekeninghouder : STICHTING VOEDSELBANK\nRekening : NL91 ABNA 0417 1643 00\n\n01-10 P. Jansen  NL02 RABO 0156 3381 20  gift', expect: 'strong', why: "a person's gift on a foundation's statement stays the person's account" },
  // A bank export's header rows, delimited and quoted: the holder field names the account's organisation, also as a compound.
  { text: '"Rekeninghouder";"HUURDERSVERENIGING DE SAMENWERKING";""\n"IBAN";"NL91ABNA0417164300";""', expect: 'weak', why: 'a delimited holder row names an association (a compound)' },
  { text: '"Rekeninghouder";"Voetbalvereniging Zuidwolde"\n"Adres";"Sportlaan 1"\n"IBAN";"NL91ABNA0417164300"', expect: 'weak', why: "the delimited header block's holder row, a field between" },
  { text: 'Rekeninghouder\tStichting De Hoeve\nIBAN\tNL91ABNA0417164300', expect: 'weak', why: 'a tab-separated holder row' },
  { text: '"Rekeninghouder";"J. de Vries"\n"IBAN";"NL91ABNA0417164300"', expect: 'strong', why: 'the delimited holder row names a person' },
  { text: '"Rekeninghouder";"M. Verenigingsveld"\n"IBAN";"NL91ABNA0417164300"', expect: 'strong', why: 'an organisation word inside a name, not at its end, is no organisation' },
  { text: '"Rekeninghouder";"Stichting De Hoeve"\n"Periode";"oktober 2026"\n"01-10-2026";"P. Jansen";"NL91ABNA0417164300";"gift"', expect: 'strong', why: "a delimited transaction row is no header field: the gift stays the giver's account" },
  // Organisation words ending a capitalised compound: a counterparty before the number, or starting the name after it.
  { text: '03-07   WOONSTICHTING DE GELDERSE POORT   NL91ABNA0417164300   3.250,00', expect: 'weak', why: 'a housing foundation (compound) as the counterparty' },
  { text: '"NL91ABNA0417164300";"Pensioenfonds Zorg en Welzijn";"premie"', expect: 'weak', why: 'a pension fund (compound) names the holder after the number' },
  { text: '15-07   Woonbond   NL91ABNA0417164300   410,00', expect: 'weak', why: 'a federation (compound with -bond)' },
  { text: '15-07   J. Bond   NL91ABNA0417164300   410,00', expect: 'strong', why: 'a bare ending is a surname, not a compound' },
  { text: 'Contributie voetbalvereniging van NL91ABNA0417164300 afgeschreven.', expect: 'strong', why: 'a lower-case compound names no organisation' },
  // An organisation's own report: a KvK number, no person named, no person's field — its account without context is its own.
  { text: '# Coöperatie Zonnedak U.A. — kwartaaloverzicht\n- Liquide middelen (Triodos NL91ABNA0417164300 en spaarrekening): 186.420\n\n' + 'Uitkering volgt na vaststelling van de jaarrekening. '.repeat(3) + '\n\nCoöperatie Zonnedak U.A. · KvK 70123459 · info@zonnedak.nl', expect: 'weak', why: "a registered organisation's report that names no person" },
  { text: '# Coöperatie Zonnedak U.A. — kwartaaloverzicht\n- Liquide middelen (Triodos NL91ABNA0417164300 en spaarrekening): 186.420\n\n' + 'Uitkering volgt na vaststelling van de jaarrekening. '.repeat(3) + '\n\nCoöperatie Zonnedak U.A. · info@zonnedak.nl', expect: 'strong', why: 'no KvK or BTW number: a mailbox alone registers no organisation' },
  { text: ' naam     P.  Tahiri-Bakkali\n netto    1.110,66\n overgemaakt  op  NL91 ABNA 0417 1643 00\n\n' + 'Uitkering volgt na vaststelling van de jaarrekening. '.repeat(3) + '\n\nZorg B.V. · KvK 12345678', expect: 'strong', why: "a payslip's name field: a person's account even where the name is not found" },
  { text: 'Bouwbedrijf B.V.;KvK 12345678;;\n"1004";"Jansen, P.A.";"NL91ABNA0417164300";"Projecten"\n"1011";"Korkmaz, E.";"NL02RABO0156338120";"Projecten"', expect: 'strong', why: "a payroll export's rows are persons" },
  { text: 'Wij ontvingen uw bijdrage op rekening NL91 ABNA 0417 1643 00.\n\n' + 'Uitkering volgt na vaststelling van de jaarrekening. '.repeat(3) + '\n\nVereniging De Eendracht · KvK 40123456', expect: 'strong', why: 'a context word keeps the account possibly a person\'s' },
  // A holder field naming an organisation without a legal form ("PAROCHIE", "Gemeente").
  { text: 'Rekeninghouder:  R.-K. PAROCHIE HEILIGE DRIE-EENHEID\n                 Kerkplein 3, 6441 CP BRUNSSUM\nRekening:        NL91 ABNA 0417 1643 00          Valuta: EUR', expect: 'weak', why: "a parish's statement header" },
  { text: 'Rekeninghouder: Gemeente Brunssum\nRekening: NL91 ABNA 0417 1643 00', expect: 'weak', why: 'a municipality holds the account' },
  { text: 'Rekeninghouder: J. Kerkhof, Parochiestraat 3\nRekening: NL91 ABNA 0417 1643 00', expect: 'strong', why: 'an organisation word inside a street name is no holder' },
  { text: 'Rekeninghouder: mw. A. de Bruin (penningmeester parochie)\nRekening: NL91 ABNA 0417 1643 00', expect: 'strong', why: 'a lower-case organisation word after a person' },
  // A one-man business's letterhead: the owner named as the holder makes the account personal despite KvK and btw.
  { text: 'Vertaalbureau Versteeg · KvK 81234567 · btw NL003456789B12 · IBAN NL91 ABNA 0417 1643 00 t.n.v. B.J. Versteeg', expect: 'strong', why: 'the owner is the holder' },
  { text: 'Bakkerij Jansen · KvK 12345678 · IBAN NL91 ABNA 0417 1643 00 t.n.v. Bakkerij Jansen B.V.', expect: 'weak', why: 'the B.V. is the holder' },
  { text: 'IBAN: NL91 ABNA 0417 1643 00', expect: 'strong', why: 'grouped Dutch IBAN after its label' },
  { text: 'Over te maken op NL91ABNA0417164300 t.n.v. J. Jansen', expect: 'strong', why: 'plain form, t.n.v.' },
  { text: 'Het bedrag staat op NL91ABNA0417164300.', expect: 'strong', why: 'valid IBAN without context is strong' },
  { text: 'Kontonummer DE89 3704 0044 0532 0130 00', expect: 'strong', why: 'German IBAN' },
  { text: 'rekening be68 5390 0754 7034', expect: 'strong', why: 'Belgian IBAN in lower case' },
  { text: 'Account GB29 NWBK 6016 1331 9268 19 (UK)', expect: 'strong', why: 'British IBAN' },
  { text: 'FR14 2004 1010 0505 0001 3M02 606', expect: 'strong', why: 'French IBAN with a letter in the body' },
  { text: 'Konto NO93 8601 1117 947', expect: 'strong', why: 'shortest registered length (15)' },
  { text: 'IBAN: NL91 ABNA 0417 1643 01', expect: 'none', why: 'fails mod-97' },
  { text: 'IBAN NL92ABNA0417164300', expect: 'none', why: 'wrong check digits' },
  { text: 'Referentie NL12 3456 7890', expect: 'none', why: 'too short for a Dutch IBAN' },
  { text: 'code XNL91ABNA0417164300', expect: 'none', why: 'glued to a preceding letter' },
  { text: 'NL91ABNA0417164300X', expect: 'none', why: 'glued to a following letter' },
  { text: 'Product QQ91ABNA0417164300', expect: 'none', why: 'not a country code' },
  { text: 'Versie AB12 van het formulier', expect: 'none', why: 'letters and digits, no IBAN' },
  {
    text: 'Bakkerij Jansen B.V. | KvK 12345678 | BTW NL001234567B01 | IBAN NL91 ABNA 0417 1643 00',
    expect: 'weak',
    why: "company footer: the company's own account",
  },
  {
    text: 'Bank: NL91ABNA0417164300\nKvK-nummer 12345678',
    expect: 'weak',
    why: 'company context on the next line, within 80 characters',
  },
];

describe('iban detector', () => {
  it.each(cases)('$expect: $why — $text', ({ text, expect: expected }) => {
    expect(outcome(ibanDetector, text)).toBe(expected);
  });

  const EXPORT_HEADER = '"IBAN/BBAN","Munt","Datum","Bedrag","Tegenrekening IBAN/BBAN","Naam tegenpartij","Omschrijving-1"';
  const exportRow = (own: string, counterparty: string, name: string) => `"${own}","EUR","2026-10-01","-12,50","${counterparty}","${name}","betaling"`;

  it("reads a bank export's counterparty names as the counterparties', never as the exporter's own account", () => {
    const own = 'NL44RABO7827141693';
    const rows = [['NL89INGB1499756255', 'Albert Heijn B.V.'], ['NL95RABO4889157148', 'Vattenfall Klantenservice N.V.'], ['NL05INGB1480755855', 'KPN B.V.']];
    const found = detect(ibanDetector, [EXPORT_HEADER, ...rows.map(([iban, name]) => exportRow(own, iban!, name!))].join('\n'));
    const confidence = (iban: string) => found.filter((o) => o.value === iban).map((o) => o.confidence);
    // A private person's export: the own account in every row stays theirs, the companies' accounts are weak.
    expect(confidence(own).every((c) => c >= 0.5)).toBe(true);
    expect(rows.flatMap(([iban]) => confidence(iban!))).toEqual([0.3, 0.3, 0.3]);
  });

  it('reads one creditor repeated in every row of a one-account table as the creditor, not as an own account', () => {
    const header = '"Termijn","Datum","Bedrag","Rekening","Naam"';
    const rows = [1, 2, 3].map((k) => `"${k}","2026-0${k}-01","-850,00","NL69ABNA1132911788","Stichting Woonbron"`);
    expect(detect(ibanDetector, [header, ...rows].join('\n')).map((o) => o.confidence)).toEqual([0.3, 0.3, 0.3]);
  });

  it('takes the account of a counterparty without context among organisations for one more organisation', () => {
    const own = 'NL44RABO7827141693';
    const rows = [['NL69ABNA1132911788', 'Bisdom Haarlem-Amsterdam'], ['NL74INGB2725655523', 'Stichting Actie Kerkbalans'], ['NL72BNGH7984244240', 'Gemeente Zaanstad'], ['NL90ABNA9064379959', 'Missio Nederland']];
    const found = detect(ibanDetector, [EXPORT_HEADER, ...rows.map(([iban, name]) => exportRow(own, iban!, name!))].join('\n'));
    expect(rows.flatMap(([iban]) => found.filter((o) => o.value === iban).map((o) => o.confidence))).toEqual([0.3, 0.3, 0.3, 0.3]);
    const missio = found.find((o) => o.value === 'NL90ABNA9064379959');
    expect(missio?.reason).toContain("table whose other rows are organisations'");
    // Among private persons' rows the one without context stays a person's account.
    const people = [['NL69ABNA1132911788', 'J. de Vries'], ['NL74INGB2725655523', 'P. Bakker'], ['NL90ABNA9064379959', 'Missio Nederland']];
    const mixed = detect(ibanDetector, [EXPORT_HEADER, ...people.map(([iban, name]) => exportRow(own, iban!, name!))].join('\n'));
    expect(mixed.find((o) => o.value === 'NL90ABNA9064379959')?.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it("takes a direct debit's collector among organisations' rows for one more organisation, not a salary's payee", () => {
    const header = '"Datum";"Omschrijving";"Tegenrekening";"Naam tegenpartij";"Bedrag"';
    const row = (type: string, iban: string, name: string) => `"01-10-2026";"${type}";"${iban}";"${name}";"10,00"`;
    const organisations = [row('Overschrijving', 'NL69ABNA1132911788', 'Gemeente De Wolden'), row('Bijschrijving', 'NL74INGB2725655523', 'Bouwbedrijf Hoogeveen B.V.'), row('Incasso', 'NL72BNGH7984244240', 'KPN B.V.')];
    const confidence = (last: string) => detect(ibanDetector, [header, ...organisations, last].join('\n')).find((o) => o.value === 'NL90ABNA9064379959')!.confidence;
    // "Incasso" alone in the type column: the counterparty collects, a creditor.
    expect(confidence(row('Incasso', 'NL90ABNA9064379959', 'Essent Zakelijk'))).toBe(0.3);
    // A salary paid, or "incasso" in a description cell, still speaks of a person's account.
    expect(confidence(row('Salaris', 'NL90ABNA9064379959', 'Essent Zakelijk'))).toBeGreaterThanOrEqual(0.5);
    expect(confidence(row('Storno incasso contributie', 'NL90ABNA9064379959', 'Essent Zakelijk'))).toBeGreaterThanOrEqual(0.5);
  });

  it('masks all but the country code and the last three characters', () => {
    const [hit] = detect(ibanDetector, 'Rekeningnummer: NL91 ABNA 0417 1643 00');
    expect(hit?.evidence).toBe('IBAN: NL** **** **** ***3 00');
    expect(hit?.reason).toContain('"rekeningnummer"');
    expect(hit?.value).toBe('NL91ABNA0417164300');
    expect(hit?.confidence).toBeGreaterThan(0.95);
  });

  it('covers the IBAN exactly, not the word after it', () => {
    const text = 'IBAN NL91 ABNA 0417 1643 00 ten name van';
    const [hit] = detect(ibanDetector, text);
    expect(text.slice(hit!.start, hit!.end)).toBe('NL91 ABNA 0417 1643 00');
  });

  it('explains why a company IBAN is lower', () => {
    const [hit] = detect(ibanDetector, 'Jansen BV, KvK 12345678, IBAN NL91ABNA0417164300');
    expect(hit?.confidence).toBeLessThan(0.5);
    expect(hit?.reason).toMatch(/company/);
    expect(hit?.evidence).not.toContain('0417');
  });

  it('finds several IBANs and keeps a personal one far from the footer strong', () => {
    const text = `Graag terugstorten op rekening DE89370400440532013000 van mevrouw.\n${'x'.repeat(200)}\nKvK 12345678 — IBAN NL91 ABNA 0417 1643 00`;
    const found = detect(ibanDetector, text);
    expect(found.map((o) => o.value)).toEqual(['DE89370400440532013000', 'NL91ABNA0417164300']);
    expect(found[0]!.confidence).toBeGreaterThanOrEqual(0.85);
    expect(found[1]!.confidence).toBeLessThan(0.5);
  });
});
