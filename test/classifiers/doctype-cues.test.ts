import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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

/** A law text (a published Dutch wet, an English Act) regulates and names no one: `overig`, by the words only a law carries. */
const laws = [
  `Wet op de identificatieplicht\nGeldend van 01-01-2024 t/m heden\n\nArtikel 1\n1. Als documenten waarmee de identiteit van personen kan
worden vastgesteld, worden aangemerkt: a. een geldig reisdocument; b. een geldig rijbewijs.\n2. In deze wet wordt verstaan onder
Onze Minister: Onze Minister van Justitie en Veiligheid.\n\nArtikel 4\nDeze wet wordt aangehaald als: Wet op de identificatieplicht.`,
  `Wij Willem-Alexander, bij de gratie Gods, Koning der Nederlanden, Prins van Oranje-Nassau, enz. enz. enz.\n\nAllen, die deze
zullen zien of horen lezen, saluut! doen te weten:\n\nArtikel I\nDe Wet arbeid vreemdelingen wordt als volgt gewijzigd.\n\nArtikel II
Deze wet treedt in werking met ingang van de dag na de datum van uitgifte van het Staatsblad waarin zij wordt geplaatst.\n
Lasten en bevelen dat deze in het Staatsblad zal worden geplaatst.`,
  `Employment Rights Act (extract)\n\nBe it enacted by the King's most Excellent Majesty, by and with the advice and consent of the
Lords Spiritual and Temporal, and Commons, as follows:\n\n1 Statement of initial employment particulars\n(1) Where a worker begins
employment with an employer, the employer shall give to the worker a written statement of particulars of employment.\n
230 Interpretation\n(1) In this Act "employee" means an individual who has entered into a contract of employment.\n
This Act may be cited as the Employment Rights Act.`,
];
/** Policies and letters that cite a law are not law texts: none of the law's own words make them `overig`. */
const citingLaws = [
  `Beleid sociale veiligheid 2026\n\n1. Doelstelling\nDit beleid beschrijft hoe wij ongewenst gedrag voorkomen, zoals de
Arbeidsomstandighedenwet van de werkgever vraagt. In deze wetenschap stellen wij een vertrouwenspersoon aan.\n\n2. Reikwijdte
Het beleid geldt voor alle medewerkers en stagiairs.\n\n3. Verantwoordelijkheden\nDe directie stelt het beleid vast; de
vertrouwenspersoon rapporteert jaarlijks. Vastgesteld door de directie op 4 maart 2026.`,
];

describe('a law text', () => {
  it.each(laws)('is overig, with a law\'s own words as the reason: %#', (text) => {
    const result = classifyText(text);
    expect(result.documentType, result.documentTypeReason).toBe('overig');
    expect(result.documentTypeReason).toMatch(/^cue words/);
    expect(result.label, result.labelReason).toBe('geen');
  });

  it.each(citingLaws)('is not what a text citing a law is: %#', (text) => {
    const result = classifyText(text);
    expect(result.documentType, result.documentTypeReason).toBe('beleidsstuk');
    expect(result.documentTypeReason).not.toMatch(/wet|act|minister/);
  });
});

/** Appraisals in English name their form: a mid-year or annual progress review, a self-assessment, an overall assessment. */
const appraisals = [
  `ANNUAL PROGRESS REVIEW — PHD CANDIDATE\nCandidate: Ravi Menon    Supervisor: dr. L. Smit    Review period: year 1\n
Self-assessment\nThe literature study is finished; the first experiment is delayed by two months.\n
Assessment by the supervisors\nGood progress on the model, writing needs attention. Rating: good.\n
Overall assessment: satisfactory. Decision: continue.`,
  `Mid-year review 2026\nEmployee: Anna Kowalski    Manager: Peter Bos\n\nWhat went well: all deadlines met, good feedback from
the client.\nWhat to improve: planning of the monthly reporting.\nRating: meets expectations. Next check-in in December.`,
];
/** The same words in another kind of text: a tax guide's self-assessment, an organisation's annual review. */
const notAppraisals = [
  `How to file your self-assessment tax return\n\nStep 1: register for the online service before 5 October.\nStep 2: collect
your P60 and records of other income.\nStep 3: click "Start return" and follow the instructions on each page.\nStep 4: pay
any tax due by 31 January.`,
  `Annual Review 2025 — Stichting Groene Daken\n\nIn 2025 we installed 41 green roofs on schools and community centres and
trained 120 volunteers. Income rose to € 820,000, mainly from municipal grants. We thank our partners and volunteers.`,
];

