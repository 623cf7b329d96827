import { describe, expect, it } from 'vitest';
import { WEAK } from '../../../classifiers/detector.ts';
import { createDetector, specialCategoryDetectors } from '../../../classifiers/detectors/special/detectors.ts';
import { loadSpecialRule, SPECIAL_CATEGORY_IDS, type SpecialCategory } from '../../../classifiers/detectors/special/rules.ts';
import { SentenceEnds } from '../../../classifiers/detectors/special/sentence-span.ts';
import { answerAfter, hasHeaderName, inOrganisationName, inUnanswered, unanswered } from '../../../classifiers/detectors/special/subject-cues.ts';
import { detect, outcome, type Case } from '../../support/detect.ts';

type Outcome = Case['expect'];
/** A document and what each category must say about it; categories left out must be 'none'. */
interface Row {
  why: string;
  text: string;
  expect: Partial<Record<SpecialCategory, Outcome>>;
}

/** Two sentences with no person or generic wording, to put a named person out of a term's window. */
const FILLER = 'Het jaarverslag is op tijd ingediend en de cijfers zijn door de accountant gecontroleerd en akkoord bevonden. De omzet steeg met vier procent ten opzichte van het vorige boekjaar.';

/** The header of a single-person incident form: one subject field and a personnel number. */
const FORM_HEAD = 'INTERN INCIDENTRAPPORT\nSoort incident   : verkeer\nBestuurder       : Marcel Verstappen, personeelsnummer 20488\nLeidinggevende   : planner vroege dienst';

/** The header of a payslip: one employee field and identity values, so a term below it is about the employee. */
const PAYSLIP_HEAD = 'SALARISSTROOK oktober 2026\nWerknemer:        J.P. Vreeken\nPersoneelsnummer: 118042\nGeboortedatum:    30-06-1991\n\nOmschrijving                          Bij        Af';

/** A private invoice's name-and-address block; `ids` are header lines below it (a patient number, a birth date). */
const invoiceTo = (ids: string, addressee = 'Mevrouw G. Oldenkamp-Wiggers') =>
  `Tandartspraktijk De Molenwiek | Molenstraat 14 | 7411 BJ Deventer\n\n${addressee}\nKeizerslanden 88\n7414 CK Deventer\n\nNOTA\nNotanummer:    IM-26-7712049\n${ids}\n\n${FILLER}\n02-11-2026  X10  Kleine röntgenfoto   € 20,20`;

/** A bank statement of `holder` with a church-contribution line (a transaction line: a date and an amount). */
const statementOf = (holder: string) =>
  `Rabobank\nRekeninghouder:   ${holder}\nRekening:         NL63 RABO 0147 2209 81\n\nBoekdatum  Omschrijving                        Af\n01-10      Jumbo Heerlen                        58,31\n07-10      Aktie Kerkbalans, toezegging 2026    40,00`;

/** A letter from `sender` (the letterhead) to one member, with `field` lines under the address and `body` as its matter. */
const bondLetter = (sender: string, field: string, body: string) =>
  `${sender}\nKoninginneweg 12, 1217 KS Hilversum\n\nMevrouw I. van Beek\nZeestraat 140\n2518 AD Den Haag\n\n${field}\nBeste Ingrid,\n\nDank voor je telefoontje. Omdat je lid bent, ${body}.`;

