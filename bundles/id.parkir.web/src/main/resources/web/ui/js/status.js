// The bar every screen shares: who is logged in, the gate, the shift, and free slots per vehicle
// type, refreshed by itself and after every entry, payment or shift change.
import { api } from './api.js';
import { $, h, clear, setText } from './dom.js';
import { t } from './i18n.js';
import { gateSettings } from './settings.js';
import { user } from './session.js';
import { time } from './format.js';

const REFRESH_MS = 10000;
let timer = null;
let shift = null;

export function currentShift() { return shift; }

export function changed() { document.dispatchEvent(new CustomEvent('parkir:changed')); }

export function startStatus() {
  document.addEventListener('parkir:changed', refresh);
  clearInterval(timer);
  timer = setInterval(refresh, REFRESH_MS);
  return refresh();
}

async function refresh() {
  const me = user();
  if (!me) return;
  const userChip = $('#status-user');
  userChip.textContent = `${me.username} · ${t(`role.${me.role}`)}`;
  userChip.dataset.username = me.username;
  setText($('#status-gate'), 'status.gate', { gate: gateSettings().gate });
  await Promise.all([refreshShift(), refreshSlots()]);
}

async function refreshShift() {
  const chip = $('#status-shift');
  try {
    shift = await api('GET', '/shifts/current', { noReauth: true });
    setText(chip, 'status.shiftOpen', { since: time(shift.openedAt) });
    chip.classList.remove('warn');
  } catch (e) {
    if (e.status === 404) {
      shift = null;
      setText(chip, 'status.noShift');
      chip.classList.add('warn');
    }
  }
}

async function refreshSlots() {
  try {
    const zones = await api('GET', '/occupancy', { noReauth: true });
    const free = new Map();
    for (const zone of zones) {
      for (const type of zone.vehicleTypes) {
        if (type.capacity > 0) free.set(type.vehicleType, (free.get(type.vehicleType) || 0) + type.free);
      }
    }
    const slots = $('#status-slots');
    clear(slots, [...free].map(([type, n]) => {
      const el = h('span', { class: n === 0 ? 'full' : null, 'data-type': type });
      el.dataset.free = String(n);
      return setText(el, 'status.free', { type: t(`type.${type}`), n });
    }));
  } catch { /* shown again at the next refresh */ }
}