describe('an English appraisal', () => {
  it.each(appraisals)('is a beoordelingsverslag: %#', (text) => {
    const result = classifyText(text);
    expect(result.documentType, result.documentTypeReason).toBe('beoordelingsverslag');
    expect(result.documentTypeReason).toMatch(/^cue words/);
  });

  it.each(notAppraisals)('is not what a text sharing its words is: %#', (text) => {
    const result = classifyText(text);
    expect(result.documentType, result.documentTypeReason).not.toBe('beoordelingsverslag');
  });
});

/** English minutes: "meeting notes", "matters arising", "next meeting"; a post-incident review's action items are no minutes. */
describe('English minutes', () => {
  it('are notulen', () => {
    const text = `Meeting notes – facilities team, 12 May\n\nAttendees: Claire Dubois, Sam Okafor, Ilse Brink\n\n1. Matters arising
The new badge readers are installed.\n2. Office move\nFloor 4 is ready on 1 June; Sam plans the removal company.\n\nNext meeting: 26 May.`;
    const result = classifyText(text);
    expect(result.documentType, result.documentTypeReason).toBe('notulen');
  });

  it('are not what a post-incident review with action items is', () => {
    const text = `# Post-incident review: INC-2210 database failover\n\n**Severity:** 2 · **Duration:** 47 minutes\n\n## Timeline
09:12 replication lag alert\n09:20 failover started manually\n09:59 service restored\n\n## Root cause\nA disk filled up on the
primary because log rotation was disabled after the upgrade.\n\n## Action items\n- Re-enable log rotation (owner: platform team)\n- Alert on disk usage above 80%`;
    const result = classifyText(text);
    expect(result.documentType, result.documentTypeReason).not.toBe('notulen');
  });
});

/** A greeting or closing on a line of its own makes a text no other type fits a letter or mail (a form word, `^`). */
const informalMails = [
  `Hallo Mirjam,\n\nDe nieuwe stoelen voor de kantine zijn besteld, levering in week 12. De oude mogen naar de kringloop.\n\nGroet,\nPeter`,
  `Hi Mark,\n\nCould you send me the slides from yesterday's session? I'd like to reuse two of them next week.\n\nThanks,\nSanne`,
];
const notMails = [
  // a chat export: the greeting follows a time and a name, not a line start
  `WhatsApp-chat met Buurtpreventie Oost\n12-03-2026 19:02 - Anna: hallo allemaal, vanavond om 21:00 een ronde?\n12-03-2026 19:05 - Kees: hoi, ik doe mee`,
  // a newsletter: "Hi there" greets nobody, "Thanks for using" is a sentence
  `What's new in PlanIt — April update\n\nHi there,\n\nThis month we added calendar sync and dark mode.\n\nThanks for using PlanIt!\nThe PlanIt team`,
];

describe('a letter or mail form', () => {
  it.each(informalMails)('makes a text without a type correspondentie: %#', (text) => {
    const result = classifyText(text);
    expect(result.documentType, result.documentTypeReason).toBe('correspondentie');
    expect(result.documentTypeReason).toMatch(/greeting or closing/);
  });

  it.each(notMails)('is not seen in a chat line or a sentence: %#', (text) => {
    const result = classifyText(text);
    expect(result.documentType, result.documentTypeReason).not.toBe('correspondentie');
  });

  it('does not outweigh what a mail is about (a sick report greets too)', () => {
    const text = `Hoi Anja,\n\nIk heb me vanochtend ziek gemeld bij de bedrijfsarts; ik heb griep en verwacht maandag weer te werken.\n\nGroetjes,\nBram`;
    const result = classifyText(text);
    expect(result.documentType, result.documentTypeReason).toBe('ziekmelding');
  });
});

