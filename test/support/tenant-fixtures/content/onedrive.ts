import JSZip from 'jszip';
import { addBytes, addDoc, type Format, render, type Tenant } from '../builder.ts';
import { ZIP_DATE } from '../formats/doc.ts';
import { scanImage, scanPdf } from '../formats/index.ts';
import { longDate } from '../people.ts';
import * as H from './hr-docs.ts';
import { drivingLicenceLines, passportLines } from './id-scans.ts';
import { notulen } from './business-docs.ts';

const TALKS = ['Werkoverleg klantcontact', 'Teamdag verhuur', 'Kennissessie nieuwe Woningwet', 'Introductie nieuwe medewerkers'];

/** Every OneDrive: personal copies (own payslip, own CV), notes with names, presentations; the scanner's scans. */
export async function buildOneDrive(t: Tenant): Promise<void> {
  for (const [i, s] of t.staff.filter((u) => u.oneDrive && u.local !== 'scanner').entries()) {
    const root = `onedrive/${s.local}`;
    const f = <T>(list: T[]) => list[i % list.length]!;
    await addDoc(t, `${root}/Documenten`, `presentatie-${TALKS[i % TALKS.length]!.toLowerCase().replace(/ /g, '-')}`, { title: TALKS[i % TALKS.length]!, lines: ['Agenda: terugblik, cijfers van het kwartaal, plannen.', 'Klanttevredenheid steeg naar een 7,6.', 'Doorlooptijd reparatieverzoeken: gemiddeld 6 werkdagen.', 'Volgende stap: digitale huurovereenkomst voor alle nieuwe huurders.'] }, 'pptx', { label: 'geen', why: 'presentatie zonder personen' });
    await addDoc(t, `${root}/Documenten`, 'aantekeningen-overleg', notulen(t, `werkoverleg ${['januari', 'februari', 'maart', 'april'][i % 4]}`, i + 11), f<Format>(['md', 'txt', 'docx', 'odt']), { label: 'generiek', documentType: 'notulen', why: 'aantekeningen met namen van collega\'s' });
    if (i % 2 === 0) await addDoc(t, `${root}/Persoonlijk`, 'loonstrook-januari-2025', H.loonstrook({ ...s, personnelNo: `P${1040 + i * 7}` }, 2025, 0, 3300 + i * 120), 'pdf', { label: 'bijzonder', documentType: 'loonstrook', why: 'eigen loonstrook met BSN' });
    if (i % 3 === 1) await addDoc(t, `${root}/Persoonlijk`, 'cv', H.cv(s, s.role, 'Hbo Bedrijfskunde'), f<Format>(['docx', 'pdf', 'odt']), { label: 'generiek', documentType: 'cv-sollicitatie', why: 'eigen cv: naam, adres, geboortedatum' });
    if (i % 3 === 2) await addDoc(t, `${root}/Documenten`, 'checklist-woningschouw', { title: 'Checklist woningschouw', lines: ['Controleer de meterstanden en noteer ze op het opleverformulier.', 'Controleer rookmelders in elke verdieping.', 'Maak foto\'s van schade en voeg ze toe aan het dossier.', 'Geef de sleutels af bij de receptie.'] }, f<Format>(['html', 'md', 'rtf']), { label: 'geen', documentType: 'handleiding', why: 'checklist zonder persoonsgegevens' });
  }
  // The director keeps a ZIP of a resigning employee's file; the DPO a breach note.
  const leaver = t.people[12]!;
  const zip = new JSZip();
  zip.file(`dossier-${leaver.last}/arbeidsovereenkomst.docx`, await render(H.arbeidsovereenkomst(leaver, t.staff[1]!, new Date('2018-03-01T00:00:00Z'), 'woonconsulent', 3400, true), 'docx'), { date: ZIP_DATE, createFolders: false });
  zip.file(`dossier-${leaver.last}/beoordeling-2024.txt`, await render(H.beoordeling(leaver, t.staff[0]!, new Date('2024-11-04T00:00:00Z'), 'voldoende', 'afspraken beter nakomen'), 'txt'), { date: ZIP_DATE, createFolders: false });
  addBytes(t, `onedrive/${t.staff[0]!.local}/Documenten/dossier-uitdienst-${leaver.last.toLowerCase().replace(/[^a-z]/g, '')}.zip`, new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })), { label: 'bijzonder', documentType: 'arbeidsovereenkomst', why: 'ZIP met arbeidsovereenkomst met BSN' });
  await addDoc(t, `onedrive/${t.staff[9]!.local}/Documenten`, 'datalek-2025-03-analyse', { title: 'Analyse datalek 2025-03', lines: [`Op ${longDate(new Date('2025-03-18T00:00:00Z'))} is een e-mail met een huurachterstandenlijst naar een verkeerde ontvanger gestuurd.`, 'Aantal betrokkenen: 8. Soort gegevens: naam, adres, achterstandsbedrag (financiële gegevens).', 'Melding aan de Autoriteit Persoonsgegevens: ja, binnen 72 uur.', 'Maatregel: automatisch aanvullen van adressen in Outlook uitgeschakeld.'] }, 'docx', { label: 'geen', why: 'analyse beschrijft aantallen en soorten gegevens, noemt geen persoon' });

  // The scanner account: scan-to-OneDrive of ID copies and a letter (the OCR cases).
  const scans = 'onedrive/scanner/Scans';
  const p1 = t.people[21]!;
  const p2 = t.people[25]!;
  const p3 = t.people[33]!;
  addBytes(t, `${scans}/scan_0001.jpg`, scanImage(passportLines(p1, 'NX7R42K19'), 'jpg', { mono: true, angle: -0.7 }), { label: 'bijzonder', documentType: 'kopie-legitimatie', why: 'scan van een paspoort met MRZ en BSN' });
  addBytes(t, `${scans}/scan_0002.pdf`, scanPdf(drivingLicenceLines(p2, '5082937164')), { label: 'bijzonder', documentType: 'kopie-legitimatie', why: 'scan van een rijbewijs (kopie identiteitsbewijs)' });
  addBytes(t, `${scans}/scan_0003.pdf`, scanPdf(['Arbodienst Eemland B.V.', '', `${p3.sex === 'M' ? 'De heer' : 'Mevrouw'} ${p3.first[0]}. ${p3.last}`, p3.street, `${p3.postcode} ${p3.city}`, '', 'Betreft: uw verzuim', '', `Geachte ${p3.sex === 'M' ? 'heer' : 'mevrouw'} ${p3.last},`, '', 'Naar aanleiding van uw ziekmelding heeft u de bedrijfsarts gesproken.', 'U herstelt van een hernia en bent onder behandeling van de fysiotherapeut.', 'De bedrijfsarts adviseert over vier weken het werk te hervatten.', '', 'Met vriendelijke groet,', 'Arbodienst Eemland']), { label: 'bijzonder', documentType: 'ziekmelding', why: 'gescande brief van de arbodienst over verzuim met diagnose' });
  addBytes(t, `${scans}/scan_0004.pdf`, scanPdf(['Kantoorgemak Nederland B.V.', 'Pakbon 88213', '', 'Afleveradres: Woonstede Fictief, Stationsplein 12, Amersfoort', '', '10 dozen printerpapier A4', '4 toners zwart', '2 bureaulampen', '', 'Aantal colli: 3']), { label: 'geen', why: 'gescande pakbon tussen bedrijven' });
}
