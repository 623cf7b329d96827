import { api } from '../api.js';
import { clear, h } from '../dom.js';
import { t } from '../i18n.js';
import { barChart } from './charts.js';

const entries = (record) => Object.entries(record ?? {}).sort((a, b) => b[1] - a[1]);
const labelClass = (name) => (['geen', 'generiek', 'bijzonder'].includes(name) ? `label-${name}` : '');

export async function overviewView(view) {
  const stats = await api('/stats');
  const tile = (title, value, extra, href) =>
    h(href ? 'a' : 'div', { class: 'tile', href }, h('span', { class: 'tile-value' }, String(value)), h('span', { class: 'tile-title' }, title), extra ? h('span', { class: 'tile-extra' }, extra) : null);
  clear(view,
    h('section', { class: 'tiles' },
      tile(t('overview.documents'), stats.documents),
      tile(t('overview.toReview'), stats.review.unreviewed, `${stats.review.unreviewedBijzonder} ${t('overview.toReviewSpecial')}`, '#/beoordelen'),
      tile(t('overview.due'), stats.due ? stats.due.documents : '—', stats.due ? `${stats.due.needsTrigger} ${t('overview.needsTrigger')}` : null, '#/vernietiging'),
      tile(t('overview.errors'), stats.errors, null, '#/scans')),
    h('p', {}, h('a', { class: 'button primary', href: '#/beoordelen' }, t('overview.startReview'))),
    h('section', { class: 'charts' },
      h('div', { class: 'card' }, h('h2', {}, t('overview.byLabel')), barChart(entries(stats.byLabel), { labelClass })),
      h('div', { class: 'card' }, h('h2', {}, t('overview.byType')), barChart(entries(stats.byType))),
      h('div', { class: 'card' }, h('h2', {}, t('overview.byCategory')), barChart(entries(stats.byCategory))),
      h('div', { class: 'card' }, h('h2', {}, t('overview.byLocation')), barChart(stats.byLocation.map((l) => [l.location, l.documents]))),
      stats.due?.byPolicy.length ? h('div', { class: 'card' }, h('h2', {}, t('overview.due')), barChart(stats.due.byPolicy.map((p) => [p.name, p.documents]))) : null));
}