const positives: Row[] = [
  { why: 'an ankle monitor named as one', text: 'De heer Pietersen loopt sinds zijn vrijlating met een enkelband.', expect: { criminal: 'strong' } },
  { why: 'an electronic ankle monitor imposed', text: 'De rechter legde de heer Pietersen een elektronische enkelband op.', expect: { criminal: 'strong' } },
  { why: 'a torn ankle ligament is health, not criminal', text: 'Mevrouw Jansen heeft haar enkelband gescheurd bij het hockeyen.', expect: { health: 'strong' } },
  {
    why: 'an ankle-ligament injury in a compound ("enkelbandletsel") is no ankle monitor',
    text: 'Naam: Sanne de Boer\nBehandeling: sportfysiotherapie enkelbandletsel, 3 sessies',
    expect: { health: 'strong' },
  },
  {
    why: 'a dated entry with a time keeps its "Label:" colon after the time ("12-03-2026 09:30: …"); a spaced colon too',
    text: `Medewerker: Petra Jansen\n\n${FILLER}\n12-03-2026 09:30: afwezig met griep\n\n${FILLER}\nMedicatie : Ventolin`,
    expect: { health: 'strong' },
  },
  {
    why: 'a dated entry of a person\'s record is a "Label: value" line (a date alone is no programme)',
    text: `Medewerker: Petra Jansen\n\n${FILLER}\n- 12-03-2026: afwezig met griep, verwacht herstel na een week`,
    expect: { health: 'strong' },
  },
  { why: 'a person as account holder owns the transaction lines', text: statementOf('A.C. Bakker'), expect: { religion: 'strong' } },
  {
    why: 'a title in a table\'s column header ("Aantal mw   Verzuim%": mw = medewerkers) addresses no one',
    text: 'VERZUIMRAPPORTAGE Q3 (geaggregeerd)\n\nAfdeling       Aantal mw   Verzuim%   Trend\nProductie      42          5,1        gelijk\nLogistiek      18          3,9        daalt\n\n- Medisch spreekuur bedrijfsarts: 14 consulten.',
    expect: { health: 'weak' },
  },
  {
    why: "a statement header's 'Naam:' field names the account holder",
    text: statementOf('A.C. Bakker').replace('Rekeninghouder:  ', 'Naam:'),
    expect: { religion: 'strong' },
  },
  {
    why: 'the one addressee of an invoice with a patient number and a birth date in its header is its subject',
    text: invoiceTo('Patiëntnummer: 40812\nGeboortedatum: 14-08-1956'),
    expect: { health: 'strong' },
  },
  {
    why: 'active membership of a congregation named with its denomination',
    text: 'Ik ben zelf actief lid van de Hervormde Gemeente Raalte en vind het belangrijk dat jongeren een plek hebben.',
    expect: { religion: 'strong' },
  },
  { why: 'a volunteer of the parish', text: 'Mevrouw De Vries is al jaren vrijwilliger bij de parochie.', expect: { religion: 'strong' } },
  { why: '"hervormd" said of a person', text: 'De heer Jansen is hervormd en gaat elke zondag naar de kerk.', expect: { religion: 'strong' } },
  { why: 'an English congregation joined', text: 'Mr Hughes is an active member of the congregation of St Mary.', expect: { religion: 'strong' } },
  {
    why: 'a payslip line about a benefit received for incapacity is about the employee',
    text: `${PAYSLIP_HEAD}\nWIA-uitkering wegens arbeidsongeschiktheid (UWV)     1.204,10`,
    expect: { health: 'strong' },
  },
  {
    why: 'a field line that is no step keeps its "Label: value" reading',
    text: `Naam: Sanne Vermeulen\nAccount: s.vermeulen\n\n${FILLER}\n\nToegang: gezichtsherkenning ingesteld op de laptop`,
    expect: { biometric: 'strong' },
  },
  { why: 'a workplace does not hide a condition later in the sentence', text: 'Ik werk bij de Nierstichting en ben zwanger.', expect: { health: 'strong' } },
  { why: 'treatment at the GGZ is care, not a workplace', text: 'Ik ben in behandeling bij de GGZ.', expect: { health: 'strong' } },
  { why: '"werk bij" followed by a sentence about oneself, not an organisation', text: 'Ik werk bij jullie sinds mijn burn-out.', expect: { health: 'strong' } },
  { why: 'a full stop ends the workplace', text: 'Ik werk bij de GGZ. Diabetes heb ik al jaren.', expect: { health: 'strong' } },
  { why: 'a workplace with no health word, and a condition of the writer', text: 'Ik werk bij Albert Heijn en heb diabetes.', expect: { health: 'strong' } },
  {
    why: 'a letter to a named addressee: "u" in the sentence before the offence is who it is about',
    text: 'Geachte mevrouw Bakker,\n\nOp 2 april hebben wij u uitgenodigd voor een gesprek over de kasverschillen in de winkel. Bij een controle bleek dat op de dagen dat u de kassa opmaakte in totaal € 4.300 ontbrak. Wij hebben daarom aangifte gedaan bij de politie wegens verduistering.',
    expect: { criminal: 'strong' },
  },
  { why: 'a vet who is pregnant is a person: no owner field', text: 'Mevrouw Jansen, dierenarts in onze kliniek, is zwanger en gaat in mei met verlof.', expect: { health: 'strong' } },
  {
    why: 'an owner field without a veterinary word: the owner of a business is the subject',
    text: 'Eigenaar: Jan de Vries\nJan de Vries is sinds maart met een burn-out thuis.',
    expect: { health: 'strong' },
  },
  { why: 'a bare English "I" is the writer, as "ik"', text: 'I keep Shabbat, so I leave early on Fridays.', expect: { religion: 'strong' } },
  { why: 'pregnancy of a named employee', text: 'Mevrouw Jansen is zwanger en gaat op 1 mei met verlof.', expect: { health: 'strong' } },
  {
    why: 'occupational-physician report with a name field',
    text: 'Naam werknemer: P. de Vries\nDatum: 12-03-2024\nOordeel bedrijfsarts: werknemer is arbeidsongeschikt wegens een burn-out.',
    expect: { health: 'strong' },
  },
  {
    why: "doctor's referral letter about a patient",
    text: 'Geachte collega,\n\nHierbij verwijs ik mevrouw A. Bakker, geboren 03-04-1961, naar uw polikliniek. Zij is bekend met diabetes mellitus type 2 en gebruikt metformine.\n\nMet vriendelijke groet,\n\ndr. K. Peeters, huisarts',
    expect: { health: 'strong' },
  },
  {
    why: 'sick note e-mail written in the first person, reason a few lines away',
    text: 'Van: Fatma Yilmaz\nAan: planning\n\nHoi allemaal,\n\nIk ben weer beter! De antibiotica is op en de blaasontsteking is over, gelukkig.\n\nGroetjes,\nFatma',
    expect: { health: 'strong' },
  },
  {
    why: 'English e-mail: a named colleague off sick with the flu and a fever',
    text: 'Hi Anna,\n\nJust to let you know that John Miller called in sick this morning; he has the flu and a high fever.\n\nThanks,\nRachel',
    expect: { health: 'strong' },
  },
  {
    why: 'English sick note: a named patient unfit for work with an injury',
    text: 'To whom it may concern,\n\nThis is to certify that Mr. Daniel Hughes is unfit for work until 16 March due to a lower back injury.\n\nDr. S. Ahmed',
    expect: { health: 'strong' },
  },
  { why: 'union membership, first person', text: 'Ik ben lid van de FNV en vraag bijstand in mijn ontslagzaak.', expect: { 'trade-union': 'strong' } },
  {
    why: 'refused VOG in a letter to a named applicant',
    text: 'Geachte heer De Vries,\n\nUw aanvraag voor een VOG is afgewezen omdat u bent veroordeeld voor mishandeling.',
    expect: { criminal: 'strong' },
  },
  {
    why: 'police report with a suspect field',
    text: 'Proces-verbaal\nVerdachte: J. Pietersen\nDe verdachte is op 3 april door de politie aangehouden wegens diefstal.',
    expect: { criminal: 'strong' },
  },
  { why: 'religious practice of a named person', text: 'De heer El Amrani volgt de ramadan en vraagt om aangepaste werktijden.', expect: { religion: 'strong' } },
  { why: 'party membership of a named person', text: 'Mevrouw Visser is lid van de VVD.', expect: { political: 'strong' } },
  { why: 'ethnic origin of a named person', text: 'Mevrouw Doekhie is van Surinaamse afkomst.', expect: { ethnicity: 'strong' } },
  { why: 'sexual orientation, first person', text: 'Ik ben homoseksueel en wil dat mijn werkgever dat vertrouwelijk houdt.', expect: { 'sexual-orientation': 'strong' } },
  {
    why: 'genetic test result (and the disease it predicts)',
    text: 'Bij de heer Smit is via een DNA-test een erfelijke aanleg voor borstkanker (BRCA2) vastgesteld.',
    expect: { genetic: 'strong', health: 'strong' },
  },
  {
    why: 'fingerprint template stored to identify a named person',
    text: 'Van de heer Yilmaz is een vingerafdruktemplate opgeslagen voor de toegangscontrole.',
    expect: { biometric: 'strong' },
  },
  {
    why: 'medical form: diagnosis on a "Label: value" line of a document about a named person',
    text: 'Gekeurde: Ricardo Martina, geb. 11-04-1971\nLegitimatie gecontroleerd: ja\n\nBloeddruk 152/94, pols 76 regulier.\nGehoor: normaal.\nZicht: normaal met bril.\nAnamnese: bekend met hypertensie, gebruikt lisinopril 10 mg.',
    expect: { health: 'strong' },
  },
  {
    why: 'knee surgery of the writer, words not in the older list (kijkoperatie, meniscus)',
    text: 'Hoi Annemiek,\n\nDe orthopeed heeft gisteren een kijkoperatie gedaan, mijn meniscus was gescheurd. Ik loop drie weken op krukken.\n\nGroet,\nRuben',
    expect: { health: 'strong' },
  },
  {
    why: 'heart surgery of a named colleague in minutes, said without the word "operatie aan"',
    text: 'Henk meldt dat Bert Lammers vorige week een omleiding aan zijn hart heeft gehad en herstelt in het ziekenhuis.',
    expect: { health: 'strong' },
  },
  {
    why: "a parent's muscle disease in a care-leave request (first person: mijn moeder)",
    text: 'Naam: Esra Demir\nReden: bij mijn moeder is in december een spierziekte vastgesteld; zij heeft steeds meer hulp nodig.',
    expect: { health: 'strong' },
  },
  {
    why: 'fingerprint enrolment of a named employee, said as "vingerscan"',
    text: 'Medewerker: Priya Ramdin\nVingerscan vastgelegd: ja, sjabloon op de lezers van hal 1–3 gezet.',
    expect: { biometric: 'strong' },
  },
  {
    why: 'ethnic background written as a compound (Afro-Caribisch) with "achtergrond"',
    text: 'Student: Jurgen Martina\nJurgen is geboren op Curaçao. Hij heeft een Afro-Caribische achtergrond.',
    expect: { ethnicity: 'strong' },
  },
  {
    why: 'a welcome letter to a new party member, signed by the branch secretary',
    text: 'Beste Sanne Kuipers,\n\nWat fijn dat je je hebt aangemeld bij de SP! Je lidnummer is 4471902.\n\nMet rode groet,\nKarim el Ouali\nAfdelingssecretaris SP Utrecht',
    expect: { political: 'strong' },
  },
  {
    why: 'English grievance: the writer campaigns for a British party',
    text: 'Name: Olivia Bennett\nMy line manager has repeatedly made remarks in team meetings about my campaigning for the Green Party.',
    expect: { political: 'strong' },
  },
  {
    why: "a union lawyer acting for a named employee (only members get a CNV lawyer)",
    text: 'De heer Verstappen heeft mij als CNV-jurist gevraagd zijn belangen te behartigen.',
    expect: { 'trade-union': 'strong' },
  },
  {
    why: 'English safer-recruitment record: a police caution of a named candidate',
    text: 'Candidate: Ryan Marsh\nResult: the certificate discloses a police caution (March 2019) for possession of a Class B drug.',
    expect: { criminal: 'strong' },
  },
  {
    why: 'English e-mail: the writer keeps Shabbat',
    text: 'Hi Rebecca,\n\nAs you know I keep Shabbat, so I am not available on Friday evenings.\n\nThanks,\nDaniel',
    expect: { religion: 'strong' },
  },
  {
    why: 'an employee asks for a room to pray and for time to go to the mosque',
    text: 'Hallo Linda,\n\nMag ik tijdens mijn pauze de stilteruimte gebruiken om te bidden? Op vrijdag wil ik mijn pauze later nemen om naar de moskee te gaan.\n\nYusuf',
    expect: { religion: 'strong' },
  },
  {
    why: 'pharmacy label: a prescribed drug for a named patient (drug name, "voorschrijver")',
    text: 'Dhr. K.J. Smit, geb. 04-09-1951\nLISINOPRIL 10 MG TABLET, 1 x per dag 1 tablet innemen\nVoorschrijver: huisarts Van Beek',
    expect: { health: 'strong' },
  },
  {
    why: 'English HR letter: a named employee expecting a baby (antenatal appointments)',
    text: 'Dear Amira,\n\nThank you for letting us know that you are expecting a baby. You are entitled to paid time off for your antenatal appointments.',
    expect: { health: 'strong' },
  },
  {
    why: 'consumer DNA ancestry report for a named customer',
    text: "Prepared for: Megan O'Sullivan\nYour ancestry composition: Irish 61.8%, Scottish 17.2%.\nMaternal haplogroup: H1c",
    expect: { genetic: 'strong' },
  },
  {
    why: 'report of racist remarks: the writer is the only black colleague',
    text: 'Melder: Deborah Asante\nMijn ouders komen uit Ghana en ik ben de enige zwarte collega op de afdeling.',
    expect: { ethnicity: 'strong' },
  },
  {
    why: 'English letter: a named employee disqualified from driving after drink-driving',
    text: 'Dear Tom,\n\nThank you for telling us that the court disqualified you from driving for 14 months after the drink-driving incident in March.',
    expect: { criminal: 'strong' },
  },
  {
    why: 'sick note form: the reason is a broken wrist (no list word like fractuur)',
    text: 'Naam medewerker: Marco de Ruiter\nToelichting: gebroken pols na val van de fiets, arm in het gips, 6 weken',
    expect: { health: 'strong' },
  },
  {
    why: 'arrested after a fight: "opgepakt" qualifies the offence "vechtpartij"',
    text: 'Hoi Esther,\n\nKevin Lammers is vannacht niet komen opdagen. Hij is opgepakt na een vechtpartij bij de snackbar.',
    expect: { criminal: 'strong' },
  },
  {
    why: 'police custody and the examining magistrate (in de cel, rechter-commissaris)',
    text: 'Mevrouw Bakker zit sinds zaterdag in de cel en moet woensdag voor de rechter-commissaris verschijnen.',
    expect: { criminal: 'strong' },
  },
  {
    why: 'a driving licence seized by the police',
    text: 'Het rijbewijs van de heer Koster is na de bedrijfsbarbecue door de politie ingevorderd.',
    expect: { criminal: 'strong' },
  },
  {
    why: 'a criminal summons: "gedagvaard" before the politierechter',
    text: 'De heer Pranger is gedagvaard om op 3 maart voor de politierechter te verschijnen.',
    expect: { criminal: 'strong' },
  },
  {
    why: 'English police letter: an interview under caution about an alleged assault',
    text: 'Dear Mr Blakeley,\n\nI would like to interview you under caution about the alleged assault on 25 October.',
    expect: { criminal: 'strong' },
  },
  {
    why: 'English: an inflected offence ("assaulted") with an allegation',
    text: 'Dear Mr Blakeley,\n\nThe man you assaulted on 25 October has made an allegation to us.',
    expect: { criminal: 'strong' },
  },
  {
    why: 'access-control export: finger columns, templates, a named user',
    text: 'user_id,name,credential,finger_1,templates\n10021,Jeroen Altena,FINGER+CARD,R-index,4',
    expect: { biometric: 'strong' },
  },
  {
    why: 'access-control log: a finger match of a named user',
    text: '2025-11-03 08:31:02 | BS3-Entree | 1:N AUTH OK | 1187 | Rutger Schipper | finger match score=2410 door=D01',
    expect: { biometric: 'strong' },
  },
  {
    why: "Jehova's getuigen in the plural",
    text: "Mevrouw Yilmaz en haar man zijn Jehova's getuigen en vieren geen verjaardagen.",
    expect: { religion: 'strong' },
  },
  {
    why: 'a candidate of a local party: municipal elections and a place on the list',
    text: 'Ik sta voor de gemeenteraadsverkiezingen op plek 4 van Lokaal Betrokken.',
    expect: { political: 'strong' },
  },
  {
    why: 'elected councillor for a local party',
    text: 'De heer Bos is in maart gekozen als raadslid voor een lokale partij.',
    expect: { political: 'strong' },
  },
  {
    why: 'sexual orientation said in everyday words ("op mannen valt")',
    text: 'Sander Kroes vertelde dat hij op mannen valt, maar dat nooit op het werk heeft verteld.',
    expect: { 'sexual-orientation': 'strong' },
  },
  { why: 'coming out ("uit de kast")', text: 'Mevrouw De Wit is vorig jaar uit de kast gekomen.', expect: { 'sexual-orientation': 'strong' } },
  {
    why: 'off sick with a bad back, said colloquially ("thuis met zijn rug")',
    text: 'Mustafa Yilmaz belde net: hij zit weer thuis met zijn rug.',
    expect: { health: 'strong' },
  },
  { why: 'a visit to the GP said with "langs"', text: 'De heer Bakker gaat vanmiddag langs de huisarts.', expect: { health: 'strong' } },
  { why: 'an antipsychotic drug', text: 'Mevrouw Smit gebruikt sinds haar opname haloperidol.', expect: { health: 'strong' } },
  {
    why: 'exhaustion said colloquially (opgebrand, op mijn tandvlees)',
    text: 'Hoi Linda,\n\nIk voel me opgebrand en loop al weken op mijn tandvlees.\n\nSaskia',
    expect: { health: 'strong' },
  },
  { why: 'lumbago ("last van spit")', text: 'Jan de Vries heeft last van spit en kan niet tillen.', expect: { health: 'strong' } },
  {
    why: 'the same form filled in: a form line in a document about a named person',
    text: 'Name: Olivia Bennett\nDepartment: Finance, accounts payable team (Leeds office), desk 2.14, in on Mondays, Tuesdays and Thursdays; cover during absence is the team leader of the Sales department.\nReligion: Catholic',
    expect: { religion: 'strong' },
  },
  { why: 'a Riffian (Berber) background', text: 'Mevrouw Aït Hamou heeft een Riffijnse achtergrond.', expect: { ethnicity: 'strong' } },
  { why: 'carrier of a gene ("het gen")', text: 'Hoi Sophie,\n\nMijn broer heeft het gen niet, ik wel.', expect: { genetic: 'strong' } },
  {
    why: "gene carrier of Huntington's disease (genetic and health)",
    text: 'Ik ben gendrager van de ziekte van Huntington.',
    expect: { genetic: 'strong', health: 'strong' },
  },
  {
    why: "English: a predictive test for Huntington's disease",
    text: "Dear Mr Hughes,\n\nYour predictive test for Huntington's disease was positive.",
    expect: { genetic: 'strong', health: 'strong' },
  },
  {
    why: 'a chat message ends at the next message: the question there does not make the offence a question',
    text: '[20-11-2026 07:45] Ramon de Graaf: moest gister voor de rechter, heeft een taakstraf gekregen\n[20-11-2026 07:46] Niels Brouwer: serieus??',
    expect: { criminal: 'strong' },
  },
  {
    why: 'a lone first name is the person of the full name in the form header',
    text: `Medewerker: Marloes ten Have\nLeidinggevende: Gert-Jan Nijland\n\n${'Het gesprek vond plaats op kantoor en duurde een uur. '.repeat(4)}Volgens het team heeft Marloes sinds maart een burn-out.`,
    expect: { health: 'strong' },
  },
  {
    why: 'the sender of a WhatsApp message is its named person',
    text: '25-11-2025 19:02 - Jeroen: wie komt er morgen?\n25-11-2025 19:03 - Sanne (mama Tim): helaas, de diabetes is weer ontregeld.',
    expect: { health: 'strong' },
  },
  {
    why: 'the sender on a Teams header line above the message lines',
    text: 'Chat\n\nWendy Hartman  07:22\nja zelfde plek, onderrug links.\nheb om 11 uur een afspraak bij de fysio vanwege de hernia',
    expect: { health: 'strong' },
  },
  {
    why: 'a transaction line of a bank statement is the account holder\'s',
    text: `Betaalrekening NL74 ABNA 0612 3456 78   t.n.v. A.C. BAKKER\nPeriode 01-10-2026 - 31-10-2026\n\nDatum    Omschrijving    Af\n${'03-10    Betaalpas     Jumbo Heerlen Promenade    58,31\n'.repeat(3)}01-10    SEPA Incasso  FNV contributie lidnr 1408822 oktober    19,94`,
    expect: { 'trade-union': 'strong' },
  },
  {
    why: 'a questionnaire row answered in its column reads like a "Label: value" field, not as a question',
    text: 'Naam: Karim Hamou\nAfdeling: Stadsbeheer\n\n5. Heeft u een beperking of chronische aandoening?           Ja, diabetes type 2',
    expect: { health: 'strong' },
  },
  {
    why: 'a questionnaire row answered "nee" is still about the person (a donor questionnaire)',
    text: 'Donornr: 4021877    Naam: Bart Jacobs\n\nHeeft u in de afgelopen 4 weken antibiotica gebruikt?  nee',
    expect: { health: 'strong' },
  },
  {
    why: 'an answer in a questionnaire column: its qualifier stands in the question ("achtergrond"), the answer is a field value',
    text: 'Naam: Karim Hamou\nAfdeling: Stadsbeheer\n\n4. Met welke achtergrond identificeert u zich het meest?     Berbers / Riffijns-Nederlands',
    expect: { ethnicity: 'strong' },
  },
  {
    why: 'a review form of one person: a subject field and an "Employee no." filled in, leave in the body',
    text: 'Candidate        : M. Nowak, MSc            Employee no. 6620117\nProgramme        : Communication\n\n3. DELAYS\n   Was on pregnancy leave from 6 February to 28 May 2026 (16 weeks).',
    expect: { health: 'strong' },
  },
  {
    why: 'a union letter to one member with the member number under the letterhead (informal "je")',
    text: 'FNV Bouwen & Wonen\nPostbus 9208, 3506 GE Utrecht\n\nDhr. S. Veltkamp\nPrinses Irenestraat 7\n8261 XK Kampen\n\nLidnummer:   7004 1187 53\n\nBeste Sander,\n\nJe hebt ons gevraagd je bij te staan na je ontslag op staande voet.',
    expect: { 'trade-union': 'strong' },
  },
  {
    why: 'a candidate-list heading over its numbered items: "1." opens an item, it ends no sentence, so "lijsttrekker" qualifies',
    text: '4. Kandidatenlijst gemeenteraadsverkiezingen maart 2027\nDe selectiecommissie presenteert het advies:\n  1. Pieter Dijkhuis (lijsttrekker)   2. Fatma Yilmaz\n  3. Sven de Bruijn',
    expect: { political: 'strong' },
  },
  {
    why: 'a "Bond voor …" letterhead, a member number under it and legal aid with the employer: a union member',
    text: bondLetter('Bond voor Media & Cultuur', 'Lidnummer        : 0077 1438\n', 'je hebt recht op kosteloze rechtsbijstand in dit conflict met je werkgever'),
    expect: { 'trade-union': 'strong' },
  },
  {
    why: 'an applicant on a numbered place of a candidate list ("op plaats 6 van de kandidatenlijst")',
    text: 'Geachte heer Bakker,\n\nIn de afdeling Zwolle sta ik op plaats 6 van de kandidatenlijst voor de gemeenteraadsverkiezingen.',
    expect: { political: 'strong' },
  },
  {
    why: 'a union as the sender: its name in the letterhead, membership said to the one reader',
    text: 'FNV Metaal\nPostbus 9208\n3506 GE Utrecht\n\nAan: de heer R. Verhoeven\n\nBeste Ruud,\n\nOp 1 april bent u precies tien jaar lid. Namens de hele bond bedanken wij u voor uw trouw.',
    expect: { 'trade-union': 'strong' },
  },
  {
    why: 'a declined answer in a questionnaire column says nothing about the person',
    text: 'Naam: Karim Hamou\nAfdeling: Stadsbeheer\n\n5. Heeft u een beperking of chronische aandoening?           Wil ik niet zeggen',
    expect: { health: 'none' },
  },
  {
    why: 'a report against a named person makes him a suspect',
    text: 'Mevrouw De Bruin heeft bij de politie aangifte gedaan tegen haar buurman Kees Smit.',
    expect: { criminal: 'strong' },
  },
  {
    why: 'a care report calls its client "mevrouw": the diagnosis is hers',
    text: 'Verslag keukentafelgesprek\nCliënt: A. Molenaar-Dekker\n\nHet gesprek vond bij haar thuis plaats. Mevrouw is sinds vorig jaar slechtziend.',
    expect: { health: 'strong' },
  },
  {
    why: 'a question in running text is no questionnaire row: the negation one space on is no declined answer',
    text: 'Naam: Karim Hamou\n\nIs dat een chronische aandoening? Ik zou het niet weten, zegt de leidinggevende.',
    expect: { health: 'strong' },
  },
  { why: 'a church named after its faith is no organisation name: membership of it', text: 'Jan de Vries is lid van de Katholieke kerk.', expect: { religion: 'strong' } },
  {
    why: 'a writer who is catholic, in a letter from an organisation with the word in its name',
    text: 'Van: Stichting Katholiek Onderwijs\nAan: Piet Jansen\n\nBeste Piet,\n\nIk ben katholiek opgevoed en wil met Pasen vrij.',
    expect: { religion: 'strong' },
  },
  {
    why: 'a possessive "zijn" after a preposition is the named director, two sentences on',
    text: `De directeur is de heer S. van der Meulen. ${FILLER} In verband met zijn langdurige afwezigheid na een hartoperatie nam de bedrijfsleider de leiding waar.`,
    expect: { health: 'strong' },
  },
  {
    why: '"vanwege zijn" before the term itself',
    text: `Naam: Jan de Vries\n\n${FILLER} Vanwege zijn diabetes werkt de monteur in de ochtend.`,
    expect: { health: 'strong' },
  },
  {
    why: 'a single-person form: the offence far below the one subject field ("Bestuurder") and a personnel number',
    text: `${FORM_HEAD}\n\nFeitenrelaas\n${FILLER}\nDe politie heeft het rijbewijs ingevorderd en een proces-verbaal opgemaakt voor rijden onder invloed (art. 8 WVW 1994).`,
    expect: { criminal: 'strong' },
  },
  {
    why: '"de bestuurder" in the sentence is the named driver',
    text: `Chauffeur: Marcel Verstappen\nRit: 9913872\n\n${FILLER}\nTijdens een controle is de bestuurder aangehouden wegens rijden onder invloed.`,
    expect: { criminal: 'strong' },
  },
  {
    why: 'a fact about the employee in a contract\'s register ("shall" alone does not make it a rule)',
    text: 'Employee: Peter Smith\n\nThe Employee has been absent due to illness since 3 March and shall be reassessed in May.',
    expect: { health: 'strong' },
  },
  {
    why: 'a sick-pay line on a payslip is a fact: "bij ziekte" alone does not outweigh the employee',
    text: `${PAYSLIP_HEAD}\nDoorbetaling bij ziekte, 2e ziektejaar         160,00    70      2.065,28`,
    expect: { health: 'strong' },
  },
  {
    why: 'a proces-verbaal drawn up by the police about a tenant is a police report',
    text: 'Huurder: F.A. Claessens\n\nDe politie heeft een proces-verbaal opgemaakt wegens vernieling van de woning.',
    expect: { criminal: 'strong' },
  },
  {
    why: 'the record of a criminal court session stays criminal',
    text: 'Verdachte: F.A. Claessens\n\nZie het proces-verbaal van de zitting van de politierechter.',
    expect: { criminal: 'strong' },
  },
  {
    why: 'a person\'s field whose value is a figure without a statistic word stays the person\'s',
    text: `Naam: Pieter Jansen\n\n${FILLER}\n- Mate van arbeidsongeschiktheid: 35-80%`,
    expect: { health: 'strong' },
  },
  {
    why: 'an English sick report by its sender: calling in sick with a symptom',
    text: 'Hi Tom,\n\nI have to call in sick today, I woke up with terrible pain in my side.\n\nSarah',
    expect: { health: 'strong' },
  },
  {
    why: 'an English sick report: off sick with an everyday ailment',
    text: 'Hi Tom,\n\nI\'m off sick today with a throat infection, and I have been throwing up all night.\n\nSarah',
    expect: { health: 'strong' },
  },
  {
    why: 'an English sick report: feeling unwell, signed off by the GP',
    text: 'Hi Tom,\n\nI\'m feeling unwell and my GP has signed me off work for a week.\n\nSarah',
    expect: { health: 'strong' },
  },
  {
    why: '"disabled" said of a person in prose still counts (a log field does not)',
    text: 'Naam: Jan Smit\nHe has been registered disabled since 2019.',
    expect: { health: 'strong' },
  },
  {
    why: 'an inflammation ("ontsteking aan zijn knie") is no car\'s ignition',
    text: 'Naam: Jan Smit\nJan heeft een ontsteking aan zijn knie.',
    expect: { health: 'strong' },
  },
  {
    why: 'a statement of illness is no condition ("wegens ziekte afwezig")',
    text: 'Naam werknemer: Piet Jansen\n\nDe werknemer is wegens ziekte afwezig sinds 3 maart.',
    expect: { health: 'strong' },
  },
  {
    why: 'a declaration of a fact ("ik verklaar dat ik …") is no consent boilerplate',
    text: 'Naam: Piet Jansen\nIk verklaar dat ik sinds 2019 insuline gebruik.',
    expect: { health: 'strong' },
  },
  {
    why: 'a filled-in form decides through its answers, not its consent sentence',
    text: 'Naam leerling: Sanne de Boer\nMedicatie: insuline, 3x per dag\n\n[X] Ik geef toestemming dat de kampleiding bij hoofdpijn of koorts paracetamol geeft.',
    expect: { health: 'strong' },
  },
  {
    why: 'agreeing to a concrete treatment of oneself is no form boilerplate',
    text: 'Naam: Piet Jansen\nIk ga akkoord met de operatie aan mijn knie op 3 maart.',
    expect: { health: 'strong' },
  },
  {
    why: 'one cause ("door ziekte") is a statement, not the alternatives of a condition',
    text: 'Naam werknemer: Piet Jansen\n\nDe werknemer is sinds 3 maart door ziekte arbeidsongeschikt.',
    expect: { health: 'strong' },
  },
  {
    why: 'a sentence opened by "omdat" (no condition opener) states the illness',
    text: 'Naam werknemer: Piet Jansen\n\nOmdat de werknemer door ziekte niet in staat is te werken, neemt de teamleider de planning over.',
    expect: { health: 'strong' },
  },
  {
    why: 'the term after the comma of an "indien" sentence is no longer in the condition',
    text: 'Naam werknemer: Piet Jansen\n\nIndien mogelijk, overlegt de werknemer over zijn diabetes met de bedrijfsarts.',
    expect: { health: 'strong' },
  },
  {
    why: 'a person\'s own list in brackets beside a name field stays strong',
    text: 'Naam: Piet Jansen\nDiagnoses (diabetes, hypertensie, COPD) zijn bekend bij de huisarts.',
    expect: { health: 'strong' },
  },
];

