import { api } from '../api.js';
import { clear, formatDate, h } from '../dom.js';
import { t } from '../i18n.js';

export async function auditView(view) {
  const { entries } = await api('/audit?limit=5000');
  const recent = entries.slice(-500).reverse();
  clear(view, h('h1', {}, t('audit.title')), h('table', { class: 'audit' },
    h('thead', {}, h('tr', {}, h('th', {}, t('common.when')), h('th', {}, t('common.who')), h('th', {}, t('common.what')), h('th', {}, ''))),
    h('tbody', {}, recent.map((e) => h('tr', {}, h('td', {}, formatDate(e.at)), h('td', {}, e.actor), h('td', {}, e.action), h('td', { class: 'muted' }, e.subject ?? ''))))));
}
