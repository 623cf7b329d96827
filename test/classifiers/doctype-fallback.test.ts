import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { documentType } from '../../classifiers/doctype/doctypes.ts';
import { moneyColumnCount } from '../../classifiers/doctype/money-table.ts';
import { classifyText } from '../../src/index.ts';

/**
 * What a text gets that no type's words or model fit (classifiers/doctype/classifier.ts), and what a type about one
 * person does not fit.
 *
 * A delimited table with columns of amounts that no type's words fit is a financial overview (rules/doctypes.json
 * financieel-overzicht "moneyTable"); a register of persons, a table of measures or a price table inside a letter is not.
 */
const rule = documentType('financieel-overzicht').moneyTable!;

const columns: { name: string; columns: number; text: string }[] = [
  {
    name: 'amounts with two decimals, grouped thousands, quoted in a comma file',
    columns: 3,
    text: `factuurnr,klantcode,netto,btw,bruto,status
2026-0412,K0031,"1.250,00","262,50","1.512,50",open
2026-0413,K0107,"88,40","18,56","106,96",betaald
2026-0414,K0031,"2.010,75","422,26","2.433,01",open
2026-0415,K0212,"415,00","87,15","502,15",betaald`,
  },
  {
    name: 'whole euros under headers that name money; a cost-centre code is no amount',
    columns: 3,
    text: `Project;Kostenplaats;Begroting 2027 (EUR);Raming 2028;Realisatie t/m sept
Herinrichting plein;61420;450000;120000;38211
Nieuwe speeltoestellen;61433;85000;0;84120
Vervanging gemalen;66210;1200000;600000;151004`,
  },
  {
    name: 'a title and an empty line above the table',
    columns: 2,
    text: `Kwartaalcijfers per vestiging - Q2 2026

vestiging;medewerkers;omzet;kosten;opmerking
Zwolle;14;412.880,12;301.455,90;
Deventer;9;287.013,55;240.118,03;verbouwing in mei
Kampen;6;150.224,00;131.870,40;
Meppel;5;98.410,25;99.002,11;negatief resultaat`,
  },
  {
    name: 'a Markdown table',
    columns: 2,
    text: `| Post | Begroot | Werkelijk |
|------|--------:|----------:|
| Zaalhuur | 1.200,00 | 1.150,00 |
| Dirigent | 6.000,00 | 6.000,00 |
| Bladmuziek | 450,00 | 512,35 |`,
  },
  {
    name: 'decimals under headers that name a measure (hours, mg/l, %) are no amounts',
    columns: 0,
    text: `monster;locatie;nitraat mg/l;ijzer mg/l;uren gemeten;afwijking %
M-2231;Put 4;12,40;0,05;24,00;1,25
M-2232;Put 7;18,95;0,11;24,00;0,80
M-2233;Put 9;9,30;0,02;23,50;2,10`,
  },
  {
    name: 'one column of amounts in a member list',
    columns: 1,
    text: `lidnr;naam;woonplaats;lidsoort;contributie;betaald
201;Ruud Hendriks;Ede;senior;145,00;ja
202;Fatima Amrani;Ede;junior;72,50;ja
203;Kees van Dam;Bennekom;senior;145,00;nee`,
  },
  {
    name: 'a price table below the first lines of a letter is not the document',
    columns: 0,
    text: `Geachte heer Bos,

Naar aanleiding van ons gesprek van vorige week stuur ik u hierbij een overzicht van de prijzen.
Wij hebben de tarieven voor 2027 opnieuw berekend, rekening houdend met de gestegen energiekosten.
De nieuwe tarieven gaan in op 1 januari.
Hieronder vindt u de bedragen per product.

product;stukprijs;staffelprijs
Kantoorpapier A4;5,95;5,40
Toner zwart;89,00;82,50
Nietjes 24/6;1,25;1,05`,
  },
];

describe('money-table columns', () => {
  it.each(columns)('$name → $columns', ({ text, columns: n }) => {
    expect(moneyColumnCount(text, rule)).toBe(n);
  });
});