const negatives: Row[] = [
  {
    why: 'an election date with "plaats" as a verb: no place on a list',
    text: 'Geachte heer Bakker,\n\nDe gemeenteraadsverkiezingen vinden op 18 maart plaats; ik help als vrijwilliger op het stembureau.',
    expect: {},
  },
  {
    why: 'a blank review template: "Employee no." left empty, leave named as an example',
    text: 'Candidate        : ____________            Employee no. ________\nProgramme        : ____________\n\n3. DELAYS\n   Describe any delay (e.g. pregnancy leave) and the extension asked.',
    expect: {},
  },
  {
    why: 'a numbered step of an instruction is no form field: its label names what to do (a named employee\'s onboarding)',
    text: `Naam: Sanne Vermeulen\nAccount: s.vermeulen\n\n${FILLER}\n\n  Stap 4  Windows Hello: stel een pincode in. Gezichtsherkenning is optioneel\n          en wordt niet centraal opgeslagen.`,
    expect: { biometric: 'weak' },
  },
  { why: 'a workplace after "werk bij": the GGZ employs the writer', text: 'Ik werk bij de GGZ als secretaresse.', expect: {} },
  { why: 'a workplace after "werkzaam bij": a fund named after a disease', text: 'Mevrouw De Jong is werkzaam bij het Diabetesfonds.', expect: {} },
  { why: 'a workplace after "werkzaam bij": a rehabilitation centre', text: 'De heer Bakker is werkzaam bij Revalidatiecentrum De Hoogstraat.', expect: {} },
  { why: 'a department named after a speciality, after "werk bij de afdeling"', text: 'Ik werk bij de afdeling Oncologie van het UMC.', expect: {} },
  { why: 'an internship after "stage bij"', text: 'Ik loop stage bij de GGZ in Assen en daarna bij het Longfonds.', expect: {} },
  {
    why: 'a blank single-person form: no filled-in subject field',
    text: `Bestuurder       : ______________\nPersoneelsnummer : ______\n\nFeitenrelaas\n${FILLER}\nDe politie heeft een proces-verbaal opgemaakt voor rijden onder invloed.`,
    expect: { criminal: 'weak' },
  },
  {
    why: 'a form with two people in its header is no single-person form',
    text: `${FORM_HEAD}\nMedewerker       : Sandra Peeters\n\nFeitenrelaas\n${FILLER}\nDe politie heeft een proces-verbaal opgemaakt voor rijden onder invloed.`,
    expect: { criminal: 'weak' },
  },
  {
    why: 'a sentence to the reader of a single-person form is an instruction, not about its person',
    text: `Naam: Marit Terpstra\nGeboortedatum: 12-04-1994\n\n${FILLER}\nU ontvangt bericht als er een nieuwe registratie in het Justitieel Documentatiesysteem is.`,
    expect: { criminal: 'weak' },
  },
  {
    why: 'a numbered step of a single-person form is an instruction',
    text: `Naam: Marit Terpstra\nGeboortedatum: 12-04-1994\n\n${FILLER}\n2. Vul de eerste ziektedag in en stuur het formulier naar de arbodienst.`,
    expect: { health: 'weak' },
  },
  {
    why: 'generic wording a sentence away: a passage about rules in a single-person form',
    text: `Naam: Marit Terpstra\nGeboortedatum: 12-04-1994\n\n${FILLER}\nDe werkgever registreert alleen wat de wet toestaat. Medische gegevens blijven bij de bedrijfsarts.`,
    expect: { health: 'weak' },
  },
  {
    why: 'a capitalised term inside a sentence of a single-person form is a name (a department)',
    text: `Naam: Marit Terpstra\nGeboortedatum: 12-04-1994\n\n${FILLER}\nStandplaats is de afdeling Geriatrische Revalidatie in Tiel.`,
    expect: { health: 'weak' },
  },
  {
    why: '"met zijn allen" is no possessive',
    text: `Naam: Jan de Vries\n\n${FILLER} Op de studiedag gaan de verpleegkundigen met zijn allen naar een lezing over diabetes.`,
    expect: { health: 'weak' },
  },
  {
    why: '"voor zijn" before a past participle is the verb',
    text: `Naam: Jan de Vries\n\n${FILLER} Dit is het onderwerp waar de verpleegkundigen voor zijn opgeleid: diabetes.`,
    expect: { health: 'weak' },
  },
  {
    why: '"door zijn er" is the verb',
    text: `Naam: Jan de Vries\n\n${FILLER} De wijk vergrijst, en mede door zijn er nu meer gevallen van diabetes.`,
    expect: { health: 'weak' },
  },
  {
    why: 'a faith word inside an organisation\'s name is part of the name ("Aan: Stichting …" names no person either)',
    text: 'Aan:      Stichting Katholiek Onderwijs Midden-Brabant\n          t.a.v. afdeling Huisvesting\n\nGeachte heer, mevrouw,\n\nHierbij onze offerte voor het onderhoud van uw installaties.',
    expect: {},
  },
  {
    why: 'an employer named with a faith word, in a contract with a named employee',
    text: 'Werkgever: Stichting voor Rooms-Katholiek en Openbaar Onderwijs Zuid-Limburg\nWerknemer: Annelies Vermeulen\nFunctie: leerkracht groep 5',
    expect: {},
  },
  {
    why: 'a university with a faith word in its name, in a CV',
    text: 'Naam: Sanne de Boer\nOpleiding: Master Rechten, Universiteit Katholiek Leuven (2016-2018)',
    expect: {},
  },
  {
    why: 'a workplace, not a treatment: "fysiotherapiepraktijk" in an application',
    text: 'Beste Sanne,\n\nIk werk nu drie jaar bij de balie van een fysiotherapiepraktijk en zoek een nieuwe uitdaging.',
    expect: {},
  },
  {
    why: 'the victim of a parking dent reports it to the police: no criminal data about the writer',
    text: 'Beste beheerder,\n\nIk heb bij de politie aangifte gedaan van de schade aan mijn auto en vraag u de camerabeelden te bewaren.',
    expect: {},
  },
  {
    why: 'a question to the addressee before the term is a what-if for any reader (CJIB appeal notice)',
    text: 'De heer P. Wolters\nTolhuisweg 7\n7411 KK Deventer\n\nDe maximumsnelheid binnen de bebouwde kom is overschreden. Sanctie: € 107,00 plus € 9,00 administratiekosten.\n\nBetaal vóór 15 oktober. Bent u het niet eens met deze beschikking? Stel dan binnen zes weken beroep in bij de officier van justitie.',
    expect: { criminal: 'weak' },
  },
  {
    why: 'the same wording in a notice to everyone: "u" is no one in particular',
    text: 'Beste collega\'s,\n\nOp 2 april hebben wij u uitgenodigd voor een gesprek over de kasverschillen in de winkel. Bij een controle bleek dat op de dagen dat u de kassa opmaakte in totaal € 4.300 ontbrak. Wij hebben daarom aangifte gedaan bij de politie wegens verduistering.',
    expect: { criminal: 'weak' },
  },
  {
    why: 'in a letter to a named addressee, a "u" after the term\'s sentence does not reach back',
    text: 'Geachte mevrouw Bakker,\n\nDe nieuwe openingstijden van de winkel gaan in op maandag 3 maart; de folder met alle tijden ligt vanaf vandaag bij de kassa en in de kantine. In de krant stond dat de winkel aan de Markt aangifte heeft gedaan bij de politie wegens verduistering door een oud-medewerker van een schoonmaakbedrijf uit Zwolle. Heeft u vragen over uw eigen rooster, bel dan de bedrijfsleider.',
    expect: { criminal: 'weak' },
  },
  {
    why: 'a veterinary discharge note: the patient is a dog, the owner a person without health data',
    text: 'Animal Hospital Westfield – discharge note\nPatient: Biscuit (Labrador, male, 7 years)\nOwner: Mrs J. Palmer\nDiagnosis: gastric torsion, operated on 12 November. Give meloxicam once a day for five days.',
    expect: {},
  },
  {
    why: 'Dutch vet record with an "Eigenaar:" field',
    text: 'Dierenartsenpraktijk Het Anker\nPatiënt: Mimi (kat, 12 jaar)\nEigenaar: dhr. P. Smit\nDiagnose: nierfalen; medicatie Semintra 4 mg/ml dagelijks.',
    expect: {},
  },
  {
    why: 'a Roman numeral after a word that numbers things is no writer ("Chapter I", "type I")',
    text: 'Chapter I describes type I diabetes; chapter II covers pregnancy.',
    expect: { health: 'weak' },
  },
  {
    why: 'a regnal number after a name inside a sentence is no writer',
    text: 'The exhibition shows how King George I suffered from pneumonia.',
    expect: { health: 'weak' },
  },
  {
    why: 'a numbered item "I." is no writer',
    text: 'Option I. more diabetes and pregnancy leaflets in the waiting room.',
    expect: { health: 'weak' },
  },
  {
    why: 'adding a spouse to the private medical insurance is no health data',
    text: 'Hello,\n\nI got married last month. Could you send me the form for adding my wife Sophie to the private medical insurance?\n\nThanks,\nMark',
    expect: {},
  },
  {
    why: 'intranet news: the LGBTI employee network (an organisation) with a named contact person',
    text: 'Het LHBTI-netwerk Regenboog010 zoekt nog twintig collega\'s die meevaren met de Pride-boot. Aanmelden bij Kim de Wit (Communicatie).',
    expect: {},
  },
  {
    why: 'a canteen notice about allergens names a colleague (allergenen is no allergy of a person)',
    text: 'Beste collega’s,\n\nVanaf maandag ligt bij de kassa een allergenenkaart. Vragen? Mail Tom de Vries.\n\nGroet,\nRuud Mulder',
    expect: {},
  },
  {
    why: 'privacy statement: categories, no person',
    text: 'Privacyverklaring\n\nWij verwerken bijzondere persoonsgegevens zoals gegevens over uw gezondheid of uw BSN alleen als dat wettelijk verplicht is. Gegevens over uw lidmaatschap van een vakbond verwerken wij niet.',
    expect: {},
  },
  {
    why: 'AVG art. 9: a law text listing every category',
    text: 'Artikel 9\n1. Verwerking van persoonsgegevens waaruit ras of etnische afkomst, politieke opvattingen, religieuze of levensbeschouwelijke overtuigingen, of het lidmaatschap van een vakbond blijken, en verwerking van genetische gegevens, biometrische gegevens met het oog op de unieke identificatie van een persoon, of gegevens over gezondheid, of gegevens met betrekking tot iemands seksueel gedrag of seksuele gerichtheid zijn verboden.',
    expect: {},
  },
  {
    why: 'medical leaflet about diabetes',
    text: 'Wat is diabetes?\nDiabetes is een chronische ziekte. Het lichaam maakt te weinig insuline.\nMensen met diabetes type 1 hebben insuline nodig. Heeft u klachten? Neem contact op met uw huisarts.',
    expect: { health: 'weak' },
  },
  {
    why: 'HR policy on sick leave',
    text: 'Verzuimbeleid\n\nMedewerkers kunnen zich ziek melden bij hun leidinggevende vóór 9.00 uur. De bedrijfsarts beoordeelt wanneer de medewerker weer aan het werk kan. Re-integratie vindt plaats volgens de Wet verbetering poortwachter.',
    expect: {},
  },
  {
    why: 'news article about political parties',
    text: 'De VVD presenteerde gisteren haar verkiezingsprogramma. Volgens partijleider Yeşilgöz wil de partij meer investeren in defensie. De PvdA en GroenLinks reageerden kritisch.',
    expect: {},
  },
  {
    why: 'vacancy text of an inclusive employer',
    text: 'Vacature: verpleegkundige (32 uur)\nWij zijn een inclusieve werkgever en verwelkomen iedereen, ongeacht afkomst, geloof, seksuele geaardheid, leeftijd of handicap. Een VOG is vereist.',
    expect: {},
  },
  {
    why: 'church website opening hours',
    text: 'Welkom bij de Protestantse Gemeente Dorpskerk\nDe kerk is open op zaterdag van 10.00 tot 12.00 uur. Kerkdienst op zondag om 10.00 uur. Iedereen is welkom.',
    expect: {},
  },
  {
    why: 'manual of a fingerprint scanner',
    text: 'Handleiding vingerafdrukscanner\n1. Plaats uw vinger op de sensor.\n2. Het apparaat slaat een vingerafdruktemplate op.\nGezichtsherkenning kan worden ingeschakeld in het menu Instellingen.',
    expect: { biometric: 'weak' },
  },
  {
    why: 'letter to a named person that only points to the privacy statement',
    text: 'Geachte heer Jansen,\n\nIn onze privacyverklaring leest u hoe wij persoonsgegevens zoals gegevens over uw gezondheid verwerken.',
    expect: {},
  },
  {
    why: 'template referral letter: placeholders, the writer says "ik"',
    text: 'Betreft: [aanhef] [voorletters] [achternaam]\n\nGeachte collega,\n\nGraag verwijs ik bovengenoemde patiënt naar u in verband met [reden].\n\nAnamnese: [tekst]\nMedicatie: [uit HIS]\nAllergieën: [uit HIS]',
    expect: { health: 'weak' },
  },
  { why: 'a named nurse working in a hospital', text: 'Mevrouw Jansen werkt als verpleegkundige in het ziekenhuis.', expect: {} },
  { why: 'living next to a church', text: 'De heer Jansen woont naast de kerk in de Kerkstraat.', expect: {} },
  {
    why: '"Mijn Team" is a menu, not the writer',
    text: 'Van: Anna Smit\nAan: alle medewerkers\n\nLog in op Mijn Team. Daar staat het verzuimprotocol met de medische route.',
    expect: { health: 'weak' },
  },
  { why: '"geloof" the verb', text: 'Ik geloof dat de heer Jansen gelijk heeft over de planning.', expect: {} },
  {
    why: 'a question about one\'s own data is weak',
    text: 'Kan ik mijn gezondheidsgegevens inzien?',
    expect: { health: 'weak' },
  },
  { why: '"opgepakt" is also taking up a task: a qualifier, never a term', text: 'Ik heb de taak van Kevin Lammers opgepakt.', expect: {} },
  { why: '"zit vast" is also a paper jam', text: 'De printer zit vast; mevrouw Jansen belt de storingsdienst.', expect: {} },
  {
    why: 'a civil summons (kantonrechter, huurachterstand) is no criminal data',
    text: 'De deurwaarder heeft namens de verhuurder een dagvaarding voor de kantonrechter uitgebracht aan de heer Pranger wegens huurachterstand.',
    expect: {},
  },
  {
    why: 'a driving licence handed in as a copy is no seizure',
    text: 'Mevrouw Jansen heeft een kopie van haar rijbewijs ingeleverd bij de receptie.',
    expect: {},
  },
  { why: 'a finger without a template or match is a body part', text: 'De heer Peters raakte het scherm aan met zijn vinger.', expect: {} },
  { why: '"face" and "match" are everyday English', text: 'We face a difficult match on Saturday, said Mr Hughes.', expect: {} },
  {
    why: 'municipal elections without a candidacy: "vinden plaats" is no place on a list',
    text: 'De gemeenteraadsverkiezingen vinden plaats op 18 maart; mevrouw Jansen werkt op het stembureau.',
    expect: {},
  },
  { why: 'a works-council (OR) candidate list is no political opinion', text: 'Ik sta op plek 3 van de kandidatenlijst voor de OR.', expect: {} },
  {
    why: 'a "Bond" letterhead with a member number, legal aid in a building-permit matter: any association, no union',
    text: bondLetter('Bond Heemschut', 'Lidnummer: 0077 1438\n', 'je hebt recht op rechtsbijstand bij het bezwaar tegen de bouwvergunning'),
    expect: {},
  },
  {
    why: 'a consumers\' association ("Consumentenbond": one word, no "Bond") helping with an employer is no union',
    text: bondLetter('Consumentenbond', 'Lidnummer: 0077 1438\n', 'je hebt recht op rechtsbijstand in dit conflict met je werkgever'),
    expect: {},
  },
  {
    why: 'a "Bond" letterhead and employment legal aid, but no member number filled in: no membership said',
    text: bondLetter('Bond voor Media & Cultuur', '', 'je hebt recht op rechtsbijstand in dit conflict met je werkgever'),
    expect: {},
  },
  {
    why: 'a "Bond" named below the letterhead is no sender',
    text: `Advocatenkantoor Smit\nPostbus 12, 1000 AA Amsterdam\n\n${bondLetter('', 'Lidnummer: 0077 1438\n', 'de Bond voor Media & Cultuur biedt rechtsbijstand in een conflict met je werkgever')}`,
    expect: {},
  },

  {
    why: 'a broadcaster\'s minutes about "de lijsttrekkers" in a debate (a plural, no candidacy) name no candidate',
    text: '4. Evaluatie verkiezingsavond gemeenteraad Leiden\n   Kritiekpunt van de redactieraad: de lijsttrekkers kregen ongelijke spreektijd. Marloes Bakker erkent dit.',
    expect: {},
  },
  {
    why: 'a numbered agenda under an election heading, no qualifier in its items: the items are no candidacy',
    text: 'Agenda informatieavond gemeenteraadsverkiezingen\n  1. Opening door Jan de Vries\n  2. Uitleg stembureau door Anna Smit\n  3. Rondvraag',
    expect: {},
  },

  {
    why: '"met zijn rug naar" is a posture, not a back complaint',
    text: 'Hij stond met zijn rug naar de deur toen mevrouw Jansen binnenkwam.',
    expect: {},
  },
  { why: 'riding past a hospital is no visit ("langs" qualifies care providers only)', text: 'De heer Jansen fietst langs het ziekenhuis.', expect: {} },
  {
    why: '"Prefer not to say" answers nothing: the form line is no cue (the name is too far away to be one)',
    text: 'Name: Olivia Bennett\nDepartment: Finance, accounts payable team (Leeds office), desk 2.14, in on Mondays, Tuesdays and Thursdays; cover during absence is the team leader of the Sales department.\nReligion: Prefer not to say',
    expect: { religion: 'weak' },
  },
  { why: '"uit de kast" is also taking something out of a cupboard', text: 'Mevrouw Jansen pakte de map uit de kast.', expect: {} },
  { why: '"coming out" is also being published', text: 'The report is coming out next week, said Mr Hughes.', expect: {} },
  {
    why: 'a job title or a course in a CV ("casemanager dementie") is no diagnosis',
    text: 'Petra de Boer\n2019 Post-hbo Wijkverpleegkunde en casemanagement dementie – certificaat\n2020–heden casemanager dementie bij Zorggroep Oost',
    expect: {},
  },
  { why: '"valt op" is standing out', text: 'Mevrouw Jansen valt op door haar rode jas.', expect: {} },
  {
    why: 'a lone first name that is part of no full name in the document stays no one in particular',
    text: `Medewerker: Petra Jansen\n\n${'Het gesprek vond plaats op kantoor en duurde een uur. '.repeat(4)}Volgens het team heeft Marloes sinds maart een burn-out.`,
    expect: { health: 'weak' },
  },
  {
    why: 'a timestamped log line with a label is no chat message from a person',
    text: '12-03-2026 10:15 - Notitie: folder over diabetes uitgedeeld in de wachtkamer.',
    expect: { health: 'weak' },
  },
  {
    why: 'a company as account holder ("t.n.v." before no person\'s name) is no data subject of the lines',
    text: `Betaalrekening NL74 ABNA 0612 3456 78   t.n.v. Stichting Buurtzorg Oost\nPeriode 01-10-2026 - 31-10-2026\n\nDatum    Omschrijving    Af\n${'03-10    Betaalpas     Jumbo Heerlen Promenade    58,31\n'.repeat(3)}01-10    SEPA Incasso  FNV contributie lidnr 1408822 oktober    19,94`,
    expect: { 'trade-union': 'weak' },
  },
  {
    why: 'the account holder owns the transaction lines, not the bank\'s notes below them',
    text: `Betaalrekening NL74 ABNA 0612 3456 78   t.n.v. A.C. BAKKER\nPeriode 01-10-2026 - 31-10-2026\n\n${'03-10    Betaalpas     Jumbo Heerlen Promenade    58,31\n'.repeat(4)}\n${'Bewaar dit afschrift voor uw administratie. '.repeat(4)}\nOok de FNV-contributie van onze klanten kan via iDEAL.`,
    expect: { 'trade-union': 'weak' },
  },
  {
    why: 'an unfilled form: the choices "ja / nee" are no answer yet',
    text: 'Naam medewerker: Nienke de Boer\nIs er sprake van een arbeidsongeval?   ja / nee\nVerwachte duur (indien bekend): ________',
    expect: {},
  },
  {
    why: 'a numbered question below a bank statement is no transaction line of the account holder',
    text: `Betaalrekening NL74 ABNA 0612 3456 78   t.n.v. A.C. BAKKER\n\n${'03-10    Betaalpas     Jumbo Heerlen Promenade    58,31\n'.repeat(3)}\n${'Bewaar dit afschrift voor uw administratie. '.repeat(3)}\n7. Zijn er medische kosten gemaakt in oktober? Vul ze in op het formulier.`,
    expect: { health: 'weak' },
  },
  {
    why: 'premiums every payslip carries are insurance, not the employee\'s health',
    text: `${PAYSLIP_HEAD}\nPremie arbeidsongeschiktheid (AAOP)              3,53\nWGA-hiaat                                        4,06\nWIA-excedentverzekering                          6,12\nArbeidsongeschiktheidspensioen (AOP)             2,40`,
    expect: {},
  },
  {
    why: 'a self-employed person\'s insurance premium is no condition either',
    text: 'Ik betaal elke maand € 210 aan mijn arbeidsongeschiktheidsverzekering en de premie WIA is aftrekbaar.',
    expect: {},
  },
  { why: '"gemeente" alone is a municipality', text: 'Ik ben actief lid van de werkgroep duurzaamheid van de Gemeente Raalte.', expect: {} },
  { why: 'a congregation\'s church as an address', text: 'Mevrouw Jansen woont naast de Hervormde Kerk in Raalte.', expect: {} },
  {
    why: 'a congregation as a landlord, with no membership',
    text: 'De Protestantse Gemeente Zwolle verhuurt de zaal op 12 maart aan de heer Jansen voor zijn verjaardag.',
    expect: {},
  },
  {
    why: 'a letter to one person without identity values in its header: no form, its subject unknown',
    text: invoiceTo('Klantnummer: 40812'),
    expect: { health: 'weak' },
  },
  {
    why: 'a name that opens a line without an address below it is no addressee (the parties of a contract)',
    text: `1. Tandartspraktijk De Molenwiek, vertegenwoordigd door\n   mevrouw D. Peeters, praktijkmanager;\n2. De heer B. Nowicki\n   Geboortedatum: 14-06-1998\n\n${FILLER}\nBij ziekte belt de uitzendkracht voor 9.00 uur de planning.`,
    expect: { health: 'weak' },
  },
  {
    why: 'two addressees: no single person the form is about',
    text: invoiceTo('Patiëntnummer: 40812', 'De heer P. Wiggers\nKeizerslanden 88\n7414 CK Deventer\n\nMevrouw G. Oldenkamp'),
    expect: { health: 'weak' },
  },
  {
    why: 'an organisation read as a name ("R.K. Parochie H. Franciscus") is no account holder of the lines',
    text: statementOf('R.K. Parochie H. Franciscus'),
    expect: { religion: 'weak' },
  },
  {
    why: 'a programme line labelled by its weekday is no form field (a newsletter that names a contact elsewhere)',
    text: `Vragen? Mail Tom de Vries.\n\n${FILLER}\n  • Monday: workshop "Recognising burnout early" (for managers);\n  • Donderdag 11 december: inloopspreekuur over diabetes`,
    expect: { health: 'weak' },
  },
  {
    why: 'a programme line labelled by its time is no form field either',
    text: `Vragen? Mail Tom de Vries.\n\n${FILLER}\n14.00–15.30 uur: lezing over diabetes\n09:30 workshop burn-out voorkomen`,
    expect: { health: 'weak' },
  },
  {
    why: 'negation: no criminal record',
    text: 'Beste Olena,\n\nIk heb geen strafblad, dus de VOG is geen probleem.',
    expect: { criminal: 'weak' },
  },
  {
    why: 'a contract clause: what happens in case of illness (a conditional and "shall"), after a clause number',
    text: 'Employee: Peter Smith\n\nArticle 7 Illness\n7.1 In case of incapacity for work due to illness the Employee shall report sick to his manager before 10:00.',
    expect: { health: 'weak' },
  },
  {
    why: 'a contract clause with "if" and "shall"',
    text: 'Employee: Peter Smith\n\n7.2 If the Employee is unable to work due to illness, he shall notify his manager by telephone.',
    expect: { health: 'weak' },
  },
  {
    why: 'a Dutch contract clause: "in geval van ziekte" and "indien"',
    text: 'Naam werknemer: Piet Jansen\n\n7.1 In geval van ziekte meldt de werknemer zich, indien mogelijk voor 9.00 uur, bij zijn leidinggevende.',
    expect: { health: 'weak' },
  },
  {
    why: 'a proces-verbaal van oplevering records the hand-over of a rented home, no offence',
    text: 'Huurder: F.A. Claessens\n\n1.4 Bij aanvang is door partijen een proces-verbaal van oplevering opgemaakt en ondertekend.',
    expect: {},
  },
  {
    why: 'the record of a tender opening or a meeting is no police report either',
    text: 'Contactpersoon: Jan de Vries\n\nHet proces-verbaal van opening van de inschrijvingen en het proces-verbaal van de algemene vergadering liggen ter inzage.',
    expect: {},
  },
  {
    why: 'a group\'s figure on a "Label: value" line: participation in a medical check-up (an aggregate report)',
    text: `Opgesteld door: Anna Smit\n\n${FILLER}\n- Preventief Medisch Onderzoek (PMO): deelname 58% (doel 60%).`,
    expect: { health: 'weak' },
  },
  {
    why: 'calling in sick without a reason is no health data (sick leave needs a reason)',
    text: 'Hi Tom,\n\nI\'m calling in sick today, sorry for the short notice.\n\nSarah',
    expect: {},
  },
  {
    why: 'a manager who signed off a budget, and a policy on feeling unwell',
    text: 'Hi Tom,\n\nThe director signed off the budget. Our policy: employees who feel unwell may stay at home.\n\nSarah',
    expect: {},
  },
  {
    why: 'a log line\'s time stamp (colons between digits) is no "Label:" colon: a page name on it is said about no one',
    text: `Naam: Jan Smit\n\n${FILLER}\n2026-11-16 09:30:11 cms01 notice publish user="redactie" page="/kennisbank/migraine" status=200`,
    expect: { health: 'weak' },
  },
  {
    why: 'nor is the colon of a URL ("https://") or of an IPv6 address ("fe80::1")',
    text: `Naam: Jan Smit\n\n${FILLER}\nhttps://www.thuisarts.nl/migraine bekeken\nfe80::1 intranet GET /nieuws/griepprik-2026 status=200`,
    expect: { health: 'weak' },
  },
  {
    why: '"disabled" glued into a log field (snake_case, a hyphenated value) is an account state',
    text: 'Naam: Jan Smit\n2026-11-16 12:30:45 fw01 notice ssl-login-fail user="j.smit" reason="sslvpn_login_user_disabled"\n2026-11-16 09:30:11 fw01 notice tunnel-down user="j.smit" reason="user-disabled"',
    expect: {},
  },
  {
    why: 'technical senses of health words: a bipolar transistor, a car\'s electronic ignition, a disability insurance premium, a tracing service (AWS X-Ray)',
    text: 'Name: John Smith\nJohn replaced the bipolar transistor. Werkbon: elektronische ontsteking vervangen, ontsteking afstellen. His package includes disability insurance. John traced the latency with AWS X-Ray.',
    expect: {},
  },
  {
    why: 'an account disabled by the security team (an audit export)',
    text: 'Gebruiker: Jan Smit\n2026-11-15T03:12:48;LOGIN_FAILED;j.smit@example.nl;DENIED;account disabled by SOC (credential stuffing)',
    expect: {},
  },
  {
    why: '"disabled" as a key or a value of key=value',
    text: 'Employee: John Smith\nis_disabled=true; status="disabled"',
    expect: {},
  },
  {
    why: 'a contract condition ("7.1 Bij ziekte meldt de werknemer zich") stays below deciding, though it names the employee',
    text: 'Naam werknemer: Piet Jansen\n\n7.1 Bij ziekte meldt de werknemer zich zo spoedig mogelijk bij de chef-kok.',
    expect: { health: 'weak' },
  },
  {
    why: 'the legal 104 weeks of illness in a contract (wage paid during illness)',
    text: 'Naam werknemer: Piet Jansen\n\n7.3 Gedurende de eerste 104 weken ziekte betaalt de werkgever het loon door aan de werknemer.',
    expect: { health: 'weak' },
  },
  {
    why: 'an English condition without "shall" or "if"',
    text: 'Employee: John Smith\n\nIn case of illness the employee reports sick to his manager.',
    expect: { health: 'weak' },
  },
  {
    why: 'a blank form\'s consent sentence: its "ik" signs, the headache is hypothetical',
    text: 'Naam leerling: Sanne de Boer\n\n[ ] Ik geef toestemming dat de kampleiding bij hoofdpijn of koorts paracetamol geeft.',
    expect: { health: 'weak' },
  },
  {
    why: 'an authorisation to obtain medical information (Dutch)',
    text: 'Naam: Piet Jansen\nIk machtig de medisch adviseur om bij mijn behandelend artsen de medische informatie op te vragen.',
    expect: { health: 'weak' },
  },
  {
    why: 'an authorisation to obtain medical records (English)',
    text: 'Name: John Smith\nI authorise the insurer to obtain medical records from my doctor.',
    expect: { health: 'weak' },
  },
  {
    why: 'the standard "aard of oorzaak van de ziekte" a sick report need not tell, wrapped over a line after a scanned line',
    text: 'Naam werknemer: Piet Jansen\n\n7.1 Bij ziekte meldt de werknemer zich bij de teamleider (via het ziekmeldnummer). De werknemer hoeft de aard of oorzaak van de\n    ziekte niet te melden.',
    expect: { health: 'weak' },
  },
  {
    why: 'a sentence that opens with "Indien" is a condition up to its comma (a franchise contract)',
    text: 'Naam: Jan de Vries\n\n6.1 Indien hij door ziekte langer dan acht weken niet in staat is de winkel te leiden, stelt hij een bedrijfsleider aan.',
    expect: { health: 'weak' },
  },
  {
    why: 'alternative causes ("door ziekte of ongeval") are a condition, not a statement',
    text: 'Naam werknemer: Piet Jansen\n\nDe uitkering stopt zodra de werknemer door ziekte of ongeval langer dan een jaar afwezig is.',
    expect: { health: 'weak' },
  },
  {
    why: 'an English sentence opened by "If" (a contract condition)',
    text: 'Name: John Smith\n\nIf he is unable to work due to illness for more than eight weeks, he appoints a manager.',
    expect: { health: 'weak' },
  },
  {
    why: 'a self-employed person\'s disability provision ("arbeidsongeschiktheidsvoorziening") is an insurance, no health',
    text: 'Opdrachtnemer: Jan de Vries\n\nDe opdrachtnemer is zelf verantwoordelijk voor zijn arbeidsongeschiktheidsvoorziening en pensioen.',
    expect: {},
  },
  {
    why: 'union dues as one item of a bracketed list of options in a question to the reader (a payslip notice)',
    text: 'Geachte mevrouw Jansen,\n\nWilt u uw budget gebruiken voor fiscaal vriendelijke doelen (fiets, vakbondscontributie, opleiding)? Wijzig uw keuze in het portaal.\n\nMet vriendelijke groet,\nAfdeling Salarisadministratie',
    expect: { 'trade-union': 'weak' },
  },
];

