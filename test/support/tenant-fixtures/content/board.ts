import { addBytes, addDoc, addMsg, type Format, type Tenant } from '../builder.ts';
import type { Doc } from '../formats/index.ts';
import { longDate } from '../people.ts';
import { notulen } from './business-docs.ts';

const STRATEGY: Doc = { title: 'Koersplan 2025-2030', lines: ['Missie: goed en betaalbaar wonen voor mensen met een smalle beurs.', 'Speerpunten: 600 nieuwbouwwoningen, alle woningen minimaal label B in 2028, leefbare wijken.', 'Financiële kaders: de loan-to-value blijft onder 75%.', 'Samenwerking met gemeenten en huurdersorganisaties in prestatieafspraken.', 'Monitoring via een jaarlijks dashboard aan de Raad van Commissarissen.'] };
const PRIVACY_HTML = { title: 'Privacyverklaring Woonstede Fictief', lines: ['Woonstede Fictief verwerkt persoonsgegevens van huurders, woningzoekenden en leveranciers.', 'Wij verwerken naam, adres, geboortedatum, inkomensgegevens en, waar de wet dat vereist, het burgerservicenummer.', 'Gegevens over gezondheid verwerken wij alleen bij een aanvraag voor een aangepaste woning, met uw toestemming.', 'Bewaartermijnen: huurdossiers tot zeven jaar na het einde van de huurovereenkomst.', 'Vragen? Neem contact op met onze functionaris gegevensbescherming via privacy@woonstede-fictief.nl.'] };

/** Site "bestuur": minutes with names, strategy, policies, the privacy statement, an incident file. */
export async function buildBoard(t: Tenant): Promise<void> {
  const docs = 'sites/bestuur/Documenten';
  const formats: Format[] = ['docx', 'pdf', 'odt', 'md', 'rtf', 'html'];
  const meetings = ['MT-overleg 14 januari 2025', 'MT-overleg 28 januari 2025', 'MT-overleg 11 maart 2025', 'MT-overleg 25 maart 2025', 'MT-overleg 8 april 2025', 'Overleg Raad van Commissarissen 20 maart 2025', 'Overleg ondernemingsraad 3 april 2025', 'MT-overleg 6 mei 2025'];
  for (const [i, title] of meetings.entries()) {
    await addDoc(t, `${docs}/Notulen`, `notulen-${i + 1}-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`, notulen(t, title, i + 2), formats[i % formats.length]!, { label: 'generiek', documentType: 'notulen', why: 'notulen met namen van aanwezigen en wat zij zeiden' });
  }
  await addDoc(t, `${docs}/Strategie`, 'koersplan-2025-2030', STRATEGY, 'pptx', { label: 'geen', documentType: 'beleidsstuk', why: 'strategie zonder personen' });
  await addDoc(t, `${docs}/Strategie`, 'koersplan-2025-2030', STRATEGY, 'pdf', { label: 'geen', documentType: 'beleidsstuk', why: 'strategie zonder personen (pdf)' });
  await addDoc(t, `${docs}/Privacy`, 'privacyverklaring', PRIVACY_HTML, 'html', { label: 'geen', documentType: 'privacyverklaring', why: 'privacyverklaring: noemt BSN en gezondheid als categorie, zonder persoon' });
  const register: Doc = { title: 'Register van verwerkingsactiviteiten', lines: ['Artikel 30 AVG.'], table: { header: ['Verwerking', 'Categorieën betrokkenen', 'Persoonsgegevens', 'Bewaartermijn'], rows: [['Verhuur', 'huurders', 'naam, adres, inkomen, BSN', '7 jaar na einde huur'], ['Personeelsadministratie', 'medewerkers', 'naam, BSN, salaris, verzuim', '2 jaar na uitdienst'], ['Woningaanpassing', 'huurders', 'gezondheid (indicatie Wmo)', '2 jaar']] } };
  await addDoc(t, `${docs}/Privacy`, 'register-verwerkingen', register, 'xlsx', { label: 'geen', why: 'register noemt categorieën, geen personen' });
  // An integrity incident: a staff member convicted of fraud, reported to the supervisory board.
  const p = t.people[30]!;
  await addDoc(t, `${docs}/Vertrouwelijk`, 'integriteitsmelding-rvc', { title: 'Vertrouwelijk: integriteitsmelding aan de RvC', lines: [`De directeur-bestuurder meldt dat medewerker ${p.name} (personeelsnummer ${p.personnelNo}) op ${longDate(new Date('2025-02-12T00:00:00Z'))} door de politierechter is veroordeeld voor verduistering van huurpenningen tot een taakstraf van 120 uur.`, 'De arbeidsovereenkomst is beëindigd. Aangifte was gedaan door Woonstede Fictief.', 'Advies: melding aan de Autoriteit woningcorporaties.'] }, 'docx', { label: 'bijzonder', why: 'strafrechtelijke veroordeling van een genoemde medewerker (art. 10)' });
  // A saved Outlook message in the library: the director's mail about the budget (names).
  addMsg(t, `${docs}/Correspondentie/mail-gemeente-prestatieafspraken.msg`, { subject: 'Prestatieafspraken 2026', body: `Beste ${t.staff[3]!.first},\n\nDe gemeente wil de prestatieafspraken op 12 juni bespreken. Kun jij de cijfers over de nieuwbouw klaarzetten?\n\nGroet,\n${t.staff[0]!.first}`, from: t.staff[0]!, to: [{ name: t.staff[3]!.name, email: t.staff[3]!.upn }], sent: new Date('2025-05-02T08:30:00Z') }, { label: 'generiek', documentType: 'correspondentie', why: 'opgeslagen mail tussen genoemde medewerkers' });
  const eml = [`From: "${t.staff[5]!.name}" <${t.staff[5]!.upn}>`, `To: "${t.staff[0]!.name}" <${t.staff[0]!.upn}>`, 'Subject: Agenda RvC 20 maart', 'Date: Mon, 10 Mar 2025 09:00:00 +0000', 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '', `Beste ${t.staff[0]!.first},`, '', 'Hierbij de conceptagenda voor de RvC-vergadering: jaarrekening, koersplan en de benoeming van de accountant.', '', `Groet, ${t.staff[5]!.first}`, ''].join('\r\n');
  addBytes(t, `${docs}/Correspondentie/agenda-rvc-20-maart.eml`, new Uint8Array(Buffer.from(eml)), { label: 'generiek', documentType: 'correspondentie', why: 'opgeslagen mail tussen genoemde medewerkers' });
}
