import { describe, expect, it } from 'vitest';
import { WEAK } from '../../../classifiers/detector.ts';
import { emailDetector } from '../../../classifiers/detectors/email.ts';
import { personNameDetector } from '../../../classifiers/detectors/person-name/detector.ts';
import { phoneDetector } from '../../../classifiers/detectors/phone.ts';
import { detect, outcome, type Case } from '../../support/detect.ts';

const cases: Case[] = [
  {
    text: 'Kantoorinrichting Noord B.V. · 050-3138800 · KvK 02087654\n\n' + 'Wij bieden u het volgende aan. '.repeat(8) + '\nVragen? Bel 050-3138800.\n\nVoor akkoord (naam, functie, datum en handtekening):',
    expect: 'weak',
    why: 'the letterhead\'s company line, repeated near a signature field\'s "naam", is still the company\'s',
  },
  {
    text: 'Kantoorinrichting Noord B.V. · 050-3138800 · KvK 02087654\n\n' + 'Wij bieden u het volgende aan. '.repeat(8) + '\nNaam: Piet de Vries, telefoon 050-3129944',
    expect: 'strong',
    why: 'another number than the letterhead\'s, with personal context',
  },
  // Mobile numbers belong to one person.
  { text: 'Bel me op 06-12345678', expect: 'strong', why: 'mobile, dashed' },
  { text: 'Mobiel: 06 1234 5678', expect: 'strong', why: 'mobile, grouped 2-4-4' },
  { text: 'tel +31 6 12345678', expect: 'strong', why: 'mobile, international form' },
  { text: 'tel 0031 6 1234 5678', expect: 'strong', why: 'mobile, 0031 form' },
  { text: '+31(0)6-12345678', expect: 'strong', why: 'mobile with trunk (0)' },
  { text: '0612345678', expect: 'strong', why: 'mobile, ungrouped' },
  { text: 'Acme BV, KvK 12345678, mobiel 06-12345678', expect: 'strong', why: 'mobile near company context stays strong' },
  { text: 'Bel of app (06-17263548), graag', expect: 'strong', why: 'mobile enclosed in brackets' },
  { text: 'bereikbaar (0612345678)', expect: 'strong', why: 'ungrouped mobile enclosed in brackets' },
  { text: 'Geboren (06-12-1985)', expect: 'none', why: 'date in brackets' },
  { text: 'Ordernummer (0612345678B01)', expect: 'none', why: 'code in brackets with a mobile shape' },
  // Landlines: context decides.
  { text: 'Naam: J. Jansen\nTelefoon: 020-1234567', expect: 'strong', why: 'landline in a personal-details block' },
  { text: 'Privé: 010 123 45 67', expect: 'strong', why: 'landline marked private' },
  { text: 'Zij is bereikbaar op (0)20 123 4567', expect: 'strong', why: 'trunk in brackets, personal phrase' },
  { text: 'Telefoon privé +31 (0)20 123 4567', expect: 'strong', why: '+31 with (0)' },
  { text: 'Bel 020-1234567 voor een afspraak', expect: 'strong', why: 'landline without context: medium' },
  { text: 'Acme BV\nTel. 020-1234567\nKvK 12345678 BTW NL001234567B01', expect: 'weak', why: 'letterhead switchboard' },
  // A number labelled as the organisation's own line, and a name field filled with a department.
  { text: 'Noodnummer kampleiding tijdens kampweken: 0577-45 12 90 (Kampterrein De Hazenberg)', expect: 'weak', why: "the camp staff's emergency line" },
  { text: 'Noodnummer: 0577-45 12 90 (moeder)', expect: 'strong', why: "a person's emergency number" },
  { text: 'Telefoonnummer organisatie: 030-230 17 40', expect: 'weak', why: "the organisation's number" },
  { text: '1.1 Naam organisatie          : Jongerenreizen Nederland B.V.\n1.4 Telefoonnummer            : 030-230 17 40\n1.5 Naam vertegenwoordiger    : Afdeling HR & Reisleiding', expect: 'weak', why: 'the name field holds a department' },
  { text: '1.1 Naam organisatie          : Jongerenreizen Nederland B.V.\n1.4 Telefoonnummer            : 030-230 17 40\n1.5 Naam vertegenwoordiger    : P. de Wit', expect: 'strong', why: 'the name field holds a person' },
  { text: '1.1 Naam organisatie          : Jongerenreizen Nederland B.V.\n1.4 Telefoonnummer            : 030-230 17 40\n1.5 Naam vertegenwoordiger    : Afdeling HR, P. de Wit', expect: 'strong', why: 'the field names the department\'s person' },
  { text: 'Telefoon: 030-230 17 40\nNaam: Hr. Jansen', expect: 'strong', why: '"Hr." is a title, not the HR department' },
  // A column label of a table the number is not in speaks for its column only.
  { text: '# Vragen: RVO 088 042 42 42\nlevensnummer;geboortedatum;geslacht\nNL 314789328;07-04-2024;M\nNL 113879811;08-04-2022;V', expect: 'weak', why: "a table's column label, not the number's context" },
  { text: 'Naam: J. Jansen\nTelefoon: 030-230 17 40', expect: 'strong', why: 'a personal field right above the number' },
  { text: 'Hoofdnummer (020) 123 45 67', expect: 'weak', why: 'switchboard, area code in brackets' },
  { text: 'Klantenservice: 0800-1234', expect: 'weak', why: 'free service number' },
  { text: 'Bel 0900 1234567 (20 ct/min)', expect: 'weak', why: 'paid service number' },
  { text: 'Tel. 088-1234567', expect: 'weak', why: '088 company number' },
  { text: 'Mail sales@datalink.nl of bel 0418-760100.', expect: 'weak', why: 'next to a role mailbox' },
  { text: 'Mail j.jansen@datalink.nl of bel 0418-760100.', expect: 'strong', why: "next to a person's mailbox: no company context" },
  { text: 'tel 0499-47 30 00   www.hgbrabant.nl', expect: 'weak', why: 'next to a web address' },
  { text: 'Klantcontactcentrum: 020-1234567', expect: 'weak', why: 'customer contact centre' },
  { text: 'Servicepunt Wonen 010 123 45 67', expect: 'weak', why: 'a municipal service point' },
  { text: 'Hulp nodig? Bel het Klantcontactcentrum via 026-377 00 00 (ma-vr 8.30-17.00)', expect: 'weak', why: 'customer contact centre' },
  { text: 'Naam organisatie: Stichting De Brug\nTelefoon: 020-1234567', expect: 'weak', why: 'the longer organisation label beats "naam"' },
  { text: 'Bedrijfsnaam: Jansen Installaties\nTel: 0418-760100', expect: 'weak', why: 'company name field' },
  { text: 'Northwind Ltd, registered office: 1 High St. Tel +44 20 7946 0958', expect: 'weak', why: 'UK company letterhead' },
  { text: 'Naam: J. Jansen\nNaam organisatie: De Brug\nTelefoon privé: 020-1234567', expect: 'strong', why: 'private line next to an organisation field' },
  // Tables: each row is its own record.
  { text: 'Afdeling;Toestel;Extern;Mailbox\nBeveiliging;1999;0344-674 999;beveiliging@zrt.nl\nNoodnummer intern;2222;-;-', expect: 'weak', why: 'a personal word in another row' },
  { text: 'Naam;Relatie;Telefoon\nP. Jansen;partner;020-1234567\nK. de Vries;ouder;010-7654321', expect: 'strong', why: 'personal context in its own row' },
  { text: 'Naam;Functie;Telefoon privé\nP. Jansen;monteur;020-1234567\nK. de Vries;planner;010-7654321', expect: 'strong', why: 'personal context in the header of the table' },
  { text: 'Afdeling;Locatie;Telefoon\nReceptie;Hoofdgebouw;030-2345600\nFinanciën;Gebouw B;030-2345630\nJuridische zaken;Gebouw C;030-2345650', expect: 'weak', why: 'rows that start with a department' },
  { text: 'Naam;Afdeling;Telefoon\nJan de Vries;Planning;020-1234567\nKim Bos;Receptie;020-7654321', expect: 'strong', why: 'rows that start with a person (a staff list)' },
  // Form sections: a field far below its section's header takes the header as context.
  { text: '1. Gegevens organisatie\n   Naam organisatie:        Zorggroep Oude en Nieuwe Land\n   Naam vertegenwoordiger:  ______________________________\n   Adres:                   Kamperstraat 7, 8251 LB Dronten\n   Telefoonnummer:          0321-388000', expect: 'weak', why: 'the phone field of an organisation section' },
  { text: 'Gegevens werkgever:\nWerkgever: De Bron\nAdres: Dorpsstraat 12, 1234 AB Dorp\nPlaats van vestiging: Dorp aan de Rijn, Gelderland\nTelefoon:               0321-388000', expect: 'weak', why: 'a header ending in a colon' },
  { text: '1. Gegevens organisatie\nNaam organisatie: De Bron\n\n2. Gegevens werknemer\nAdres: Dorpsstraat 12, 1234 AB Dorp\nPlaats van vestiging: Dorp aan de Rijn, Gelderland\nTelefoon:                  0321-388000', expect: 'strong', why: 'the header of another block does not count' },
  { text: 'Gegevens organisatie: zie de bijlage bij deze aanvraag\nAdres: Dorpsstraat 12, 1234 AB Dorp\nPlaats van vestiging: Dorp aan de Rijn, Gelderland\nTelefoon:             0321-388000', expect: 'strong', why: 'a field line with a value is no section header' },
  { text: 'nr;naam;telefoon algemeen\n1;Sodexo Nederland B.V.;030-2472000\n2;Nedap Healthcare;0544-471111\n3;Otis B.V.;020-4092700', expect: 'weak', why: 'a context-less row in a table of B.V.s is one more organisation' },
  { text: 'nr;naam;telefoon\n1;Sodexo Nederland B.V.;030-2472000\n2;P. Jansen;0544-471111\n3;K. de Vries;020-4092700', expect: 'strong', why: 'one company row does not make a table of organisations' },
  { text: 'nr;naam;telefoon;relatie\n1;Sodexo B.V.;030-2472000;leverancier\n2;Otis B.V.;020-4092700;leverancier\n3;P. Jansen;0544-471111;partner', expect: 'strong', why: 'a row with personal context of its own keeps it' },
  // Service lines staffed in turns: not one person's, even a mobile.
  { text: 'Persvragen   Communicatie   4500   06 - 40 00 12 34 (persdienst, 24/7)   pers@dommelvallei.nl', expect: 'weak', why: 'a mobile marked as the press duty line' },
  { text: 'Piket ICT: 06-12345678', expect: 'weak', why: 'an on-call mobile' },
  { text: 'Afdeling;Toestel;Mobiel;Mailbox\nCommunicatie;4500;06-40001234;pers@dommelvallei.nl\nICT;4444;06-40004444;servicedesk@dommelvallei.nl', expect: 'weak', why: "a mobile in a department's row with its role mailbox" },
  { text: 'Jan de Vries 06-12345678', expect: 'strong', why: "a named person's mobile" },
  { text: 'Jan de Vries is 24/7 bereikbaar op 06-12345678', expect: 'strong', why: 'personal context beats the service marker' },
  { text: 'Naam;Afdeling;Mobiel;Mail\nJan de Vries;Communicatie;06-12345678;pers@dommelvallei.nl\nPiet Bos;ICT;06-87654321;ict@dommelvallei.nl', expect: 'strong', why: 'a staff list starts its rows with names, not departments' },
  { text: 'Afdeling;Toestel;Mobiel;Mailbox\nCommunicatie;4500;06-40001234;j.devries@dommelvallei.nl\nICT;4444;06-40004444;p.bos@dommelvallei.nl', expect: 'strong', why: "a department's row with a person's mailbox: the mobile may be theirs" },
  { text: 'Storingsafhandeling binnen 8 werkuren, 24/7 storingsnummer 013 - 521 40 99.', expect: 'weak', why: 'a 24/7 fault line' },
  { text: 'Verwarming valt uit: Installatiebedrijf Hermans 013 - 463 22 11, storing 24/7 toets 1', expect: 'weak', why: "an installer's fault line" },
  { text: 'Melden bij de portiersloge (0529 - 46 30 10, 24/7 bemand).', expect: 'weak', why: "a gatehouse's line" },
  // International.
  { text: 'Tel. +32 2 123 45 67', expect: 'strong', why: 'Belgian landline, no context: medium' },
  { text: 'Handy +49 170 1234567', expect: 'strong', why: 'German mobile' },
  { text: 'Call +44 (0)20 7946 0958', expect: 'strong', why: 'UK with (0)' },
  { text: 'Receptie: +44 20 7946 0958', expect: 'weak', why: 'international switchboard' },
  { text: 'Cell: +1 (555) 123-4567', expect: 'strong', why: 'US number with area code in brackets' },
  // Look-alikes.
  { text: 'Datum 01-03-2024 10:30', expect: 'none', why: 'date and time' },
  { text: 'Parketnummer: 05/123456-24', expect: 'none', why: 'a criminal case number (parketnummer) has a landline shape' },
  { text: 'zaaknummer / rolnummer: 10987654 UC EXPL 24-5678\nRolnummer 020-6541234', expect: 'none', why: 'a court roll number is no phone number' },
  { text: 'Op 01.03.2024 12 uur', expect: 'none', why: 'dotted date' },
  { text: 'Totaal € 1.234,56', expect: 'none', why: 'amount' },
  { text: 'Prijs 0,50 per stuk', expect: 'none', why: 'decimal amount' },
  { text: 'BSN: 012345672', expect: 'none', why: 'BSN with leading zero (9 digits)' },
  { text: 'IBAN NL91ABNA0417164300', expect: 'none', why: 'IBAN digits glued to the bank code' },
  { text: 'NL91 ABNA 0417 1643 00', expect: 'none', why: 'spaced IBAN' },
  { text: '1015 CJ Amsterdam', expect: 'none', why: 'postcode' },
  { text: 'KvK 01234567', expect: 'none', why: 'KvK number: 8 digits' },
  { text: 'KvK-nummer: 09001234', expect: 'none', why: 'ungrouped 8 digits are not 0900-1234' },
  { text: 'Ordernummer 0612345678', expect: 'none', why: 'order number with a mobile shape' },
  { text: 'Factuurnummer: 0201234567', expect: 'none', why: 'invoice number with a landline shape' },
  { text: 'Rekeningnummer 0417164300', expect: 'none', why: 'old bank account number' },
  { text: 'BTW NL0612345678B01', expect: 'none', why: 'digits inside a VAT id' },
  { text: 'Versie 0.1.2.3.4.5.6.7.8.9', expect: 'none', why: 'version number' },
  { text: 'code 0000000001', expect: 'none', why: 'no area code' },
  { text: '2024-03-12 0612', expect: 'none', why: 'ISO date and time' },
  { text: '3+31 6 12345678', expect: 'none', why: 'sum, not an international prefix' },
  { text: 'Dock 4 is bereikbaar via de Havenweg; melden bij de portiersloge (0529 - 46 30 10, 24/7 bemand).', expect: 'weak', why: 'a porter\'s lodge is an organisation\'s line, though the dock is "bereikbaar via"' },
  { text: 'Voor vragen ben ik bereikbaar via 0529 - 46 30 10.', expect: 'strong', why: 'a landline someone gives as theirs' },
  { text: 'De afdeling is bereikbaar via 0343 - 47 55 00.', expect: 'weak', why: "a department that is 'bereikbaar' is reached on the organisation's line" },
  { text: 'De externe vertrouwenspersoon is bereikbaar via 030 - 711 22 80.', expect: 'weak', why: 'a role anyone can hold, not a named person' },
  { text: 'Mevrouw Jansen is bereikbaar via 030 - 711 22 80.', expect: 'strong', why: 'a named person who is bereikbaar' },
];

