// Login, the forced first password change, logout, and what the page knows of the site and the
// user. The token lives in localStorage: a reload or a second tab stays logged in; logging out in
// one tab logs out the others.
import { api, auth, setAuth, errorText, onUnauthorized, ApiError } from './api.js';
import { setTimeZone } from './format.js';
import { $ } from './dom.js';

let siteInfo = { name: 'Parkir', address: '', timeZone: 'Asia/Jakarta' };
export function site() { return siteInfo; }
export function user() { return auth(); }

let pending = null; // the login the page waits for (first login, or after a 401)
let pendingResolve = null;
const listeners = [];
/** fn(user) after every successful login (and at start when already logged in). */
export function onLogin(fn) { listeners.push(fn); }

export async function loadSite() {
  try {
    siteInfo = { ...siteInfo, ...(await api('GET', '/site')) };
  } catch (e) { /* older server: defaults */ }
  setTimeZone(siteInfo.timeZone);
  $('#site-name').textContent = siteInfo.name;
  document.title = siteInfo.name;
}

/** Shows the login over whatever is on screen; resolves when someone has logged in. */
export function requireLogin(expired) {
  if (!pending) {
    pending = new Promise((resolve) => { pendingResolve = resolve; });
  }
  $('#login-note').hidden = !expired;
  $('#login-layer').hidden = false;
  $('#login-form').hidden = false;
  $('#password-form').hidden = true;
  $('#login-error').textContent = '';
  const name = $('#login-username');
  const previous = auth();
  if (expired && previous && !name.value) name.value = previous.username;
  (name.value ? $('#login-password') : name).focus();
  usable();
  return pending;
}

/** Marks the moment the first screen could take input (the browser tests print it). */
function usable() {
  if (!performance.getEntriesByName('parkir-usable').length) performance.mark('parkir-usable');
}

function finishLogin(current) {
  usable();
  $('#login-layer').hidden = true;
  $('#login-password').value = '';
  const resolve = pendingResolve;
  pending = null;
  pendingResolve = null;
  listeners.forEach((fn) => fn(current));
  if (resolve) resolve(current);
}

async function submitLogin(event) {
  event.preventDefault();
  const error = $('#login-error');
  error.textContent = '';
  const username = $('#login-username').value.trim();
  const password = $('#login-password').value;
  if (!username || !password) { error.textContent = errorText(new ApiError(400, 'login_missing')); return; }
  try {
    const result = await api('POST', '/auth/login', { json: { username, password }, noReauth: true });
    const previous = auth();
    setAuth({ token: result.token, username: result.username, role: result.role, expiresAt: result.expiresAt });
    if (previous && previous.username !== result.username) sessionStorage.setItem('parkir.userChanged', '1');
    if (result.mustChangePassword) {
      $('#login-form').hidden = true;
      $('#password-form').hidden = false;
      $('#password-old').value = password;
      $('#password-new').focus();
      return;
    }
    await loadSite();
    finishLogin(auth());
  } catch (e) {
    error.textContent = errorText(e);
    $('#login-password').select();
  }
}

async function submitPassword(event) {
  event.preventDefault();
  const error = $('#password-error');
  error.textContent = '';
  const oldPassword = $('#password-old').value;
  const newPassword = $('#password-new').value;
  if (newPassword !== $('#password-repeat').value) {
    error.textContent = errorText(new ApiError(400, 'password_mismatch'));
    $('#password-repeat').select();
    return;
  }
  try {
    await api('POST', '/auth/password', { json: { oldPassword, newPassword }, noReauth: true });
    ['#password-old', '#password-new', '#password-repeat'].forEach((s) => { $(s).value = ''; });
    await loadSite();
    finishLogin(auth());
  } catch (e) {
    error.textContent = errorText(e);
    $('#password-new').select();
  }
}

export async function logout() {
  try { await api('POST', '/auth/logout', { noReauth: true }); } catch { /* logged out anyway */ }
  setAuth(null);
  window.location.hash = '#/';
  window.location.reload();
}

/** At page load: a stored token that still works skips the login. */
export async function start() {
  $('#login-form').addEventListener('submit', submitLogin);
  $('#password-form').addEventListener('submit', submitPassword);
  onUnauthorized(() => requireLogin(true));
  window.addEventListener('storage', (e) => {
    if (e.key === 'parkir.auth' && !e.newValue) window.location.reload();
  });
  const stored = auth();
  if (stored && stored.token) {
    try {
      const me = await api('GET', '/auth/me', { noReauth: true });
      if (!me.mustChangePassword) {
        setAuth({ ...stored, username: me.username, role: me.role });
        await loadSite();
        finishLogin(auth());
        return;
      }
    } catch { /* expired: log in */ }
    setAuth(null);
  }
  await requireLogin(false);
}
