import { api } from '../api.js';
import { clear, formatDate, h, toast } from '../dom.js';
import { t } from '../i18n.js';

function unavailable(view, e) {
  clear(view, h('p', { class: 'muted' }, e.status === 503 ? t('disp.unavailable') : e.message));
}

// The disposition queue grouped by policy (Purview): select items, then approve, extend, relabel or hold, with a comment.
export async function dispositionView(view, { may }) {
  let queue;
  try {
    queue = await api('/disposition');
  } catch (e) {
    return unavailable(view, e);
  }
  const { documentTypes } = await api('/document-types');
  const selected = new Set();
  const canAct = may('dispose');
  const comment = h('input', { id: 'disp-comment', placeholder: t('disp.comment'), maxlength: 2000 });
  const until = h('input', { id: 'disp-until', type: 'date' });
  const triggerDate = h('input', { id: 'disp-trigger', type: 'date' });
  const relabelType = h('select', { id: 'disp-type' }, h('option', { value: '' }, '—'), documentTypes.map((d) => h('option', { value: d.id }, d.name)));

  async function verb(path, extra = {}) {
    if (!selected.size) return toast('0 ' + t('review.selected'), 'error');
    try {
      const { results } = await api(path, { method: 'POST', body: { ids: [...selected], comment: comment.value || undefined, ...extra } });
      const failed = results.filter((r) => !r.ok);
      // Success in the user's language; a refusal keeps the server's reason (which document, why).
      toast(failed.length ? failed.map((r) => `${r.documentId}: ${r.message}`).join(' · ') : `${t('disp.done')}: ${results.length}`, failed.length ? 'error' : 'info');
      await dispositionView(view, { may });
    } catch (e) {
      toast(e.message, 'error');
    }
  }

  const groups = queue.groups.map((g) => h('section', { class: 'card policy-group', dataset: { policy: g.policy.id } },
    h('h2', {}, `${g.policy.name} (${g.items.length})`), h('p', { class: 'muted' }, `${g.policy.term} · ${g.policy.ground}`),
    h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, ''), h('th', {}, t('common.name')), h('th', {}, 'Soort'), h('th', {}, 'Label'), h('th', {}, t('disp.disposeAfter')), h('th', {}, t('disp.status')), h('th', {}, ''))),
      h('tbody', {}, g.items.map((d) => h('tr', { dataset: { id: String(d.documentId) } },
        h('td', {}, h('input', { type: 'checkbox', 'aria-label': d.name, disabled: !canAct, onchange: (e) => (e.target.checked ? selected.add(d.documentId) : selected.delete(d.documentId)) })),
        h('td', {}, h('div', {}, d.name), h('div', { class: 'muted' }, d.source?.title ? `${d.source.title} / ${d.location}` : d.location)),
        h('td', {}, d.documentType), h('td', {}, h('span', { class: `badge label-${d.label}` }, d.label)),
        h('td', {}, d.disposeAfter ?? '—'),
        h('td', { class: 'status' }, d.status, d.nextStage ? ` → ${d.nextStage}` : '', d.holds.length ? ` (hold #${d.holds.map((x) => x.id).join(', #')})` : '',
          d.approvals.length ? h('div', { class: 'muted' }, d.approvals.map((a) => `${a.actor} ${formatDate(a.at)}`).join(', ')) : null),
        h('td', {}, canAct ? h('button', { type: 'button', class: 'link', onclick: async () => {
          await api('/holds', { method: 'POST', body: { scope: { kind: 'document', documentId: d.documentId }, comment: comment.value || undefined } });
          toast(t('disp.hold'));
          await dispositionView(view, { may });
        } }, t('disp.hold')) : null)))))));

  clear(view, h('h1', {}, t('disp.title')), h('p', { class: 'muted' }, `${queue.today} · ${queue.needsTrigger} ${t('overview.needsTrigger')}`),
    canAct ? h('section', { class: 'card verbs' },
      comment,
      h('button', { type: 'button', class: 'primary', id: 'approve', onclick: () => verb('/disposition/approve') }, t('disp.approve')),
      h('span', {}, until, h('button', { type: 'button', onclick: () => verb('/disposition/extend', { until: until.value }) }, t('disp.extend'))),
      h('span', {}, relabelType, h('button', { type: 'button', onclick: () => verb('/disposition/relabel', { documentType: relabelType.value || undefined }) }, t('disp.relabel'))),
      h('span', {}, triggerDate, h('button', { type: 'button', onclick: () => verb('/disposition/trigger', { date: triggerDate.value }) }, t('disp.trigger'))),
      h('button', { type: 'button', onclick: async () => {
        const s = await api('/purge', { method: 'POST', body: { dryRun: true } });
        toast(`${t('disp.dryRun')}: ${s.planned}`);
      } }, t('disp.dryRun'))) : null,
    groups.length ? groups : h('p', { class: 'empty' }, t('disp.empty')));
}

export async function holdsView(view, { may }) {
  let holds;
  try {
    ({ holds } = await api('/holds'));
  } catch (e) {
    return unavailable(view, e);
  }
  const prefix = h('input', { id: 'hold-prefix', placeholder: t('review.location.filter') });
  const comment = h('input', { id: 'hold-comment', placeholder: t('review.comment') });
  const scopeText = (s) => (s.kind === 'document' ? `document #${s.documentId}` : s.kind === 'location' ? `map ${s.prefix}` : `zoekopdracht ${JSON.stringify(s.filter)}`);
  clear(view, h('h1', {}, t('holds.title')),
    may('dispose') ? h('section', { class: 'card verbs' }, prefix, comment, h('button', { type: 'button', class: 'primary', onclick: async () => {
      try {
        await api('/holds', { method: 'POST', body: { scope: { kind: 'location', prefix: prefix.value }, comment: comment.value || undefined } });
        await holdsView(view, { may });
      } catch (e) {
        toast(e.message, 'error');
      }
    } }, t('holds.place'))) : null,
    holds.length ? h('table', {}, h('tbody', {}, holds.map((x) => h('tr', {}, h('td', {}, `#${x.id}`), h('td', {}, scopeText(x.scope)), h('td', {}, `${x.placedBy} · ${formatDate(x.placedAt)}`), h('td', {}, x.comment ?? ''),
      h('td', {}, may('dispose') ? h('button', { type: 'button', onclick: async () => {
        await api(`/holds/${x.id}/release`, { method: 'POST', body: { comment: comment.value || undefined } });
        await holdsView(view, { may });
      } }, t('holds.release')) : null)))))
      : h('p', { class: 'empty' }, t('holds.empty')));
}