const types: { name: string; type: string; text: string }[] = [
  {
    name: 'revenue and margin per article (an export: its header words are no cue words)',
    type: 'financieel-overzicht',
    text: `periode;vestiging;artikelnr;omschrijving;groep;aantal;omzet_excl_btw;inkoopwaarde;marge_pct;voorraad
2026-Q2;V04;310220481;Gieter 10L groen;Tuin;140;1.118,60;601,22;46,3;38
2026-Q2;V04;310220512;Snoeischaar aluminium;Tuin;62;1.546,90;898,10;41,9;12
2026-Q2;V04;420118830;Verlengkabel 25m;Elektra;35;909,65;575,40;36,7;20
2026-Q2;V11;310220481;Gieter 10L groen;Tuin;88;703,12;377,90;46,3;51
2026-Q2;V11;550031147;Spijkers 2,5x60 1kg;IJzerwaren;210;1.045,80;512,40;51,0;140`,
  },
  {
    name: 'salary changes of employees without birth dates',
    type: 'financieel-overzicht',
    text: `personeelsnr;naam;afdeling;soort;ingang;oud;nieuw;toelichting
3301;P. de Wit;Magazijn;Periodiek;2026-12-01;2710,00;2795,00;trede 5
3318;A. Yildiz;Kantoor;Promotie;2026-12-01;3150,00;3480,00;schaal 7
3342;M. Kramer;Transport;Urenwijziging;2026-12-01;2405,50;2887,00;32 uur`,
  },
  {
    name: 'a register of persons with birth dates and salaries stays overig',
    type: 'overig',
    text: `werknemer;geboortedatum;in dienst;functie;jaarsalaris;premie werkgever;premie werknemer
H. Bakker;1968-04-12;2001-03-01;Chauffeur;41280,00;312,40;151,20
J. Visser;1990-11-30;2019-09-01;Planner;48120,00;364,10;176,25
S. Mulder;1975-02-08;2008-01-15;Monteur;45600,00;345,05;167,00`,
  },
  {
    name: 'purchase orders whose total row sums their one column of amounts (an overview, not an invoice)',
    type: 'financieel-overzicht',
    text: `Ordernr;Datum;Leverancier;Omschrijving;Aantal;Bedrag excl btw;Kostenplaats
500231;02-11-2026;Bouwmarkt Oost B.V.;Tegellijm 25 kg;30;411,00;KP-210
500238;05-11-2026;Elektro Noord B.V.;Kabelgoot 2 m;45;632,25;KP-220
500246;11-11-2026;Kantoorhuis B.V.;Printpapier A4;80;335,20;KP-100
500251;19-11-2026;Bouwmarkt Oost B.V.;Schroeven 4x40;12;95,40;KP-210
Totaal;;;;;1.473,85;`,
  },
  {
    name: 'a payroll journal with BSNs and a total row (kept for its sums: no register of persons)',
    type: 'financieel-overzicht',
    text: `"Werkgever";"Installatiebedrijf Visser B.V.";"Periode";"2026-10"
"persnr";"naam";"bsn";"bruto";"loonheffing";"netto"
"201";"Visser, K.";"945807302";"3.850,00";"744,10";"2.781,40"
"204";"Amrani, S.";"215736813";"3.120,00";"512,30";"2.330,15"
"209";"Dekker, J.";"930364260";"4.010,50";"801,25";"2.865,60"
"212";"Bos, M.";"212997221";"2.640,00";"301,80";"2.118,90"
"";"TOTAAL";"";"13.620,50";"2.359,45";"10.096,05"`,
  },
  {
    name: 'a total row that counts lines, not amounts, does not make a register of persons an overview',
    type: 'overig',
    text: `werknemer;geboortedatum;functie;jaarsalaris;afdeling
H. Bakker;1968-04-12;Chauffeur;41280,00;Transport
J. Visser;1990-11-30;Planner;48120,00;Kantoor
S. Mulder;1975-02-08;Monteur;45600,00;Werkplaats
Totaal regels: 3;;;;`,
  },
  {
    name: 'a member list with one contribution column stays overig',
    type: 'overig',
    text: `lidnr;naam;straat;postcode;woonplaats;lidsoort;contributie
501;Anja de Graaf;Dorpsstraat 12;7761 AB;Schoonebeek;senior;95,00
502;Bram Wolters;Kerkweg 3;7761 CD;Schoonebeek;jeugd;47,50
503;Ilse Post;Molenstraat 88;7761 EF;Schoonebeek;senior;95,00`,
  },
];

const FIXTURES = fileURLToPath(new URL('../../fixtures/documents/', import.meta.url));
/** Exports from the checker's unseen rounds (w9) that no type's words fit. */
const exportsOfAmounts = [
  'contributieoverzicht-2026-muziekvereniging-excelsior.generiek.txt',
  'meerjareninvesteringsplan-2027-2030-projectnummers.geen.txt',
  'omzet-artikel-per-filiaal-2026q3-export.geen.txt',
  'salarismutaties-november-2026-export-afas.generiek.txt',
  'woonstichting-meerjarenonderhoudsbegroting-2027-2031-csv.geen.txt', // year columns, "bedragen x EUR 1" above the header
];

describe('money tables get their type', () => {
  it.each(exportsOfAmounts)('%s → financieel-overzicht', (file) => {
    const result = classifyText(readFileSync(FIXTURES + file, 'utf8'));
    expect(result.documentType, result.documentTypeReason).toBe('financieel-overzicht');
  });

  it.each(types)('$name → $type', ({ text, type }) => {
    const result = classifyText(text);
    expect(result.documentType, result.documentTypeReason).toBe(type);
  });
});

