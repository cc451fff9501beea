// The page: routes (#/entry, #/exit, ...), the menu with its function keys, the language switch.
import { loadLanguage, currentLanguage, translate } from './i18n.js';
import { $, h, clear } from './dom.js';
import { start, user, logout, onLogin } from './session.js';
import { startStatus, changed } from './status.js';
import { applyPaper, gateSettings } from './settings.js';
import { mountEntry } from './entry.js';
import { mountExit } from './exit.js';
import { mountLost } from './lost.js';
import { mountOvernight } from './overnight.js';
import { mountShift } from './shift.js';
import { mountActivity } from './activity.js';
import { mountGateSettings } from './gate.js';
import { mountDashboard } from './dashboard.js';
import { mountUsers } from './users.js';
import { mountZones } from './zones.js';
import { mountTariff } from './tariff.js';
import { mountSessions, mountSession } from './sessions.js';
import { mountCameras } from './cameras.js';
import { mountPlayback } from './playback.js';
import { mountBackups } from './backups.js';
import { mountReports } from './reports.js';

const STAFF = ['operator', 'admin'];
const ADMIN = ['admin'];
// a route's path may end in a parameter (admin/session/<ticket>): "param" routes match its prefix
const ROUTES = [
  { path: 'entry', key: 'F2', label: 'nav.entry', mount: mountEntry, roles: STAFF },
  { path: 'exit', key: 'F3', label: 'nav.exit', mount: mountExit, roles: STAFF },
  { path: 'lost', key: 'F4', label: 'nav.lost', mount: mountLost, roles: STAFF },
  { path: 'overnight', label: 'nav.overnight', mount: mountOvernight, roles: STAFF },
  { path: 'shift', label: 'nav.shift', mount: mountShift, roles: STAFF },
  { path: 'settings', label: 'nav.settings', mount: mountGateSettings, roles: STAFF },
  { path: 'admin/dashboard', label: 'nav.dashboard', mount: mountDashboard, roles: ADMIN, admin: true },
  { path: 'admin/sessions', label: 'nav.sessions', mount: mountSessions, roles: ADMIN, admin: true },
  { path: 'admin/session', param: true, mount: mountSession, roles: ADMIN },
  { path: 'admin/cameras', label: 'nav.cameras', mount: mountCameras, roles: ADMIN, admin: true },
  { path: 'admin/playback', param: true, label: 'nav.playback', mount: mountPlayback, roles: ADMIN, admin: true },
  { path: 'admin/users', label: 'nav.users', mount: mountUsers, roles: ADMIN, admin: true },
  { path: 'admin/zones', label: 'nav.zones', mount: mountZones, roles: ADMIN, admin: true },
  { path: 'admin/tariff', label: 'nav.tariff', mount: mountTariff, roles: ADMIN, admin: true },
  { path: 'admin/reports', label: 'nav.reports', mount: mountReports, roles: ADMIN, admin: true },
  { path: 'admin/activity', label: 'nav.activity', mount: mountActivity, roles: ADMIN, admin: true },
  { path: 'admin/backups', label: 'nav.backups', mount: mountBackups, roles: ADMIN, admin: true },
];

let screen = null;
let mounted = null;

/** The route of the address and its parameter (a ticket, a camera), if any. */
function route() {
  const me = user();
  const path = (window.location.hash || '').replace(/^#\/?/, '') || (me && me.role === 'admin' ? 'admin/dashboard' : 'entry');
  for (const r of ROUTES) {
    if (r.path === path) return { route: r, param: null };
    if (r.param && path.startsWith(`${r.path}/`)) return { route: r, param: decodeURIComponent(path.slice(r.path.length + 1)) };
  }
  return null;
}

function render() {
  const me = user();
  if (!me) return;
  if (mounted && mounted.unmount) mounted.unmount();
  mounted = null;
  const main = $('#screen');
  delete main.dataset.captureMillis;
  delete main.dataset.quoteMillis;
  const found = route();
  const r = found && found.route;
  document.querySelectorAll('#nav a').forEach((a) => a.toggleAttribute('aria-current', false));
  if (!r) {
    clear(main, h('h1', { i18n: 'route.unknown' }));
    return;
  }
  const link = document.querySelector(`#nav a[data-path="${r.path}"]`);
  if (link) link.setAttribute('aria-current', 'page');
  main.dataset.screen = r.path;
  if (!r.roles.includes(me.role)) {
    // the API refuses such calls too (403); the page does not even ask
    clear(main, h('h1', { id: 'forbidden', i18n: 'route.forbidden' }), h('p', { class: 'muted', i18n: 'route.forbiddenHint' }));
    return;
  }
  screen = r;
  mounted = r.mount(main, found.param) || {};
}

function buildNav() {
  const me = user();
  const link = (r) => h('a', { href: `#/${r.path}`, 'data-path': r.path, class: r.admin ? 'admin' : null },
    h('span', { i18n: r.label }), r.key ? [' ', h('kbd', { text: r.key })] : null);
  const mine = ROUTES.filter((r) => r.label && r.roles.includes(me.role));
  clear($('#nav'), mine.filter((r) => !r.admin).map(link), mine.some((r) => r.admin) ? h('span', { class: 'nav-gap' }) : null,
    mine.filter((r) => r.admin).map(link));
}

function onKey(e) {
  if (!user() || !$('#login-layer').hidden) return;
  if (mounted && mounted.onKey && mounted.onKey(e)) return;
  const target = ROUTES.find((r) => r.key === e.key);
  if (target && target.roles.includes(user().role)) {
    e.preventDefault();
    if (screen !== target) window.location.hash = `#/${target.path}`;
  }
}

async function boot() {
  applyPaper(gateSettings().paper);
  await loadLanguage(currentLanguage());
  // the status bar's texts carry values (role, vehicle types): they are rendered again in the new language
  const toggle = async () => { await loadLanguage(currentLanguage() === 'id' ? 'en' : 'id'); showLanguage(); if (user()) changed(); };
  $('#lang-toggle').addEventListener('click', toggle);
  $('#login-lang').addEventListener('click', toggle);
  $('#logout').addEventListener('click', logout);
  document.addEventListener('keydown', onKey);
  window.addEventListener('hashchange', render);
  showLanguage();
  onLogin(() => {
    $('#topbar').hidden = false;
    buildNav();
    translate(document);
    startStatus();
    if (!mounted || sessionStorage.getItem('parkir.userChanged')) { sessionStorage.removeItem('parkir.userChanged'); render(); }
  });
  document.body.dataset.ready = 'true';
  await start();
}

function showLanguage() {
  $('#lang-toggle').textContent = currentLanguage() === 'id' ? 'EN' : 'ID';
}

boot();
