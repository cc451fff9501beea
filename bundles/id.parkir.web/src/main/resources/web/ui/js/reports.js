// Laporan (admins): a report over a period of the site's days (presets or chosen dates), its
// grouping and filters; a preview of its first rows with the totals and a chart; a download
// button for each installed format. Downloads are fetched with the bearer header and saved from a
// blob: the token is never in an address.
import { api, errorText } from './api.js';
import { h, clear, field } from './dom.js';
import { currentLanguage } from './i18n.js';
import { money, siteDate } from './format.js';
import { barChart } from './chart.js';

const KINDS = { revenue: 'reports.kind.revenue', traffic: 'reports.kind.traffic', sessions: 'reports.kind.sessions',
  'lost-overnight': 'reports.kind.lostOvernight', shifts: 'reports.kind.shifts', activity: 'reports.kind.activity' };
const PRESETS = { today: 'reports.preset.today', yesterday: 'reports.preset.yesterday', thisWeek: 'reports.preset.thisWeek',
  thisMonth: 'reports.preset.thisMonth', lastMonth: 'reports.preset.lastMonth', custom: 'reports.preset.custom' };
const GROUPINGS = { day: 'reports.by.day', hour: 'reports.by.hour', method: 'reports.by.method',
  vehicleType: 'reports.by.vehicleType', cashier: 'reports.by.cashier', zone: 'reports.by.zone', gate: 'reports.by.gate' };
const FILTERS = { zone: 'field.zone', gate: 'field.gate', vehicleType: 'field.type', method: 'reports.method',
  cashier: 'field.cashier', user: 'activity.user', action: 'activity.kind', q: 'activity.text' };
const TYPES = { '': 'reports.anyType', motorcycle: 'type.motorcycle', car: 'type.car', truck: 'type.truck', bus: 'type.bus' };
const COLOURS = ['#1559b7', '#1f8a3a', '#c98a00', '#c62828'];
const number = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

/** Days as YYYY-MM-DD strings, counted in UTC so that no clock change moves them. */
function addDays(day, n) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** [from, to] of a preset, from the site's today; weeks begin on Monday. */
export function presetPeriod(preset, today) {
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  const firstOfMonth = `${today.slice(0, 8)}01`;
  switch (preset) {
    case 'yesterday': return [addDays(today, -1), addDays(today, -1)];
    case 'thisWeek': return [addDays(today, -weekday), today];
    case 'thisMonth': return [firstOfMonth, today];
    case 'lastMonth': { const last = addDays(firstOfMonth, -1); return [`${last.slice(0, 8)}01`, last]; }
    default: return [today, today];
  }
}

function cell(type, value) {
  if (value == null) return '';
  if (type === 'MONEY') return money(value);
  if (type === 'INTEGER' || type === 'MINUTES' || type === 'DECIMAL') return number.format(value);
  if (type === 'DATE_TIME') return String(value).replace('T', ' ');
  return String(value);
}

/** The options of a drop-down: [value, dictionary key] pairs. */
function options(select, entries) {
  clear(select, entries.map(([value, key]) => h('option', { value, i18n: key })));
}