describe('year columns are amounts only when the money is named above the table', () => {
  it('a multi-year maintenance budget in whole euros is a money table', () => {
    const result = classifyText(`Meerjarenbegroting onderhoud sporthallen;bedragen x EUR 1
complex;element;ingreep;2027;2028;2029
SH-01;dak;vervangen;84000;0;0
SH-02;verlichting;led;0;31500;0
SH-03;vloer;renovatie;0;0;56200
SH-04;kleedkamers;renovatie;42800;0;0`);
    expect(result.documentType, result.documentTypeReason).toBe('financieel-overzicht');
  });

  it('pupil numbers per year are no amounts', () => {
    const result = classifyText(`Leerlingaantallen per school (teldatum 1 oktober)
brinnummer;school;plaats;2024;2025;2026
12AB;OBS De Wilg;Zwolle;212;225;231
14CD;CBS Het Anker;Kampen;187;179;183
16EF;OBS De Klimop;Dalfsen;96;101;99
18GH;KBS Sint Jozef;Zwolle;305;298;310`);
    expect(result.documentType, result.documentTypeReason).not.toBe('financieel-overzicht');
  });
});

/** A text that opens with a table of records is an export or a register: one such document it is not. */
const registers: { name: string; type: string; text: string }[] = [
  {
    name: 'orders of business customers, three columns of amounts: an overview, no invoice',
    type: 'financieel-overzicht',
    text: `ordernr,orderdatum,klant,aantal_regels,bedrag_excl,btw,bedrag_incl,status
710023,2026-08-03,Hoveniersbedrijf Groen B.V.,4,"1.210,00","254,10","1.464,10",gefactureerd
710031,2026-08-09,Bakkerij Van Dijk V.O.F.,2,"340,50","71,51","412,01",open
710047,2026-08-21,Gemeente Oosterwolde,11,"6.870,00","1.442,70","8.312,70",gefactureerd
710052,2026-08-30,Autobedrijf Smit B.V.,1,"89,95","18,89","108,84",geannuleerd`,
  },
  {
    name: 'a visitor register: no sick report, whatever the text model reads in its rows',
    type: 'overig',
    text: `datum,tijd_in,tijd_uit,naam_bezoeker,bedrijf,bezoekt,badge
2026-11-17,08:52,11:30,Jeroen Pauwels,Liftservice Zuid,Facilitair,B-014
2026-11-17,09:15,09:58,Femke Rutten,Kantoorinrichting B.V.,Inkoop,B-021
2026-11-17,13:30,14:40,Sanne Dekkers,sollicitant,HR,B-030
2026-11-18,08:30,17:05,Tom Geurts,Liftservice Zuid,Facilitair,B-014`,
  },
  {
    name: 'an invoice whose lines form a Markdown table keeps its type by its own cue words',
    type: 'factuur',
    text: `# Factuur 2026-118

| Omschrijving | Aantal | Prijs | Totaal |
|---|---|---|---|
| Snoeien hagen | 6 uur | 45,00 | 270,00 |
| Afvoer groenafval | 1 | 65,00 | 65,00 |
| Bemesting gazon | 1 | 38,50 | 38,50 |

Totaal excl. btw € 373,50 · btw 21% € 78,44 · te betalen € 451,94
Factuurdatum 3 november 2026, vervaldatum 3 december 2026. Hoveniersbedrijf Groen, KvK 12345678.`,
  },
];

describe('a table of records is no single document (rules/doctypes.json "tables")', () => {
  it.each(registers)('$name → $type', ({ text, type }) => {
    const result = classifyText(text);
    expect(result.documentType, result.documentTypeReason).toBe(type);
  });
});

describe('a type about one person does not fit a text with many persons\' identifiers (rules/doctypes.json registerOfPersons)', () => {
  it('a salary table with its own cue word (Loonheffing) and four BSNs is no payslip', () => {
    const result = classifyText(`Loonheffing per medewerker, periode 10
naam;bsn;afdeling;functie
K. Visser;945807302;Montage;monteur
S. Amrani;215736813;Kantoor;planner
J. Dekker;930364260;Montage;monteur
M. Bos;212997221;Magazijn;magazijnmedewerker`);
    expect(result.documentType, result.documentTypeReason).not.toBe('loonstrook');
  });

  it('a payslip with one BSN stays a payslip', () => {
    const result = classifyText(`Loonstrook oktober 2026 — Installatiebedrijf Visser B.V.
Werknemer: K. Visser    Personeelsnummer: 201    BSN: 945807302
Periode: 10 (01-10-2026 t/m 31-10-2026)

Brutoloon                      3.850,00
Pensioenpremie                  -231,00
Loonheffing                     -744,10
Nettoloon                     2.874,90
Uit te betalen                2.874,90 op NL91 ABNA 0417 1643 00`);
    expect(result.documentType, result.documentTypeReason).toBe('loonstrook');
  });
});