/** What every special category says about a text when all run together, as in the pipeline. */
function outcomes(text: string): Record<SpecialCategory, Outcome> {
  const found = detect(specialCategoryDetectors, text);
  return Object.fromEntries(SPECIAL_CATEGORY_IDS.map((id) => {
    const mine = found.filter((o) => o.category === id);
    return [id, mine.some((o) => o.confidence >= WEAK) ? 'strong' : mine.length ? 'weak' : 'none'];
  })) as Record<SpecialCategory, Outcome>;
}

function expected(row: Row): Record<SpecialCategory, Outcome> {
  return Object.fromEntries(SPECIAL_CATEGORY_IDS.map((id) => [id, row.expect[id] ?? 'none'])) as Record<SpecialCategory, Outcome>;
}

describe('special-category detectors', () => {
  it('has one detector per category, id = category id', () => {
    expect(specialCategoryDetectors.map((d) => d.id)).toEqual([...SPECIAL_CATEGORY_IDS]);
    for (const d of specialCategoryDetectors) expect(d.category).toBe(d.id);
  });

  it.each(positives)('positive: $why', (row) => {
    expect(outcomes(row.text)).toEqual(expected(row));
  });

  it.each(negatives)('hard negative: $why', (row) => {
    expect(outcomes(row.text)).toEqual(expected(row));
  });

  it.each([...positives, ...negatives])('each detector alone says the same: $why', (row) => {
    for (const detector of specialCategoryDetectors) {
      expect(outcome(detector, row.text), detector.id).toBe(expected(row)[detector.id as SpecialCategory]);
    }
  });

  it('masks the person and explains the cue and the score', () => {
    const [hit] = detect(specialCategoryDetectors, 'Mevrouw Jansen is zwanger.');
    expect(hit?.evidence).toBe('gezondheid: "zwanger" over "mevrouw J*****"');
    expect(hit?.reason).toContain('in the same sentence as the named person "mevrouw J*****"; no generic wording');
    expect(hit?.confidence).toBeGreaterThanOrEqual(0.8);
    const all = JSON.stringify(detect(specialCategoryDetectors, 'Naam: Pieter Jansen\nDiagnose: diabetes'));
    expect(all).not.toContain('Jansen');
    expect(all).not.toContain('Pieter');
  });

  it('lowers a term that stands among generic wording, and says which words did it', () => {
    const [hit] = detect(specialCategoryDetectors, 'Mevrouw Jansen schreef een artikel over zwangerschap.');
    expect(hit?.confidence).toBe(0.45);
    expect(hit?.reason).toContain('generic wording "artikel" lowers it (score 0.9 × 1 − 0.45 = 0.45)');
    // Enough generic wording outweighs even a named person: nothing is reported.
    expect(detect(specialCategoryDetectors, 'Mevrouw Jansen verwerkt persoonsgegevens zoals gezondheidsgegevens.')).toEqual([]);
  });

  it('does not take the month "May" or the contraction "can\'t" for generic wording, but keeps the modal', () => {
    const [may] = detect(specialCategoryDetectors, 'Dear Mr Hughes,\n\nAfter your visit on 14 May you were diagnosed with diabetes.');
    expect(may?.reason).toContain('no generic wording');
    const [cant] = detect(specialCategoryDetectors, "Dear Tom,\n\nI can't come in today, I have a migraine.\n\nSarah");
    expect(cant?.reason).toContain('no generic wording');
    const [modal] = detect(specialCategoryDetectors, 'Dear Mr Hughes,\n\nPatients may be diagnosed with diabetes. May we ask whether you can come?');
    expect(modal?.reason).toContain('"may"');
    const [name] = detect(specialCategoryDetectors, 'Naam: Pieter Jansen\nHij sprak met Can Yilmaz over zijn diabetes.');
    expect(name?.reason).toContain('no generic wording');
  });

  it('never reports strong without a data subject in the document', () => {
    const text = 'Zwanger, burn-out, strafblad, moslim, partijlid, vakbondslid, homoseksueel, DNA-test, irisscan, Marokkaanse afkomst.';
    const found = detect(specialCategoryDetectors, text);
    expect(new Set(found.map((o) => o.category)).size).toBe(9);
    expect(found.every((o) => o.confidence < WEAK)).toBe(true);
    expect(found[0]?.reason).toContain('without a data subject');
  });

  it.each([
    ['Geachte mevrouw Smit, wij behandelen uw aanvraag binnen vier weken.', 'health', '"behandelen" (to handle a request) is no treatment'],
    ['De heer Jansen fietst langs het kerkhof.', 'religion', '"kerkhof" is excluded as a false friend of "kerk"'],
    ['De brief is afkomstig van mevrouw Jansen.', 'ethnicity', '"afkomstig" is not "afkomst"'],
    ['Ik denk dat mevrouw Jansen gelijk heeft.', 'political', '"denk" is not the party DENK'],
    ['Ik heb om 10 uur een afspraak met mevrouw Jansen.', 'criminal', '"om" is not the OM (Openbaar Ministerie)'],
    ['Mevrouw Jansen heeft een ziektekostenverzekering.', 'health', 'health insurance is excluded'],
    ['De heer Jansen heeft het genomen besluit gelezen.', 'genetic', '"genomen" is not "genome"'],
  ])('false friend: %s', (text, category, _why) => {
    expect(outcome(specialCategoryDetectors.find((d) => d.id === category)!, text)).toBe('none');
  });

  it('stems the vocabulary at load time and keeps hand-written stems, exact words and capitals', () => {
    const health = loadSpecialRule('health');
    expect(health.terms.words).toContain('verslav*'); // PorterStemmerNl: verslaving → verslav
    expect(health.terms.words).toContain('zwanger*'); // written by hand
    expect(health.terms.words).toContain('diabetes*'); // stem = word: compounds (diabetespatiënt) still match
    expect(health.terms.words).not.toContain('gezond*'); // gezondheid would stem to gezond: too aggressive
    const political = loadSpecialRule('political');
    expect(political.groups[0]?.terms.caseSensitive.get('denk')).toEqual(['DENK']);
    expect(outcome(specialCategoryDetectors.find((d) => d.id === 'health')!, 'Ik heb een verslaving.')).toBe('strong');
  });

  it.each(SPECIAL_CATEGORY_IDS)('the examples in rules/special/%s.json hold', (id) => {
    const rule = loadSpecialRule(id);
    const detector = specialCategoryDetectors.find((d) => d.id === id)!;
    expect(rule.examples.positive.length).toBeGreaterThan(0);
    for (const text of rule.examples.positive) expect(outcome(detector, text), text).toBe('strong');
    for (const text of rule.examples.negative) expect(outcome(detector, text), text).not.toBe('strong');
  });
});

