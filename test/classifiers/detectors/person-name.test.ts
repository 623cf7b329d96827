import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { personNameDetector, personNames } from '../../../classifiers/detectors/person-name/detector.ts';
import { maskName } from '../../../classifiers/detectors/person-name/mask.ts';
import { maskWords } from '../../../classifiers/text/mask.ts';
import { ScannedText } from '../../../classifiers/text/scanned-text.ts';
import { Vocabulary } from '../../../classifiers/text/vocabulary.ts';
import { detect, outcome, type Case } from '../../support/detect.ts';

const cases: Case[] = [
  { text: 'De brug ligt tussen Heer Oudelands Ambacht en het centrum.', expect: 'none', why: 'a capitalised title inside a place name' },
  { text: 'Wij spraken met de Heer Jansen over de planning.', expect: 'strong', why: 'capitalised title after "de" is a salutation' },
  // salutations and titles
  { text: 'Geachte heer Jansen,', expect: 'strong', why: 'salutation before a surname' },
  { text: 'Wij spraken met mevrouw De Vries over de zaak.', expect: 'strong', why: 'title before a particle surname' },
  { text: 'Aan dhr. P. de Boer', expect: 'strong', why: 'abbreviated title, initial, particle' },
  { text: 'mw. A. van der Linden', expect: 'strong', why: 'mw. with a double particle' },
  { text: 'Dear Mr Smith,', expect: 'strong', why: 'English title without a dot' },
  { text: 'Behandeld door drs. J. Pietersen', expect: 'strong', why: 'academic title' },
  { text: 'Mw Esma is overgegaan naar ouderenzorg.', expect: 'strong', why: 'title before a first name alone' },
  { text: 'Geachte heer, mevrouw,', expect: 'none', why: 'a salutation without a name' },
  // a title ending a table's header cell (mw = medewerkers) is no salutation
  { text: 'Afdeling                    Aantal mw   Verzuim%   Meldingsfreq.', expect: 'none', why: '"mw" ends a header cell before a column gap' },
  { text: 'Afdeling\tAantal mw\tVerzuim%\tTrend', expect: 'none', why: 'a tab-separated header' },
  { text: 'Meldingsfrequentie (per mw/jaar)      1,21        1,08', expect: 'none', why: '"mw" before a slash is no salutation' },
  { text: 'Geachte heer  Jansen,\n\nHierbij ontvangt u', expect: 'strong', why: 'a double space in a letter: no table line' },
  { text: 'Re: mw.  Y.  Kwakernaat ,   geb  29 -07- 1960', expect: 'strong', why: 'a scan spaced out all along has the wide gap before the title too' },
  { text: 'Aanhef\tAchternaam\tKamer\nMw\tKwakernaat\t12', expect: 'strong', why: 'a title opening its cell in a table' },
  { text: 'Naam   mevrouw  Kwakernaat   Kamer 3', expect: 'strong', why: 'a wide gap before the title too: a spaced-out line' },
  { text: 'De minister van Financiën heeft besloten.', expect: 'none', why: 'a role word followed by a preposition' },
  { text: 'Toespraak van burgemeester Van Zanen', expect: 'strong', why: 'a role word before a capitalised particle surname' },
  // multi-word stop entries (nonNames "earl grey", "den haag")
  { text: 'Wij bestelden Thee Earl Grey bij de groothandel.', expect: 'none', why: 'a tea, not a first name and surname' },
  { text: '2 x Thee Earl Grey 20 zakjes', expect: 'none', why: 'a tea on an order line' },
  { text: 'Geachte heer Den Haag', expect: 'none', why: 'a city led by a particle after a title' },
  { text: 'Wij spraken met Earl Grey-Smith.', expect: 'strong', why: 'a double surname that starts like the tea' },
  { text: 'Geachte heer Earl Jansen', expect: 'strong', why: 'the first word of a stop entry, without the rest' },
  { text: 'Naam: Marco den Hartog', expect: 'strong', why: 'a particle surname that is no stop entry' },
  // form fields
  { text: 'Naam: Pieter Jansen', expect: 'strong', why: 'form field with a full name' },
  { text: 'Achternaam:\tYilmaz', expect: 'strong', why: 'surname field' },
  { text: 'Patiënt: J.M. de Groot-Bakker', expect: 'strong', why: 'double surname with initials' },
  { text: ' Werknemer    :  E.J.M.  Nijhuis - Ter Haar          Pers.nr     :  0047', expect: 'strong', why: 'two spaces after the initials (a scanned form)' },
  { text: 'Naam:  J.  Kwakernaat', expect: 'strong', why: 'padded initials after a form field' },
  { text: 'S.V.  Oranje  Nassau  -  kantinecommissie', expect: 'none', why: 'without a cue, a padded gap after initials ends the name (a club in a spaced-out scan)' },
  { text: 'Van:  A.B.  NL31 INGB 0000 0020 81', expect: 'none', why: 'an ALL-CAPS code after padded initials is the next column' },
  { text: 'Name: John Smith', expect: 'strong', why: 'English form field' },
  { text: 'From: Procurement <procurement@coldstorage.com>', expect: 'weak', why: "a role mailbox's display name, one department word" },
  { text: 'Aan: Personeelszaken', expect: 'weak', why: 'one department word in an addressee field' },
  { text: 'From: Kwakernaat <kwakernaat@firma.nl>', expect: 'strong', why: 'one unlisted word that is no department stays a name' },
  { text: 'Naam: Procurement', expect: 'strong', why: 'a department word in a name field (not a sender or addressee field) keeps its weight' },
  { text: 'Van: P. Inkoop', expect: 'strong', why: 'an initial before a surname that is also a department word' },
  { text: 'Van: Jan Jansen <jan@example.nl>', expect: 'strong', why: 'e-mail header' },
  { text: 'Your DNA Story\n\nPrepared for: Megan Walsh\nKit ID: HX-4471', expect: 'strong', why: 'report addressee field (Prepared for:)' },
  { text: 'Naam: Project Alpha', expect: 'none', why: 'a form field holding no name' },
  { text: 'Invoice to:                 Deliver to:\nAcme Ltd', expect: 'none', why: 'a field value that is the next label ("Deliver to:")' },
  { text: 'Aan:   Datum:  12-03-2026', expect: 'none', why: 'an empty field before the next label' },
  { text: 'Bill to:                                      Invoice no.:     NS-2026-011873\nHuisman Wonen B.V.', expect: 'none', why: 'the next label with an abbreviated lower-case word ("no.:")' },
  { text: 'Bill To:      Invoice No.:   12\nAcme Ltd', expect: 'none', why: 'the next label in title case, ending in an abbreviation\'s dot and a colon' },
  { text: 'Naam: Kwakernaat  Datum: 1-2-2026', expect: 'strong', why: 'a name before the next label stays a name' },
  { text: 'Naam: Jansen nr.: 12', expect: 'strong', why: 'a listed surname before an abbreviated label stays a name' },
  { text: 'Invoice to:  Deliver Smith', expect: 'strong', why: 'a value with no colon after it is still a name' },
  { text: 'Naam: Jansen geboren: 1-2-1980', expect: 'strong', why: 'a listed surname before the next label stays a name' },
  { text: 'Naam: Kwakernaat  Datum: 1-2-2026', expect: 'strong', why: 'a value followed by a gap and the next label' },
  // t.a.v. / t.n.v.
  { text: 't.a.v. Crediteurenadministratie', expect: 'weak', why: 'one unlisted word after t.a.v.: a department as often as a person' },
  { text: 'T.a.v. Inkoop\nPostbus 12', expect: 'weak', why: 'a department after T.a.v.' },
  { text: 't.a.v. Jansen', expect: 'strong', why: 'a listed surname after t.a.v.' },
  { text: 't.a.v. J. Kwakernaat', expect: 'strong', why: 'an initial and an unlisted surname after t.a.v.' },
  { text: 't.n.v. Sanne Kwakernaat', expect: 'strong', why: 'a listed first name and an unlisted surname after t.n.v.' },
  { text: 'Attn: Mr Kwakernaat', expect: 'strong', why: 'a title after attn' },
  { text: 'Attn. Accounts Payable\nPostbus 12', expect: 'weak', why: 'two unlisted words after Attn.: a department' },
  { text: 't.a.v. Crediteuren Administratie', expect: 'weak', why: 'two unlisted words after t.a.v.: a department' },
  { text: 'Attn. Finance Department', expect: 'weak', why: 'a department in English' },
  { text: 't.a.v. Jan Smit', expect: 'strong', why: 'a listed first name after t.a.v.' },
  { text: 'Attn. Mr. Peters', expect: 'strong', why: 'a title after Attn.' },
  { text: 't.a.v. mevr. Y. Bakker', expect: 'strong', why: 'a title, an initial and a surname after t.a.v.' },
  { text: 't.a.v. Kees Kwakernaat', expect: 'strong', why: 'a listed first name and an unlisted surname after t.a.v.' },
  { text: 'Wij nemen contact met u op.', expect: 'none', why: 'a label word without a colon' },
  // initials, first names, surnames
  { text: 'Het rapport van J.P. van der Berg is klaar.', expect: 'strong', why: 'initials and particles' },
  { text: 'Volgens A. Bakker klopt dit.', expect: 'strong', why: 'an initial before a known surname' },
  { text: 'Ik heb Pieter Jansen gesproken.', expect: 'strong', why: 'first name and known surname' },
  { text: 'Fatima el Amrani belde gisteren.', expect: 'strong', why: 'first name with an Arabic particle' },
  { text: 'Ik sprak Sanne Kwakernaat gisteren.', expect: 'strong', why: 'first name before an unknown surname' },
  { text: 'Naam: Jan Jansen   Groep: 5B', expect: 'strong', why: "a form's next label is no company word after the name" },
  { text: 'Leverancier: Jansen Groep, Zwolle', expect: 'none', why: 'a company word after the name makes it a company' },
  { text: 'Ik heb het met Bakker besproken.', expect: 'weak', why: 'a surname alone mid-sentence is weak' },
  { text: 'Het gesprek met de Vries duurde lang.', expect: 'weak', why: 'a particle surname alone is weak' },
  { text: 'Ik ga naar de bakker op de hoek.', expect: 'none', why: 'the common noun, lower case' },
  { text: 'Bakker is een mooi beroep.', expect: 'none', why: 'a surname at sentence start, alone' },
  { text: 'Zie bijlage A. Daarna volgt de rest.', expect: 'none', why: 'a letter and a full stop before a sentence' },
  // units and numbers before a letter and a full stop
  { text: 'Bewaren beneden 25 °C. Gebruik dit geneesmiddel niet meer.', expect: 'none', why: 'a temperature unit after a degree sign' },
  { text: 'Bewaren beneden 25°C. Gebruik dit niet.', expect: 'none', why: 'a unit right after the degree sign' },
  { text: 'Opslaan onder 8 ºC. Daarna gebruiken.', expect: 'none', why: 'the ordinal sign written for a degree' },
  { text: 'Maximaal 230 V. Sluit het apparaat aan.', expect: 'none', why: 'a unit after a number and a space' },
  { text: 'Het kenmerk is 2026A. Verder niets.', expect: 'none', why: 'a letter glued to a number' },
  { text: 'Relatie 035494 J.M. Kwakernaat', expect: 'strong', why: 'two initials after a number stay a name' },
  { text: 'Volgnummer 12 A. Bakker', expect: 'strong', why: 'an initial and a listed surname after a number' },
  { text: 'Volgnummer 12 A. Kwakernaat', expect: 'none', why: 'one initial and an unlisted word after a number read as a unit (the price)' },
  { text: 'NAME/J.M. KWAKERNAAT/REMI/factuur 12', expect: 'strong', why: 'initials after a field separator (bank statement)' },
  { text: '0509-02;T. Kwakernaat;Kerkplein 3', expect: 'strong', why: 'initials in a CSV cell' },
  { text: 'De teamleider (H. Kwakernaat) is gebeld.', expect: 'strong', why: 'initials after an opening bracket' },
  { text: 'Contactpersoon is "J. Kwakernaat" van inkoop.', expect: 'strong', why: 'initials after a quote' },
  // enumerated headings (A., B., C. at line starts) against initials at a line start
  { text: 'A. Kerntaak 1 – Biedt zorg\n   1.1 Inventariseert\nB. Kerntaak 2\nC. Beroepshouding', expect: 'none', why: 'headings A., B., C. at line starts' },
  { text: 'Deel 1\nC. Beroepshouding\nD. Eindoordeel', expect: 'none', why: 'headings C., D.: a list need not start at A' },
  { text: 'Aanwezig:\nA. Jansen\nB. Bakker', expect: 'strong', why: 'listed surnames after line-start initials in sequence stay names' },
  { text: 'J. Kwakernaat\nKerkstraat 12\n1234 AB Dorp', expect: 'strong', why: 'an initial and an unlisted surname above an address' },
  { text: 'A. Kerntaak\nJ.P. Kwakernaat', expect: 'strong', why: 'a lone "A." line makes no list' },
  { text: 'Opdracht A.\nB. Kwakernaat\nC. Pietersma', expect: 'none', why: 'B. and C. at line starts: a list, even with unlisted names (the known limit)' },
  { text: 'A. Kerntaak\nB. Kwakernaat\nJ. P. Pietersma', expect: 'strong', why: 'two initials are a name, whatever the list' },
  // a table's column header labels the cells below it (CSV exports, pasted spreadsheets)
  { text: 'leerlingnummer;achternaam;voornaam;groep\n20170041;Aydin;Elif;8A\n20170044;Bosman;Sem;8A', expect: 'strong', why: 'surname and first name columns of a CSV' },
  { text: 'Relatiecode;Roepnaam;Tussenvoegsel;Achternaam;Team\nMBKT412;Levi;;Dijkstra;JO13-1\nMBKT519;Julia;van der;Meer;MO15-1', expect: 'strong', why: 'a first name column with empty cells beside it' },
  { text: 'nr\tachternaam\tgroep\n1\tKwakernaat\t8A\n2\tPietersma\t8B', expect: 'strong', why: 'unlisted surnames under a surname header (tabs)' },
  { text: 'First Name,Last Name,Team\nJohn,Smith,Blue\nMary,Jones,Red', expect: 'strong', why: 'English header, comma separated' },
  { text: 'Naam;Klas;Mentor\nPieter Jansen;3B;ja\nSanne de Vries;3A;nee', expect: 'strong', why: 'full listed names under a generic "Naam" header' },
  { text: 'Naam;Prijs;Voorraad\nZonnebloem;2,50;12\nTulpenbol Mix;4,95;30\nKorenbloem;1,95;8', expect: 'none', why: 'product names under a generic "Naam" header' },
  { text: 'Naam;Prijs;Voorraad\nRoos;2,50;12\nHazel;4,95;30\nJade;1,95;8', expect: 'none', why: 'products named like ambiguous first names under "Naam"' },
  { text: 'Naam;Status;Eigenaar\nProject Alpha;open;IT\nMigratie ERP;dicht;Finance', expect: 'none', why: 'project names under "Naam"' },
  { text: 'achternaam;voornaam;groep\n"opmerking: volgt";later;8A\n12;34;8B', expect: 'none', why: 'a name header over cells that are no names' },
  { text: 'De voornaam, achternaam, en groep staan in de lijst.\nDaarna komt niets, nog niets, en meer.', expect: 'none', why: 'name labels in running text with commas are no table header' },
  // a name wrapped over two lines
  { text: 'de business lead Accounts Payable, Remco\nde Jong, is sinds 20 oktober uitgevallen.', expect: 'strong', why: 'first name and particle surname broken over a line' },
  { text: 'Het werk is gedaan door Pieter\r\nJansen en zijn team.', expect: 'strong', why: 'first name and listed surname over a CRLF line break' },
  { text: 'Aanwezig waren Remco\n\nde Jong van de bouw.', expect: 'weak', why: 'a blank line between them ends the name: the first name alone is weak' },
  { text: 'Praktijk Anna\nJ. Verhoeven, huisarts', expect: 'strong', why: 'initials on the next line start their own name (checked below)' },
  { text: 'Deelnemers\nSanne\nOverzicht van de kosten', expect: 'none', why: 'a first name alone on its line, an unlisted word on the next' },
  // signatures and greetings
  { text: 'Met vriendelijke groet,\n\nAnneke de Groot\nDirecteur', expect: 'strong', why: 'signature block' },
  { text: 'Kind regards,\nJohn Smith', expect: 'strong', why: 'English signature block' },
  { text: 'Met vriendelijke groet,\nGemeente Utrecht', expect: 'none', why: 'an organisation signs' },
  { text: 'Met vriendelijke groet,\n\nBinnendienst Verkoop\nPalletwerk B.V.', expect: 'none', why: 'a department signs' },
  { text: 'Met vriendelijke groet,\nKlantenservice', expect: 'none', why: 'a department signs with one word' },
  { text: 'Kind regards,\nAccounts Payable', expect: 'none', why: 'an English department signs' },
  { text: 'Met vriendelijke groet,\n\nJan Post\nInkoop', expect: 'strong', why: 'a listed first name before a surname that is also a department word' },
  { text: 'Met vriendelijke groet,\nP. Verkoop', expect: 'strong', why: 'an initial before a surname that is also a department word' },
  { text: 'Met vriendelijke groet,\n\nYordy Kwakernaat', expect: 'strong', why: 'unlisted words that are no department' },
  { text: 'Hai Yordy,\n\nDank voor je bericht.', expect: 'strong', why: 'greeting before an unlisted first name' },
  { text: 'Beste collega,', expect: 'none', why: 'greeting without a name' },
  // look-alikes
  { text: 'Wij zijn verhuisd naar de Jan van Galenstraat 12.', expect: 'none', why: 'a street named after a person' },
  { text: 'Levering door Bakker B.V. vandaag.', expect: 'weak', why: 'a company name: weak, a one-man business may lead to a person' },
  { text: 'Wij rijden met De Vries Transport BV.', expect: 'weak', why: 'a company name with a particle surname' },
  { text: 'Op maandag 3 april is het kantoor dicht.', expect: 'none', why: 'weekday and month' },
  // month abbreviations that are first names (Jan, Sep) after a day number
  { text: '  22 Dec–2 Jan  Collective closure', expect: 'none', why: 'a date range ending in "2 Jan" before an agenda item' },
  { text: '15 Sep Kick-off meeting', expect: 'none', why: '"Sep" after a day number is a month' },
  { text: 'Planning:\n3 Jan Nieuwjaarsborrel in de kantine', expect: 'none', why: 'an agenda line with a Dutch item' },
  { text: 'Kamer 2 Jan Jansen', expect: 'strong', why: 'a listed surname after the month-like first name keeps the name' },
  { text: 'Kamer 123 Jan Kwakernaat', expect: 'strong', why: 'three digits are no day number: a name' },
  { text: 'Ik sprak Jan Kwakernaat gisteren.', expect: 'strong', why: 'the first name Jan without a day number' },
  { text: 'Op 2 Jan Kwakernaat gesproken', expect: 'none', why: 'a day number before "Jan" reads as a date (the price)' },
  { text: 'Van harte gefeliciteerd met je diploma!', expect: 'none', why: 'a particle at sentence start' },
  { text: 'Will Power is important for success.', expect: 'none', why: 'an English first name that is also a word' },
  { text: 'This quotation is subject to the DataVessel General Terms and Conditions.', expect: 'none', why: '"General" starts a title, not a name' },
  { text: 'Grant Agreement No. 101093', expect: 'none', why: '"Grant" before an unlisted word is a grant' },
  { text: 'Funded under Grant Agreement No. 101093', expect: 'weak', why: '"Grant" mid-sentence is a listed surname alone: weak' },
  { text: 'Vacature: Junior Data Analyst', expect: 'none', why: 'a job title led by "Junior"' },
  { text: 'Zie de Price List voor 2027.', expect: 'none', why: 'an English heading led by "Price"' },
  { text: 'Overslag via Haven Moerdijk', expect: 'none', why: 'the Dutch word "haven" capitalised in a place name' },
  { text: 'Ik sprak Grant Jansen gisteren.', expect: 'strong', why: 'an ambiguous first name before a listed surname stays a name' },
  { text: 'Naam: Grant Kwakernaat', expect: 'strong', why: 'a form field keeps an ambiguous first name' },
  { text: 'Ik sprak Mark Kwakernaat gisteren.', expect: 'strong', why: 'a common first name that is also a word stays a name' },
  // institutions and products named like persons
  { text: 'Hij ligt in het Jeroen Bosch Ziekenhuis in Den Bosch.', expect: 'weak', why: 'a hospital named after a person' },
  { text: 'Opname in het Antoni van Leeuwenhoek Ziekenhuis.', expect: 'weak', why: 'a hospital named after a person, with a particle' },
  { text: 'Een gift aan de Anne Frank Stichting.', expect: 'weak', why: 'a foundation named after a person' },
  { text: 'Rekeninghouder:   R.K. Parochie H. Franciscus – Locatie St. Martinuskerk', expect: 'weak', why: 'a parish named after a saint (H. = heilige)' },
  { text: 'Een gift aan Stichting H. Franciscus in Delft.', expect: 'weak', why: 'a foundation named after a saint' },
  { text: '"Afdracht centrale kas Q3 2026 parochie H. Bonifatius","",""', expect: 'weak', why: 'a lower-case organisation word before a saint\'s "H."' },
  { text: 'De collecte voor de kerk H. Kwakernaat bracht veel op.', expect: 'weak', why: 'a church named after a saint, in running text' },
  { text: 'Namens de parochie H.J. Kwakernaat, penningmeester', expect: 'strong', why: 'two initials after a lower-case organisation word: a person' },
  { text: 'Namens de stichting Jan Kwakernaat', expect: 'strong', why: 'a first name after a lower-case organisation word: a person' },
  { text: 'De schoolparochie H. Kwakernaat', expect: 'strong', why: 'a compound is no organisation word' },
  { text: 'Kinderen van Basisschool Jan Ligthart zongen.', expect: 'weak', why: 'a school named after a person' },
  { text: 'Kerkbalans voor de Moskee Al Fourkaan', expect: 'none', why: 'a mosque is no name' },
  // club and company abbreviations shaped like initials (v.v., s.v., b.v.)
  { text: "V.V. OOSTERMAAT '58\nopgericht 12 mei 1958", expect: 'weak', why: 'a football club in capitals (v.v. = voetbalvereniging)' },
  { text: "V.V. Oostermaat '58 · KvK 40074621", expect: 'weak', why: 'a football club in a footer' },
  { text: 'De wedstrijd tegen R.K.S.V. Oranje Nassau is verplaatst.', expect: 'weak', why: 'a four-letter club abbreviation before two words' },
  { text: 'Contributie S.C. Kwakernaat 2026', expect: 'weak', why: 's.c. = sportclub' },
  { text: 'Geleverd aan Albert Heijn B.V. Zwolle', expect: 'weak', why: 'b.v. after a company name and before its branch: no initials' },
  // a call name in brackets between the initials and the surname
  { text: 'Rekeninghouder: L.M. (Linda) Postma', expect: 'strong', why: 'initials, call name, listed surname' },
  { text: 'Account holder: J.P. (Jasper) Lindqvist', expect: 'strong', why: 'initials, call name, unlisted surname' },
  { text: 'Zie Bijlage B. (Begroting) Toelichting', expect: 'none', why: 'a bracketed word that is no first name is no call name' },
  // a shop's branch after a name, and chains named like a person (rules/names/company-names.json)
  { text: 'Afleveradres: Albert Heijn DC Zaandam, dock 4', expect: 'weak', why: 'a distribution centre (DC) after a name-shaped pair' },
  { text: 'Levering aan Pieter Bakker Distributiecentrum Tiel', expect: 'weak', why: 'a distribution centre after a name' },
  { text: 'Boodschappen bij Jan Linders filiaal Venlo', expect: 'weak', why: "a chain's branch" },
  { text: 'Naam: Jan Jansen  Vestiging: Utrecht', expect: 'strong', why: 'a company word before a colon is the next field' },
  { text: 'Ik deed boodschappen bij Albert Heijn Zaandam.', expect: 'weak', why: 'a supermarket chain named like a person' },
  { text: '10-09     ALBERT HEIJN 1718 EDE      Af       48,67', expect: 'none', why: 'a supermarket chain on a bank statement, in capitals' },
  { text: 'Een bank gekocht bij Leen Bakker.', expect: 'weak', why: 'a furniture chain: also its surname alone is part of it' },
  { text: 'Geachte heer Albert Heijn,', expect: 'strong', why: 'a salutation addresses a person, whatever the name' },
  { text: 'Beste Jan Linders,', expect: 'strong', why: 'a greeting addresses a person' },
  { text: 'Ik sprak Jan Lindeman en Leen Bakkum gisteren.', expect: 'strong', why: 'look-alikes of the chains are persons' },
  { text: 'Ik sprak Jan de Vries van Albert Heijn gisteren.', expect: 'strong', why: 'a person of the company stays a person' },
  { text: 'Factuur van Pieter Jansen N.V. Zwolle', expect: 'weak', why: 'n.v. after a name and before a place: a company' },
  { text: 'De trainer S.V. de Jong belde.', expect: 'strong', why: 'a lower-case particle after the letters: a person with those initials' },
  { text: 'Geachte heer V.V. Kwakernaat,', expect: 'strong', why: 'a title before the letters: a person' },
  { text: 'Het rapport van A.B. Kwakernaat is klaar.', expect: 'strong', why: 'initials that are no abbreviation stay a name' },
  { text: 'Ik sprak John F. Kennedy gisteren.', expect: 'strong', why: 'a middle initial after a first name is no company word' },
  { text: 'Parochie\nH. Kwakernaat, penningmeester', expect: 'strong', why: 'a name on the line below an organisation word is a person' },
  { text: 'Stichting  J. Kwakernaat', expect: 'strong', why: 'two spaces: a table\'s next column holds a person' },
  { text: 'Schoolstichting J. Kwakernaat', expect: 'strong', why: 'no organisation word itself (the compound is not listed)' },
  { text: 'Naam: Jan Jansen School: De Regenboog', expect: 'strong', why: 'a form field named like an institution word, with its colon' },
  { text: 'Pieter Jansen    Ziekenhuis Rijnstate', expect: 'strong', why: 'a name in one column, an institution in the next' },
  { text: 'Toen Anna Bakker school verliet, verhuisde zij.', expect: 'strong', why: 'a lower-case institution word is no part of a name' },
  { text: 'Levering per elektrische cargobike (Urban Arrow Tender).', expect: 'none', why: 'a product led by a first name that is also a word' },
  { text: 'Ik sprak Urban Kwakernaat gisteren.', expect: 'none', why: 'the ambiguous first name before an unlisted surname (the price)' },
  { text: 'Ik sprak Urban Jansen gisteren.', expect: 'strong', why: 'the ambiguous first name before a listed surname' },
  { text: 'Wij zijn bij Anna de Vries Kinderopvang geweest.', expect: 'strong', why: 'not an institution word: a one-man business leads to a person' },
  { text: 'Bel Pieter Jansen Tel. 06-12345678', expect: 'strong', why: 'a name before a phone label' },
  { text: 'Pieter Jansen Manager', expect: 'strong', why: 'a role word after a name' },
  { text: 'Curriculum vitae | Jamal Ait Taleb', expect: 'strong', why: 'a first name and two unlisted words is still a person' },
  { text: 'De trein van Utrecht naar Amersfoort vertrekt.', expect: 'none', why: 'place names after a particle' },
  { text: 'Zondag zijn zij van \'s Bosch naar Rome vertrokken.', expect: 'none', why: "'s Bosch is a place" },
];

