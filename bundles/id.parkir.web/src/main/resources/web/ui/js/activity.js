// The activity log (admins only): the admin screens of the next release build on this route guard.
import { api, errorText } from './api.js';
import { h, clear } from './dom.js';
import { dateTime } from './format.js';

export function mountActivity(main) {
  const body = h('tbody');
  const error = h('p', { class: 'error', role: 'alert' });
  clear(main, h('h1', { i18n: 'activity.title' }), error,
    h('table', { id: 'activity-table' }, h('thead', null, h('tr', null,
      ['activity.time', 'activity.user', 'activity.kind', 'activity.detail'].map((k) => h('th', { i18n: k })))), body));
  api('GET', '/activity?limit=200').then((entries) => {
    for (const a of entries) {
      body.append(h('tr', null, h('td', { text: dateTime(a.time) }), h('td', { text: a.username || '' }),
        h('td', { text: a.action || '' }), h('td', { text: a.detail || '' })));
    }
  }).catch((e) => { error.textContent = errorText(e); });
  return {};
}
