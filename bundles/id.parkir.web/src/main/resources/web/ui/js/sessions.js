// Sessions (admins): search by plate (look-alikes tolerated for vehicles inside), ticket, date
// range, status, gate and cashier; a session's page with photos, times, fee lines, receipt, who
// did what, and the entry and exit footage of the gate's cameras.
import { api, errorText } from './api.js';
import { h, clear, field } from './dom.js';
import { showSessionPhoto } from './photos.js';
import { money, dateTime, siteDate } from './format.js';
import { playMoment } from './footage.js';

const PAGE = 50;

export function mountSessions(main) {
  const today = siteDate(new Date().toISOString());
  const plate = h('input', { id: 'find-plate', maxlength: 12, autocomplete: 'off' });
  const ticket = h('input', { id: 'find-ticket', maxlength: 20, autocomplete: 'off' });
  const from = h('input', { id: 'find-from', type: 'date', value: today });
  const to = h('input', { id: 'find-to', type: 'date', value: today });
  const status = h('select', { id: 'find-status' }, ['', 'inside', 'paid', 'overnight'].map((s) => h('option', { value: s, i18n: `sessions.status.${s || 'any'}` })));
  const gate = h('input', { id: 'find-gate', maxlength: 16, autocomplete: 'off' });
  const cashier = h('input', { id: 'find-cashier', maxlength: 64, autocomplete: 'off' });
  const error = h('p', { class: 'error', role: 'alert', id: 'sessions-error' });
  const count = h('p', { class: 'muted', id: 'sessions-count' });
  const body = h('tbody');
  const form = h('form', { class: 'card filters', id: 'sessions-form', novalidate: true },
    field('find-plate', 'field.plate', plate), field('find-ticket', 'field.ticket', ticket), field('find-from', 'sessions.from', from),
    field('find-to', 'sessions.to', to), field('find-status', 'sessions.statusLabel', status), field('find-gate', 'field.gate', gate),
    field('find-cashier', 'field.cashier', cashier), h('button', { type: 'submit' }, h('span', { i18n: 'sessions.search' })));
  clear(main, h('h1', { i18n: 'sessions.title' }), form, error, count,
    h('table', { id: 'sessions-table' }, h('thead', null, h('tr', null, ['field.ticket', 'field.plate', 'field.type', 'field.entryTime',
      'sessions.exitTime', 'field.gate', 'sessions.statusLabel'].map((k) => h('th', { i18n: k })), h('th', { class: 'num', i18n: 'field.total' }))), body));

  let generation = 0; // the answer of an older search arriving late must not replace a newer one
  async function search(e) {
    if (e) e.preventDefault();
    const mine = ++generation;
    error.replaceChildren();
    const q = new URLSearchParams({ size: String(PAGE) });
    if (ticket.value.trim()) q.set('ticket', ticket.value.trim());
    else {
      if (plate.value.trim()) q.set('plate', plate.value.replace(/\s/g, ''));
      if (status.value) q.set('status', status.value);
      if (!status.value || status.value === 'paid') { if (from.value) q.set('from', from.value); if (to.value) q.set('to', to.value); }
      if (gate.value.trim()) q.set('gate', gate.value.trim());
      if (cashier.value.trim()) q.set('cashier', cashier.value.trim());
    }
    try {
      const page = await api('GET', `/sessions?${q}`);
      if (mine !== generation) return;
      clear(count, h('span', { i18n: page.totalExact ? 'sessions.count' : 'sessions.countMore', args: { n: page.total } }));
      clear(body, page.items.map((s) => {
        const tr = h('tr', { class: 'link', tabindex: 0 }, h('td', { class: 'plate-text', text: s.ticket }), h('td', { class: 'plate-text', text: s.plate }),
          h('td', { i18n: `type.${s.vehicleType}` }), h('td', { text: dateTime(s.entryTime) }), h('td', { text: dateTime(s.exitTime) }),
          h('td', { text: s.gate || '' }), h('td', { i18n: `sessions.status.${s.status}` }), h('td', { class: 'num', text: money(s.total) }));
        tr.dataset.ticket = s.ticket;
        const open = () => { window.location.hash = `#/admin/session/${encodeURIComponent(s.ticket)}`; };
        tr.addEventListener('click', open);
        tr.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') open(); });
        return tr;
      }));
    } catch (err) { error.textContent = errorText(err); }
  }
  form.addEventListener('submit', search);
  search();
  plate.focus();
  return {};
}