/** The header and cells of a delimited table name what its rows hold, not what kind of document the file is. */
describe('cue words in a table', () => {
  it('do not count in a header row or in cells', () => {
    const csv = `debiteur;patiënt;behandeling;bedrag\nD-101;Mw. A. de Wit;fysiotherapie;312,00\nD-102;Dhr. B. Kok;manuele therapie;196,00`;
    expect(classifyText(csv).documentTypeReason).not.toMatch(/"patiënt"|"behandeling"/);
  });

  it('count in a title line above the table or written into its first cells', () => {
    const above = `Openstaande posten per 30-11\ndebiteur;patiënt;bedrag\nD-101;Mw. A. de Wit;312,00\nD-102;Dhr. B. Kok;196,00`;
    expect(classifyText(above).documentTypeReason).toMatch(/"openstaande posten"/);
    const inside = `"Debiteurenlijst",,,\n"debnr","debiteur","plaats","openstaand"\n"D1","Hotel Zon B.V.","Ede","120,00"\n"D2","Bakker B.V.","Epe","80,00"`;
    expect(classifyText(inside).documentTypeReason).toMatch(/"debiteurenlijst"/);
  });

  it('count in prose with commas', () => {
    const letter = `Geachte heer Smit,\n\nHierbij, zoals besproken, de stukken.\nMet vriendelijke groet, namens het team, Anna`;
    expect(classifyText(letter).documentTypeReason).toMatch(/"geachte"/);
  });
});

/** What software and systems write (rules/doctypes.json overig cues): a change log or release notes, a system log. */
const systemTexts = [
  `# Changelog\n\nAll notable changes to this project are documented here (Keep a Changelog).\n\n## [3.2.0] - 2026-10-01
### Added\n- Export to PDF from the report screen.\n### Fixed\n- Login page crashed on Safari 17 (#512).\n\n## [3.1.4] - 2026-08-12
### Security\n- Upgrade of the HTTP client (CVE fix).`,
  `Release notes Klantportaal 8.4\n\nNieuw\n- U kunt facturen nu als pdf downloaden.\n- Het menu onthoudt de laatst gekozen pagina.
\nOpgelost\n- Na het wijzigen van het wachtwoord bleef de oude sessie actief.\n- Datums in het overzicht stonden soms in de Engelse notatie.`,
  `export SIEM - categorie systeem\n2026-11-01T00:49:15Z host=app01 level=WARN msg="Scheduled task 'Backup' started"
2026-11-01T03:16:16Z host=app01 level=INFO msg="Disk D: usage 87% (threshold 85%)"\n2026-11-01T07:27:46Z host=db02 level=INFO msg="Update installed, reboot pending"
2026-11-01T12:30:10Z host=db02 level=INFO msg="Firewall rule evaluated: 0 denies"`,
];

describe('a change log, release notes or a system log', () => {
  it.each(systemTexts)('is overig by its own words: %#', (text) => {
    const result = classifyText(text);
    expect(result.documentType, result.documentTypeReason).toBe('overig');
  });

  it('does not make a manual that points to the release notes overig', () => {
    const text = `Handleiding: de app installeren\n\nStap 1: open de App Store en zoek op "Klantportaal".\nStap 2: klik op Installeren.
Stap 3: open de app en log in met uw e-mailadres.\nStap 4: kies bij Instellingen of u meldingen wilt ontvangen.\n\nWat er in elke versie veranderde, leest u in de release notes.`;
    const result = classifyText(text);
    expect(result.documentType, result.documentTypeReason).toBe('handleiding');
  });
});