describe('a group term in the letterhead (the sender)', () => {
  // The letterhead qualifiers as rules/special/trade-union.json gives them to the union group.
  const rule = loadSpecialRule('trade-union');
  const union = createDetector({
    ...rule,
    groups: rule.groups.map((g) => ({ ...g, letterhead: new Set(['lid', 'lidmaatschap', 'contributie', 'member', 'lidnummer']) })),
  });
  const letter = (head: string, body: string) =>
    `${head}\nPostbus 9208\n3506 GE Utrecht\n\nAan: de heer R. Verhoeven\nKastanjelaan 14\n5612 AB Eindhoven\n\nBeste Ruud,\n\n${body}\n\nMet vriendelijke groet,\n\nAnja de Wit\nLedenadministratie`;

  it.each([
    ['a membership sentence addressed to the reader', letter('FNV Metaal', 'Op 1 april bent u precies tien jaar lid. Namens de hele bond danken wij u voor uw trouw.'), 'strong'],
    ['dues of the addressee', letter('CNV Vakmensen', 'Uw contributie voor 2026 wordt op 1 februari afgeschreven.'), 'strong'],
    ['a membership word in a sentence not addressed to the reader', letter('FNV Metaal', 'Het nieuwe lid van het hoofdbestuur is gisteren gekozen.'), 'none'],
    ['"namens" is a qualifier, but not one that makes the reader a member', letter('FNV Metaal', 'Namens de hele bond danken wij u voor uw inzet bij de actie.'), 'none'],
    ['the union named in the body, not the letterhead', letter('Kwekerij De Linde', 'Op 1 april bent u tien jaar lid van onze spaarclub. De FNV organiseert een open dag.'), 'none'],
    ['a letter to all members: no one person addressed', 'FNV Metaal\nPostbus 9208\n\nBeste leden,\n\nOp 1 april bent u precies tien jaar lid.', 'none'],
    ['the addressee\'s member number filled in under the letterhead', letter('FNV Bouwen & Wonen', 'Lidnummer:   7004 1187 53\n\nJe hebt ons gevraagd je bij te staan na je ontslag.'), 'strong'],
    ['a member-number field left blank', letter('FNV Bouwen & Wonen', 'Lidnummer: ........\n\nJe hebt ons gevraagd je bij te staan na je ontslag.'), 'none'],
    ['a member number in a letter from a club, not a union', letter('Tennisvereniging De Linde', 'Lidnummer: 7004 1187\n\nDe FNV organiseert een open dag.'), 'none'],
    ['a member number in a union letter to all members', 'FNV Metaal\nPostbus 9208\n\nBeste leden,\n\nLidnummer: 7004 1187 53\nDe cao-onderhandelingen zijn hervat.', 'none'],
  ])('%s', (_why, text, expected) => {
    expect(outcome(union, text)).toBe(expected);
  });

  it('is off without letterhead qualifiers (the union group as loaded may not have them)', () => {
    const plain = createDetector({ ...rule, groups: rule.groups.map(({ letterhead: _, ...g }) => g) });
    expect(outcome(plain, letter('FNV Metaal', 'Op 1 april bent u precies tien jaar lid.'))).toBe('none');
  });
});

