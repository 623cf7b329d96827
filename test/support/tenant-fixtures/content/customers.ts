import JSZip from 'jszip';
import { addBytes, addDoc, type Format, render, type Tenant } from '../builder.ts';
import { ZIP_DATE } from '../formats/doc.ts';
import type { Doc } from '../formats/index.ts';
import { dottedBsn, spacedIban } from '../ids.ts';
import { longDate, type Person, shortDate } from '../people.ts';
import { addressBlock, greeting, ORG_FOOTER, signOff } from './org-text.ts';

const huurcontract = (p: Person, rent: number, start: Date): Doc => ({ title: `Huurovereenkomst woonruimte ${p.street}`, lines: [`Verhuurder: Woonstede Fictief`, `Huurder: ${p.name}, geboren ${longDate(p.birth)}`, `Gehuurde: ${p.street}, ${p.postcode} ${p.city}`, `Ingangsdatum: ${longDate(start)}`, `Kale huur: € ${rent},00 per maand; servicekosten € 38,00`, `Betaling via automatische incasso van rekening ${spacedIban(p.iban)}.`, 'Op deze overeenkomst zijn de algemene huurvoorwaarden van toepassing.', '', `Handtekening huurder: ${p.name}`] });
const klacht = (p: Person, by: string, field: string): Doc => ({ title: `Klachtregistratie ${p.name}`, lines: [`Klager: ${p.name}, ${p.street}, ${p.city}`, `Telefoon: ${p.phone}`, 'Klacht: schimmel in de slaapkamer, eerder gemeld in januari; nog geen reactie ontvangen.', `${field}: ${by}`, 'Afspraak: inspectie door de opzichter binnen tien werkdagen.'] });
const urgentie = (p: Person): Doc => ({ title: 'Aanvraag medische urgentie', lines: [...addressBlock(p), '', `Aanvrager: ${p.name}, geboren ${longDate(p.birth)}`, `Reden: de aanvrager heeft multiple sclerose en is rolstoelafhankelijk; de huidige woning op drie hoog zonder lift is niet meer bereikbaar.`, 'Bijgevoegd: indicatie van de ergotherapeut en verklaring van de neuroloog.', 'Advies medisch adviseur: urgentie toekennen voor een gelijkvloerse woning.'] });
const wmo = (p: Person): Doc => ({ title: 'Woningaanpassing Wmo', lines: [`Huurder: ${p.name}, ${p.street}`, `De gemeente heeft voor ${p.first} ${p.last} een traplift en een verhoogd toilet toegekend in verband met artrose in beide knieën.`, 'Uitvoering door de aannemer in week 23; de huurder is akkoord.'] });
const pv = (p: Person): Doc => ({ title: 'Proces-verbaal van aangifte (afschrift)', lines: ['Politie eenheid Midden-Nederland, district Eemland', `Proces-verbaalnummer: PL0900-2025${String(p.birth.getUTCFullYear()).slice(2)}4417`, '', `Verdachte: ${p.name}, geboren ${shortDate(p.birth)}, wonende ${p.street}, ${p.city}.`, 'Feit: bedreiging van een medewerker van Woonstede Fictief en vernieling van de voordeur van de buren op 3 februari 2025 (artikel 285 en 350 Wetboek van Strafrecht).', 'De verdachte is aangehouden en heeft een verklaring afgelegd.', '', 'Afschrift ten behoeve van het overlastdossier van de verhuurder.'] });
const inkomen = (p: Person): Doc => ({ title: 'Inkomensverklaring woningtoewijzing', lines: [`Naam: ${p.name}`, `BSN: ${dottedBsn(p.bsn)}`, `Verzamelinkomen 2024: € ${32000 + (p.bsn.charCodeAt(3) % 9) * 1100}`, 'Huishoudgrootte: 2 personen', 'Bron: Belastingdienst, inkomensverklaring (IBRI).'] });
const contact = (people: Person[]): Doc => ({ title: 'Contactlijst bewonerscommissie Soesterkwartier', lines: ['Alleen voor intern gebruik.'], table: { header: ['Naam', 'Adres', 'Telefoon', 'E-mail', 'Rol'], rows: people.map((p, i) => [p.name, p.street, p.phone, p.privateMail, i === 0 ? 'voorzitter' : i === 1 ? 'secretaris' : 'lid']) } });

