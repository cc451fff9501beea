// Dashboard (admins): vehicles inside per zone and type, today's traffic and revenue, the hourly
// chart against the same weekday last week, the 30-day trend, overnight vehicles, cameras not
// recording and failed logins; polled every 15 s (no reload).
import { api, errorText } from './api.js';
import { h, clear } from './dom.js';
import { money, dateTime } from './format.js';
import { barChart, lineChart, legend } from './chart.js';

const REFRESH_MS = 15000;

function tile(id, labelKey) {
  const value = h('div', { class: 'tile-value', id });
  return [h('div', { class: 'tile card' }, h('div', { class: 'small muted', i18n: labelKey }), value), value];
}

/** The last backup, and a failed scheduled one (or a failed copy to the second folder) as an alert. */
function backupState(s) {
  if (!s) return h('span', { class: 'muted', i18n: 'dash.backupUnknown' });
  if (!s.supported) return h('span', { class: 'muted', i18n: 'backups.unsupported', args: { db: s.database } });
  const last = s.lastBackup;
  return [s.alert ? h('p', { class: 'note bad', id: 'dash-backup-alert' }, h('span', { i18n: 'dash.backupAlert' }), ' ',
    h('a', { href: '#/admin/backups', i18n: 'nav.backups' })) : null,
  last ? h('div', { id: 'dash-backup-last' }, h('span', { text: dateTime(last.finishedAt) }), ' ',
    h('span', { class: last.ok ? 'badge ok' : 'badge bad', i18n: last.ok ? 'backups.ok' : 'backups.failed' }))
    : h('div', { class: 'muted', id: 'dash-backup-last', i18n: 'backups.never' })];
}

export function mountDashboard(main) {
  const [entriesTile, entries] = tile('dash-entries', 'dash.entries');
  const [exitsTile, exits] = tile('dash-exits', 'dash.exits');
  const [revenueTile, revenue] = tile('dash-revenue', 'dash.revenue');
  const [insideTile, inside] = tile('dash-inside', 'dash.inside');
  const [overnightTile, overnight] = tile('dash-overnight', 'dash.overnight');
  const [failedTile, failed] = tile('dash-failed', 'dash.failedLogins');
  const byMethod = h('div', { id: 'dash-methods', class: 'small' });
  const zones = h('tbody');
  const cameras = h('ul', { id: 'dash-cameras', class: 'plain' });
  const backup = h('div', { id: 'dash-backup' });
  const hourly = h('canvas', { id: 'dash-hourly', class: 'chart' });
  const daily = h('canvas', { id: 'dash-daily', class: 'chart' });
  const error = h('p', { class: 'error', role: 'alert' });
  const hourlySeries = [{ name: 'dash.entriesToday', color: '#1559b7' }, { name: 'dash.exitsToday', color: '#1f8a3a' },
    { name: 'dash.entriesLastWeek', color: '#9fb7dc' }];
  const dailySeries = [{ name: 'dash.entriesToday', color: '#1559b7' }, { name: 'dash.exitsToday', color: '#1f8a3a' }];
  clear(main, h('h1', { i18n: 'dash.title' }), error,
    h('div', { class: 'tiles' }, entriesTile, exitsTile, revenueTile, insideTile, overnightTile, failedTile),
    h('div', { class: 'grid2' },
      h('div', { class: 'card stack' }, h('h2', { i18n: 'dash.hourly' }), hourly, legend(hourlySeries)),
      h('div', { class: 'card stack' }, h('h2', { i18n: 'dash.daily' }), daily, legend(dailySeries),
        h('canvas', { id: 'dash-revenue-trend', class: 'chart small-chart' }), legend([{ name: 'dash.revenuePerDay', color: '#c98a00' }]))),
    h('div', { class: 'grid3' },
      h('div', { class: 'card' }, h('h2', { i18n: 'dash.zones' }),
        h('table', { id: 'dash-zones' }, h('thead', null, h('tr', null, h('th', { i18n: 'field.zone' }), h('th', { i18n: 'field.type' }),
          h('th', { class: 'num', i18n: 'dash.insideCol' }), h('th', { class: 'num', i18n: 'dash.freeCol' }))), zones)),
      h('div', { class: 'stack' }, h('div', { class: 'card' }, h('h2', { i18n: 'dash.byMethod' }), byMethod),
        h('div', { class: 'card' }, h('h2', { i18n: 'dash.cameras' }), cameras),
        h('div', { class: 'card' }, h('h2', { i18n: 'dash.backup' }), backup))));

  async function refresh() {
    try {
      const [today, hours, days, occupancy, nvr, backups] = await Promise.all([
        api('GET', '/stats/today'), api('GET', '/stats/hourly'), api('GET', '/stats/daily?days=30'),
        api('GET', '/occupancy'), api('GET', '/nvr/status').catch(() => ({ cameras: [] })),
        api('GET', '/backups/status').catch(() => null)]);
      error.replaceChildren();
      entries.textContent = String(today.entries);
      exits.textContent = String(today.exits);
      revenue.textContent = money(today.revenue);
      inside.textContent = String(today.inside);
      overnight.textContent = String(today.overnight);
      failed.textContent = String(today.failedLogins24h);
      failed.classList.toggle('warn', today.failedLogins24h > 0);
      clear(byMethod, Object.entries(today.revenueByMethod || {}).map(([m, v]) => h('div', { class: 'row' },
        h('span', { text: m }), h('strong', { text: money(v) }))));
      clear(zones, occupancy.flatMap((z) => z.vehicleTypes.filter((v) => v.capacity > 0).map((v) => h('tr', null,
        h('td', { text: z.name }), h('td', { i18n: `type.${v.vehicleType}` }), h('td', { class: 'num', text: String(v.inside) }),
        h('td', { class: v.free === 0 ? 'num full' : 'num', text: String(v.free) })))));
      const down = nvr.cameras.filter((c) => c.state !== 'recording');
      clear(cameras, down.length ? down.map((c) => h('li', { class: 'bad' }, h('strong', { text: c.name || c.camera }), ' · ',
        h('span', { i18n: `camera.state.${c.state}` }), c.reason ? [' · ', h('span', { text: c.reason })] : null))
        : h('li', { i18n: 'dash.allRecording', args: { n: nvr.cameras.length } }));
      clear(backup, backupState(backups));
      const labels = hours.hours.map((x) => String(x.hour).padStart(2, '0'));
      hourlySeries[0].values = hours.hours.map((x) => x.entries);
      hourlySeries[1].values = hours.hours.map((x) => x.exits);
      hourlySeries[2].values = hours.compare.map((x) => x.entries);
      barChart(hourly, labels, hourlySeries);
      const dayLabels = days.days.map((d) => d.date.slice(8));
      dailySeries[0].values = days.days.map((d) => d.entries);
      dailySeries[1].values = days.days.map((d) => d.exits);
      lineChart(daily, dayLabels, dailySeries);
      lineChart(main.querySelector('#dash-revenue-trend'), dayLabels, [{ color: '#c98a00', values: days.days.map((d) => d.revenue) }],
        (v) => (v >= 1e6 ? `${Math.round(v / 1e5) / 10}jt` : v >= 1e3 ? `${Math.round(v / 1e3)}rb` : String(v)));
      main.dataset.refreshedAt = String(Date.now());
    } catch (e) {
      error.textContent = errorText(e);
    }
  }

  refresh();
  const timer = setInterval(refresh, REFRESH_MS);
  main.focus();
  return { unmount: () => clearInterval(timer) };
}
