import { readFileSync } from 'node:fs';
import { render, type Tenant } from '../builder.ts';
import { addressOf, attachFile, deliver, MIME, reference } from '../mailbox.ts';
import type { Staff } from '../org.ts';
import { longDate } from '../people.ts';
import * as H from './hr-docs.ts';
import { invoiceB2B, invoicePrivate, notulen } from './business-docs.ts';

const FORMATS = new URL('../../../../fixtures/formats/', import.meta.url);
const at = (day: number, hour: number) => new Date(Date.UTC(2025, 0, 6 + day, 7 + (hour % 9), (day * 7) % 60));

const TOPICS = [
  ['Overleg planning onderhoud', 'Kunnen we donderdag om 10.00 uur de planning van het planmatig onderhoud doornemen? Ik neem de begroting mee.'],
  ['Afspraak woningschouw', 'De woningschouw van de Lindelaan staat op dinsdag. Wil jij de sleutels ophalen bij de receptie?'],
  ['Vervanging tijdens vakantie', 'Ik ben van 14 tot en met 25 juli op vakantie. Wil jij mijn huurders met spoedvragen helpen?'],
  ['Terugkoppeling bewonersavond', 'De bewonersavond was goed bezocht. Er kwamen vragen over de renovatie van de galerijflat en de huurverhoging.'],
  ['Cursus klantgericht schrijven', 'Ik heb ons aangemeld voor de cursus klantgericht schrijven op 3 april. Laat je weten of je mee kunt?'],
  ['Vraag over declaratie', 'Mijn reiskostendeclaratie van maart staat nog open. Kun je kijken of die goedgekeurd kan worden?'],
] as const;

/** Everyday mail between named colleagues and with named tenants: `generiek` (names, addresses, contact). */
export async function everydayMail(t: Tenant): Promise<void> {
  const staff = t.staff.filter((s) => s.mailbox && s.local !== 'klantcontact');
  let n = 0;
  for (const [i, owner] of staff.entries()) {
    for (let k = 0; k < 4; k++) {
      const [subject, text] = TOPICS[(i + k) % TOPICS.length]!;
      const peer = staff[(i + k + 1) % staff.length]!;
      const sent = k % 2 === 1;
      const from = sent ? owner : peer;
      const to = sent ? peer : owner;
      const m = { subject, from: addressOf(from), to: [addressOf(to)], body: `Hoi ${to.first},\n\n${text}\n\nGroet,\n${from.first}`, html: k % 2 === 0 };
      deliver(t, owner, sent ? 'Sent Items' : k === 2 ? 'Archive' : 'Inbox', m, at(n++, k), { label: 'generiek', documentType: 'correspondentie', why: 'mail tussen genoemde collega\'s: namen en e-mailadressen' });
    }
  }
}