export function mountSession(main, ticket) {
  const error = h('p', { class: 'error', role: 'alert' });
  clear(main, h('h1', null, h('span', { i18n: 'session.title' }), ' ', h('span', { class: 'plate-text', text: ticket })), error);
  api('GET', `/sessions/${encodeURIComponent(ticket)}`).then((s) => {
    const entryPhoto = h('div', { class: 'photo', id: 'session-entry-photo' }, h('span', { i18n: 'exit.noPhoto' }));
    const exitPhoto = h('div', { class: 'photo', id: 'session-exit-photo' }, h('span', { i18n: 'exit.noPhoto' }));
    const entryVideo = h('div', { class: 'video-box', id: 'session-entry-video' }, h('span', { class: 'muted', i18n: 'footage.loading' }));
    const exitVideo = h('div', { class: 'video-box', id: 'session-exit-video' });
    const p = s.payment;
    main.append(h('div', { class: 'grid2' },
      h('div', { class: 'card stack' }, h('h2', { i18n: 'session.entry' }), h('div', { class: 'media-pair' }, entryPhoto, entryVideo)),
      h('div', { class: 'card stack' }, h('h2', { i18n: 'session.exit' }), h('div', { class: 'media-pair' }, exitPhoto, exitVideo))),
    h('div', { class: 'grid2' },
      h('div', { class: 'card' }, h('dl', { class: 'facts', id: 'session-facts' },
        h('dt', { i18n: 'field.plate' }), h('dd', { class: 'plate-text', text: s.plate }),
        h('dt', { i18n: 'field.type' }), h('dd', { i18n: `type.${s.vehicleType}` }),
        h('dt', { i18n: 'sessions.statusLabel' }), h('dd', { i18n: `sessions.status.${s.status}` }),
        h('dt', { i18n: 'field.zone' }), h('dd', { text: s.zone || '' }), h('dt', { i18n: 'field.gate' }), h('dd', { text: s.gate || '' }),
        h('dt', { i18n: 'field.entryTime' }), h('dd', { text: dateTime(s.entryTime) }),
        h('dt', { i18n: 'session.enteredBy' }), h('dd', { text: s.enteredBy || '—' }),
        h('dt', { i18n: 'sessions.exitTime' }), h('dd', { text: dateTime(s.exitTime) }),
        s.lostTicket ? [h('dt', { i18n: 'nav.lost' }), h('dd', { i18n: 'session.yes' })] : null)),
      h('div', { class: 'card' }, p ? [h('h2', null, h('span', { i18n: 'print.receipt' }), ' ', h('span', { text: p.receiptNo })),
        h('table', { class: 'fee-lines' }, p.lines.map((l) => h('tr', null, h('td', { text: l.label }), h('td', { class: 'num', text: money(l.amount) }))),
          h('tr', { class: 'fee-total' }, h('td', { i18n: 'field.total' }), h('td', { class: 'num', text: money(p.total) }))),
        h('dl', { class: 'facts' }, h('dt', { i18n: 'field.paid' }), h('dd', { text: `${money(p.paid)} (${p.method})` }),
          h('dt', { i18n: 'field.change' }), h('dd', { text: money(p.change) }), h('dt', { i18n: 'field.paidAt' }), h('dd', { text: dateTime(p.paidAt) }),
          h('dt', { i18n: 'field.cashier' }), h('dd', { text: p.cashier }))] : h('p', { class: 'muted', i18n: 'session.unpaid' }))));
    for (const [kind, box] of [['entry', entryPhoto], ['exit', exitPhoto]]) {
      showSessionPhoto(box, ticket, kind, kind);
    }
    playMoment(entryVideo, s.gate, 'entry', s.entryTime);
    if (s.exitTime) playMoment(exitVideo, s.gate, 'exit', s.exitTime);
  }).catch((e) => { error.textContent = errorText(e); });
  main.focus();
  return {};
}
