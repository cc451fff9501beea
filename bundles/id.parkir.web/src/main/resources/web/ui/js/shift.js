// Shift: open with the opening float, see the running totals, close with the counted cash; the
// shift report is shown and printed.
import { api, errorText } from './api.js';
import { h, clear, setText } from './dom.js';
import { money, dateTime, parseMoney } from './format.js';
import { shiftSlip, printSlip } from './print.js';
import { changed } from './status.js';

export function mountShift(main) {
  const area = h('div', { id: 'shift-area' });
  clear(main, h('h1', { i18n: 'shift.title' }), area);

  function moneyField(id, labelKey) {
    const input = h('input', { id, class: 'amount-input', inputmode: 'numeric', autocomplete: 'off', maxlength: 15 });
    return [h('label', { for: id, i18n: labelKey }), input];
  }

  async function load() {
    let shift = null;
    try {
      shift = await api('GET', '/shifts/current');
    } catch (e) {
      if (e.status !== 404) { clear(area, h('p', { class: 'error', text: errorText(e) })); return; }
    }
    if (shift) showOpen(shift); else showClosed();
  }

  function showClosed(report) {
    const [label, input] = moneyField('shift-opening', 'shift.openingCash');
    const error = h('p', { class: 'error', role: 'alert' });
    const form = h('form', { class: 'card stack', id: 'shift-open-form', novalidate: true },
      h('h2', { i18n: 'shift.none' }), label, input, error,
      h('button', { type: 'submit', class: 'big' }, h('span', { i18n: 'shift.open' }), ' ', h('kbd', { text: 'Enter' })));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const opening = input.value.trim() === '' ? 0 : parseMoney(input.value);
      if (opening == null) { setText(error, 'err.amount_invalid'); return; }
      try {
        await api('POST', '/shifts/open', { json: { openingCash: opening } });
        changed();
        load();
      } catch (err) { error.textContent = errorText(err); }
    });
    clear(area, h('div', { class: 'grid2' }, form, report ? reportView(report) : null));
    input.focus();
  }

  async function showOpen(shift) {
    const totals = h('div', { id: 'shift-totals' });
    const [label, input] = moneyField('shift-counted', 'shift.countedCash');
    const error = h('p', { class: 'error', role: 'alert' });
    const form = h('form', { class: 'card stack', id: 'shift-close-form', novalidate: true },
      h('h2', { i18n: 'shift.close' }), label, input, error,
      h('button', { type: 'submit', class: 'big' }, h('span', { i18n: 'shift.closeButton' }), ' ', h('kbd', { text: 'Enter' })));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const counted = parseMoney(input.value);
      if (counted == null) { setText(error, 'shift.countedMissing'); input.focus(); return; }
      try {
        const report = await api('POST', '/shifts/close', { json: { countedCash: counted } });
        printSlip(shiftSlip(report));
        changed();
        showClosed(report);
      } catch (err) { error.textContent = errorText(err); }
    });
    clear(area, h('div', { class: 'grid2' },
      h('div', { class: 'card stack' }, h('h2', { i18n: 'shift.current' }),
        h('dl', { class: 'facts' }, h('dt', { i18n: 'shift.openedAt' }), h('dd', { text: dateTime(shift.openedAt) }),
          h('dt', { i18n: 'shift.openingCash' }), h('dd', { text: money(shift.openingCash) })), totals),
      form));
    input.focus();
    try {
      const running = await api('GET', '/shifts/current/report');
      clear(totals, facts(running));
    } catch { /* totals are a convenience; the close shows the report */ }
  }

  function facts(r) {
    return h('dl', { class: 'facts', id: 'shift-facts' },
      h('dt', { i18n: 'shift.entries' }), h('dd', { text: String(r.entries) }),
      h('dt', { i18n: 'shift.exits' }), h('dd', { text: String(r.exits) }),
      h('dt', { i18n: 'shift.lostTickets' }), h('dd', { text: String(r.lostTickets) }),
      Object.entries(r.revenueByMethod || {}).map(([m, v]) => [h('dt', { text: m }), h('dd', { text: money(v) })]),
      h('dt', { i18n: 'shift.totalRevenue' }), h('dd', { text: money(r.totalRevenue) }),
      h('dt', { i18n: 'shift.cashExpected' }), h('dd', { id: 'shift-expected', text: money(r.cashExpected) }),
      r.countedCash != null ? [h('dt', { i18n: 'shift.countedCash' }), h('dd', { text: money(r.countedCash) })] : null,
      r.difference != null ? [h('dt', { i18n: 'shift.difference' }), h('dd', { id: 'shift-difference', text: money(r.difference) })] : null);
  }

  function reportView(report) {
    return h('div', { class: 'card stack', id: 'shift-report' }, h('h2', { i18n: 'shift.report' }), facts(report),
      h('button', { type: 'button', class: 'secondary', onclick: () => printSlip(shiftSlip(report), true) }, h('span', { i18n: 'shift.print' })));
  }

  load();
  return {};
}
