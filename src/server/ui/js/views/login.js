import { api } from '../api.js';
import { clear, h } from '../dom.js';
import { t } from '../i18n.js';

export async function loginView(view, done) {
  const options = await api('/auth-options').catch(() => ({ entra: false }));
  const error = h('p', { class: 'error', role: 'alert' });
  const name = h('input', { id: 'login-name', name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const form = h('form', { class: 'login card', onsubmit: async (event) => {
    event.preventDefault();
    error.textContent = '';
    try {
      done(await api('/session', { method: 'POST', body: { name: name.value, password: password.value } }));
    } catch (e) {
      error.textContent = `${t('login.failed')}: ${e.message}`;
      password.value = '';
      password.focus();
    }
  } },
    h('h1', {}, t('login.title')),
    h('label', { for: 'login-name' }, t('login.name')), name,
    h('label', { for: 'login-password' }, t('login.password')), password,
    h('button', { type: 'submit', class: 'primary' }, t('login.submit')),
    options.entra ? h('a', { class: 'button', href: '/auth/entra' }, t('login.entra')) : null,
    error);
  clear(view, form);
  name.focus();
}
