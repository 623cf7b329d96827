import { addDoc, type Format, type Tenant } from '../builder.ts';
import type { Person } from '../people.ts';
import * as H from './hr-docs.ts';
import { POLICIES } from './policy-docs.ts';
import * as S from './special-docs.ts';

const ROLES = ['woonconsulent', 'medewerker verhuur', 'opzichter', 'klantadviseur', 'medewerker onderhoud', 'projectleider nieuwbouw'];
const REASONS = ['een hernia', 'griep met hoge koorts', 'een burn-out', 'een gebroken pols na een val', 'migraine', 'een longontsteking'];
const CONDITIONS = ['rugklachten na een hernia-operatie', 'een depressie', 'reumatoïde artritis', 'hartklachten'];
const OFFENCES = ['verduistering in dienstbetrekking', 'oplichting', 'diefstal'];

/** Site "hr": personnel files per employee, payroll, policies and the special-category cases. */
export async function buildHr(t: Tenant): Promise<void> {
  const { faker } = t;
  const hrAdviser = t.staff[1]!;
  const director = t.staff[0]!;
  const docs = 'sites/hr/Documenten';
  const files = 'sites/hr/Personeelsdossiers';
  const employees = t.people.slice(0, 24);
  const fmt = <T extends string>(i: number, list: T[]) => list[i % list.length]!;

  for (const [i, p] of employees.entries()) {
    const dir = `${files}/${p.last}, ${p.first}`;
    const start = faker.date.between({ from: '2012-01-01T00:00:00Z', to: '2024-06-01T00:00:00Z' });
    const withBsn = i % 3 === 0;
    await addDoc(t, dir, 'arbeidsovereenkomst', H.arbeidsovereenkomst(p, hrAdviser, start, fmt(i, ROLES), 3100 + i * 45, withBsn), fmt<Format>(i, ['docx', 'pdf', 'odt']), withBsn
      ? { label: 'bijzonder', documentType: 'arbeidsovereenkomst', why: 'arbeidsovereenkomst met het BSN van de werknemer' }
      : { label: 'generiek', documentType: 'arbeidsovereenkomst', why: 'arbeidsovereenkomst: naam, adres, geboortedatum, salaris, IBAN' });
    if (i % 2 === 0) {
      await addDoc(t, dir, `loonstrook-2025-0${(i % 9) + 1}`, H.loonstrook(p, 2025, i % 9, 3100 + i * 45), 'pdf', { label: 'bijzonder', documentType: 'loonstrook', why: 'loonstrook met BSN en salaris' });
    }
    if (i % 4 === 1) {
      await addDoc(t, dir, 'beoordelingsverslag-2024', H.beoordeling(p, hrAdviser, faker.date.between({ from: '2024-09-01T00:00:00Z', to: '2024-12-20T00:00:00Z' }), fmt(i, ['goed', 'voldoende', 'zeer goed']), 'meer structuur in de planning, eerder om hulp vragen'), fmt<Format>(i, ['docx', 'odt', 'rtf']), { label: 'generiek', documentType: 'beoordelingsverslag', why: 'beoordeling van een genoemde medewerker' });
    }
    if (i % 4 === 2) {
      const day = faker.date.between({ from: '2024-01-01T00:00:00Z', to: '2025-05-01T00:00:00Z' });
      await addDoc(t, `${dir}/Verzuim`, `ziekmelding-${i}`, H.ziekmelding(p, hrAdviser, day, fmt(i, REASONS)), fmt<Format>(i, ['docx', 'txt', 'pdf']), { label: 'bijzonder', documentType: 'ziekmelding', why: 'ziekmelding met de reden (gezondheid)' });
    }
    if (i % 6 === 3) {
      const day = faker.date.between({ from: '2024-01-01T00:00:00Z', to: '2025-02-01T00:00:00Z' });
      await addDoc(t, `${dir}/Verzuim`, 'plan-van-aanpak', H.reintegratie(p, hrAdviser, day, fmt(i, CONDITIONS)), fmt<Format>(i, ['docx', 'odt']), { label: 'bijzonder', documentType: 'ziekmelding', why: 're-integratieplan met medische beperkingen' });
      const doctor = t.people[90 + (i % 6)]!;
      await addDoc(t, `${dir}/Verzuim`, 'medische-verklaring', H.medischeVerklaring(p, doctor, day, fmt(i, CONDITIONS)), fmt<Format>(i, ['pdf', 'rtf']), { label: 'bijzonder', documentType: 'medische-brief', why: 'verklaring van de huisarts over behandeling en medicatie' });
    }
    if (i % 8 === 5) {
      await addDoc(t, dir, 'vog', H.vogAfgegeven(p, start), 'pdf', { label: 'generiek', documentType: 'vog', why: 'afgegeven VOG zonder antecedenten: naam, geboortedatum en -plaats' });
    }
  }

  const special: [string, (p: Person) => Parameters<typeof addDoc>[3], Format, string, string | undefined][] = [
    ['machtiging-vakbondscontributie', (p) => S.vakbond(p, new Date('2025-01-01T00:00:00Z')), 'pdf', 'lidmaatschap van een vakbond (art. 9)', undefined],
    ['registratie-vingerafdruk', (p) => S.biometrie(p, new Date('2024-10-14T00:00:00Z')), 'docx', 'vingerafdruktemplate voor identificatie (biometrie, art. 9)', undefined],
    ['gezichtsherkenning-toegangspas', (p) => S.gezichtsherkenning(p, new Date('2025-02-03T00:00:00Z')), 'odt', 'gezichtstemplate voor identificatie (biometrie, art. 9)', undefined],
    ['verlofaanvraag-suikerfeest', (p) => S.religieVerlof(p, hrAdviser, new Date('2025-03-24T00:00:00Z')), 'txt', 'religie van een genoemde medewerker (art. 9)', undefined],
    ['melding-nevenwerkzaamheden', (p) => S.nevenfunctie(p, new Date('2024-11-05T00:00:00Z')), 'docx', 'lidmaatschap politieke partij (politieke opvatting, art. 9)', undefined],
    ['verzoek-aanpassing-werk', (p) => S.genetisch(p, hrAdviser, new Date('2025-04-09T00:00:00Z')), 'rtf', 'erfelijke aanleg uit een DNA-test (genetische gegevens, art. 9)', 'correspondentie'],
    ['loonbeslag', (p) => S.salarisBeslag(p, new Date('2025-02-17T00:00:00Z')), 'pdf', 'schulden en loonbeslag: financiële situatie (gevoelig, niet art. 9)', undefined],
  ];
  for (const [k, [name, make, format, why, type]] of special.entries()) {
    const p = employees[(k * 5 + 2) % employees.length]!;
    const label = name === 'loonbeslag' ? 'generiek' : 'bijzonder';
    await addDoc(t, `${files}/${p.last}, ${p.first}`, name, make(p), format, { label, ...(type ? { documentType: type } : {}), why });
  }
  const confidant = `${docs}/Vertrouwenspersoon`;
  await addDoc(t, confidant, 'melding-ongewenst-gedrag', S.ongewenstGedrag(employees[4]!, employees[9]!, new Date('2025-01-22T00:00:00Z')), 'docx', { label: 'bijzonder', why: 'seksuele gerichtheid van een genoemde medewerker (art. 9)' });
  await addDoc(t, confidant, 'gespreksaantekening', S.etniciteit(employees[11]!, new Date('2025-03-11T00:00:00Z')), 'md', { label: 'bijzonder', why: 'etnische afkomst en religie van een genoemde medewerker (art. 9)' });

  for (const [i, policy] of POLICIES.entries()) {
    await addDoc(t, `${docs}/Beleid`, policy.name, policy.doc, fmt<Format>(i, ['pdf', 'docx', 'html', 'md', 'odt']), { label: 'geen', ...(policy.type ? { documentType: policy.type } : {}), why: policy.why });
  }
  void director;
}
