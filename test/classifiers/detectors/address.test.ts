import { describe, expect, it } from 'vitest';
import { addressDetector } from '../../../classifiers/detectors/address.ts';
import { detect, outcome, type Case } from '../../support/detect.ts';

const cases: Case[] = [
  { text: 'Schoonmaakbedrijf Twente B.V.\nt.a.v. crediteurenadministratie\nHengelosestraat 585\n7521 AG Enschede', expect: 'weak', why: 't.a.v. a department: the company\'s address' },
  { text: 'Schoonmaakbedrijf Twente B.V.\nt.a.v. mevrouw J. de Vries\nHengelosestraat 585\n7521 AG Enschede', expect: 'strong', why: 't.a.v. a named person: her address at work still leads to her' },
  { text: 'Provincie Flevoland | Visarenddreef 1, Lelystad', expect: 'weak', why: 'a provincial office (provincie: a government body)' },
  // Street lines and full addresses.
  { text: 'Keizersgracht 123-2\n1015 CJ Amsterdam', expect: 'strong', why: 'full address on two lines' },
  { text: 'Hij woont aan de Dorpsstraat 4a, 1234 AB Dorp.', expect: 'strong', why: 'full address on one line' },
  { text: 'Dorpsstraat 4 1234AB Ons Dorp', expect: 'strong', why: 'no comma, glued postcode' },
  { text: 'Adres: Laan van Meerdervoort 50', expect: 'strong', why: 'street that starts with its kind' },
  { text: 'Burgemeester de Vlugtlaan 12 hs', expect: 'strong', why: 'long street name, addition hs' },
  { text: "'s-Gravendijkwal 7 bis", expect: 'strong', why: "'s- prefix, wal suffix" },
  { text: 'Willem-Alexanderlaan 300', expect: 'strong', why: 'hyphenated name' },
  { text: 'DORPSSTRAAT 12', expect: 'strong', why: 'street in capitals' },
  { text: 'Markt 1', expect: 'strong', why: 'the suffix word alone is a street name' },
  // Postcodes without a street.
  { text: 'Woonplaats: 1015 CJ Amsterdam', expect: 'strong', why: 'postcode with city and context' },
  { text: 'postcode 3511AB', expect: 'strong', why: 'postcode after its label' },
  { text: '9712 CP Groningen', expect: 'strong', why: 'postcode with a place name' },
  { text: 'referentie 3511 AB.', expect: 'weak', why: 'bare postcode shape without place: weak' },
  { text: 'Postcode 1234 SA', expect: 'none', why: 'SA is never used' },
  // Organisations.
  { text: 'Postbus 123\n1000 AB Amsterdam', expect: 'weak', why: 'P.O. box' },
  { text: 'postbus 123\n1000 AB Amsterdam', expect: 'weak', why: 'P.O. box written in lower case at the very start of a text' },
  { text: 'Antwoordnummer 1234, 1000 VB Amsterdam', expect: 'weak', why: 'freepost address' },
  { text: 'Acme BV\nKeizersgracht 123\n1015 CJ Amsterdam\nKvK 12345678', expect: 'weak', why: 'letterhead' },
  { text: 'Bezoekadres: Stationsplein 1, 3511 ED Utrecht', expect: 'weak', why: 'visiting address' },
  { text: 'Naam organisatie: De Brug\nAdres: Stationsplein 1, 3511 ED Utrecht', expect: 'weak', why: 'organisation field beats "naam"' },
  { text: 'Projectlocatie: Dorpsstraat 4, 1234 AB Dorp', expect: 'weak', why: 'a building site' },
  { text: 'Woonstichting De Linie, Markt 3, 5211 JV Den Bosch', expect: 'weak', why: 'a housing foundation' },
  { text: 'Naam: P. de Vries\nAdres: Dorpsstraat 4, 1234 AB Dorp\nNaam werkgever: Acme', expect: 'strong', why: 'an employer field after a person\'s address' },
  { text: 'Smaakmakers Catering & Events, Haarlemmerstraat 210, Leiden - events@smaakmakers.nl', expect: 'weak', why: 'next to a role mailbox' },
  // Venues: company context only before the address.
  { text: 'Informatieavond in Wijkcentrum De Bron, Burgemeester\nMoonenlaan 6.', expect: 'weak', why: 'a community centre named before its address' },
  { text: 'We vergaderen in het buurthuis, Dorpsstraat 4, 1234 AB Dorp.', expect: 'weak', why: 'a buurthuis right before the address' },
  { text: 'Lezing in Bibliotheek Centrum, Markt 3, Dorp', expect: 'weak', why: 'a library before its address' },
  { text: 'Je ontvangt het blad op je adres Vleutenseweg 212, 3532 HS Utrecht.\nWe vergaderen in het buurthuis.', expect: 'strong', why: 'a venue after a home address does not lower it' },
  { text: 'STORINGSKAART — technische ruimte\nKantoorgebouw "De Wissel", Spoorlaan 21-23, 5038 CB Tilburg', expect: 'weak', why: 'an office building named before its address' },
  { text: 'Te huur: bedrijfspand aan de Industrieweg 14, 5521 DK Eersel.', expect: 'weak', why: 'business premises named before the address' },
  { text: 'Wij wonen op Spoorlaan 21, 5038 CB Tilburg, naast het nieuwe kantoorgebouw.', expect: 'strong', why: 'an office building after a home address does not lower it' },
  { text: 'Na de avond in het buurthuis liepen we samen naar huis, door de stille straten. Daarna reed Piet nog door naar de Kerkstraat 5.', expect: 'strong', why: 'a venue further back than the venue window' },
  { text: 'Gegevens werkgever\nWerkgever:                ________________________________________\nContactpersoon:           ________________________________________\nAdres:                    Kamperstraat 7, 8251 LB Dronten', expect: 'weak', why: 'an address field in an employer section' },
  { text: 'Gegevens werkgever\nWerkgever: Acme\n\nGegevens werknemer\nWerknemer:                ________________________________________\nAdres:                    Kamperstraat 7, 8251 LB Dronten', expect: 'strong', why: 'the employee section below the employer block' },
  // An organisation speaking of its own building, in English; the controller of a privacy statement.
  { text: 'Our office is at Strijp-S, Torenallee 20, 5617 BC Eindhoven, 4th floor. Reception opens at 08:30.', expect: 'weak', why: '"our office" before the address' },
  { text: 'Our headquarters: Stationsplein 1, 3511 ED Utrecht', expect: 'weak', why: 'headquarters before the address' },
  { text: 'Mr J. Smith\nKerkstraat 1\n1234 AB Dorp\n\nDear Mr Smith, thank you for visiting our office last week.', expect: 'strong', why: '"our office" after a home address does not lower it' },
  { text: 'I moved my home office to Kerkstraat 1, 1234 AB Dorp.', expect: 'strong', why: 'a home office is no organisation speaking of its building' },
  { text: 'Praktijk Oost, Stationsplein 1, 3511 ED Utrecht, is de verwerkingsverantwoordelijke.', expect: 'weak', why: 'the controller of a privacy statement' },
  { text: 'Data controller: Acme, Stationsplein 1, 3511 ED Utrecht', expect: 'weak', why: 'the controller, in English' },
  // A role mailbox later in the same paragraph, not across a blank line.
  { text: 'Fysiotherapie Oost, Oldenzaalsestraat 212, 7523 AG Enschede, is verantwoordelijk voor uw gegevens. U kunt ons bereiken via info@fysio-oost.nl.', expect: 'weak', why: 'a role mailbox further on in the same paragraph' },
  { text: 'Jan Jansen woont op Kerkstraat 1, 1234 AB Dorp.\n\nHet verslag van de vergadering volgt later. Vragen? Mail info@vereniging.nl.', expect: 'strong', why: 'a role mailbox after a blank line says nothing about the address' },
  { text: `Jan Jansen woont op Kerkstraat 1, 1234 AB Dorp en fietst elke dag naar zijn werk in de stad, waar hij als monteur werkt bij een groot installatiebedrijf. Vragen over de club: info@vereniging.nl.`, expect: 'strong', why: 'a role mailbox beyond the company window' },
  // House-number ranges: a building complex (weak), against double numbers and additions (one household).
  { text: 'Projectlocatie              Hof van Delftlaan 2-64, Delft', expect: 'weak', why: 'a range of 2 to 64: a complex' },
  { text: 'Renovatie Dorpsstraat 1 t/m 120', expect: 'weak', why: 't/m: a range' },
  { text: 'Complex Kerkstraat 1 tot en met 9\n1234 AB Dorp', expect: 'weak', why: 'tot en met: a range, also with a postcode' },
  { text: 'Blok Molenweg 1–40', expect: 'weak', why: 'an en dash range' },
  { text: 'Kerkstraat 12-14\n1234 AB Dorp', expect: 'strong', why: 'a double number (difference 2): one house' },
  { text: 'Keizersgracht 12-3', expect: 'strong', why: 'a number with an apartment addition (lower second number)' },
  { text: 'Dorpsstraat 4-12', expect: 'strong', why: 'a difference of 8: below the range threshold of 10' },
  { text: 'Markt 1-12-2024', expect: 'strong', why: 'a date-like run is no range (read as before)' },
  { text: 'Kerkstraat 1 t/m 12 maart', expect: 'none', why: 'a date range, not a house number' },
  { text: 'Mevrouw A. Bakker - Rondweg 77 - 9101 BE Dokkum', expect: 'strong', why: 'a postcode after a dash is no range' },
  // An organisation's document that names no person: an address without context of its own is the organisation's.
  { text: 'Meer informatie en contact\nGGD Regio Noord, afdeling Infectieziekten\nStationsweg 12, 9711 AB Groningen\nE-mail: infectieziekten@ggdnoord.nl\n\n© GGD Regio Noord · KvK 12345678', expect: 'weak', why: "a GGD's contact block, a KvK number in the footer" },
  { text: 'De heer P. de Vries\nStationsweg 12, 9711 AB Groningen\n\nOnderwerp: uw aanvraag\n\n© GGD Regio Noord · KvK 12345678', expect: 'strong', why: 'the document names a person: the addressee\'s home' },
  { text: 'Meer informatie en contact\nStationsweg 12, 9711 AB Groningen\n\nDe vereniging is een club van vrijwilligers.', expect: 'strong', why: 'no marker of an organisation (KvK, legal form, mailbox, web address)' },
  { text: `Werknemer:${' '.repeat(60)}Personeelsnr:  9109\nAdres:        Heelweg 30, 1229 XA Dinxperlo\n\n${'Het loon wordt maandelijks op de laatste werkdag uitbetaald. '.repeat(3)}\n\nMetaalbewerking Hulshof B.V. · KvK 12345678`, expect: 'strong', why: 'a personal word in the address\'s paragraph, beyond the personal window' },
  // A postcode under a P.O. box line, the box number read by OCR.
  { text: 'Belastingdienst\nPostbus 1O5\n6950 AC  Dieren', expect: 'weak', why: 'the postcode of a P.O. box, an OCR O in its number' },
  { text: `${' '.repeat(40)}Scholengemeenschap Het Rhedens\n${' '.repeat(40)}Postbus 1O5\n${' '.repeat(40)}6950 AC  Dieren`, expect: 'weak', why: 'a P.O. box block in the right column' },
  { text: 'Postbus 105 is opgeheven, schrijf voortaan naar:\n6950 AC Dieren', expect: 'strong', why: 'a sentence about a P.O. box is no box line' },
  // A two-column letter head: the postcode in the street's column on the next line completes the street line.
  { text: 'Huisman Wonen & Slapen B.V.                   Invoice no.:  NS-2026-011873\nAttn. Accounts Payable                        Due date:     2 December 2026\nIndustrieweg 14                               Customer ID:  CUST-00482\n7741 KM Coevorden                             Contract:     MSA-2023-0097', expect: 'weak', why: 'the customer is a B.V., its block in the left column' },
  // Look-alikes.
  { text: 'de arbeidsmarkt 2020 was krap', expect: 'none', why: 'lowercase word ending in markt' },
  { text: 'zijn loopbaan 3 jaar', expect: 'none', why: 'lowercase word ending in baan' },
  { text: 'Het Gerechtshof 12 maart', expect: 'none', why: 'a date after a capitalised hof word' },
  { text: 'Keizersgracht 12:30 uur', expect: 'none', why: 'a time' },
  { text: 'Totaalweg 12,50', expect: 'none', why: 'an amount' },
  { text: 'Het bestand is 1024 MB groot', expect: 'none', why: 'a size' },
  { text: 'In 2019 EU-breed ingevoerd', expect: 'none', why: 'a year and an abbreviation' },
  { text: 'In 2019 NS Reizigers', expect: 'none', why: 'a year and capitals inside a sentence' },
  { text: 'J. Jansen\n2011 AB Haarlem', expect: 'strong', why: 'a year-like postcode as the place line of an address' },
  { text: 'Artikel 12 lid 3', expect: 'none', why: 'no street suffix' },
  { text: 'IBAN NL91ABNA0417164300', expect: 'none', why: 'IBAN' },
  { text: 'Tel 0201234 AB', expect: 'none', why: 'too many digits' },
  { text: '0123 AB', expect: 'none', why: 'postcodes do not start with 0' },
];