/** Business mail: CVs, invoices, minutes, links to folders, newsletters, notifications. */
export async function businessMail(t: Tenant): Promise<void> {
  const [director, hr, payroll, controller, creditors, assistant, advisor, consultant, letting, dpo] = t.staff as Staff[];
  const shared = t.staff[10]!;
  let n = 40;
  const g = (why: string, documentType?: string) => ({ label: 'generiek' as const, ...(documentType ? { documentType } : {}), why });
  const geen = (why: string, documentType?: string) => ({ label: 'geen' as const, ...(documentType ? { documentType } : {}), why });

  for (let i = 0; i < 4; i++) {
    const a = t.people[70 + i]!;
    const cvFile = attachFile(t, `sollicitaties/cv-${a.last.toLowerCase().replace(/[^a-z]/g, '')}-${i}.${['pdf', 'docx', 'odt', 'rtf'][i]}`, [MIME.pdf, MIME.docx, MIME.odt, MIME.rtf][i]!, await render(H.cv(a, 'medewerker verhuur', 'Hbo Vastgoed en Makelaardij'), (['pdf', 'docx', 'odt', 'rtf'] as const)[i]!));
    deliver(t, hr!, 'Inbox/Sollicitaties', { subject: 'Sollicitatie woonconsulent', from: { name: a.name, address: a.privateMail }, to: [addressOf(hr!)], body: `Geachte heer, mevrouw,\n\nHierbij solliciteer ik naar de functie van woonconsulent. Mijn cv vindt u in de bijlage.\n\nMet vriendelijke groet,\n${a.name}\n${a.phone}`, attachments: [cvFile] }, at(n++, i), g('sollicitatie met cv: naam, adres, geboortedatum, telefoon', 'cv-sollicitatie'));
  }
  for (let i = 0; i < 4; i++) {
    const inv = invoiceB2B(t, i);
    const file = attachFile(t, `facturen/${inv.name}.pdf`, MIME.pdf, await render(inv.doc, 'pdf'));
    deliver(t, creditors!, 'Inbox/Facturen', { subject: `Factuur ${inv.number}`, from: { name: 'Debiteurenadministratie', address: `facturen@${inv.domain}` }, to: [{ name: 'Crediteurenadministratie', address: 'crediteuren@woonstede-fictief.nl' }], body: `Geachte heer, mevrouw,\n\nIn de bijlage vindt u factuur ${inv.number}. Wij verzoeken u deze binnen 30 dagen te voldoen.\n\nMet vriendelijke groet,\n\nAfdeling debiteuren\n${inv.supplier}`, attachments: [file] }, at(n++, i), geen('factuur tussen bedrijven aan een algemeen adres: geen persoonsgegevens', 'factuur'));
  }
  for (let i = 0; i < 3; i++) {
    const p = t.people[50 + i]!;
    const inv = invoicePrivate(t, p, i);
    const file = attachFile(t, `facturen/${inv.name}.pdf`, MIME.pdf, await render(inv.doc, 'pdf'));
    deliver(t, controller!, 'Sent Items', { subject: `Factuur ${inv.number} herstelkosten`, from: addressOf(controller!), to: [{ name: p.name, address: p.privateMail }], body: `Geachte ${p.sex === 'M' ? 'heer' : 'mevrouw'} ${p.last},\n\nBijgaand de factuur voor de herstelkosten na uw verhuizing.\n\nMet vriendelijke groet,\n${controller!.name}`, attachments: [file] }, at(n++, i), g('factuur aan een particuliere huurder: naam, adres, IBAN', 'factuur'));
  }
  const minutes = attachFile(t, 'notulen-mt-2025-02.docx', MIME.docx, await render(notulen(t, 'MT-overleg 11 februari 2025', 1), 'docx'));
  for (const owner of [director!, assistant!]) {
    deliver(t, owner, owner === assistant ? 'Sent Items' : 'Inbox', { subject: 'Notulen MT 11 februari', from: addressOf(assistant!), to: [addressOf(director!)], cc: [addressOf(controller!)], body: 'Bijgaand de notulen van het MT-overleg. Graag opmerkingen voor vrijdag.', attachments: [minutes] }, at(n++, 2), g('notulen met namen van aanwezigen als bijlage', 'notulen'));
  }
  const links: [Staff, string, string][] = [[letting!, 'Link naar map Woningtoewijzing 2025', 'https://woonstedefictief.sharepoint.com/sites/klantcontact/Huurdersdossiers'], [controller!, 'Begroting 2026 (link)', 'https://woonstedefictief.sharepoint.com/sites/financien/Documenten/Begroting'], [dpo!, 'Register van verwerkingen', 'https://woonstedefictief.sharepoint.com/sites/bestuur/Documenten/Privacy']];
  for (const [i, [owner, name, url]] of links.entries()) {
    const from = t.staff[(i + 3) % 10]!;
    deliver(t, owner, 'Inbox', { subject: name.replace(' (link)', ''), from: addressOf(from), to: [addressOf(owner)], body: `Hoi ${owner.first},\n\nIk heb de map met je gedeeld, zie de link.\n\n${from.first}`, attachments: [reference(name, url)] }, at(n++, i), g('gedeelde link (referentiebijlage) tussen genoemde collega\'s'));
  }
  // The Outlook .msg built for the format tests, attached to a mail as people attach saved messages.
  const msg = attachFile(t, 'verzuimdossier.msg', MIME.msg, new Uint8Array(readFileSync(new URL('msg/verzuimdossier.msg', FORMATS))));
  deliver(t, hr!, 'Inbox/Verzuim', { subject: 'Opgeslagen bericht verzuimdossier', from: addressOf(dpo!), to: [addressOf(hr!)], body: 'Dit bericht stond nog op de gedeelde schijf; graag in het verzuimdossier opnemen en daarna verwijderen.', attachments: [msg] }, at(n++, 3), { label: 'bijzonder', documentType: 'ziekmelding', why: 'bijgevoegd .msg met een ziekmelding met diagnose (hernia)' });

  const news = [
    ['Nieuwsbrief Woningcorporaties maart', 'Nieuws uit de sector: de huurverhoging per 1 juli, de nieuwe Woningwet en een webinar over verduurzaming van galerijflats.'],
    ['Webinar energielabels', 'Op 12 juni organiseren wij een webinar over de nieuwe energielabels voor huurwoningen. Aanmelden via de website.'],
    ['Storing klantportaal opgelost', 'De storing in het klantportaal van vannacht is opgelost. Alle functies zijn weer beschikbaar.'],
    ['Onderhoudsvenster Microsoft 365', 'Op zaterdag tussen 22.00 en 02.00 uur vindt gepland onderhoud plaats. Er is geen actie nodig.'],
    ['Leveringsbevestiging bestelling 88213', 'Uw bestelling 88213 (kantoorartikelen) wordt donderdag geleverd op Stationsplein 12.'],
    ['Jaarcongres Wonen 2025', 'Het programma van het jaarcongres is bekend: sprekers over betaalbaar wonen, doorstroming en wijkaanpak.'],
  ] as const;
  for (const [i, [subject, text]] of news.entries()) {
    deliver(t, shared, i % 3 === 2 ? 'Archive' : 'Inbox', { subject, from: { name: 'Nieuwsdienst', address: ['nieuwsbrief@wonen-nieuws-fictief.nl', 'noreply@klantportaal-fictief.nl', 'noreply@leverancier-fictief.nl'][i % 3]! }, to: [{ name: 'Klantcontact Woonstede', address: 'klantcontact@woonstede-fictief.nl' }], body: `${text}\n\nU ontvangt dit bericht omdat dit adres is aangemeld. Afmelden kan via de website.`, html: true }, at(n++, i), geen('nieuwsbrief of systeembericht aan het algemene adres, zonder persoonsgegevens'));
  }
  void payroll; void consultant; void advisor; void longDate;
}