describe('organisation names', () => {
  const words = new Set(['stichting', 'vereniging', 'universiteit']);
  const at = (text: string, term: string) => inOrganisationName(text, text.indexOf(term), words);

  it.each([
    ['Aan: Stichting Katholiek Onderwijs', 'Katholiek'],
    ['bij de Vereniging van Islamitische Ouders', 'Islamitische'],
    ['Stichting Rooms-Katholiek Onderwijs', 'Katholiek'],
    ['Universiteit Christelijk Noord Nederland', 'Christelijk'],
  ])('%j: the term is part of the name', (text, term) => expect(at(text, term)).toBe(true));

  it.each([
    ['Jan is lid van de Katholieke kerk', 'Katholieke'],
    ['de stichting Katholiek Onderwijs', 'Katholiek'],
    ['Stichting Lente. Katholiek opgevoed', 'Katholiek'],
    ['Stichting werkt met katholieke scholen', 'katholieke'],
    ['Katholieke Stichting Noord', 'Katholieke'],
  ])('%j: the term is no part of an organisation name', (text, term) => expect(at(text, term)).toBe(false));

  it('takes no organisation in a header for a named sender or addressee', () => {
    expect(hasHeaderName('Aan: Stichting Katholiek Onderwijs\nBetreft: offerte', 500, words)).toBe(false);
    expect(hasHeaderName('Aan: Stichting Katholiek Onderwijs\nVan: Anna Smit', 500, words)).toBe(true);
    expect(hasHeaderName('Aan: Vereniging Oost\n', 500)).toBe(true);
  });
});