/** Site "klantcontact": tenants' files (contracts, complaints, urgency, nuisance) and the public-facing material. */
export async function buildCustomers(t: Tenant): Promise<void> {
  const docs = 'sites/klantcontact/Documenten';
  const files = 'sites/klantcontact/Huurdersdossiers';
  const tenants = t.people.slice(48, 70);
  const fmt: Format[] = ['pdf', 'docx', 'odt', 'rtf'];
  for (const [i, p] of tenants.entries()) {
    const dir = `${files}/${p.street.replace(/[^A-Za-z0-9 ]/g, '')}`;
    await addDoc(t, dir, 'huurovereenkomst', huurcontract(p, 610 + i * 12, new Date(Date.UTC(2016 + (i % 8), i % 12, 1))), fmt[i % 4]!, { label: 'generiek', documentType: 'contract', why: 'huurovereenkomst: naam, geboortedatum, adres, IBAN' });
    if (i % 3 === 0) await addDoc(t, dir, 'klacht', klacht(p, t.staff[6]!.name, i % 2 ? 'Behandelaar' : 'Contactpersoon klantcontact'), (['txt', 'md', 'docx'] as Format[])[(i / 3) % 3]!, { label: 'generiek', why: 'klacht van een genoemde huurder met contactgegevens' });
    if (i % 5 === 1) await addDoc(t, dir, 'inkomensverklaring', inkomen(p), 'pdf', { label: 'bijzonder', why: 'inkomensverklaring met BSN' });
  }
  await addDoc(t, `${files}/${tenants[2]!.street.replace(/[^A-Za-z0-9 ]/g, '')}`, 'aanvraag-medische-urgentie', urgentie(tenants[2]!), 'docx', { label: 'bijzonder', why: 'ziekte en rolstoelgebruik van een genoemde huurder (gezondheid)' });
  await addDoc(t, `${files}/${tenants[4]!.street.replace(/[^A-Za-z0-9 ]/g, '')}`, 'woningaanpassing-wmo', wmo(tenants[4]!), 'odt', { label: 'bijzonder', why: 'aandoening van een genoemde huurder (gezondheid)' });
  const nuisance = tenants[7]!;
  const dir = `${files}/${nuisance.street.replace(/[^A-Za-z0-9 ]/g, '')}/Overlast`;
  await addDoc(t, dir, 'proces-verbaal-aangifte', pv(nuisance), 'pdf', { label: 'bijzonder', why: 'proces-verbaal met een genoemde verdachte (strafrechtelijk, art. 10)' });
  // A ZIP export of one tenant's file: the contract and the police report.
  const zip = new JSZip();
  zip.file('dossier/huurovereenkomst.pdf', await render(huurcontract(nuisance, 700, new Date('2019-04-01T00:00:00Z')), 'pdf'), { date: ZIP_DATE, createFolders: false });
  zip.file('dossier/proces-verbaal.txt', await render(pv(nuisance), 'txt'), { date: ZIP_DATE, createFolders: false });
  addBytes(t, `${dir}/export-overlastdossier.zip`, new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })), { label: 'bijzonder', why: 'ZIP met een proces-verbaal over een genoemde verdachte (art. 10)' });
  await addDoc(t, docs, 'contactlijst-bewonerscommissie', contact(t.people.slice(72, 80)), 'csv', { label: 'generiek', why: 'namen, adressen, telefoonnummers en e-mail van bewoners' });
  await addDoc(t, docs, 'contactlijst-bewonerscommissie', contact(t.people.slice(72, 80)), 'xlsx', { label: 'generiek', why: 'namen, adressen, telefoonnummers en e-mail van bewoners' });
  const geen = (why: string, documentType?: string) => ({ label: 'geen' as const, ...(documentType ? { documentType } : {}), why });
  await addDoc(t, docs, 'handleiding-klantportaal', { title: 'Handleiding klantportaal', lines: ['Stap 1: ga naar mijn.woonstede-fictief.nl en klik op Inloggen.', 'Stap 2: kies Reparatieverzoek in het menu.', 'Stap 3: selecteer de ruimte en beschrijf het probleem.', 'Stap 4: kies een datum voor de afspraak en klik op Verzenden.'] }, 'pdf', geen('handleiding zonder persoonsgegevens', 'handleiding'));
  await addDoc(t, docs, 'nieuwsbrief-bewoners-voorjaar', { title: 'Bewonersnieuws voorjaar 2025', lines: ['De renovatie van de galerijflats aan de Bergstraat start in mei.', 'Tip: ventileer dagelijks om schimmel te voorkomen.', 'Het klantportaal heeft een nieuwe functie voor het doorgeven van storingen.', 'Vragen? Bel ons op 033-7001234 of mail naar info@woonstede-fictief.nl.'] }, 'html', geen('nieuwsbrief met algemene contactgegevens'));
  await addDoc(t, docs, 'klachtenregeling', { title: 'Klachtenregeling huurders', lines: ['Een klacht kan schriftelijk of via het klantportaal worden ingediend.', 'Wij reageren binnen tien werkdagen.', 'Bent u niet tevreden, dan kunt u naar de Huurcommissie.'] }, 'md', geen('regeling zonder persoonsgegevens', 'beleidsstuk'));
  await addDoc(t, docs, 'toewijzingsbeleid', { title: 'Toewijzingsbeleid sociale huurwoningen', lines: ['Uitgangspunten: passend toewijzen op basis van inkomen en huishoudgrootte.', 'Urgentie: bij medische noodzaak beoordeelt een onafhankelijk medisch adviseur de aanvraag.', 'Woningzoekenden tonen hun inkomen met een inkomensverklaring van de Belastingdienst.'] }, 'docx', geen('beleid: noemt medische urgentie in het algemeen, geen persoon', 'beleidsstuk'));
  await addDoc(t, docs, 'brief-huurverhoging-sjabloon', { title: 'Sjabloon brief huurverhoging', lines: ['[Naam huurder]', '[Adres]', '', 'Geachte [aanhef],', '', 'Per 1 juli 2025 wordt uw kale huur verhoogd met 4,5%. De nieuwe huur bedraagt [bedrag].', 'Bent u het niet eens met de verhoging, dan kunt u voor 1 juli bezwaar maken.', ...signOff('[naam medewerker]', 'Klantcontact')] }, 'docx', geen('sjabloon met invulvelden, geen persoon', 'correspondentie'));
  void greeting; void ORG_FOOTER;
}
