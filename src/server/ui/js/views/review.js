import { api, query } from '../api.js';
import { clear, h, toast } from '../dom.js';
import { t } from '../i18n.js';
import { documentDetail } from './detail.js';

const LABELS = ['geen', 'generiek', 'bijzonder'];

// The review queue: bijzonder first, a list beside the detail pane, "Opslaan & volgende" from the keyboard.
export async function reviewView(view, { may }) {
  const { documentTypes } = await api('/document-types');
  const state = { mode: 'queue', label: '', type: '', location: '', docs: [], total: 0, index: 0, detail: null, selected: new Set(), edit: null };
  const canReview = may('review');

  const list = h('ol', { class: 'queue-list', id: 'queue-list' });
  const count = h('span', { class: 'muted' });
  const pane = h('section', { class: 'detail', id: 'detail', tabindex: '-1' });
  const bulk = h('div', { class: 'bulk', hidden: true });
  const select = (options, value, onchange, extra = {}) =>
    h('select', { onchange: (e) => onchange(e.target.value), ...extra }, options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));

  const filters = h('div', { class: 'filters' },
    select([['queue', t('review.queue')], ['all', t('review.all')]], state.mode, (v) => { state.mode = v; load(); }, { id: 'review-mode' }),
    select([['', t('review.filterLabel')], ...LABELS.map((l) => [l, l])], '', (v) => { state.label = v; load(); }, { id: 'filter-label' }),
    select([['', t('review.filterType')], ...documentTypes.map((d) => [d.id, d.name])], '', (v) => { state.type = v; load(); }, { id: 'filter-type' }),
    h('input', { type: 'search', placeholder: t('review.location.filter'), onchange: (e) => { state.location = e.target.value; load(); } }));

  clear(view, h('div', { class: 'review' },
    h('aside', { class: 'queue' }, filters, h('p', {}, count), bulk, list),
    h('div', { class: 'detail-wrap' }, pane, h('p', { class: 'keys muted' }, t('review.keys')))));

  async function load(keepIndex = false) {
    const result = await api(`/documents${query({ review: state.mode === 'queue' ? 'unreviewed' : '', status: 'classified', label: state.label, type: state.type, location: state.location, sort: 'priority', limit: 200 })}`);
    state.docs = result.documents;
    state.total = result.total;
    if (!keepIndex) state.index = 0;
    state.index = Math.min(state.index, Math.max(0, state.docs.length - 1));
    renderList();
    await show();
  }

  function renderList() {
    count.textContent = `${state.total} ${t('review.count')}`;
    clear(list, state.docs.map((d, i) => h('li', { class: `item${i === state.index ? ' current' : ''}`, dataset: { id: String(d.id) }, onclick: () => go(i) },
      h('input', { type: 'checkbox', checked: state.selected.has(d.id), 'aria-label': d.name, onclick: (e) => { e.stopPropagation(); toggle(d.id); } }),
      h('span', { class: `badge label-${d.label}` }, d.label),
      h('span', { class: 'item-name' }, d.name),
      h('span', { class: 'item-meta' }, `${d.documentType} · ${d.location}`))));
    list.querySelector('.current')?.scrollIntoView({ block: 'nearest' });
    bulk.hidden = state.selected.size === 0 || !canReview;
    clear(bulk, h('span', {}, `${state.selected.size} ${t('review.selected')}`),
      h('button', { type: 'button', onclick: () => bulkReview({}) }, t('review.bulkConfirm')),
      select([['', t('review.bulkLabel')], ...LABELS.map((l) => [l, l])], '', (v) => v && bulkReview({ label: v })));
  }

  function toggle(id) {
    if (state.selected.has(id)) state.selected.delete(id);
    else state.selected.add(id);
    renderList();
  }

  async function bulkReview(to) {
    const ids = [...state.selected];
    const { results } = await api('/reviews', { method: 'POST', body: { ids, ...to } });
    const failed = results.filter((r) => !r.ok);
    toast(failed.length ? `${failed.length} × ${failed[0].message}` : `${t('review.saved')}: ${ids.length}`, failed.length ? 'error' : 'info');
    state.selected.clear();
    await load(true);
  }

  async function go(i) {
    if (i < 0 || i >= state.docs.length) return;
    state.index = i;
    renderList();
    await show();
  }

  async function show() {
    const doc = state.docs[state.index];
    if (!doc) {
      state.detail = null;
      clear(pane, h('p', { class: 'empty' }, t('review.empty')));
      return;
    }
    const detail = await api(`/documents/${doc.id}`);
    state.detail = detail;
    state.edit = { label: detail.label, documentType: detail.documentType };
    clear(pane, documentDetail(detail, { documentTypes, edit: state.edit, canReview, onSave: save, onSkip: () => go(state.index + 1) }));
    pane.dataset.id = String(detail.id);
  }

  async function save() {
    if (!state.detail || !canReview) return;
    const comment = pane.querySelector('#review-comment')?.value || undefined;
    await api(`/documents/${state.detail.id}/review`, { method: 'POST', body: { ...state.edit, comment } });
    toast(`${t('review.saved')}: ${state.detail.name}`);
    if (state.mode === 'queue') await load(true);
    else {
      state.index++;
      await load(true);
    }
  }

  function onKey(e) {
    const target = e.target;
    const typing = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
    if (e.key === 'Enter' && (target.id === 'review-comment' || target.id === 'doc-type' || !typing) && target.tagName !== 'BUTTON' && target.tagName !== 'A') {
      e.preventDefault();
      save();
      return;
    }
    if (typing || target instanceof HTMLSelectElement || e.ctrlKey || e.metaKey || e.altKey) {
      if (e.key === 'Escape') target.blur();
      return;
    }
    if (e.key === 'j') go(state.index + 1);
    else if (e.key === 'k') go(state.index - 1);
    else if (['1', '2', '3'].includes(e.key) && state.edit) {
      state.edit.label = LABELS[Number(e.key) - 1];
      const radio = pane.querySelector(`input[name="label"][value="${state.edit.label}"]`);
      if (radio) radio.checked = true;
    } else if (e.key === 't') {
      e.preventDefault();
      pane.querySelector('#doc-type')?.focus();
    } else if (e.key === 'x' && state.docs[state.index]) toggle(state.docs[state.index].id);
    else return;
    e.preventDefault();
  }

  document.addEventListener('keydown', onKey);
  await load();
  return () => document.removeEventListener('keydown', onKey);
}