describe('questionnaire rows', () => {
  // The not-answered phrases as rules/special/data-subject.json lists them.
  const not = {
    phrases: ['n.v.t.', 'nvt', 'n/a', '-', 'onbekend', 'wil ik niet zeggen', 'zeg ik liever niet', 'prefer not to say'],
    emptyValues: new Set(['nee', 'no', 'geen']),
  };
  const row = (answer: string) => `5. Heeft u een beperking of chronische aandoening?      ${answer}\n6. Volgende vraag?`;
  const answerOf = (text: string) => answerAfter(text, text.indexOf('?') + 1);

  it.each([
    ['Wil ik niet zeggen', true], ['wil ik niet zeggen.', true], ['Prefer not to say', true], ['n.v.t.', true], ['-', true],
    ['ja / nee', true], ['Ja / Nee / Weet niet', true], ['__________', true],
    ['Ja, diabetes type 2', false], ['nee', false], ['Onbekendheid met het werk', false], ['Marokkaans / Nederlands', false],
  ])('the answer %j leaves the question unanswered: %s', (answer, expected) => {
    const text = row(answer);
    expect(answerOf(text)).toBeDefined();
    expect(unanswered(text, answerOf(text)!, not)).toBe(expected);
  });

  it('reads an answer only after a column gap (two blanks or a tab), never on the next line', () => {
    expect(answerOf('Heeft u diabetes? Nee, zegt hij.')).toBeUndefined();
    expect(answerOf('Heeft u diabetes?\tNee')).toEqual({ start: 18, end: 21 });
    expect(answerOf('Heeft u diabetes?   \nNee')).toBeUndefined();
  });

  it('takes the "ik" of an unanswering answer for no writer, and only there', () => {
    const text = row('Wil ik niet zeggen');
    expect(inUnanswered(text, text.indexOf(' ik ') + 1, not)).toBe(true);
    const answered = row('Ja, ik heb diabetes');
    expect(inUnanswered(answered, answered.indexOf(' ik ') + 1, not)).toBe(false);
    const prose = 'Wat is er? Wil ik niet zeggen, zei ze.';
    expect(inUnanswered(prose, prose.indexOf(' ik ') + 1, not)).toBe(false);
  });
});

