// Money as Rp5.000, times in the site's time zone (GET /api/site), whatever the PC's clock zone.
import { currentLanguage, t } from './i18n.js';

let timeZone = 'Asia/Jakarta';
export function setTimeZone(zone) { if (zone) timeZone = zone; }

const number = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });
export function money(amount) {
  if (amount == null) return '—';
  return (amount < 0 ? '-Rp' : 'Rp') + number.format(Math.abs(amount));
}

function locale() { return currentLanguage() === 'en' ? 'en-GB' : 'id-ID'; }

export function dateTime(iso) {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale(), { timeZone, day: '2-digit', month: 'short', year: 'numeric',
    hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}

export function time(iso) {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale(), { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}

export function duration(minutes) {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  return days > 0 ? t('duration.days', { d: days, h: hours, m: mins }) : t('duration.hours', { h: hours, m: mins });
}

/** Digits typed into a money field ("20.000", "Rp 20000") as a number; null when there are none. */
export function parseMoney(text) {
  const digits = String(text || '').replace(/[^0-9]/g, '');
  if (!digits || digits.length > 12) return null;
  return Number(digits);
}

/** Milliseconds the site's zone is ahead of UTC at a moment. */
function zoneOffset(ms) {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(ms));
  const get = (type) => Number(parts.find((p) => p.type === type).value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(ms / 1000) * 1000;
}

/** A "YYYY-MM-DDTHH:mm" (a datetime-local field) read in the site's zone, as an ISO instant; null when malformed. */
export function siteLocalToIso(local) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local || '');
  if (!m) return null;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  const first = wall - zoneOffset(wall);
  return new Date(wall - zoneOffset(first)).toISOString();
}

/** A moment as "YYYY-MM-DDTHH:mm" in the site's zone (for datetime-local fields). */
export function isoToSiteLocal(iso) {
  const ms = new Date(iso).getTime();
  return new Date(ms + zoneOffset(ms)).toISOString().slice(0, 16);
}

/** A moment as YYYY-MM-DD in the site's zone. */
export function siteDate(iso) {
  return isoToSiteLocal(iso).slice(0, 10);
}
