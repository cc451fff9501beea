// Pengaturan gerbang: this PC's gate, zone, cameras, paper width and printing.
import { api } from './api.js';
import { h, clear, toast, field } from './dom.js';
import { t } from './i18n.js';
import { gateSettings, saveGateSettings } from './settings.js';
import { changed } from './status.js';

export function mountGateSettings(main) {
  const s = gateSettings();
  const gate = h('input', { id: 'set-gate', value: s.gate, maxlength: 16, autocomplete: 'off' });
  const zone = h('select', { id: 'set-zone' }, h('option', { value: '', i18n: 'settings.zoneAuto' }));
  const cameraChoice = (id, value) => h('select', { id },
    h('option', { value: 'auto', i18n: 'settings.cameraAuto' }), h('option', { value: 'webcam', i18n: 'settings.cameraWebcam' }),
    h('option', { value: 'none', i18n: 'settings.cameraNone' }));
  const entryCamera = cameraChoice('set-entry-camera');
  const exitCamera = cameraChoice('set-exit-camera');
  const paper = h('select', { id: 'set-paper' }, h('option', { value: '80', text: '80 mm' }), h('option', { value: '58', text: '58 mm' }));
  const autoPrint = h('input', { type: 'checkbox', id: 'set-autoprint', checked: s.autoPrint ? true : null });
  const form = h('form', { class: 'card stack', id: 'settings-form', novalidate: true },
    field('set-gate', 'settings.gate', gate), field('set-zone', 'settings.zone', zone),
    field('set-entry-camera', 'settings.entryCamera', entryCamera), field('set-exit-camera', 'settings.exitCamera', exitCamera),
    field('set-paper', 'settings.paper', paper),
    h('label', { class: 'row' }, autoPrint, h('span', { i18n: 'settings.autoPrint' })),
    h('p', { class: 'hint', i18n: 'settings.hint' }),
    h('button', { type: 'submit' }, h('span', { i18n: 'settings.save' })));
  clear(main, h('h1', { i18n: 'settings.title' }), h('div', { class: 'grid2' }, form));

  Promise.all([api('GET', '/zones').catch(() => []), api('GET', '/cameras').catch(() => [])]).then(([zones, cameras]) => {
    zones.forEach((z) => zone.append(h('option', { value: z.code, text: `${z.code} · ${z.name}` })));
    for (const select of [entryCamera, exitCamera]) {
      cameras.forEach((c) => select.append(h('option', { value: `nvr:${c.id}`, text: `${t('settings.cameraNvr')} ${c.name}` })));
    }
    zone.value = s.zone;
    entryCamera.value = s.entryCamera;
    exitCamera.value = s.exitCamera;
  });
  paper.value = s.paper;

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    saveGateSettings({ gate: gate.value.trim() || 'G1', zone: zone.value, entryCamera: entryCamera.value,
      exitCamera: exitCamera.value, paper: paper.value, autoPrint: autoPrint.checked });
    changed();
    toast('settings.saved');
  });
  gate.focus();
  return {};
}
