// Log aktivitas (admins): filter by time range, user, kind of event and text; failed logins are
// one of the kinds. Paged.
import { api, errorText } from './api.js';
import { h, clear, field } from './dom.js';
import { dateTime, siteDate } from './format.js';

const PAGE = 100;

export function mountActivity(main) {
  const today = siteDate(new Date().toISOString());
  const from = h('input', { id: 'act-from', type: 'date', value: today });
  const to = h('input', { id: 'act-to', type: 'date', value: today });
  const user = h('input', { id: 'act-user', maxlength: 64, autocomplete: 'off' });
  const action = h('select', { id: 'act-action' }, h('option', { value: '', i18n: 'activity.anyKind' }));
  const text = h('input', { id: 'act-text', maxlength: 100, autocomplete: 'off' });
  const body = h('tbody');
  const error = h('p', { class: 'error', role: 'alert' });
  const count = h('p', { class: 'muted', id: 'activity-count' });
  const more = h('button', { type: 'button', class: 'secondary', hidden: true, onclick: () => load(page + 1) }, h('span', { i18n: 'list.more' }));
  const form = h('form', { class: 'card filters', id: 'activity-form', novalidate: true }, field('act-from', 'sessions.from', from),
    field('act-to', 'sessions.to', to), field('act-user', 'activity.user', user), field('act-action', 'activity.kind', action),
    field('act-text', 'activity.text', text), h('button', { type: 'submit' }, h('span', { i18n: 'sessions.search' })));
  clear(main, h('h1', { i18n: 'activity.title' }), form, error, count,
    h('table', { id: 'activity-table' }, h('thead', null, h('tr', null,
      ['activity.time', 'activity.user', 'activity.kind', 'activity.detail'].map((k) => h('th', { i18n: k })))), body), more);
  let page = 0;
  let generation = 0; // the answer of an older search arriving late must not replace a newer one

  async function load(p) {
    const mine = ++generation;
    error.replaceChildren();
    const q = new URLSearchParams({ page: String(p), size: String(PAGE) });
    if (from.value) q.set('from', from.value);
    if (to.value) q.set('to', to.value);
    if (user.value.trim()) q.set('user', user.value.trim());
    if (action.value) q.set('action', action.value);
    if (text.value.trim()) q.set('q', text.value.trim());
    try {
      const result = await api('GET', `/activity/search?${q}`);
      if (mine !== generation) return;
      page = p;
      if (p === 0) body.replaceChildren();
      for (const a of result.items) {
        body.append(h('tr', { 'data-action': a.action }, h('td', { text: dateTime(a.time) }), h('td', { text: a.username || '' }),
          h('td', { text: a.action || '' }), h('td', { text: a.detail || '' })));
      }
      clear(count, h('span', { i18n: result.totalExact ? 'sessions.count' : 'sessions.countMore', args: { n: result.total } }));
      more.hidden = (p + 1) * PAGE >= result.total;
    } catch (e) { error.textContent = errorText(e); }
  }

  form.addEventListener('submit', (e) => { e.preventDefault(); load(0); });
  api('GET', '/activity/actions').then((actions) => {
    actions.forEach((a) => action.append(h('option', { value: a, text: a })));
  }).catch(() => {});
  load(0);
  main.focus();
  return {};
}
