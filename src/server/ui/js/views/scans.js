import { api, query } from '../api.js';
import { clear, formatDate, h, toast } from '../dom.js';
import { t } from '../i18n.js';

/** The name a scan target goes by (a tenant's library, OneDrive or mailbox), else the source's title or root. */
function sourceName(targets, source) {
  if (!source) return '';
  return targets.find((x) => x.id === `${source.kind}:${source.root}` || x.id === source.root)?.name ?? source.title ?? source.root;
}

// Start a scan of all or chosen targets and follow it live (Server-Sent Events); history and documents with errors.
export async function scansView(view, { may }) {
  let source = null;
  const live = h('section', { class: 'card', id: 'scan-live' });
  const history = h('section', { class: 'card' });
  const errors = h('section', { class: 'card' });

  function progressOf(job) {
    const c = job.progress?.counts ?? { found: 0, classified: 0, skipped: 0, errors: 0 };
    const handled = c.classified + c.skipped + c.errors;
    const total = Math.max(c.found, 1);
    return h('div', { class: 'progress-block', dataset: { job: String(job.id), status: job.status, handled: String(handled), found: String(c.found) } },
      h('p', {}, h('strong', {}, job.status === 'running' ? t('scans.running') : t('scans.done')), ` · #${job.id} · ${job.actor}`),
      h('progress', { id: 'scan-progress', max: total, value: handled }),
      h('p', { id: 'scan-counts' }, `${handled} / ${c.found} — ${c.classified} ${t('scans.classified')}, ${c.skipped} ${t('scans.skipped')}, ${c.errors} ${t('scans.errorsCount')}`),
      // A tenant rescan lists little (delta links): the sources done show it moving.
      job.progress?.total > 1 ? h('p', { id: 'scan-sources', class: 'muted' }, `${job.progress.done} / ${job.progress.total} ${t('scans.sources')}`) : null,
      job.status === 'running' && may('scan') ? h('button', { type: 'button', onclick: () => api(`/scans/${job.id}/stop`, { method: 'POST' }) }, t('scans.stop')) : null,
      ...(job.results ?? []).filter((r) => r.error).map((r) => h('p', { class: 'error' }, `${r.target}: ${r.error}`)));
  }

  function follow(job) {
    source?.close();
    clear(live, h('h2', {}, t('scans.running')), progressOf(job));
    source = new EventSource(`/api/v1/scans/${job.id}/events`);
    const update = (e) => clear(live, h('h2', {}, t('scans.running')), progressOf(JSON.parse(e.data)));
    source.addEventListener('progress', update);
    source.addEventListener('done', (e) => {
      update(e);
      source.close();
      refresh();
    });
  }

  async function refresh() {
    const data = await api('/scans');
    clear(history, h('h2', {}, t('scans.history')), h('table', {},
      h('thead', {}, h('tr', {}, h('th', {}, '#'), h('th', {}, t('common.when')), h('th', {}, 'Bron'), h('th', {}, 'Status'), h('th', {}, t('scans.found')), h('th', {}, t('scans.classified')), h('th', {}, t('scans.errorsCount')))),
      h('tbody', {}, data.runs.map((r) => h('tr', {}, h('td', {}, String(r.id)), h('td', {}, formatDate(r.startedAt)), h('td', {}, sourceName(data.targets, r.source)), h('td', {}, r.status),
        h('td', {}, String(r.counts?.found ?? '')), h('td', {}, String(r.counts?.classified ?? '')), h('td', {}, String(r.counts?.errors ?? '')))))));
    const failed = await api(`/documents${query({ status: 'error', limit: 100 })}`);
    clear(errors, h('h2', {}, `${t('scans.errors')} (${failed.total})`), h('ul', {}, failed.documents.map((d) => h('li', {}, `${d.location}: ${d.error ?? ''}`))));
    return data;
  }

  const data = await refresh();
  // A folder's id is its path, worth showing; a tenant's ids (drive and user ids) mean nothing to a person.
  const boxes = data.targets.map((target) => h('label', { class: target.kind === 'filesystem' ? 'choice' : 'choice block' }, h('input', { type: 'checkbox', value: target.id, checked: true }), ` ${target.name} `, target.kind === 'filesystem' ? h('span', { class: 'muted' }, target.id) : null));
  const start = h('button', { type: 'button', class: 'primary', id: 'start-scan', disabled: !may('scan') || !data.targets.length, onclick: async () => {
    const chosen = boxes.map((b) => b.querySelector('input')).filter((i) => i.checked).map((i) => i.value);
    try {
      follow(await api('/scans', { method: 'POST', body: chosen.length === data.targets.length ? {} : { targets: chosen } }));
    } catch (e) {
      toast(e.message, 'error');
    }
  } }, t('scans.start'));
  clear(view, h('h1', {}, t('scans.title')),
    h('section', { class: 'card' }, h('h2', {}, t('scans.targets')), data.targets.length ? boxes : h('p', { class: 'muted' }, t('scans.none')), h('p', {}, start)),
    live, history, errors);
  const running = data.jobs.find((j) => j.status === 'running');
  if (running) follow(running);
  else if (data.jobs[0]) clear(live, progressOf(data.jobs[0]));
  return () => source?.close();
}
