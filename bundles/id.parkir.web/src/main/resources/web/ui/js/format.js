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
