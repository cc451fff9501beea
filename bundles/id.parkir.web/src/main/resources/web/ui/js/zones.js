// Zones and slots (admins): capacity per vehicle type, a new zone, occupancy per zone.
import { api, errorText } from './api.js';
import { h, clear, toast, field } from './dom.js';
import { VEHICLE_TYPES } from './entry.js';

export function mountZones(main) {
  const body = h('tbody');
  const error = h('p', { class: 'error', role: 'alert', id: 'zones-error' });
  const code = h('input', { id: 'zone-new-code', maxlength: 8, autocomplete: 'off' });
  const name = h('input', { id: 'zone-new-name', maxlength: 64, autocomplete: 'off' });
  const caps = VEHICLE_TYPES.map((type) => h('input', { id: `zone-new-${type}`, inputmode: 'numeric', maxlength: 6, value: '0' }));
  const addError = h('p', { class: 'error', role: 'alert' });
  const addForm = h('form', { class: 'card stack', id: 'zone-add', novalidate: true }, h('h2', { i18n: 'zones.add' }),
    field('zone-new-code', 'zones.code', code), field('zone-new-name', 'zones.name', name),
    VEHICLE_TYPES.map((type, i) => field(`zone-new-${type}`, `type.${type}`, caps[i])), addError,
    h('button', { type: 'submit' }, h('span', { i18n: 'zones.create' })));
  clear(main, h('h1', { i18n: 'zones.title' }), error, h('div', { class: 'grid3' },
    h('div', { class: 'card' }, h('table', { id: 'zones-table' }, h('thead', null, h('tr', null, h('th', { i18n: 'zones.code' }),
      h('th', { i18n: 'zones.name' }), VEHICLE_TYPES.map((type) => h('th', { i18n: `type.${type}` })), h('th'))), body),
      h('p', { class: 'hint', i18n: 'zones.hint' })),
    addForm));

  async function save(zoneCode, zoneName, inputs, rowError) {
    const capacity = {};
    VEHICLE_TYPES.forEach((type, i) => { capacity[type] = Number(inputs[i].value.replace(/[^0-9]/g, '') || '0'); });
    try {
      await api('PUT', `/zones/${encodeURIComponent(zoneCode)}`, { json: { name: zoneName, capacity } });
      toast('zones.saved');
      load();
      return true;
    } catch (e) { rowError.textContent = errorText(e); return false; }
  }

  async function load() {
    try {
      const [zones, occupancy] = await Promise.all([api('GET', '/zones'), api('GET', '/occupancy')]);
      const used = new Map(occupancy.map((z) => [z.zone, new Map(z.vehicleTypes.map((v) => [v.vehicleType, v.inside]))]));
      clear(body, zones.map((z) => {
        const zoneName = h('input', { value: z.name, maxlength: 64, 'aria-label': 'name' });
        const inputs = VEHICLE_TYPES.map((type) => h('input', { class: 'cap', inputmode: 'numeric', maxlength: 6,
          value: String(z.capacity[type] || 0), 'aria-label': type }));
        const rowError = h('div', { class: 'error' });
        const tr = h('tr', null, h('td', { class: 'plate-text', text: z.code }), h('td', null, zoneName),
          VEHICLE_TYPES.map((type, i) => h('td', null, inputs[i],
            h('div', { class: 'small muted', i18n: 'zones.inside', args: { n: (used.get(z.code) || new Map()).get(type) || 0 } }))),
          h('td', null, h('button', { type: 'button', class: 'secondary', onclick: () => save(z.code, zoneName.value, inputs, rowError) },
            h('span', { i18n: 'zones.save' })), rowError));
        tr.dataset.zone = z.code;
        return tr;
      }));
    } catch (e) { error.textContent = errorText(e); }
  }

  addForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    addError.replaceChildren();
    if (await save(code.value.trim().toUpperCase(), name.value.trim(), caps, addError)) {
      code.value = '';
      name.value = '';
    }
  });

  load();
  main.focus();
  return {};
}