describe('phone detector', () => {
  it.each(cases)('$expect: $why — $text', ({ text, expect: expected }) => {
    expect(outcome(phoneDetector, text)).toBe(expected);
  });

  it('masks the evidence, names the kind and normalises the value', () => {
    const [hit] = detect(phoneDetector, 'Mobiel: 06-12345678.');
    expect(hit?.evidence).toBe('mobiel: **-******78');
    expect(hit?.value).toBe('+31612345678');
    expect(hit?.start).toBe(8);
    expect(hit?.end).toBe(19);
    expect(`${hit?.evidence} ${hit?.reason}`).not.toContain('123456');
  });

  it('reads each number of a list separately and stops at trailing quantities', () => {
    const found = detect(phoneDetector, 'Tel. 020-1234567 / 06-12345678\nvia 010 123 45 67 12 stuks');
    expect(found.map((o) => o.value)).toEqual(['+31201234567', '+31612345678', '+31101234567']);
  });

  it("counts 'bereikbaar op/via/onder' only for the number that follows it", () => {
    const personal = (text: string) => detect(phoneDetector, text).some((o) => o.reason.includes('personal context "bereikbaar'));
    for (const text of [
      'Ik ben bereikbaar op 020-1234567.',
      'Zij is bereikbaar via telefoonnummer 020-1234567.',
      'Hij is overdag bereikbaar onder nummer: 010 123 45 67',
      'Bereikbaar op:\n020-1234567',
      'Mevrouw Jansen is bereikbaar op 020-1234567.',
      'Onze adviseur Karim is ook bereikbaar via 020-1234567.',
    ]) expect(personal(text), text).toBe(true);
    for (const text of [
      'Wij zijn bereikbaar op maandag tot en met vrijdag via 020-1234567.',
      'Dock 4 is bereikbaar via de Havenweg; bel bij aankomst 0529 - 46 30 10.',
      'Onze functionaris gegevensbescherming is bereikbaar via fg@kinderopvang.nl.\n\n© 2026 De Kleine Wereld · 030 - 233 40 00',
      'Gebruik +31 318 69 69 69. Wij zijn bereikbaar op werkdagen van 8.30 tot 17.00 uur.',
      // A role or department is reached on the organisation's line, whoever holds the role.
      'De externe vertrouwenspersoon is bereikbaar via 030 - 711 22 80.',
      'Het secretariaat is telefonisch bereikbaar op 030 - 711 22 80.',
      'De klantenservice is bereikbaar onder 030 - 711 22 80.',
    ]) expect(personal(text), text).toBe(false);
  });

  it("takes a context-less landline in an organisation's document that names no one for the organisation's", () => {
    const both = [phoneDetector, personNameDetector];
    const phone = (text: string) => detect(both, text).find((o) => o.evidence.startsWith('telefoon'))!;
    const letter = 'Koeltechniek Brabant B.V.\n\n' + 'Wij onderhouden uw installaties volgens het contract. '.repeat(3) + 'Vragen? Bel gerust 013 - 521 40 77.\n\nMet vriendelijke groet,\n\n';
    expect(phone(letter + 'Afdeling Verkoop').confidence).toBeLessThan(WEAK);
    expect(phone(letter + 'Afdeling Verkoop').reason).toContain('"b.v."');
    // A named person in the document could own the line; without a company marker nothing says whose it is.
    expect(phone(letter + 'Jan de Vries').confidence).toBeGreaterThanOrEqual(WEAK);
    expect(phone(letter.replace('B.V.', '') + 'Afdeling Verkoop').confidence).toBeGreaterThanOrEqual(WEAK);
  });

  it("also takes an organisation's mailbox or web address as the mark of its document", () => {
    const all = [phoneDetector, personNameDetector, emailDetector];
    const phone = (text: string) => detect(all, text).find((o) => o.evidence.startsWith('telefoon'))!;
    const brief = 'Dit rapport beschrijft alleen geaggregeerde uitkomsten. '.repeat(3) + '\n\nBuiten kantooruren: 020 - 383 90 00\n\n' + 'Elke vestiging volgt deze procedure. '.repeat(3);
    const mailed = brief + '\nContact: enquete@kenniscentrum-oa.nl';
    expect(phone(mailed).confidence).toBeLessThan(WEAK);
    // The reason names no mailbox read from the document (only a role word from the rules would be quoted).
    expect(phone(mailed).reason).toContain("an organisation's mailbox");
    expect(phone(mailed).reason).not.toContain('enquete');
    expect(phone(brief + '\nMeer informatie: www.kenniscentrum-oa.nl').reason).toContain('a web address');
    expect(phone(brief + '\nMeer informatie: www.kenniscentrum-oa.nl').confidence).toBeLessThan(WEAK);
    for (const text of [
      brief, // nothing says whose line it is
      mailed + '\n\nMet vriendelijke groet,\nJan de Vries', // a named person could own it
      brief + '\nContact: p.jansen@kenniscentrum-oa.nl', // a person's mailbox: a person in the document
      brief + '\nVan: olena.kovalenko@gmail.com\nAan: vrijwilligers@voedselbank.nl',
    ]) expect(phone(text).confidence, text).toBeGreaterThanOrEqual(WEAK);
  });

  it('explains a switchboard', () => {
    const [hit] = detect(phoneDetector, 'Algemeen nummer: 020-1234567');
    expect(hit?.reason).toContain('"algemeen nummer"');
    expect(hit?.confidence).toBeLessThan(0.5);
  });
});
