// The only way the UI talks to the server: the public /api with the bearer token in a header
// (never in a URL). A 401 in the middle of work (token expired, revoked, password changed
// elsewhere) asks for a login over the current screen and then repeats the request, so nothing
// typed on the screen is lost.
import { t, has } from './i18n.js';

const STORE = 'parkir.auth';

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message || code);
    this.status = status;
    this.code = code;
  }
}

export function auth() {
  try { return JSON.parse(localStorage.getItem(STORE)) || null; } catch { return null; }
}
export function setAuth(value) {
  if (value) localStorage.setItem(STORE, JSON.stringify(value)); else localStorage.removeItem(STORE);
}

let reauthenticate = null;
/** fn(): a promise that settles once the user has logged in again. */
export function onUnauthorized(fn) { reauthenticate = fn; }

export async function api(method, path, options = {}) {
  // photos, snapshots and footage are media: an Accept of JSON alone would be answered 406
  const headers = { Accept: options.blob ? '*/*' : 'application/json', ...(options.headers || {}) };
  const current = auth();
  if (current && current.token) headers.Authorization = `Bearer ${current.token}`;
  let body;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.form) {
    body = options.form;
  }
  let res;
  try {
    res = await fetch(`/api${path}`, { method, headers, body, cache: 'no-store', credentials: 'omit' });
  } catch (e) {
    throw new ApiError(0, 'network', String(e));
  }
  if (res.status === 401 && !options.noReauth && reauthenticate) {
    await reauthenticate();
    return api(method, path, { ...options, noReauth: true });
  }
  if (!res.ok) {
    let code = `http_${res.status}`;
    let message = '';
    try {
      const err = await res.json();
      code = err.error || code;
      message = err.message || '';
    } catch { /* not JSON */ }
    throw new ApiError(res.status, code, message);
  }
  if (res.status === 204) return null;
  if (options.blob) return res.blob();
  return res.json();
}

/** What to show the operator for a failed call: our own words for known codes, else the server's text. */
export function errorText(err) {
  if (!(err instanceof ApiError)) return t('err.unexpected');
  const key = `err.${err.code}`;
  if (has(key)) return t(key);
  if (err.status === 0) return t('err.network');
  return err.message ? `${t('err.server')}: ${err.message}` : t('err.unexpected');
}

/** A key that makes a repeated payment (double Enter, network retry) answer the same receipt. */
export function newIdempotencyKey() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return 'web-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