export function mountReports(main) {
  const today = siteDate(new Date().toISOString());
  const kind = h('select', { id: 'rep-kind' });
  const preset = h('select', { id: 'rep-preset' });
  options(preset, Object.entries(PRESETS));
  const from = h('input', { id: 'rep-from', type: 'date', value: today, required: true });
  const to = h('input', { id: 'rep-to', type: 'date', value: today, required: true });
  const by = h('select', { id: 'rep-by' });
  const byField = field('rep-by', 'reports.by', by);
  const inputs = {};
  const filterFields = {};
  // the zones and the payment methods are the server's lists, the vehicle types the UI's
  const lists = ['vehicleType', 'zone', 'method'];
  for (const [name, key] of Object.entries(FILTERS)) {
    const input = lists.includes(name) ? h('select', { id: `rep-${name}` })
      : h('input', { id: `rep-${name}`, maxlength: name === 'q' ? 100 : 64, autocomplete: 'off' });
    if (name === 'vehicleType') options(input, Object.entries(TYPES));
    else if (lists.includes(name)) options(input, [['', 'reports.any']]);
    inputs[name] = input;
    filterFields[name] = field(input.id, key, input);
  }
  const error = h('p', { class: 'error', role: 'alert', id: 'rep-error' });
  const status = h('p', { class: 'muted', role: 'status', id: 'rep-status' });
  const downloads = h('div', { class: 'row', id: 'rep-downloads' });
  const heading = h('h2', { id: 'rep-heading' });
  const note = h('p', { class: 'muted small', id: 'rep-more' });
  const table = h('table', { id: 'rep-table' });
  const wrapper = h('div', { class: 'card' }, table);
  wrapper.style.overflowX = 'auto';
  const chart = h('canvas', { id: 'rep-chart', class: 'chart' });
  const legend = h('div', { class: 'legend' });
  const chartCard = h('div', { class: 'card stack', hidden: true }, chart, legend);
  const form = h('form', { class: 'card filters', id: 'rep-form', novalidate: true },
    field('rep-kind', 'reports.kind', kind), field('rep-preset', 'reports.period', preset), field('rep-from', 'sessions.from', from),
    field('rep-to', 'sessions.to', to), byField, Object.values(filterFields),
    h('button', { type: 'submit', id: 'rep-show' }, h('span', { i18n: 'reports.show' })));
  clear(main, h('h1', { i18n: 'reports.title' }), form, error, downloads, status, heading, note, wrapper, chartCard);

  let kinds = [];
  let formats = [];
  let generation = 0; // the answer of an older request arriving late must not replace a newer one

  function selectedKind() { return kinds.find((k) => k.id === kind.value) || { groupings: [], filters: [] }; }

  function showKind() {
    const k = selectedKind();
    options(by, k.groupings.map((g) => [g, GROUPINGS[g]]));
    byField.hidden = k.groupings.length === 0;
    for (const [name, f] of Object.entries(filterFields)) f.hidden = !k.filters.includes(name);
  }

  function query(format) {
    const q = new URLSearchParams({ from: from.value, to: to.value, lang: currentLanguage() });
    const k = selectedKind();
    if (k.groupings.length && by.value) q.set('by', by.value);
    for (const name of k.filters) {
      const v = inputs[name].value.trim();
      if (v) q.set(name, v);
    }
    if (format) q.set('format', format);
    return q;
  }

  async function preview(e) {
    if (e) e.preventDefault();
    const mine = ++generation;
    error.replaceChildren();
    status.replaceChildren();
    try {
      const r = await api('GET', `/reports/${encodeURIComponent(kind.value)}?${query()}`);
      if (mine !== generation) return;
      heading.textContent = `${r.title} · ${r.from} – ${r.to}`;
      const types = r.columns.map((c) => c.type);
      const numeric = (t) => ['MONEY', 'INTEGER', 'MINUTES', 'DECIMAL'].includes(t);
      const row = (values, tag) => h('tr', null, values.map((v, i) => h(tag, { class: numeric(types[i]) ? 'num' : null,
        text: cell(types[i], v) })));
      const totals = r.totals ? row(r.totals, 'th') : null;
      if (totals && r.totals[0] == null) totals.firstChild.replaceWith(h('th', { i18n: 'reports.total' }));
      clear(table, h('thead', null, h('tr', null, r.columns.map((c) => h('th', { class: numeric(c.type) ? 'num' : null, text: c.title })))),
        h('tbody', null, r.rows.map((values) => row(values, 'td'))), totals ? h('tfoot', null, totals) : null);
      clear(note, r.rows.length === 0 ? h('span', { i18n: 'reports.empty' })
        : r.more ? h('span', { i18n: r.totals ? 'reports.more' : 'reports.moreNoTotals', args: { n: r.rows.length } }) : null);
      drawChart(r.chart);
    } catch (err) {
      if (mine === generation) error.textContent = errorText(err);
    }
  }

  function drawChart(c) {
    chartCard.hidden = !c || c.labels.length === 0;
    if (chartCard.hidden) return;
    const series = c.series.map((s, i) => ({ name: s.name, color: COLOURS[i % COLOURS.length], values: s.values }));
    clear(legend, series.map((s) => {
      const swatch = h('span', { class: 'swatch' });
      swatch.style.background = s.color;
      return h('span', null, swatch, h('span', { text: s.name }));
    }));
    requestAnimationFrame(() => barChart(chart, c.labels.map((l) => l.slice(-5)), series,
      (v) => (v >= 1e6 ? `${number.format(v / 1e6)} jt` : number.format(v))));
  }

  async function download(format) {
    error.replaceChildren();
    const file = `parkir-${kind.value}-${from.value}_${to.value}.${format.extension}`;
    clear(status, h('span', { i18n: 'reports.downloading', args: { file } }));
    try {
      const blob = await api('GET', `/reports/${encodeURIComponent(kind.value)}?${query(format.id)}`, { blob: true });
      const url = URL.createObjectURL(blob);
      const a = h('a', { href: url, download: file, hidden: true });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      clear(status, h('span', { i18n: 'reports.downloaded', args: { file } }));
      status.dataset.file = file;
      status.dataset.bytes = String(blob.size);
    } catch (err) {
      status.replaceChildren();
      error.textContent = errorText(err);
    }
  }

  function showFormats() {
    clear(downloads, formats.length === 0 ? h('p', { class: 'muted', i18n: 'reports.noExporter' })
      : formats.map((f) => h('button', { type: 'button', class: 'secondary', 'data-format': f.id, onclick: () => download(f) },
        h('span', { i18n: 'reports.download', args: { format: f.id.toUpperCase() } }))));
  }

  preset.addEventListener('change', () => {
    if (preset.value === 'custom') { from.focus(); return; }
    [from.value, to.value] = presetPeriod(preset.value, today);
    preview();
  });
  for (const d of [from, to]) d.addEventListener('change', () => { preset.value = 'custom'; });
  kind.addEventListener('change', () => { showKind(); preview(); });
  by.addEventListener('change', () => preview());
  form.addEventListener('submit', preview);

  const named = (select, items) => items.forEach((i) => select.append(h('option', { value: i.value, text: i.text })));
  api('GET', '/zones').then((zones) => named(inputs.zone, zones.map((z) => ({ value: z.code, text: `${z.code} · ${z.name || ''}` }))))
    .catch(() => {});
  api('GET', '/payment-methods').then((methods) => named(inputs.method, methods.map((m) => ({ value: m.id, text: m.name }))))
    .catch(() => {});
  Promise.all([api('GET', '/reports'), api('GET', '/report-formats')]).then(([k, f]) => {
    kinds = k;
    formats = f;
    options(kind, kinds.filter((x) => KINDS[x.id]).map((x) => [x.id, KINDS[x.id]]));
    showKind();
    showFormats();
    main.dataset.ready = 'true';
    preview();
  }).catch((e) => { error.textContent = errorText(e); });
  kind.focus();
  return {};
}
