import { api } from '../api.js';
import { clear, formatDate, h } from '../dom.js';
import { t } from '../i18n.js';

// The proof of disposal: what, when, who approved, under which policy — kept after the document is gone.
export async function disposalsView(view) {
  let data;
  try {
    data = await api('/disposals?limit=1000');
  } catch (e) {
    clear(view, h('h1', {}, t('disposals.title')), h('p', { class: 'muted' }, e.status === 503 ? t('disp.unavailable') : e.message));
    return;
  }
  const verdict = h('span', { id: 'chain-verdict' });
  clear(view, h('h1', {}, t('disposals.title')),
    h('p', {}, h('a', { class: 'button', href: '/api/v1/disposals.csv', download: '' }, t('disposals.export')), ' ',
      h('button', { type: 'button', onclick: async () => {
        const v = await api('/disposals/verify');
        verdict.textContent = v.ok ? `${t('disposals.ok')} (${v.entries})` : `${t('disposals.broken')} #${v.broken?.seq}: ${v.broken?.reason}`;
      } }, t('disposals.verify')), ' ', verdict),
    data.disposals.length ? h('table', { id: 'disposals' },
      h('thead', {}, h('tr', {}, ['#', t('common.when'), 'Map', 'Soort', 'Label', t('disp.policy'), t('disp.disposeAfter'), 'Goedgekeurd door'].map((c) => h('th', {}, c)))),
      h('tbody', {}, data.disposals.map((d) => h('tr', {}, h('td', {}, String(d.seq)), h('td', {}, formatDate(d.deletedAt)), h('td', {}, `${d.sourceRoot}/${d.folder}`),
        h('td', {}, d.documentType), h('td', {}, h('span', { class: `badge label-${d.label}` }, d.label)), h('td', {}, d.policyId), h('td', {}, d.disposeAfter),
        h('td', {}, d.approvers.map((a) => a.actor).join(', ')))))) : h('p', { class: 'muted' }, t('disposals.empty')));
}
