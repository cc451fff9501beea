// Kendaraan Masuk: F2 or Space takes the photo, ANPR fills the plate, the operator confirms or
// corrects it (Enter), picks the vehicle type (1-4) and saves (Enter); the ticket prints. A reading
// the server marks autoAccept (at or above etc/id.parkir.anpr.cfg autoAcceptAt) comes pre-confirmed:
// the cursor goes straight to the vehicle type, and the plate stays one Shift+Tab away.
import { api, errorText } from './api.js';
import { h, clear, setText, toast } from './dom.js';
import { t } from './i18n.js';
import { GateCamera } from './camera.js';
import { gateSettings } from './settings.js';
import { ticketSlip, printSlip } from './print.js';
import { changed } from './status.js';

export const VEHICLE_TYPES = ['motorcycle', 'car', 'truck', 'bus'];
/** Readings below this confidence (and not auto-accepted) are highlighted for the operator to check. */
const LOW_CONFIDENCE = 0.5;

export function mountEntry(main) {
  const camera = new GateCamera('entry');
  const plate = h('input', { id: 'entry-plate', class: 'plate-input', maxlength: 12, autocomplete: 'off', spellcheck: 'false',
    'aria-describedby': 'entry-plate-error' });
  plate.dataset.i18nPlaceholder = 'entry.platePlaceholder';
  plate.placeholder = t('entry.platePlaceholder');
  const confidence = h('div', { id: 'entry-confidence', class: 'confidence' });
  const plateError = h('p', { id: 'entry-plate-error', class: 'error', role: 'alert' });
  const typeError = h('p', { id: 'entry-type-error', class: 'error', role: 'alert' });
  const formError = h('div', { id: 'entry-error', class: 'error', role: 'alert' });
  const types = h('div', { class: 'types', role: 'radiogroup', id: 'entry-types' },
    VEHICLE_TYPES.map((type, i) => h('label', null,
      h('input', { type: 'radio', name: 'vehicleType', value: type, id: `entry-type-${type}` }),
      h('kbd', { text: String(i + 1) }), ' ', h('span', { i18n: `type.${type}` }))));
  const save = h('button', { type: 'submit', class: 'big', id: 'entry-save' }, h('span', { i18n: 'entry.save' }), ' ', h('kbd', { text: 'Enter' }));
  const captureButton = h('button', { type: 'button', class: 'big', id: 'entry-capture', onclick: () => capture() },
    h('span', { i18n: 'entry.capture' }), ' ', h('kbd', { text: 'F2' }));
  const still = h('div', { class: 'photo', id: 'entry-photo' }, h('span', { i18n: 'entry.noPhoto' }));
  const result = h('div', { id: 'entry-result' });
  const form = h('form', { class: 'card stack', id: 'entry-form', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'entry-plate', i18n: 'field.plate' }), plate, confidence, plateError),
    h('div', { class: 'field' }, h('span', { class: 'small muted', i18n: 'field.type' }), types, typeError),
    h('div', { class: 'row' }, save, h('span', { class: 'keys', i18n: 'entry.keys' })),
    formError);
  clear(main, h('h1', { i18n: 'entry.title' }),
    h('div', { class: 'grid3' },
      h('div', { class: 'stack' }, camera.view, h('div', { class: 'row' }, captureButton, h('span', { class: 'keys', i18n: 'entry.captureKeys' }))),
      h('div', { class: 'stack' }, form, h('div', { class: 'grid2' }, still, result))));

  let photo = null;
  let busy = false;

  function clearErrors() { [plateError, typeError, formError].forEach((e) => { e.replaceChildren(); }); }

  async function capture() {
    if (busy) return;
    busy = true;
    clearErrors();
    const started = performance.now();
    let accepted = false;
    try {
      photo = await camera.capture();
      if (!photo) { setText(plateError, 'entry.noCamera'); plate.focus(); return; }
      const url = URL.createObjectURL(photo);
      const img = h('img', { alt: '' });
      img.onload = () => URL.revokeObjectURL(url);
      img.src = url;
      clear(still, img);
      const read = await api('POST', '/anpr/read', { form: photo, headers: { 'Content-Type': photo.type || 'image/jpeg' } });
      const best = read.plates && read.plates[0];
      plate.value = best ? best.text : '';
      accepted = !!(best && best.autoAccept);
      showConfidence(best);
      main.dataset.captureMillis = String(Math.round(performance.now() - started));
    } catch (e) {
      if (e.code === 'anpr_unavailable' || e.status === 503) setText(plateError, 'entry.anprUnavailable');
      else plateError.textContent = errorText(e);
    } finally {
      busy = false;
      if (accepted) {
        (types.querySelector('input:checked') || types.querySelector('input')).focus();
      } else {
        plate.focus();
        plate.select();
      }
    }
  }

  function showConfidence(best) {
    const accepted = !!(best && best.autoAccept);
    const low = !best || (!accepted && best.confidence < LOW_CONFIDENCE);
    plate.classList.toggle('low', low && !!best);
    plate.classList.toggle('accepted', accepted);
    confidence.classList.toggle('low', low);
    confidence.classList.toggle('accepted', accepted);
    const pct = best ? Math.round(best.confidence * 100) : 0;
    if (!best) setText(confidence, 'entry.unread');
    else setText(confidence, accepted ? 'entry.autoAccepted' : low ? 'entry.confidenceLow' : 'entry.confidence', { pct });
  }

  function chosenType() {
    const checked = types.querySelector('input:checked');
    return checked ? checked.value : null;
  }

  async function submit() {
    if (busy) return;
    clearErrors();
    const text = plate.value.trim();
    if (!text) { setText(plateError, 'err.plate_missing'); plate.focus(); return; }
    const type = chosenType();
    if (!type) { setText(typeError, 'entry.pickType'); types.querySelector('input').focus(); return; }
    busy = true;
    save.disabled = true;
    const started = performance.now();
    const form = new FormData();
    form.append('plate', text);
    form.append('vehicleType', type);
    form.append('gate', gateSettings().gate);
    if (gateSettings().zone) form.append('zone', gateSettings().zone);
    if (photo) form.append('image', photo, 'entry.jpg');
    try {
      const entry = await api('POST', '/capture-entry', { form });
      showTicket(entry, 'entry.saved');
      main.dataset.saveMillis = String(Math.round(performance.now() - started));
      printSlip(ticketSlip(entry));
      changed();
      reset();
    } catch (e) {
      await showRefusal(e, text);
    } finally {
      busy = false;
      save.disabled = false;
    }
  }

  function showTicket(entry, titleKey) {
    const view = h('div', { class: 'ticket-view', id: 'entry-ticket' }, h('h2', { i18n: titleKey }), ticketSlip(entry),
      h('button', { type: 'button', class: 'secondary', onclick: () => printSlip(ticketSlip(entry), true) }, h('span', { i18n: 'entry.reprint' })));
    view.dataset.ticket = entry.ticket;
    clear(result, view);
  }

  async function showRefusal(e, text) {
    if (['plate_invalid', 'plate_missing', 'plate_unreadable'].includes(e.code)) {
      plateError.textContent = errorText(e);
      plate.focus();
      plate.select();
    } else if (e.code === 'vehicle_type_invalid') {
      typeError.textContent = errorText(e);
    } else if (e.code === 'plate_inside') {
      setText(plateError, 'err.plate_inside');
      const found = await api('GET', `/sessions?status=inside&size=5&plate=${encodeURIComponent(text.replace(/\s/g, ''))}`).catch(() => null);
      const same = found && found.items.find((s) => s.plate === text.replace(/\s/g, '').toUpperCase());
      if (same) showTicket(same, 'entry.alreadyInside');
    } else if (e.code === 'zone_full') {
      const zones = await api('GET', '/occupancy').catch(() => []);
      const type = chosenType();
      const lines = zones.flatMap((z) => z.vehicleTypes.filter((v) => v.vehicleType === type && v.capacity > 0)
        .map((v) => h('div', { i18n: 'entry.zoneLine', args: { zone: z.name, inside: v.inside, capacity: v.capacity } })));
      clear(formError, h('div', { i18n: 'err.zone_full' }), lines);
    } else {
      formError.textContent = errorText(e);
    }
  }

  function reset() {
    plate.value = '';
    plate.classList.remove('low');
    confidence.replaceChildren();
    types.querySelectorAll('input').forEach((i) => { i.checked = false; });
    photo = null;
    main.focus();
  }

  form.addEventListener('submit', (e) => { e.preventDefault(); submit(); });
  plate.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      if (!plate.value.trim()) { setText(plateError, 'err.plate_missing'); return; }
      plateError.replaceChildren();
      if (chosenType()) submit();
      else (types.querySelector('input:checked') || types.querySelector('input')).focus();
    }
  });
  plate.addEventListener('input', () => {
    plate.classList.remove('low', 'accepted');
    confidence.classList.remove('accepted');
  });

  function onKey(e) {
    const inText = e.target instanceof HTMLInputElement && e.target.type !== 'radio';
    if (e.key === 'F2' || (e.key === ' ' && !inText && !(e.target instanceof HTMLButtonElement))) {
      e.preventDefault();
      capture();
      return true;
    }
    if (!inText && /^[1-4]$/.test(e.key)) {
      const input = types.querySelectorAll('input')[Number(e.key) - 1];
      input.checked = true;
      input.focus();
      typeError.replaceChildren();
      e.preventDefault();
      return true;
    }
    if (!inText && e.key === 'Enter' && e.target instanceof HTMLInputElement && e.target.type === 'radio') {
      e.preventDefault();
      submit();
      return true;
    }
    return false;
  }

  camera.start();
  main.focus();
  return { onKey, unmount: () => camera.stop() };
}

