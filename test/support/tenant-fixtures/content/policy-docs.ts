import type { Doc } from '../formats/index.ts';

/** Documents ABOUT personal data, health or the BSN that hold none (the hard negatives), and plain policy. */
export const POLICIES: { name: string; type: string; why: string; doc: Doc }[] = [
  { name: 'verzuimprotocol-2025', type: 'beleidsstuk', why: 'verzuimbeleid: beschrijft de procedure bij ziekte, noemt geen medewerker', doc: { title: 'Verzuimprotocol 2025', lines: [
    'Dit protocol beschrijft wat medewerkers en leidinggevenden doen bij ziekte.', '',
    '1. Ziekmelding: de medewerker meldt zich vóór 9.00 uur telefonisch ziek bij de leidinggevende. Vragen naar de aard van de ziekte is niet toegestaan.',
    '2. De leidinggevende meldt het verzuim binnen één werkdag aan de arbodienst.',
    '3. Bij verzuim langer dan zes weken stelt de bedrijfsarts een probleemanalyse op; werkgever en werknemer maken samen een plan van aanpak (Wet verbetering poortwachter).',
    '4. Medische gegevens worden alleen door de bedrijfsarts verwerkt en nooit in het personeelsdossier bewaard.',
    '5. Herstelmelding: de medewerker meldt zich beter bij de leidinggevende.', '', 'Vastgesteld door de directeur-bestuurder, januari 2025.'] } },
  { name: 'privacyverklaring-personeel', type: 'privacyverklaring', why: 'privacyverklaring: noemt categorieën (BSN, gezondheid) zonder gegevens over een persoon', doc: { title: 'Privacyverklaring voor medewerkers', lines: [
    'Woonstede Fictief is verwerkingsverantwoordelijke voor de persoonsgegevens van haar medewerkers.',
    'Wij verwerken uw naam, adres, geboortedatum, bankrekeningnummer en burgerservicenummer (BSN) voor de salarisadministratie; de grondslag is een wettelijke verplichting.',
    'Gegevens over uw gezondheid verwerken wij alleen voor zover de Wet verbetering poortwachter dat vereist, via de bedrijfsarts.',
    'Bewaartermijn: het personeelsdossier tot twee jaar na uitdiensttreding, de loonadministratie zeven jaar.',
    'Rechten van betrokkenen: u kunt inzage, correctie of verwijdering vragen bij de functionaris gegevensbescherming via privacy@woonstede-fictief.nl.',
    'U kunt een klacht indienen bij de Autoriteit Persoonsgegevens.'] } },
  { name: 'artikel-bsn-gebruik-door-werkgevers', type: '', why: 'vakartikel over het BSN: geen nummer van een persoon', doc: { title: 'Wanneer mag een werkgever het BSN gebruiken?', lines: [
    'Het burgerservicenummer is een uniek persoonsnummer dat iedere ingeschreven inwoner van Nederland krijgt.',
    'Volgens artikel 46 van de Uitvoeringswet AVG mag een organisatie het BSN alleen gebruiken als een wet dat voorschrijft. Een werkgever moet het BSN vastleggen voor de loonaangifte.',
    'Een kopie van een identiteitsbewijs mag een werkgever bewaren voor de loonadministratie, maar het BSN op een kopie voor andere doelen moet worden afgeschermd.',
    'Tip: gebruik de KopieID-app van de Rijksoverheid om een veilige kopie te maken.'] } },
  { name: 'artikel-burn-out-preventie', type: '', why: 'artikel over burn-out in het algemeen, noemt geen persoon', doc: { title: 'Burn-out voorkomen: tips voor teams', lines: [
    'Burn-out is een van de meest voorkomende oorzaken van langdurig verzuim in Nederland.',
    'Signalen zijn vermoeidheid, slecht slapen, concentratieproblemen en prikkelbaarheid.',
    'Leidinggevenden kunnen helpen door werkdruk bespreekbaar te maken en tijdig de bedrijfsarts in te schakelen.',
    'Bron: nieuwsbrief arbodienst, voorjaar 2025.'] } },
  { name: 'informatiebeveiligingsbeleid', type: 'beleidsstuk', why: 'beleid informatiebeveiliging zonder persoonsgegevens', doc: { title: 'Informatiebeveiligingsbeleid Woonstede Fictief', lines: [
    'Doelstelling: de beschikbaarheid, integriteit en vertrouwelijkheid van informatie waarborgen.',
    'Reikwijdte: alle systemen, medewerkers en leveranciers van Woonstede Fictief.',
    'Verantwoordelijkheden: de directie stelt het beleid vast; de CISO bewaakt de uitvoering.',
    'Wachtwoorden zijn minimaal 14 tekens; multifactorauthenticatie is verplicht.',
    'Datalekken worden binnen 24 uur gemeld bij de functionaris gegevensbescherming.'] } },
  { name: 'vacature-woonconsulent', type: 'cv-sollicitatie', why: 'vacaturetekst: beschrijft een functie, noemt geen sollicitant', doc: { title: 'Vacature woonconsulent (32-36 uur)', lines: [
    'Woonstede Fictief zoekt een woonconsulent die huurders begeleidt bij problemen met de woning en de buurt.',
    'Wat vragen wij: hbo-niveau, ervaring met huurdersbegeleiding, rijbewijs B.',
    'Wat bieden wij: salaris schaal H van de Cao Woondiensten, een laptop en flexibele werktijden.',
    'Solliciteren kan tot 1 maart via werkenbij@woonstede-fictief.nl.'] } },
  { name: 'regeling-thuiswerken', type: 'beleidsstuk', why: 'regeling voor alle medewerkers zonder persoonsgegevens', doc: { title: 'Regeling thuiswerken', lines: [
    'Medewerkers mogen in overleg met hun leidinggevende maximaal drie dagen per week thuiswerken.',
    'De werkgever vergoedt € 2,35 per thuiswerkdag en verstrekt een bureaustoel op aanvraag.',
    'Vertrouwelijke documenten worden niet geprint bij thuiswerken.'] } },
  { name: 'werkinstructie-indiensttreding', type: 'handleiding', why: 'werkinstructie: stappen voor een nieuwe medewerker, zonder gegevens van een persoon', doc: { title: 'Werkinstructie indiensttreding', lines: [
    'Stap 1: vraag de nieuwe medewerker een geldig identiteitsbewijs te tonen; maak de kopie met de KopieID-app.',
    'Stap 2: leg het BSN vast in het salarispakket (menu Personeel > Nieuw).',
    'Stap 3: vraag een VOG aan via de website van Justis met screeningsprofiel 45.',
    'Stap 4: selecteer de juiste cao-schaal en klik op Opslaan.'] } },
];