describe('a letter by its own closing', () => {
  it('"Hoogachtend" closes a formal letter: with a subject and a salutation the lines of a letter (letterLines)', () => {
    const text = `Openbaar Ministerie\nPostbus 50000, 3430 EA Nieuwegein\n\nDhr. T. Kok\nGraafseweg 188\n6531 ZW Nijmegen\n
Betreft: strafbeschikking\n\nGeachte heer Kok,\n\nU wordt verdacht van het rijden onder invloed op 21 september 2025. De officier van justitie
legt u een geldboete op van € 950,00 en een ontzegging van de rijbevoegdheid van zes maanden. Bent u het niet eens met
deze beslissing, dan kunt u binnen 14 dagen verzet doen bij de politierechter.\n\nHoogachtend,\nde officier van justitie`;
    const result = classifyText(text);
    expect(result.documentType, result.documentTypeReason).toBe('correspondentie');
  });
});

describe('an English sick report', () => {
  it('"calling in sick" makes a mail a sick report', () => {
    const text = `Subject: Calling in sick today\n\nHi Marloes,\n\nI woke up with a high fever and a bad headache, so I'm calling in sick today.
I've moved the sprint review to Thursday and handed the on-call pager to Bart.\n\nThanks,\nJonas`;
    const result = classifyText(text);
    expect(result.documentType, result.documentTypeReason).toBe('ziekmelding');
  });

  it('a policy that explains how to call in sick stays a policy', () => {
    const text = `Sickness Absence Policy\n\nApproved by: HR, 1 March 2026\n\n1. Purpose\nThis policy explains what we expect when you are ill.
\n2. Scope\nIt applies to all employees.\n\n3. How to call in sick\nCall your manager before 9:00 on the first day. Do not send a text message.
\n4. Responsibilities\nManagers record the absence and arrange contact with the company doctor after two weeks.`;
    const result = classifyText(text);
    expect(result.documentType, result.documentTypeReason).toBe('beleidsstuk');
  });
});

describe('insurance conditions', () => {
  it('are a contract (polisvoorwaarden: the conditions of the policy the insured signed)', () => {
    const text = `Polisvoorwaarden Inboedelverzekering IB 2026\nDeze voorwaarden horen bij uw polis.\n\nArtikel 1 Begrippen
1.1 Verzekeringnemer: de persoon die de verzekering heeft gesloten.\n1.2 Inboedel: alle roerende zaken die tot uw huishouden horen.
\nArtikel 2 Wat is verzekerd\nSchade aan uw inboedel door brand, storm, inbraak en waterschade.\n\nArtikel 3 Looptijd en opzegging
De verzekering loopt een jaar en wordt stilzwijgend verlengd. U kunt daarna opzeggen met een opzegtermijn van een maand.`;
    const result = classifyText(text);
    expect(result.documentType, result.documentTypeReason).toBe('contract');
  });
});

describe('a guideline', () => {
  it('"richtlijn" in its title makes a guideline for managers a policy document', () => {
    const text = `Richtlijn voor leidinggevenden: verlof rond feestdagen\nAfdeling HR - versie oktober 2026\n\nAanleiding
Elk jaar krijgen teamleiders vragen over vrij rond feestdagen die niet in de cao staan.\n\nUitgangspunten
1. Iedere medewerker kan voor een feestdag een snipperdag aanvragen.\n2. Aanvragen worden behandeld op volgorde van binnenkomst.
3. Bij meer aanvragen dan plekken wordt geloot; wie vorig jaar is uitgeloot, krijgt voorrang.`;
    const result = classifyText(text);
    expect(result.documentType, result.documentTypeReason).toBe('beleidsstuk');
  });

  it('a guideline on rostering around religious holidays (a checker document) is a policy document', () => {
    const text = readFileSync(fileURLToPath(new URL('../../fixtures/documents/richtlijn-roosteren-religieuze-feestdagen.geen.txt', import.meta.url)), 'utf8');
    const result = classifyText(text);
    expect(result.documentType, result.documentTypeReason).toBe('beleidsstuk');
  });

  it('a medical letter that cites a guideline stays a medical letter', () => {
    const text = `Geachte collega,\n\nUw patiënt, mevrouw De Wit, bezocht op 4 november de polikliniek cardiologie. Diagnose: boezemfibrilleren.
Volgens de NHG-richtlijn is gestart met antistolling (apixaban 5 mg tweemaal daags). Controle over drie maanden.\n
Met vriendelijke groet,\nDr. P. Smit, cardioloog`;
    const result = classifyText(text);
    expect(result.documentType, result.documentTypeReason).toBe('medische-brief');
  });
});