describe('sentence ends', () => {
  /** The sentence around the first `term` in `text`, trimmed. */
  const sentence = (text: string, term: string, stretch = false) => {
    const start = text.indexOf(term);
    const wide = { start: 0, end: 0 };
    const ends = new SentenceEnds(text);
    const span = ends.aroundWithStretch({ start, end: start + term.length }, 150, wide);
    expect(ends.around({ start, end: start + term.length }, 150)).toEqual(span);
    return (stretch ? text.slice(wide.start, wide.end) : text.slice(span.start, span.end)).trim();
  };

  it.each([
    ['[12-03-2026 19:02] Jeroen: heeft een taakstraf\n[12-03-2026 19:03] Niels: serieus??', 'a chat prefix "[date time] Name:"'],
    ['25-11-2025 19:31 - Natasha: heeft een taakstraf\n25-11-2025 19:33 - Juf Marieke: echt?', 'a chat prefix "date time - Name:"'],
    ['2019 Post-hbo casemanagement dementie\n2024 Training gespreksvoering', 'a year opening a CV row'],
    ['- heeft een taakstraf\n- rijdt niet?', 'a "- " bullet'],
    ['• heeft een taakstraf\n• rijdt niet?', 'a "• " bullet'],
    ['heeft een taakstraf\n1. rijdt niet?', 'a numbered item'],
    ['heeft een taakstraf\nStatus: open?', 'a "Label:" field'],
    ['| heeft een taakstraf |\n| rijdt niet? |', 'a table row'],
  ])('a single line break ends the sentence before %j (%s)', (text, _why) => {
    expect(sentence(text, 'taakstraf').endsWith('?')).toBe(false);
  });

  it.each([
    ['De rechter gaf hem een taakstraf en\nhij mag een half jaar niet rijden?', 'a wrapped line goes on in lower case'],
    ['De rechter gaf hem een taakstraf en\nJan mag een half jaar niet rijden?', 'a capitalised word without a colon is no label'],
    ['De rechter gaf hem een taakstraf en\n-achtige straffen, zegt hij: echt?', 'a hyphen before a word is no bullet'],
    ['De rechter gaf hem een taakstraf en\nJan zei toen, vrij boos: echt?', 'a comma before the colon: a sentence, no label'],
  ])('a single line break runs on before %j (%s)', (text, _why) => {
    expect(sentence(text, 'taakstraf').endsWith('?')).toBe(true);
  });

  it('the number of a list item ("  1. ") ends no stretch; it still opens a new sentence', () => {
    const text = 'Kandidatenlijst\n  1. Pieter Dijkhuis (lijsttrekker)';
    expect(sentence(text, 'Kandidatenlijst', true)).toBe(text);
    expect(sentence(text, 'Kandidatenlijst')).toBe('Kandidatenlijst');
  });

  it.each([
    ['Kandidatenlijst vastgesteld in 2026. Daarna de lijsttrekker', 'a year is no list number'],
    ['Kandidatenlijst van blok 1. Daarna de lijsttrekker', 'a number ending a sentence in a line'],
  ])('a dot after a number in a line still ends the stretch: %j (%s)', (text, _why) => {
    expect(sentence(text, 'Kandidatenlijst', true).endsWith('lijsttrekker')).toBe(false);
  });

  it('for a qualifier, only blank lines and sentence marks cut (a form block is one stretch)', () => {
    const text = 'Opname: 12-03-2024\nHuisarts: dr. M. el Khatib';
    expect(sentence(text, 'Huisarts')).toBe('Huisarts: dr. M. el Khatib');
    expect(sentence(text, 'Huisarts', true)).toBe(text);
  });
});

describe('local cues scanned natively', () => {
  it('gives the same hits as the JavaScript scan of the local vocabulary', async () => {
    const { SUBJECT_RULES } = await import('../../../classifiers/detectors/special/subject-rules.ts');
    const { Vocabulary } = await import('../../../classifiers/text/vocabulary.ts');
    const { createScanner } = await import('../../../classifiers/text/wasm/scanner.ts');
    const kinds = ['roles', 'secondPerson', 'firstPersonObject', 'strongGeneric', 'weakGeneric'] as const;
    const vocabulary = new Vocabulary(kinds.map((kind) => ({ id: kind, words: SUBJECT_RULES.lists[kind] })));
    const scanner = createScanner(vocabulary, 256);
    const texts = [
      'Uw werknemer meldt zich ziek; de patiënt kan in het algemeen niet werken.',
      'Mensen met diabetes, o.a. bij ME- of\npatiënte Jansen: zij heeft mij gebeld.',
      "I'm told people with asthma e.g. can't; HIJ en ZIJ, bijv. u of uw-werkgever.",
      '',
    ];
    let hits = 0;
    for (const text of texts) {
      hits += vocabulary.scan(text).length;
      const out = scanner.scan(text);
      expect(vocabulary.resolveRecords(text, out.records, out.recordsFrom, out.recordsTo), text).toEqual(vocabulary.scan(text));
    }
    expect(hits).toBeGreaterThan(10);
    expect(() => scanner.scan('x'.repeat(257))).toThrow();
  });
});