describe('a type about one person does not fit a text about many persons (rules/doctypes.json manyPersons)', () => {
  it('an intranet post welcoming six new colleagues, each with a few lines on their career, is no CV', () => {
    const text = readFileSync(FIXTURES + 'intranet-welkom-nieuwe-collegas-november-2026.generiek.txt', 'utf8');
    const result = classifyText(text);
    expect(result.documentType, result.documentTypeReason).toBe('overig');
  });

  it('a CV with its own cue words and one address stays a CV', () => {
    const result = classifyText(`Curriculum vitae

Personalia
Naam: Lotte Brinkman
E-mail: lotte.brinkman@gmail.com

Werkervaring
2020 - heden  Backend developer, Webbureau Noord, Groningen
2017 - 2020   Junior developer, Softwarehuis Oost, Enschede

Opleiding
2013 - 2017   HBO-ICT, Hanzehogeschool Groningen

Vaardigheden
Kotlin, PostgreSQL, Docker, scrum`);
    expect(result.documentType, result.documentTypeReason).toBe('cv-sollicitatie');
  });
});

describe('a text that no type fits but whose lines open as a letter\'s do is correspondence (rules/doctypes.json letterLines)', () => {
  it('a lawyer\'s letter to a client about a criminal case (the text model reads a court case: overig)', () => {
    const text = readFileSync(FIXTURES + 'brief-advocaat-aan-client-dagvaarding-politierechter.bijzonder.txt', 'utf8');
    const result = classifyText(text);
    expect(result.documentType, result.documentTypeReason).toBe('correspondentie');
  });

  it('a newsletter that opens with "Beste" and closes with a greeting is no letter', () => {
    const result = classifyText(`Nieuwsbrief Buurtvereniging De Hoef — december 2026

Beste buurtbewoners,

Het jaar loopt ten einde en wat was het een jaar! De kerstmarkt op het Dorpsplein trok meer dan 800 bezoekers,
de nieuwe jeu-de-boulesbaan is in gebruik genomen en de Repair Café-avonden zitten elke maand vol.
Op zaterdag 20 december is de kerstborrel in het buurthuis, vanaf 16:00 uur. Kinderen kunnen een lampion
maken en er is warme chocolademelk. De vrijwilligers van de speeltuin zoeken nog versterking voor het voorjaar.
Aanmelden kan bij het buurthuis of via de website.

Agenda januari
- 10 januari: nieuwjaarsduik bij de plas
- 24 januari: snertwandeling langs de Hoefweg

Met vriendelijke groet,
Het bestuur`);
    expect(result.documentType, result.documentTypeReason).toBe('overig');
  });

  it('a published ruling that quotes a letter stays overig (its own cue words fit it)', () => {
    const result = classifyText(`ECLI:NL:RBMNE:2026:4410
Instantie: Rechtbank Midden-Nederland
Datum uitspraak: 12-06-2026
Rechtsgebieden: Civiel recht; Huurrecht
Inhoudsindicatie: ontbinding huurovereenkomst wegens huurachterstand.

Vonnis van de kantonrechter in de zaak van [eiseres] tegen [gedaagde].

1. De procedure
Het verloop blijkt uit de dagvaarding met producties en het proces-verbaal van de mondelinge behandeling.

2. De feiten
2.1 [eiseres] verhuurt aan [gedaagde] de woning aan de [adres] voor een huur van € 912 per maand.
2.2 Vanaf januari 2026 heeft [gedaagde] de huur niet meer volledig betaald.

2.3 Bij brief van 4 maart 2026 heeft [eiseres] aan [gedaagde] geschreven:
Betreft: huurachterstand
Ons kenmerk: 2026-118
Geachte heer [gedaagde],
U hebt de huur over januari en februari niet betaald. Wij verzoeken u het bedrag binnen veertien dagen te voldoen.
Met vriendelijke groet,
[eiseres]

2.4 [gedaagde] heeft niet betaald.

3. De beoordeling
3.1 De achterstand beloopt meer dan drie maanden huur. Dat rechtvaardigt de ontbinding van de huurovereenkomst.

4. De beslissing
De kantonrechter, recht doende:
4.1 ontbindt de huurovereenkomst;
4.2 veroordeelt [gedaagde] in de proceskosten.
Dit vonnis is gewezen door mr. A. Jansen, kantonrechter, en in het openbaar uitgesproken. De griffier.`);
    expect(result.documentType, result.documentTypeReason).toBe('overig');
  });
});