describe('address detector', () => {
  it.each(cases)('$expect: $why — $text', ({ text, expect: expected }) => {
    expect(outcome(addressDetector, text)).toBe(expected);
  });

  it('reports a full address once, masked, with postcode kept to its first digit', () => {
    const found = detect(addressDetector, 'De heer J. Jansen\nKeizersgracht 123-2\n1015 CJ Amsterdam');
    expect(found).toHaveLength(1);
    const [hit] = found;
    expect(hit?.confidence).toBe(0.9);
    expect(hit?.evidence).toBe('K************ 1**-*, 1*** **');
    expect(hit?.value).toBe('1015cj 123-2');
    expect(`${hit?.evidence} ${hit?.reason}`).not.toMatch(/Keizers|1015|CJ/);
  });

  it('tells the letterhead from the addressee in one letter', () => {
    const letter = 'Acme BV\nKeizersgracht 1\n1015 CJ Amsterdam\n\nDe heer J. Jansen\nDorpsstraat 4\n1234 AB Dorp\nKvK 12345678';
    const found = detect(addressDetector, letter);
    expect(found.map((o) => o.confidence)).toEqual([0.3, 0.9]);
    expect(found[0]?.reason).toContain('"bv"');
  });

  it("takes an address the document gives with company context elsewhere for the organisation's", () => {
    const filler = 'Bring your passport on the first day and report to the onboarding team. '.repeat(4);
    const footer = '\n\nNexalyte B.V. · Torenallee 20 · 5617 AB Eindhoven · KvK 71234567';
    const same = detect(addressDetector, `Please come to Torenallee 20, 5617 AB Eindhoven at nine.\n\n${filler}${footer}`);
    expect(same.map((o) => o.confidence)).toEqual([0.3, 0.3, 0.3]);
    expect(same[0]?.reason).toContain('company context elsewhere');
    // Another house number in the same street, or the addressee's block ("Mevrouw …"), stays a home address.
    const neighbour = detect(addressDetector, `Home address: Torenallee 22, 5617 AB Eindhoven.\n\n${filler}${footer}`);
    expect(neighbour.map((o) => o.confidence)).toEqual([0.9, 0.3, 0.3]);
    const invoice = 'Schildersbedrijf Kramer\n\nMevrouw J. Hoekstra\nWilgenlaan 41\n7771 BP Hardenberg\n\n' +
      `${filler}\nSchilderwerk woning Wilgenlaan 41   € 1.850,00\nBTW 21%   € 388,50`;
    expect(detect(addressDetector, invoice).map((o) => o.confidence)).toEqual([0.9, 0.3]);
  });

  it('joins a street and its postcode in the same column of a two-column block, not across columns', () => {
    const block = 'Mevrouw J. de Vries                   Factuurnr:  2026-12\nIndustrieweg 14                       Klantnr:    3\n7741 KM Coevorden                     Datum:      2 december 2026';
    expect(detect(addressDetector, block).map((o) => o.confidence)).toEqual([0.9]);
    const shifted = 'Mevrouw J. de Vries\nIndustrieweg 14                       Klantnr:    3\n          7741 KM Coevorden';
    expect(detect(addressDetector, shifted).map((o) => o.confidence)).toEqual([0.7, 0.6]);
  });

  it('masks a P.O. box number and explains it', () => {
    const [hit] = detect(addressDetector, 'Postbus 12345');
    expect(hit?.evidence).toBe('Postbus 1****');
    expect(hit?.reason).toContain('P.O. box');
  });
});
