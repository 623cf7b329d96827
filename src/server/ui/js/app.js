import { api, setCsrf, whenSignedOut } from './api.js';
import { clear, h } from './dom.js';
import { language, setLanguage, t } from './i18n.js';
import { auditView } from './views/audit.js';
import { dispositionView, holdsView } from './views/disposition.js';
import { disposalsView } from './views/disposals.js';
import { loginView } from './views/login.js';
import { overviewView } from './views/overview.js';
import { reviewView } from './views/review.js';
import { scansView } from './views/scans.js';

const ROUTES = {
  overzicht: overviewView,
  beoordelen: reviewView,
  vernietiging: dispositionView,
  holds: holdsView,
  scans: scansView,
  verwijderd: disposalsView,
  audit: auditView,
};

const session = { me: null };
let cleanup = null;

function may(permission) {
  return session.me?.permissions.includes(permission) ?? false;
}

async function route() {
  const view = document.getElementById('view');
  if (cleanup) cleanup();
  cleanup = null;
  if (!session.me) return;
  const name = location.hash.replace(/^#\//, '').split('/')[0] || 'overzicht';
  const render = ROUTES[name] ?? overviewView;
  for (const a of document.querySelectorAll('#nav a')) a.classList.toggle('active', a.getAttribute('href') === `#/${name}`);
  clear(view);
  try {
    cleanup = (await render(view, { may, me: session.me })) ?? null;
  } catch (error) {
    clear(view, h('p', { class: 'error' }, `${t('common.error')}: ${error.message}`));
  }
}

function signedIn(me) {
  session.me = me;
  setCsrf(me.csrfToken);
  document.getElementById('nav').hidden = false;
  document.getElementById('signout').hidden = false;
  for (const a of document.querySelectorAll('#nav a[data-permission]')) a.hidden = !may(a.dataset.permission);
  document.getElementById('who').textContent = `${me.account.displayName} · ${me.account.role}`;
  route();
}

function signedOut() {
  session.me = null;
  setCsrf('');
  document.getElementById('nav').hidden = true;
  document.getElementById('signout').hidden = true;
  document.getElementById('who').textContent = '';
  if (cleanup) cleanup();
  cleanup = null;
  loginView(document.getElementById('view'), signedIn);
}

async function boot() {
  setLanguage(language());
  document.getElementById('lang').textContent = language() === 'nl' ? 'English' : 'Nederlands';
  document.getElementById('lang').addEventListener('click', () => {
    setLanguage(language() === 'nl' ? 'en' : 'nl');
    document.getElementById('lang').textContent = language() === 'nl' ? 'English' : 'Nederlands';
    if (session.me) route();
    else signedOut();
  });
  document.getElementById('signout').addEventListener('click', async () => {
    const entra = session.me?.account.kind === 'entra';
    await api('/session', { method: 'DELETE' }).catch(() => {});
    // An Entra ID session ends at Microsoft too, which sends the browser back to the start page.
    if (entra) window.location.assign('/auth/signout');
    else signedOut();
  });
  whenSignedOut(signedOut);
  window.addEventListener('hashchange', route);
  try {
    signedIn(await api('/session'));
  } catch {
    signedOut();
  }
}

boot();
