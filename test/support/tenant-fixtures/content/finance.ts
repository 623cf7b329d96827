import { addDoc, type Format, type Tenant } from '../builder.ts';
import type { Doc } from '../formats/index.ts';
import { dottedBsn, spacedIban } from '../ids.ts';
import { shortDate } from '../people.ts';
import { invoiceB2B, invoicePrivate } from './business-docs.ts';

/** Site "financien": invoices both ways, budgets, payroll summaries, direct-debit lists, manuals. */
export async function buildFinance(t: Tenant): Promise<void> {
  const docs = 'sites/financien/Documenten';
  const invoices = 'sites/financien/Facturen';
  for (let i = 0; i < 12; i++) {
    const inv = invoiceB2B(t, i);
    await addDoc(t, `${invoices}/Inkoop 2025`, inv.name, inv.doc, (['pdf', 'pdf', 'docx', 'odt'] as Format[])[i % 4]!, { label: 'geen', documentType: 'factuur', why: 'factuur tussen bedrijven: KvK, btw en bedrijfsrekening, geen persoon' });
  }
  for (let i = 0; i < 10; i++) {
    const p = t.people[48 + i]!;
    const inv = invoicePrivate(t, p, i);
    await addDoc(t, `${invoices}/Verkoop 2025`, inv.name, inv.doc, (['pdf', 'docx', 'rtf'] as Format[])[i % 3]!, { label: 'generiek', documentType: 'factuur', why: 'factuur aan een huurder: naam, adres, IBAN' });
  }
  const tenants = t.people.slice(48, 68);
  const incasso: Doc = { title: 'Incassobestand huur april 2025', lines: ['Export uit het huursysteem voor de SEPA-incasso.'], table: { header: ['Naam', 'Adres', 'IBAN', 'Bedrag', 'Machtigingskenmerk'], rows: tenants.map((p, i) => [p.name, `${p.street}, ${p.city}`, p.iban, `${(712 + i * 13).toFixed(2).replace('.', ',')}`, `WSF-${4100 + i}`]) } };
  await addDoc(t, `${docs}/Incasso`, 'incasso-huur-2025-04', incasso, 'csv', { label: 'generiek', why: 'lijst van huurders met naam, adres, IBAN en bedrag' });
  await addDoc(t, `${docs}/Incasso`, 'incasso-huur-2025-05', { ...incasso, title: 'Incassobestand huur mei 2025' }, 'xlsx', { label: 'generiek', why: 'lijst van huurders met naam, adres, IBAN en bedrag' });
  const arrears: Doc = { title: 'Overzicht huurachterstanden Q1 2025', lines: ['Huurders met een achterstand van twee maanden of meer; doorgestuurd aan de schuldhulpverlening na toestemming.'], table: { header: ['Huurder', 'Adres', 'Achterstand', 'Regeling'], rows: tenants.slice(0, 8).map((p, i) => [p.name, p.street, `€ ${1400 + i * 210}`, i % 2 ? 'betalingsregeling' : 'deurwaarder'] ) } };
  await addDoc(t, `${docs}/Debiteuren`, 'huurachterstanden-q1-2025', arrears, 'xlsx', { label: 'generiek', documentType: 'financieel-overzicht', why: 'schulden van genoemde huurders (financiële situatie, gevoelig)' });
  const staff = t.people.slice(0, 18);
  const payroll: Doc = { title: 'Salarisoverzicht maart 2025', lines: ['Journaalpost loonadministratie, alleen voor salarisadministratie en controller.'], table: { header: ['Personeelsnummer', 'Naam', 'BSN', 'Bruto', 'Loonheffing', 'IBAN'], rows: staff.map((p, i) => [p.personnelNo, p.name, dottedBsn(p.bsn), 3100 + i * 45, Math.round((3100 + i * 45) * 0.21), spacedIban(p.iban)]) } };
  await addDoc(t, `${docs}/Salarisadministratie`, 'salarisoverzicht-2025-03', payroll, 'xlsx', { label: 'bijzonder', documentType: 'loonstrook', why: 'salarislijst met BSN per medewerker' });
  const budget: Doc = { title: 'Begroting 2026', lines: ['Meerjarenbegroting exploitatie, vastgesteld door de Raad van Commissarissen.'], table: { header: ['Post', 'Begroting 2025', 'Begroting 2026'], rows: [['Huuropbrengsten', 48200000, 50100000], ['Onderhoudskosten', 14100000, 15300000], ['Personeelskosten', 5200000, 5450000], ['Rentelasten', 6100000, 6400000], ['Verduurzaming', 7800000, 9200000], ['Resultaat', 3400000, 2900000]] } };
  await addDoc(t, `${docs}/Begroting`, 'begroting-2026', budget, 'xlsx', { label: 'geen', documentType: 'financieel-overzicht', why: 'begroting van de organisatie zonder personen' });
  await addDoc(t, `${docs}/Begroting`, 'begroting-2026-toelichting', { title: 'Toelichting begroting 2026', lines: ['De huuropbrengsten stijgen door de huurverhoging van 4,5% en de oplevering van 60 nieuwbouwwoningen.', 'De onderhoudskosten stijgen door de verduurzaming van 400 woningen naar label B.', 'Het resultaat blijft positief; de solvabiliteit voldoet aan de norm van de Autoriteit woningcorporaties.'] }, 'pptx', { label: 'geen', documentType: 'financieel-overzicht', why: 'presentatie van cijfers zonder personen' });
  const q: Doc = { title: 'Kwartaalrapportage Q1 2025', lines: ['Realisatie ten opzichte van de begroting per kostensoort.'], table: { header: ['Kostensoort', 'Begroot', 'Realisatie', 'Verschil'], rows: [['Planmatig onderhoud', 3500000, 3310000, -190000], ['Mutatieonderhoud', 900000, 1020000, 120000], ['Automatisering', 410000, 395000, -15000]] } };
  await addDoc(t, `${docs}/Rapportages`, 'kwartaalrapportage-q1-2025', q, 'xlsx', { label: 'geen', documentType: 'financieel-overzicht', why: 'cijfers van de organisatie' });
  await addDoc(t, `${docs}/Rapportages`, 'kwartaalrapportage-q1-2025', q, 'csv', { label: 'geen', documentType: 'financieel-overzicht', why: 'cijfers van de organisatie (CSV-export)' });
  await addDoc(t, `${docs}/Handleidingen`, 'handleiding-boekhoudpakket', { title: 'Handleiding inkoopfacturen boeken', lines: ['Stap 1: open het menu Crediteuren en klik op Nieuwe factuur.', 'Stap 2: selecteer de leverancier en controleer het IBAN tegen de stamgegevens.', 'Stap 3: kies de kostenplaats en het btw-tarief.', 'Stap 4: stuur de factuur ter goedkeuring naar de budgethouder.', 'Let op: facturen boven € 10.000 vereisen een tweede handtekening.'] }, 'docx', { label: 'geen', documentType: 'handleiding', why: 'werkinstructie zonder persoonsgegevens' });
  const suppliers: Doc = { title: 'Crediteurenlijst', lines: ['Stamgegevens leveranciers.'], table: { header: ['Leverancier', 'KvK', 'IBAN', 'Betaaltermijn'], rows: [0, 1, 2, 3].map((i) => { const s = invoiceB2B(t, i); return [s.supplier, s.doc.lines[1]!.slice(4, 12), s.doc.lines.at(-1)!.match(/NL\d\d [A-Z]{4}(?: \d{4}){2} \d\d/)?.[0] ?? '', '30 dagen']; }) } };
  await addDoc(t, `${docs}/Crediteuren`, 'crediteurenlijst', suppliers, 'xlsx', { label: 'geen', why: 'stamgegevens van bedrijven (KvK, bedrijfsrekening)' });
  void shortDate;
}
