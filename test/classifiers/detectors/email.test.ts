import { describe, expect, it } from 'vitest';
import { WEAK } from '../../../classifiers/detector.ts';
import { emailDetector } from '../../../classifiers/detectors/email.ts';
import { personNameDetector } from '../../../classifiers/detectors/person-name/detector.ts';
import { detect, outcome, type Case } from '../../support/detect.ts';

const cases: Case[] = [
  { text: 'Contact: j.jansen@company.nl', expect: 'strong', why: 'a named employee at a company domain' },
  { text: 'Mail piet.devries@gmail.com voor vragen.', expect: 'strong', why: 'a person at a free-mail domain' },
  { text: 'Afzender: jan.jansen@gemeente.nl.', expect: 'strong', why: 'full stop after the address is not part of it' },
  { text: '<a href="mailto:PJansen@Firma.NL">', expect: 'strong', why: 'mailto: link, mixed case' },
  { text: 'jan+nieuwsbrief@mail.example.co.uk', expect: 'strong', why: 'sub-address and sub-domains' },
  { text: 'Vragen? info@company.nl', expect: 'weak', why: 'role mailbox' },
  { text: 'Stuur de factuur naar facturen@bedrijf.nl', expect: 'weak', why: 'invoice mailbox' },
  { text: 'noreply@notifications.example.com', expect: 'weak', why: 'no-reply sender' },
  { text: 'Mail hr.afdeling@bedrijf.nl of privacy@bedrijf.nl', expect: 'weak', why: 'role as first segment' },
  { text: 'klantenservice@webshop.nl', expect: 'weak', why: 'customer service' },
  { text: 'Opgesteld door mw. I. Verbeek, bedrijfsarts\nrapportages@arbovitaal.nl', expect: 'weak', why: 'the reports mailbox of an occupational-health service, beside a named person' },
  { text: 'Vragen over de cijfers: verzuimrapportage@arbodienst.nl', expect: 'weak', why: 'a compound of rapportage' },
  { text: 'Mail j.rapport@arbodienst.nl', expect: 'strong', why: 'Mr Rapport, an initial before his surname' },
  { text: 'Vragen? Mail naar facilitair@woonstede.nl', expect: 'weak', why: 'department mailbox (facilities)' },
  { text: 'Verschillen melden via voorraad@elektrogroothandel-vnd.nl', expect: 'weak', why: 'department mailbox (stock control)' },
  { text: 'Questions? wellbeing@northfield-logistics.com', expect: 'weak', why: 'department mailbox (staff wellbeing)' },
  { text: 'Loonstroken: payroll-nl@quantis.io', expect: 'weak', why: 'payroll department, role as first segment' },
  { text: 'info@bakkerijjansen.nl', expect: 'weak', why: 'role mailbox of a business domain' },
  { text: 'Secretariaat SEH: seh.secretariaat@ziekenhuis.nl', expect: 'weak', why: 'role as a later segment' },
  { text: 'Afspraak bloedprikken: lab.afspraken@ziekenhuis.nl', expect: 'weak', why: 'department and role segments' },
  { text: 'poli.cardiologie@ziekenhuis.nl', expect: 'weak', why: 'outpatient clinic mailbox' },
  { text: 'Vragen over je contract: people@northbridge.com', expect: 'weak', why: 'HR mailbox called people' },
  { text: 'Remittance to creditcontrol@storewise.co.uk', expect: 'weak', why: 'credit control department' },
  { text: 'verkiezingen.or@zorggroep.nl', expect: 'weak', why: 'works council elections mailbox' },
  { text: 'Kantoor Spijkenisse\nHekelingseweg 2a\n3201 XB Spijkenisse\nE spijkenisse@rijnmond.nl', expect: 'weak', why: 'branch mailbox named after the office\'s place' },
  { text: 'Vestiging: 2511 CV Den Haag, denhaag@firma.nl', expect: 'weak', why: 'branch mailbox of a two-word place' },
  { text: 'Woonplaats 3201 XB Spijkenisse, mail: jansen@firma.nl', expect: 'strong', why: 'a surname is no place of the text' },
  { text: 'Van: 5.1.2e@flevoland.nl\nAan: 5.1.2e@windparkzuid.nl', expect: 'weak', why: 'a Woo redaction code stands where the name was' },
  { text: 'Mail 5.1.2e.jansen@flevoland.nl', expect: 'strong', why: 'a name beside the code is still a name' },
  { text: 'Autorisatie aanvragen via applicatiebeheer@zorggroep.nl', expect: 'weak', why: 'an application-management team (one compound word)' },
  { text: 'Alarmopvolging: meldkamer@beveiligingoost.nl', expect: 'weak', why: 'a security control room' },
  { text: 'Mail j.post@bedrijf.nl', expect: 'strong', why: 'an initial and a surname that is also a role word' },
  { text: 'm.planning@bedrijf.nl', expect: 'strong', why: 'an initial before a role-like word is a person' },
  { text: 'info.jansen@hotmail.com', expect: 'strong', why: 'role name on a free-mail domain: a one-man business' },
  { text: 'Storingen: functioneelbeheer@gemeente-zeist.nl', expect: 'weak', why: 'a compound ending in "beheer"' },
  { text: 'Bel of mail klantenservicecentrum@energiedirect.nl', expect: 'weak', why: 'a compound of klantenservice and centrum' },
  { text: 'Schade melden: claims-operations@verzekeraar-noord.nl', expect: 'weak', why: 'a claims department (claims, operations)' },
  { text: 'Vragen? Mail vertrouwenspersoon@woonzorg-brabant.nl', expect: 'weak', why: 'the confidential adviser is a role mailbox' },
  { text: 'Storing of lekkage: meldingen@schoonmaakgroep.nl', expect: 'weak', why: 'a reports mailbox' },
  { text: 'Vragen? kamp@cbsdewegwijzer.nl · Schoolleiding: 033-455 21 40', expect: 'weak', why: "a school camp's mailbox (an activity, not the surname Kamp)" },
  { text: 'Opgeven bij jeugdcommissie@vvzuidwolde.nl of mr@obsdelinde.nl', expect: 'weak', why: "a club's youth committee and a school's participation council" },
  { text: 'Vragen aan de kampleiding: j.kamp@cbsdewegwijzer.nl', expect: 'strong', why: 'an initial before the surname Kamp: a person' },
  { text: 'Contact: m.schade@verzekeraar-noord.nl', expect: 'strong', why: 'an initial before the surname Schade: a person' },
  { text: 'Melden via servicedesk-ict@hogeschool.nl', expect: 'weak', why: 'role segments joined by a hyphen' },
  { text: 'Facturen naar crediteurenadministratie@woonstede.nl', expect: 'weak', why: 'a compound ending in "administratie"' },
  { text: 'Vragen: personeelsadministratie@zorggroep.nl', expect: 'weak', why: 'a compound ending in "administratie"' },
  { text: 'Aanmelden bij ictservicedesk@rocmn.nl', expect: 'weak', why: 'a compound ending in "servicedesk"' },
  { text: 'Wijzigingen: applicatieteam@bedrijf.nl', expect: 'weak', why: 'a compound ending in "team"' },
  { text: 'Het nieuwe adres is servicebalie.noord@gemeente.nl', expect: 'weak', why: 'a compound starting with "service"' },
  { text: 'Contact: jan.beheer@bedrijf.nl', expect: 'strong', why: 'a first name beside a role word is a person' },
  { text: 'Contact: fleur.planning@transportbedrijf.nl', expect: 'strong', why: 'a first name beside a role word is a person' },
  { text: 'Mail janbeheer@bedrijf.nl', expect: 'strong', why: 'a first name joined to a role word is a person' },
  { text: 'Mail jservice@bedrijf.nl', expect: 'strong', why: 'an initial before a role word is a person' },
  { text: 'Mail k.teamleider@bedrijf.nl', expect: 'strong', why: 'an initial before a role-like compound is a person' },
  { text: 'Mail p.vanderzaken@bedrijf.nl', expect: 'strong', why: 'an initial and a surname ending like a role word' },
  { text: 'Mail smit@bedrijf.nl of jaspers@bedrijf.nl', expect: 'strong', why: 'surnames ending in short role words (it, pers) are no compounds' },
  {
    text: 'Bedrijf | Contact e-mail | Telefoon\nBakkerij Hoeve B.V. | hoeve@bakkerijhoeve.nl | 0575-512233\nGarage Ten Brink V.O.F. | garage@tenbrink.nl | 0575-419900\nDrukkerij Stapel B.V. | drukwerk@stapel.nl | 0575-220011',
    expect: 'weak', why: 'mailboxes in a table of organisations are theirs',
  },
  {
    text: 'leverancier;e-mail;KvK\nLiftservice Centraal B.V.;glansrijke@lift.nl;30198877\nSchoonmaak De Ster B.V.;destar@schoonmaak.nl;08171234\nNedap Healthcare;nedap@nedap.com;',
    expect: 'weak', why: 'a row without context in a table of organisations follows them',
  },
  {
    text: 'Naam | E-mail\nJan de Vries | jan@devries.nl\nPetra Smits | psmits@gmail.com\nKees Bos | keesbos@outlook.com',
    expect: 'strong', why: 'a table of persons, not of organisations',
  },
  {
    text: 'Bedrijf | E-mail | Telefoon\nBakkerij Hoeve B.V. | m.kuipers@bakkerijhoeve.nl | 0575-512233\nGarage Ten Brink V.O.F. | info@tenbrink.nl | 0575-419900',
    expect: 'strong', why: 'a named employee in a supplier row is a person',
  },
  {
    text: 'Bedrijf | E-mail contactpersoon\nBakkerij Hoeve B.V. | bakkerij@hoeve.nl\nGarage Ten Brink V.O.F. | garage@tenbrink.nl\nDrukkerij Stapel B.V. | stapel@drukkerij.nl',
    expect: 'strong', why: 'the column holds the contact persons\' addresses',
  },
  {
    text: 'Naam | Organisatie | E-mail\nIngrid Kuipers | Groenrijk V.O.F. | kuipers@groenrijk.nl\nHenk Stapel | Drukkerij Stapel B.V. | hstapel@stapel.nl\nAnouk Visser | De Boer B.V. | visser@deboer.nl',
    expect: 'strong', why: 'a participants\' list: a Naam column makes the rows persons, whatever their organisations',
  },
  { text: 'Vragen? Mail naar patientenvoorlichting@ziekenhuis.nl.', expect: 'weak', why: 'a patient-information compound' },
  { text: 'Vragen over dit overzicht: groupcontrol@nedmetaal.nl', expect: 'weak', why: 'a compound ending in "control"' },
  // Newsletters and English role mailboxes, in texts that name a person (else any unnamed mailbox is the organisation's).
  { text: 'Editorial team: Jan Smit. Marketing & Communication, campusnews@tuz.nl.', expect: 'weak', why: 'a compound ending in "news"' },
  { text: 'Redactie Piet de Vries, bedrijfsnieuws@acme.nl', expect: 'weak', why: 'a compound ending in "nieuws"' },
  { text: 'Aanmelden bij Anna Bakker of ledennieuwsbrief@club.nl', expect: 'weak', why: 'a compound ending in "nieuwsbrief"' },
  { text: 'Our DPO, Jan Smit, can be reached at dpo@acme.nl', expect: 'weak', why: 'an English role: the DPO' },
  { text: 'Jan Smit wrote: contact our helpdesk at support@acme.nl', expect: 'weak', why: 'an English role: support' },
  { text: 'Jan Smit wrote: mail dataprotection@acme.nl or ithelp@acme.nl', expect: 'weak', why: 'data protection, an IT help compound' },
  { text: 'Groet, Jan Smit (jannews@acme.nl)', expect: 'strong', why: 'a first name before "news" is a person' },
  { text: 'Contact: research desk — onderzoek@kenniscentrum.nl', expect: 'weak', why: 'a research mailbox' },
  { text: 'FEC Policy Office — fec-policy@bank.nl', expect: 'weak', why: 'a policy office, role as a later segment' },
  { text: 'VOG-coördinator: vog@vvsportlust.nl', expect: 'weak', why: 'the club\'s VOG mailbox' },
  { text: 'Mail j.onderzoek@kenniscentrum.nl', expect: 'strong', why: 'an initial before a role word is a person' },
  { text: 'Mail jancontrol@nedmetaal.nl', expect: 'strong', why: 'a first name joined to a role word is a person' },
  // Department mailboxes named in English and Dutch (in texts that name a person, so only the name can tell).
  { text: 'Jan Smit, Procurement: procurement@coldstorage.com', expect: 'weak', why: 'a purchasing department in English' },
  { text: 'Jan Smit wrote to grid-connections@netbeheer.nl', expect: 'weak', why: 'a hyphenated department: grid connections' },
  { text: 'Jan Smit, Grootzakelijk: grootzakelijk@netbeheer.nl', expect: 'weak', why: 'a compound ending in "zakelijk" (large business customers)' },
  { text: 'Jan Smit, t.a.v. Asset Management: assetmanagement@zonnepark.nl', expect: 'weak', why: 'a compound ending in "management"' },
  { text: 'Jan Smit, team Master Data: masterdata@dc-logistiek.nl', expect: 'weak', why: 'a master data team' },
  { text: 'Jan Smit, Energy Procurement: energie@retail.nl', expect: 'weak', why: 'an energy purchasing mailbox' },
  { text: 'Jan Smit, advertenties@dagblad.nl, cc traffic@dagblad.nl', expect: 'weak', why: "a newspaper's advertising and ad-material (traffic) mailboxes" },
  { text: 'Mail j.procurement@coldstorage.com', expect: 'strong', why: 'an initial before a role word is a person' },
  { text: 'Mail jprocurement@coldstorage.com', expect: 'strong', why: 'an initial joined to a role word is a person' },
  { text: 'Mail janmanagement@bedrijf.nl', expect: 'strong', why: 'a first name joined to "management" is a person' },
  { text: 'Mail jan.traffic@dagblad.nl', expect: 'strong', why: 'a first name beside a role word is a person' },
  { text: 'Mail advertenties@gmail.com', expect: 'strong', why: 'a role name at free mail: a one-man business' },
  { text: 'Message-ID: <GC-26-07731.3@netbeheer.nl>\nIn-Reply-To: <20261119140733.5521@mail.dagblad.nl>', expect: 'none', why: "a pasted e-mail's message identifiers" },
  { text: 'Message-ID: <x1@mail.nl>\nFrom: j.jansen@firma.nl', expect: 'strong', why: 'the next header line is a mailbox again' },
  { text: 'Zie het bericht met message-id hieronder; mail j.jansen@firma.nl', expect: 'strong', why: 'the words in a sentence are no header' },
  { text: '<img src="logo@2x.png">', expect: 'none', why: 'retina image name' },
  { text: 'ssh root@localhost of git@server', expect: 'none', why: 'user@host without a dot-TLD' },
  { text: 'npm install lodash@4.17.21', expect: 'none', why: 'package version' },
  { text: 'import x from "@types/node"', expect: 'none', why: 'npm scope' },
  { text: 'Volg @jansen op sociale media', expect: 'none', why: 'a handle, no domain' },
  { text: 'https://admin:geheim@intranet.bedrijf.nl/pad', expect: 'none', why: 'URL credentials, not a mailbox' },
  { text: 'Prijs @ € 5,00 per stuk', expect: 'none', why: 'at-sign as "each"' },
  { text: 'jan@@firma.nl', expect: 'none', why: 'double at-sign' },
];

