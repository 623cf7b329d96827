import { formatDate, h } from '../dom.js';
import { t } from '../i18n.js';

const LABELS = ['geen', 'generiek', 'bijzonder'];

function findingsTable(findings) {
  return h('table', { class: 'findings' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Categorie'), h('th', {}, 'Bewijs (gemaskeerd)'), h('th', {}, t('review.why')), h('th', {}, '%'))),
    h('tbody', {}, findings.map((f) => h('tr', {},
      h('td', {}, h('span', { class: 'category' }, f.category), f.count > 1 ? h('span', { class: 'muted' }, ` ×${f.count}`) : null),
      h('td', { class: 'evidence' }, f.evidence, f.part ? h('div', { class: 'muted' }, f.part) : null),
      h('td', {}, f.explanation, h('div', { class: 'muted' }, f.detector)),
      h('td', {}, String(Math.round(f.confidence * 100)))))));
}

// One document for review: where it lives, the decision form with the suggestions, the masked evidence and why.
export function documentDetail(d, { documentTypes, edit, canReview, onSave, onSkip }) {
  const labelGroup = h('fieldset', { class: 'labels' }, h('legend', {}, t('review.label')),
    LABELS.map((l, i) => h('label', { class: `choice label-${l}` },
      h('input', { type: 'radio', name: 'label', value: l, checked: edit.label === l, disabled: !canReview, onchange: () => (edit.label = l) }),
      ` ${i + 1} ${l}`, d.suggested?.label === l ? h('span', { class: 'suggested' }, ` (${t('review.suggested')})`) : null)));
  const typeSelect = h('select', { id: 'doc-type', disabled: !canReview, onchange: (e) => (edit.documentType = e.target.value) },
    documentTypes.map((dt) => h('option', { value: dt.id, selected: dt.id === edit.documentType }, `${dt.name}${dt.id === d.suggested?.documentType ? ` (${t('review.suggested')})` : ''}`)));
  const r = d.retention;
  return h('article', {},
    h('header', { class: 'detail-head' },
      h('h2', {}, d.name),
      h('span', { class: `badge label-${d.label}` }, d.label),
      d.review.status !== 'unreviewed' ? h('span', { class: 'muted' }, ` ${t('review.status')}: ${d.review.status} (${d.review.reviewer})`) : null),
    h('p', { class: 'location' }, `${t('review.location')}: ${d.source.title ?? d.source.root} / ${d.location} `,
      d.sourceUrl ? h('a', { href: d.sourceUrl, target: '_blank', rel: 'noopener noreferrer' }, t('review.open')) : null),
    h('form', { class: 'decision', onsubmit: (e) => { e.preventDefault(); onSave(); } },
      labelGroup,
      h('label', { for: 'doc-type' }, `${t('review.type')} `), typeSelect,
      h('span', { class: 'muted' }, ` ${t('review.suggested')}: ${d.suggested?.documentType} (${Math.round((d.suggested?.confidence ?? 0) * 100)}%)`),
      h('div', {}, h('input', { id: 'review-comment', placeholder: t('review.comment'), maxlength: 2000, disabled: !canReview })),
      h('div', { class: 'buttons' },
        h('button', { type: 'submit', class: 'primary', id: 'save-next', disabled: !canReview }, `${t('review.save')} ⏎`),
        h('button', { type: 'button', onclick: onSkip }, `${t('review.skip')} (j)`))),
    h('h3', {}, t('review.findings')),
    d.findings.length ? findingsTable(d.findings) : h('p', { class: 'muted' }, t('common.none')),
    d.hints.length ? h('details', {}, h('summary', {}, `${t('review.hints')} (${d.hints.length})`), findingsTable(d.hints)) : null,
    h('h3', {}, t('review.why')),
    h('ul', {}, h('li', {}, d.reasons?.label ?? ''), h('li', {}, d.reasons?.documentType ?? '')),
    h('h3', {}, t('review.retention')),
    r ? h('p', { id: 'retention' }, `${r.policy}: ${r.disposeAfter ? `${t('disp.disposeAfter')} ${r.disposeAfter}` : r.state}`, r.ground ? h('div', { class: 'muted' }, r.ground) : null)
      : h('p', { class: 'muted' }, t('review.noRetention')),
    h('details', {}, h('summary', {}, `${t('review.history')} (${d.history.length})`),
      h('ul', { class: 'history' }, d.history.map((e) => h('li', {}, `${formatDate(e.at)} · ${e.actor} · ${e.action}`)))));
}
