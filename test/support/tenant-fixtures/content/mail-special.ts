import JSZip from 'jszip';
import { render, type Tenant } from '../builder.ts';
import { ZIP_DATE } from '../formats/doc.ts';
import { scanImage } from '../formats/index.ts';
import { dottedBsn } from '../ids.ts';
import { addressOf, attachFile, attachMessage, deliver, MIME } from '../mailbox.ts';
import { longDate } from '../people.ts';
import * as H from './hr-docs.ts';
import { idCardLines } from './id-scans.ts';

const d = (s: string) => new Date(`${s}Z`);

/** Messages holding special data: in the body, in a file attachment, in an attached message, in a ZIP. */
export async function specialMail(t: Tenant): Promise<void> {
  const [director, hr, payroll, , , assistant, advisor, consultant, letting, dpo] = t.staff;
  const shared = t.staff[10]!;
  const emp = (i: number) => t.people[i]!;
  const b = 'bijzonder' as const;

  // Health in the body: an employee reports sick with a reason (to HR, and the HR copy in Sent Items).
  for (const [i, who] of [advisor!, consultant!, letting!].entries()) {
    const reason = ['een zware griep met koorts', 'migraine en duizeligheid', 'een ontstoken knie; ik word volgende week geopereerd'][i]!;
    const m = { subject: 'Ziekmelding', from: addressOf(who), to: [addressOf(hr!)], body: `Hoi ${hr!.first},\n\nIk meld me vandaag ziek vanwege ${reason}. De huisarts heeft gezegd dat ik een paar dagen rust moet nemen.\n\nGroet,\n${who.first}` };
    deliver(t, hr!, 'Inbox/Verzuim', m, d(`2025-0${i + 2}-1${i}T07:4${i}:00`), { label: b, documentType: 'ziekmelding', why: 'ziekmelding met de reden in de tekst' });
    deliver(t, who, 'Sent Items', m, d(`2025-0${i + 2}-1${i}T07:4${i}:00`), { label: b, documentType: 'ziekmelding', why: 'ziekmelding met de reden in de tekst (verzonden)' });
  }

  // A forwarded medical statement as a PDF attachment.
  const verklaring = attachFile(t, 'medische-verklaring-huisarts.pdf', MIME.pdf, await render(H.medischeVerklaring(emp(3), emp(91), d('2025-02-20T00:00:00'), 'een depressie'), 'pdf'));
  deliver(t, hr!, 'Inbox/Verzuim', { subject: `Medische verklaring ${emp(3).name}`, from: { name: emp(3).name, address: emp(3).privateMail }, to: [addressOf(hr!)], body: `Beste ${hr!.first},\n\nIn de bijlage de verklaring van mijn huisarts.\n\nMet vriendelijke groet,\n${emp(3).name}`, attachments: [verklaring] }, d('2025-02-21T10:02:00'), { label: b, why: 'bijlage: verklaring van de huisarts over behandeling (gezondheid)' });

  // A VOG refusal, forwarded as an attached message that itself carries the letter as a PDF.
  const vogPdf = attachFile(t, 'voornemen-afwijzing-vog.pdf', MIME.pdf, await render(H.vogAfwijzing(emp(14), d('2025-01-13T00:00:00'), 'verduistering in dienstbetrekking'), 'pdf'));
  const inner = attachMessage(t, 'Brief van Justis over mijn VOG', { subject: 'Brief van Justis over mijn VOG', from: { name: emp(14).name, address: emp(14).privateMail }, to: [addressOf(hr!)], body: 'Hierbij de brief die ik van Justis kreeg. Kunnen we hierover praten?', attachments: [vogPdf] }, d('2025-01-14T08:15:00'));
  deliver(t, director!, 'Inbox', { subject: 'Doorgestuurd: Brief van Justis over mijn VOG', from: addressOf(hr!), to: [addressOf(director!)], body: `${director!.first},\n\nZie het bericht hieronder van de kandidaat voor de functie medewerker crediteuren. Graag je advies of we de aanstelling doorzetten.\n\n${hr!.first}`, attachments: [inner] }, d('2025-01-14T09:30:00'), { label: b, why: 'doorgestuurd bericht met voornemen tot afwijzing VOG (strafrechtelijk, art. 10)' });

  // A scanned ID card inside an attached message (two levels deep) — the copy made for the payroll.
  const idScan = attachFile(t, 'scans/kopie-identiteitskaart.png', MIME.png, scanImage(idCardLines(emp(20), 'IE8R37KP5'), 'png', { mono: true, angle: 0.8 }));
  const fromNew = attachMessage(t, 'Kopie ID voor salarisadministratie', { subject: 'Kopie ID voor salarisadministratie', from: { name: emp(20).name, address: emp(20).privateMail }, to: [addressOf(hr!)], body: 'Goedemorgen, hierbij de scan van mijn identiteitskaart voor mijn indiensttreding.', attachments: [idScan] }, d('2025-03-03T08:00:00'));
  deliver(t, payroll!, 'Inbox', { subject: `FW: Kopie ID ${emp(20).name}`, from: addressOf(hr!), to: [addressOf(payroll!)], body: `Hoi ${payroll!.first}, voor de loonadministratie. Graag na verwerking uit je mailbox verwijderen.`, attachments: [fromNew] }, d('2025-03-03T09:12:00'), { label: b, documentType: 'kopie-legitimatie', why: 'scan van een identiteitskaart met MRZ en BSN in een doorgestuurd bericht' });

  // Payslips with BSNs in a ZIP attachment.
  const zip = new JSZip();
  for (const i of [5, 6, 7]) zip.file(`loonstroken-maart/loonstrook-${emp(i).last.toLowerCase().replace(/[^a-z]/g, '')}.pdf`, await render(H.loonstrook(emp(i), 2025, 2, 3200 + i * 40), 'pdf'), { date: ZIP_DATE, createFolders: false });
  const zipped = attachFile(t, 'loonstroken-maart-2025.zip', MIME.zip, new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })));
  deliver(t, payroll!, 'Sent Items', { subject: 'Loonstroken maart ter controle', from: addressOf(payroll!), to: [addressOf(hr!)], body: `Hoi ${hr!.first},\n\nDe loonstroken van maart voor de drie nieuwe medewerkers, graag controleren.\n\n${payroll!.first}`, attachments: [zipped] }, d('2025-03-25T14:20:00'), { label: b, documentType: 'loonstrook', why: 'ZIP-bijlage met loonstroken met BSN' });

  // Art. 9 categories said about a named person in mail bodies.
  const bodies: [string, string, string][] = [
    ['Lidmaatschap vakbond', `Beste ${payroll!.first},\n\nIk ben sinds deze maand lid van de FNV en wil de vakbondscontributie via de fiscale uitruil laten verrekenen. Mijn lidmaatschapsnummer is 4471902.\n\nGroet,\n${consultant!.name}`, 'lidmaatschap van een vakbond (art. 9)'],
    ['Vrij voor Jom Kipoer', `Hoi ${director!.first},\n\nZoals je weet ben ik joods; ik wil graag vrij op Jom Kipoer (2 oktober) om naar de synagoge te gaan.\n\n${assistant!.first}`, 'religie van de afzender (art. 9)'],
    ['Mijn coming-out', `Hoi ${hr!.first},\n\nIk wil je laten weten dat ik lesbisch ben en binnenkort met mijn vriendin ga samenwonen; ik wil graag mijn partnerregistratie doorgeven voor het pensioen.\n\n${letting!.first}`, 'seksuele gerichtheid van de afzender (art. 9)'],
    ['Kandidaatstelling gemeenteraad', `Beste collega's,\n\nIk ben al jaren lid van de SP en sta nu op de kandidatenlijst voor de gemeenteraad van Amersfoort. Ik zet me in voor betaalbaar wonen.\n\n${advisor!.name}`, 'politieke opvatting en partijlidmaatschap van de afzender (art. 9)'],
    ['Registratie gezichtsscan toegang', `Beste ${dpo!.first},\n\nVoor de nieuwe toegangspoortjes is van ${emp(8).name} een gezichtsscan vastgelegd; het biometrische template staat in het toegangssysteem om haar te identificeren.\n\nFacilitair`, 'biometrisch template van een genoemde medewerker (art. 9)'],
    ['Erfelijk onderzoek', `Hoi ${hr!.first},\n\nUit het DNA-onderzoek bij de klinische genetica is gebleken dat ik de erfelijke aanleg voor de ziekte van Huntington heb. Ik wil bespreken wat dit voor mijn werk betekent.\n\n${consultant!.first}`, 'genetische gegevens en gezondheid van de afzender (art. 9)'],
    ['Afkomst huurder en toewijzing', `${letting!.first},\n\nMevrouw ${emp(60).last} (${emp(60).street}) is van Turkse afkomst en vraagt om een woning in de buurt van haar familie; ze spreekt beperkt Nederlands.\n\n${consultant!.first}`, 'etnische afkomst van een genoemde huurder (art. 9)'],
    ['BSN voor huurtoeslag', `Geachte heer/mevrouw,\n\nVoor mijn aanvraag huurtoeslag hierbij mijn burgerservicenummer: ${dottedBsn(emp(62).bsn)}.\n\nMet vriendelijke groet,\n${emp(62).name}\n${emp(62).street}, ${emp(62).postcode} ${emp(62).city}`, 'BSN van een huurder in de tekst'],
  ];
  for (const [i, [subject, body, why]] of bodies.entries()) {
    const owner = [payroll!, director!, hr!, advisor!, dpo!, hr!, letting!, shared][i]!;
    const from = i === 7 ? { name: emp(62).name, address: emp(62).privateMail } : i === 3 ? addressOf(advisor!) : i === 4 ? { name: 'Facilitair', address: `facilitair@${owner.upn.split('@')[1]}` } : addressOf([consultant!, assistant!, letting!, advisor!, dpo!, consultant!, consultant!, shared][i]!);
    deliver(t, owner, i === 3 ? 'Sent Items' : 'Inbox', { subject, from, to: [addressOf(owner)], body, html: i % 2 === 0 }, d(`2025-0${(i % 8) + 1}-0${(i % 9) + 1}T10:0${i}:00`), { label: b, why });
  }
  void longDate;
}