describe('what a web page or a chat carries does not make it a letter or a privacy statement', () => {
  it('a web page whose footer links to the privacy statement is no privacy statement', () => {
    const text = readFileSync(fileURLToPath(new URL('../../fixtures/documents/contact-pagina-website-adviesbureau-html.geen.txt', import.meta.url)), 'utf8');
    const result = classifyText(text);
    expect(result.documentType, result.documentTypeReason).not.toBe('privacyverklaring');
  });

  it('a group chat whose first message opens with "Beste ouders" is no letter', () => {
    const text = `WhatsApp-chat met Ouders groep 4\n12-11-2025 19:02 - Juf Anna: Beste ouders, vrijdag is de sinterklaasviering. Wie helpt met versieren?
12-11-2025 19:05 - Anita (mama Jesse): ik kan om 8 uur!\n12-11-2025 19:06 - Rob (papa Tijn): wij nemen slingers mee
12-11-2025 19:14 - Esther (mama Fleur): Ik help met opruimen na afloop\n12-11-2025 19:33 - Juf Anna: Dank jullie wel! 👍`;
    const result = classifyText(text);
    expect(result.documentType, result.documentTypeReason).not.toBe('correspondentie');
  });
});

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/documents/${name}`, import.meta.url)), 'utf8');

describe('an incident report', () => {
  it('a hotel\'s incident report that mentions its policies (a checker document) is overig, not a policy document', () => {
    const result = classifyText(fixture('hotel-incident-report-guest-arrest-night-shift.bijzonder.txt'));
    expect(result.documentType, result.documentTypeReason).toBe('overig');
  });

  it('a policy on reporting incidents stays a policy document', () => {
    const text = `Information Security Incident Policy\n\nApproved by: Board of Directors, 12 March 2026    Review date: March 2027
Policy owner: Chief Information Security Officer\n\n1. Purpose\nThis policy sets out how staff report security incidents.
2. Scope\nIt applies to all employees, contractors and systems of the company.\n3. Responsibilities\nEvery employee reports
a suspected incident within one hour to the service desk, using the incident report form on the intranet. The security
officer keeps the incident register and informs the data protection officer.`;
    const result = classifyText(text);
    expect(result.documentType, result.documentTypeReason).toBe('beleidsstuk');
  });
});

describe('a cue word in a heading in capitals stands out', () => {
  it('a school\'s final advice for a pupil (a checker document) is an assessment report', () => {
    const result = classifyText(fixture('schooladvies-groep8-definitief.generiek.txt'));
    expect(result.documentType, result.documentTypeReason).toBe('beoordelingsverslag');
  });

  it('a newsletter that mentions the school advice in running text is not', () => {
    const text = `Nieuwsbrief OBS De Regenboog - december 2026\n\nBeste ouders,\n\nDe kerstviering is op donderdag 17 december.
Voor de ouders van groep 8: in januari krijgen de kinderen hun schooladvies; de gesprekken plannen we via Parro.
De gymlessen op vrijdag vervallen in de laatste week. Op de website staat de jaarkalender.\n\nHet team van De Regenboog`;
    const result = classifyText(text);
    expect(result.documentType, result.documentTypeReason).not.toBe('beoordelingsverslag');
  });
});