describe('email detector', () => {
  it.each(cases)('$expect: $why — $text', ({ text, expect: expected }) => {
    expect(outcome(emailDetector, text)).toBe(expected);
  });

  it('masks the evidence and keeps the raw address out of evidence and reason', () => {
    const [hit] = detect(emailDetector, 'Mail: j.jansen@company.nl.');
    expect(hit?.evidence).toBe('j*******@c******.nl');
    expect(hit?.start).toBe(6);
    expect(hit?.end).toBe(25);
    expect(hit?.value).toBe('j.jansen@company.nl');
    expect(`${hit?.evidence} ${hit?.reason}`).not.toContain('jansen');
  });

  it('says why a role mailbox is weak', () => {
    const [hit] = detect(emailDetector, 'info@company.nl');
    expect(hit?.confidence).toBeLessThan(0.5);
    expect(hit?.reason).toContain('"info@"');
    expect(hit?.reason).toContain('not a person');
  });

  it("takes a mailbox not named like a person at an organisation's domain, in a text that names no one, for the organisation's", () => {
    const both = [emailDetector, personNameDetector];
    const mailbox = (text: string) => detect(both, text).find((o) => o.evidence.includes('@'))!;
    const folder = 'Deze brochure is met zorg samengesteld. Heeft u opmerkingen? Mail naar publicaties@stichting-leerwerk.nl.';
    expect(mailbox(folder).confidence).toBeLessThan(WEAK);
    expect(mailbox(folder).reason).toContain('names no person');
    expect(mailbox('Contact: Kenniscentrum Onderwijs & Arbeid — enquete@kenniscentrum-oa.nl').confidence).toBeLessThan(WEAK);
    // A first name at the start of a Dutch noun is no person's name (pat|ientenvoorlichting, ken|nisbank).
    expect(mailbox(folder.replace('publicaties@', 'patientenvoorlichting@')).confidence).toBeLessThan(WEAK);
    expect(mailbox(folder.replace('publicaties@', 'kennisbank@')).confidence).toBeLessThan(WEAK);
    // An institution's name shaped like "X van de Y" names no person.
    expect(mailbox('Een uitgave van de Raad van de Kinderbescherming. ' + folder).confidence).toBeLessThan(WEAK);
    for (const text of [
      // A named person could own the mailbox.
      folder + '\n\nMet vriendelijke groet,\nJan de Vries',
      'Trainer Inge van der Laan behandelt de casus. ' + folder,
      // A free-mail mailbox, a mailbox named like a person, a personal label before it.
      folder.replace('stichting-leerwerk.nl', 'gmail.com'),
      folder.replace('publicaties@', 'pietkuipers@'),
      folder.replace('publicaties@', 'annekoning@'),
      folder.replace('publicaties@', 'sannewesterhof@'),
      'Contactpersoon: publicaties@stichting-leerwerk.nl',
    ]) expect(mailbox(text).confidence, text).toBeGreaterThanOrEqual(WEAK);
  });

  it('finds every address in a list', () => {
    const found = detect(emailDetector, 'a.b@x.nl; c.d@y.nl, info@z.nl\ne.f@w.com');
    expect(found.map((o) => o.confidence >= 0.5)).toEqual([true, true, false, true]);
  });
});
