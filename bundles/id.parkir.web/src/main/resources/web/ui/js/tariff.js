// Pengaturan Tarif (admins): the progressive tariff per vehicle type, edited through the API
// (Config Admin: etc/ stays the source of truth), and a calculator that prices a stay with the
// real tariff rule.
import { api, errorText, ApiError } from './api.js';
import { h, clear, toast, field } from './dom.js';
import { money, siteLocalToIso, isoToSiteLocal } from './format.js';
import { VEHICLE_TYPES } from './entry.js';

const FIELDS = ['firstHour', 'nextHour', 'dailyMax', 'graceMinutes', 'overnight', 'lostTicketFine'];

export function mountTariff(main) {
  const body = h('tbody');
  const error = h('p', { class: 'error', role: 'alert', id: 'tariff-error' });
  const save = h('button', { type: 'button', id: 'tariff-save' }, h('span', { i18n: 'tariff.save' }));
  const inputs = {};
  const calcType = h('select', { id: 'calc-type' }, VEHICLE_TYPES.map((type) => h('option', { value: type, i18n: `type.${type}` })));
  calcType.value = 'car';
  const now = new Date();
  const entry = h('input', { id: 'calc-entry', type: 'datetime-local', value: isoToSiteLocal(new Date(now - 3 * 3600000).toISOString()) });
  const exit = h('input', { id: 'calc-exit', type: 'datetime-local', value: isoToSiteLocal(now.toISOString()) });
  const lost = h('input', { id: 'calc-lost', type: 'checkbox' });
  const calcError = h('p', { class: 'error', role: 'alert' });
  const result = h('div', { id: 'calc-result' });
  const calc = h('form', { class: 'card stack', id: 'calc-form', novalidate: true }, h('h2', { i18n: 'tariff.calculator' }),
    field('calc-type', 'field.type', calcType), field('calc-entry', 'field.entryTime', entry), field('calc-exit', 'tariff.exitTime', exit),
    h('label', { class: 'row' }, lost, h('span', { i18n: 'nav.lost' })), calcError,
    h('button', { type: 'submit' }, h('span', { i18n: 'tariff.compute' })), result);
  clear(main, h('h1', { i18n: 'tariff.title' }), h('div', { class: 'grid3' },
    h('div', { class: 'card stack' }, h('table', { id: 'tariff-table' }, h('thead', null, h('tr', null, h('th', { i18n: 'field.type' }),
      FIELDS.map((f) => h('th', { class: 'num', i18n: `tariff.${f}` })))), body), error,
      h('p', { class: 'hint', i18n: 'tariff.hint' }), save),
    calc));

  async function load() {
    try {
      const tariff = await api('GET', '/tariff');
      clear(body, VEHICLE_TYPES.filter((type) => tariff.types[type]).map((type) => {
        inputs[type] = {};
        return h('tr', { 'data-type': type }, h('td', { i18n: `type.${type}` }), FIELDS.map((f) => {
          const input = h('input', { class: 'cap', inputmode: 'numeric', maxlength: 10, value: String(tariff.types[type][f]),
            id: `tariff-${type}-${f}`, 'aria-label': `${type} ${f}` });
          inputs[type][f] = input;
          return h('td', { class: 'num' }, input);
        }));
      }));
    } catch (e) { error.textContent = errorText(e); }
  }

  save.addEventListener('click', async () => {
    error.replaceChildren();
    const types = {};
    for (const [type, fields] of Object.entries(inputs)) {
      types[type] = {};
      for (const f of FIELDS) {
        const digits = fields[f].value.replace(/[.\s]/g, '');
        types[type][f] = /^[0-9]{1,10}$/.test(digits) ? Number(digits) : fields[f].value;
      }
    }
    try {
      await api('PUT', '/tariff', { json: { types } });
      toast('tariff.saved');
      load();
    } catch (e) { error.textContent = errorText(e); }
  });

  calc.addEventListener('submit', async (e) => {
    e.preventDefault();
    calcError.replaceChildren();
    const entryTime = siteLocalToIso(entry.value);
    const exitTime = siteLocalToIso(exit.value);
    if (!entryTime || !exitTime) { calcError.textContent = errorText(new ApiError(400, 'date_invalid')); return; }
    try {
      const fee = await api('POST', '/tariff/quote', { json: { vehicleType: calcType.value, entryTime, exitTime, lostTicket: lost.checked } });
      clear(result, h('table', { class: 'fee-lines' }, fee.lines.map((l) => h('tr', null, h('td', { text: l.label }),
        h('td', { class: 'num', text: money(l.amount) }))), h('tr', { class: 'fee-total' }, h('td', { i18n: 'field.total' }),
        h('td', { class: 'num', id: 'calc-total', text: money(fee.total) }))));
    } catch (err) { calcError.textContent = errorText(err); }
  });

  load();
  main.focus();
  return {};
}
