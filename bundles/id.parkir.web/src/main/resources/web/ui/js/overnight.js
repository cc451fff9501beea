// Kendaraan Menginap: vehicles still inside past the day boundary, with the charge so far.
import { api, errorText } from './api.js';
import { h, clear } from './dom.js';
import { showSessionPhoto } from './photos.js';
import { dateTime, money } from './format.js';

const PAGE = 50;

export function mountOvernight(main) {
  const body = h('tbody');
  const note = h('p', { class: 'muted', id: 'overnight-count' });
  const error = h('p', { class: 'error', role: 'alert' });
  const more = h('button', { type: 'button', class: 'secondary', hidden: true, onclick: () => load(page + 1) }, h('span', { i18n: 'list.more' }));
  clear(main, h('h1', { i18n: 'overnight.title' }), note, error,
    h('table', { id: 'overnight-table' },
      h('thead', null, h('tr', null, ['overnight.photo', 'field.plate', 'field.type', 'field.entryTime', 'field.zone', 'overnight.nights']
        .map((k) => h('th', { i18n: k })), h('th', { class: 'num', i18n: 'overnight.soFar' }))),
      body), more);
  let page = 0;

  async function load(p) {
    try {
      const result = await api('GET', `/sessions?status=overnight&page=${p}&size=${PAGE}`);
      page = p;
      if (p === 0) body.replaceChildren();
      for (const s of result.items) {
        const thumb = h('div', { class: 'thumb' });
        showSessionPhoto(thumb, s.ticket, 'entry', s.plate);
        const tr = h('tr', null, h('td', null, thumb), h('td', { class: 'plate-text', text: s.plate }),
          h('td', { i18n: `type.${s.vehicleType}` }), h('td', { text: dateTime(s.entryTime) }), h('td', { text: s.zone }),
          h('td', { class: 'num', text: String(s.overnights) }), h('td', { class: 'num', text: money(s.feeSoFar) }));
        tr.dataset.ticket = s.ticket;
        body.append(tr);
      }
      clear(note, h('span', { i18n: 'overnight.count', args: { n: result.total } }));
      more.hidden = (p + 1) * PAGE >= result.total;
    } catch (e) {
      error.textContent = errorText(e);
    }
  }
  load(0);
  main.focus();
  return {};
}
