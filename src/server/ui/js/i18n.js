// Dutch first (the users' language); English for colleagues who prefer it. Domain words (labels, document types,
// "bijzonder") stay Dutch in both: they are the DMS's field values.
const DICT = {
  nl: {
    'nav.overview': 'Overzicht', 'nav.review': 'Beoordelen', 'nav.disposition': 'Vernietiging', 'nav.holds': 'Bewaarplichten',
    'nav.scans': 'Scans', 'nav.disposals': 'Verwijderd', 'nav.audit': 'Auditlog', signout: 'Afmelden',
    'login.title': 'Aanmelden', 'login.name': 'Gebruikersnaam', 'login.password': 'Wachtwoord', 'login.submit': 'Aanmelden',
    'login.entra': 'Aanmelden met Microsoft (Entra ID)', 'login.failed': 'Aanmelden mislukt',
    'overview.documents': 'Documenten', 'overview.errors': 'Niet leesbaar', 'overview.toReview': 'Te beoordelen',
    'overview.toReviewSpecial': 'waarvan bijzonder', 'overview.due': 'Te vernietigen', 'overview.byLabel': 'Per label',
    'overview.byType': 'Per soort document', 'overview.byCategory': 'Per categorie persoonsgegevens', 'overview.byLocation': 'Per locatie',
    'overview.startReview': 'Begin met beoordelen', 'overview.needsTrigger': 'wachten op een datum',
    'review.queue': 'Te beoordelen', 'review.all': 'Alle documenten', 'review.empty': 'Niets meer te beoordelen.',
    'review.label': 'Soort persoonsgegevens', 'review.type': 'Soort document', 'review.suggested': 'voorstel',
    'review.save': 'Opslaan & volgende', 'review.skip': 'Overslaan', 'review.findings': 'Gevonden persoonsgegevens',
    'review.hints': 'Zwakke aanwijzingen', 'review.why': 'Waarom', 'review.retention': 'Bewaartermijn', 'review.history': 'Geschiedenis',
    'review.open': 'Openen bij de bron', 'review.location': 'Locatie', 'review.keys': 'j/k volgende/vorige · 1/2/3 label · t soort · x selecteren · Enter opslaan & volgende',
    'review.saved': 'Opgeslagen', 'review.selected': 'geselecteerd', 'review.bulkConfirm': 'Geselecteerde bevestigen',
    'review.bulkLabel': 'Label voor geselecteerde', 'review.comment': 'Opmerking', 'review.status': 'Beoordeling', 'review.noRetention': 'nog niet gepland',
    'review.filterLabel': 'Alle labels', 'review.filterType': 'Alle soorten', 'review.location.filter': 'Map begint met…', 'review.count': 'documenten',
    'disp.title': 'Vernietiging (verlopen bewaartermijn)', 'disp.approve': 'Vernietiging goedkeuren', 'disp.extend': 'Verlengen tot',
    'disp.relabel': 'Herlabelen', 'disp.trigger': 'Datum zetten', 'disp.hold': 'Bewaarplicht', 'disp.empty': 'Niets te vernietigen vandaag.',
    'disp.policy': 'Beleid', 'disp.disposeAfter': 'Vernietigen na', 'disp.status': 'Status', 'disp.comment': 'Opmerking (verplicht bij goedkeuren)',
    'disp.unavailable': 'Bewaartermijnen zijn op deze server niet beschikbaar.', 'disp.purge': 'Nu opschonen (purge)', 'disp.dryRun': 'Proef (niets verwijderen)', 'disp.done': 'Verwerkt',
    'holds.title': 'Bewaarplichten (legal holds)', 'holds.place': 'Bewaarplicht op map', 'holds.release': 'Opheffen', 'holds.empty': 'Geen actieve bewaarplichten.',
    'scans.title': 'Scans', 'scans.sources': 'bronnen klaar', 'scans.targets': 'Wat scannen', 'scans.start': 'Scan starten', 'scans.stop': 'Stoppen', 'scans.running': 'Bezig',
    'scans.history': 'Eerdere scans', 'scans.errors': 'Documenten met fouten', 'scans.found': 'gevonden', 'scans.classified': 'geclassificeerd',
    'scans.skipped': 'ongewijzigd', 'scans.errorsCount': 'fouten', 'scans.done': 'Klaar', 'scans.none': 'Geen doelen ingesteld (start met --folder).',
    'disposals.title': 'Verwijderde documenten (bewijs)', 'disposals.export': 'Exporteren (CSV)', 'disposals.verify': 'Keten controleren',
    'disposals.empty': 'Nog niets verwijderd.', 'disposals.ok': 'De keten is intact', 'disposals.broken': 'De keten is verbroken bij',
    'audit.title': 'Auditlog', 'common.when': 'Wanneer', 'common.who': 'Wie', 'common.what': 'Wat', 'common.name': 'Naam', 'common.more': 'Meer',
    'common.error': 'Fout', 'common.none': 'geen',
  },
  en: {
    'nav.overview': 'Overview', 'nav.review': 'Review', 'nav.disposition': 'Disposition', 'nav.holds': 'Holds',
    'nav.scans': 'Scans', 'nav.disposals': 'Disposed', 'nav.audit': 'Audit log', signout: 'Sign out',
    'login.title': 'Sign in', 'login.name': 'User name', 'login.password': 'Password', 'login.submit': 'Sign in',
    'login.entra': 'Sign in with Microsoft (Entra ID)', 'login.failed': 'Sign-in failed',
    'overview.documents': 'Documents', 'overview.errors': 'Unreadable', 'overview.toReview': 'To review',
    'overview.toReviewSpecial': 'of which bijzonder', 'overview.due': 'Due for disposal', 'overview.byLabel': 'By label',
    'overview.byType': 'By document type', 'overview.byCategory': 'By category of personal data', 'overview.byLocation': 'By location',
    'overview.startReview': 'Start reviewing', 'overview.needsTrigger': 'waiting for a date',
    'review.queue': 'To review', 'review.all': 'All documents', 'review.empty': 'Nothing left to review.',
    'review.label': 'Kind of personal data', 'review.type': 'Document type', 'review.suggested': 'suggested',
    'review.save': 'Save & next', 'review.skip': 'Skip', 'review.findings': 'Personal data found',
    'review.hints': 'Weak hints', 'review.why': 'Why', 'review.retention': 'Retention', 'review.history': 'History',
    'review.open': 'Open at the source', 'review.location': 'Location', 'review.keys': 'j/k next/previous · 1/2/3 label · t type · x select · Enter save & next',
    'review.saved': 'Saved', 'review.selected': 'selected', 'review.bulkConfirm': 'Confirm selected',
    'review.bulkLabel': 'Label for selected', 'review.comment': 'Comment', 'review.status': 'Review', 'review.noRetention': 'not scheduled yet',
    'review.filterLabel': 'All labels', 'review.filterType': 'All types', 'review.location.filter': 'Folder starts with…', 'review.count': 'documents',
    'disp.title': 'Disposition (retention expired)', 'disp.approve': 'Approve disposal', 'disp.extend': 'Extend until',
    'disp.relabel': 'Relabel', 'disp.trigger': 'Set date', 'disp.hold': 'Hold', 'disp.empty': 'Nothing due today.',
    'disp.policy': 'Policy', 'disp.disposeAfter': 'Dispose after', 'disp.status': 'Status', 'disp.comment': 'Comment (required to approve)',
    'disp.unavailable': 'Retention is not available on this server.', 'disp.purge': 'Purge now', 'disp.dryRun': 'Dry run (delete nothing)', 'disp.done': 'Done',
    'holds.title': 'Legal holds', 'holds.place': 'Hold on a folder', 'holds.release': 'Release', 'holds.empty': 'No active holds.',
    'scans.title': 'Scans', 'scans.sources': 'sources done', 'scans.targets': 'What to scan', 'scans.start': 'Start scan', 'scans.stop': 'Stop', 'scans.running': 'Running',
    'scans.history': 'Earlier scans', 'scans.errors': 'Documents with errors', 'scans.found': 'found', 'scans.classified': 'classified',
    'scans.skipped': 'unchanged', 'scans.errorsCount': 'errors', 'scans.done': 'Done', 'scans.none': 'No targets configured (start with --folder).',
    'disposals.title': 'Disposed documents (proof)', 'disposals.export': 'Export (CSV)', 'disposals.verify': 'Verify chain',
    'disposals.empty': 'Nothing disposed yet.', 'disposals.ok': 'The chain is intact', 'disposals.broken': 'The chain is broken at',
    'audit.title': 'Audit log', 'common.when': 'When', 'common.who': 'Who', 'common.what': 'What', 'common.name': 'Name', 'common.more': 'More',
    'common.error': 'Error', 'common.none': 'none',
  },
};

let lang = localStorage.getItem('bewaarder.lang') === 'en' ? 'en' : 'nl';

export function t(key) {
  return DICT[lang][key] ?? DICT.nl[key] ?? key;
}

export function language() {
  return lang;
}

export function setLanguage(next) {
  lang = next === 'en' ? 'en' : 'nl';
  localStorage.setItem('bewaarder.lang', lang);
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);
}