describe('person-name detector', () => {
  it.each(cases)('$expect: $why — $text', ({ text, expect: expected }) => {
    expect(outcome(personNameDetector, text)).toBe(expected);
  });

  it('marks the name span and masks the evidence, keeping the cue word', () => {
    const text = 'Aan dhr. P. de Boer, Dorpsstraat 1';
    const [hit] = detect(personNameDetector, text);
    expect(text.slice(hit!.start, hit!.end)).toBe('P. de Boer');
    expect(hit!.evidence).toBe('dhr.: P. d* B***');
    expect(hit!.reason).toContain('"dhr."');
    expect(hit!.reason).not.toContain('Boer');
    expect(hit!.value).toBe('p. de boer');
  });

  it('finds every name of a letter once, in text order', () => {
    const letter = 'Geachte heer Jansen,\n\nUw contactpersoon is Pieter de Vries.\n\nMet vriendelijke groet,\n\nA. Bakker\nTeamleider';
    const found = detect(personNameDetector, letter);
    expect(found.map((o) => letter.slice(o.start, o.end))).toEqual(['Jansen', 'Pieter de Vries', 'A. Bakker']);
    expect(found.every((o) => o.confidence >= 0.5 && !/Jansen|Vries|Bakker/.test(o.evidence))).toBe(true);
  });

  it('reads a name wrapped over two lines as one, with its evidence on one line', () => {
    const text = 'Pauline meldt dat Remco\nde Jong, is uitgevallen.';
    const found = detect(personNameDetector, text).filter((o) => o.confidence >= 0.5);
    expect(found.map((o) => text.slice(o.start, o.end))).toContain('Remco\nde Jong');
    const remco = found.find((o) => o.value === 'remco de jong');
    expect(remco?.evidence).toBe('R**** d* J***');
    const practice = 'Praktijk Anna\nJ. Verhoeven, huisarts';
    expect(detect(personNameDetector, practice).map((o) => practice.slice(o.start, o.end))).not.toContain('Anna\nJ. Verhoeven');
  });

  it('labels a table cell by its column header', () => {
    const text = 'nr;voornaam;achternaam\n1;Elif;Aydin\n2;Sem;Bosman';
    const found = detect(personNameDetector, text);
    expect(found.map((o) => text.slice(o.start, o.end))).toEqual(['Elif', 'Aydin', 'Sem', 'Bosman']);
    expect(found[0]!.evidence).toBe('voornaam: E***');
  });

  it("reads a consignee column's company cells as companies, a person's name there as a name", () => {
    const header = 'zendingnr;geadresseerde;postcode;plaats;colli';
    const rows = (last: string) => [header, '314240080;Jumbo DC Veghel;5466 AA;Veghel;160', '311043513;Albert Heijn DC Zaandam;1507 DE;Zaandam;225', '313522083;Boni Supermarkten DC Lelystad;8211 AS;Lelystad;102', last].join('\n');
    expect(detect(personNameDetector, rows('316361326;Albert Heijn;1507 DE;Zaandam;12')).every((o) => o.confidence < 0.5)).toBe(true);
    const person = detect(personNameDetector, rows('316361326;Jan de Vries;1507 DE;Zaandam;12')).filter((o) => o.confidence >= 0.5);
    expect(person.map((o) => o.value)).toEqual(['jan de vries']);
  });

  it('computes the names once per text and shares them through personNames()', () => {
    const scanned = new ScannedText('Naam: Pieter Jansen', new Vocabulary(personNameDetector.wordLists ?? []));
    const first = personNames(scanned);
    expect(personNames(scanned)).toBe(first);
    expect(first[0]?.signal).toBe('label');
    expect(personNameDetector.detect(scanned)).toHaveLength(1);
  });

  it('finds names across a long text without line breaks (OCR text) and ignores look-alikes there', () => {
    const text = `${'Het besluit van de raad is genomen. '.repeat(2000)}Volgens de heer Thorbecke is dat juist.`;
    const found = detect(personNameDetector, text);
    expect(found.map((o) => text.slice(o.start, o.end))).toEqual(['Thorbecke']);
  });

  it('masks names exactly as maskWords does (its faster twin)', () => {
    // Every string of up to three characters over letters, digits, separators, dashes, surrogates and Latin-1 edges.
    const alphabet = ['a', 'Z', '9', ' ', '.', "'", '’', '-', 'é', '×', '÷', 'ß', '\u2013', '\ud83d', '\ude00', '\t', 'Ā'];
    let strings = [''];
    for (let length = 0; length < 3; length++) strings = [...strings, ...strings.filter((s) => s.length === length).flatMap((s) => alphabet.map((c) => s + c))];
    strings.push('Jan van der Berg', 'J.P. de Groot-Bakker', 'A. van ’t Hoff', 'x'.repeat(40), ' '.repeat(5), alphabet.join(''));
    for (const s of strings) expect(maskName(s)).toBe(maskWords(s));
  });

  it('takes its name lists from a permissive source, with the licence beside them', () => {
    for (const file of ['first-names', 'surnames', 'particles']) {
      const list = JSON.parse(readFileSync(new URL(`../../../rules/names/${file}.json`, import.meta.url), 'utf8'));
      expect(list.source).toContain('@faker-js/faker');
      expect(list.licence).toBe('MIT');
      expect(list.licenceText).toContain('Permission is hereby granted');
      expect(list.addedByProject.note).toContain('Added by the Bewaarder project');
    }
  });
});
