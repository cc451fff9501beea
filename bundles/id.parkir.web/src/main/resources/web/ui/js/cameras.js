// Cameras (admins): add, edit (a new password, never shown back), remove; each camera's recorder
// status; start and stop recording; a live grid of up to 4 cameras (the browser opens at most 6
// connections per host: 4 streams leave room for the API).
import { api, errorText } from './api.js';
import { h, clear, toast, field, setText } from './dom.js';


const GRID = 4;
const REFRESH_MS = 5000;

export function mountCameras(main) {
  const body = h('tbody');
  const error = h('p', { class: 'error', role: 'alert', id: 'cameras-error' });
  const grid = h('div', { class: 'live-grid', id: 'live-grid' });
  const disk = h('p', { class: 'muted', id: 'cameras-disk' });
  const form = cameraForm(() => load());
  clear(main, h('h1', { i18n: 'cameras.title' }), error,
    h('div', { class: 'grid3' }, h('div', { class: 'card' }, h('table', { id: 'cameras-table' }, h('thead', null, h('tr', null,
      ['cameras.name', 'cameras.address', 'cameras.gate', 'cameras.state', 'cameras.fps', 'cameras.bitrate', 'cameras.today', 'users.actions']
        .map((k) => h('th', { i18n: k })))), body), disk), form.element),
    h('h2', { i18n: 'cameras.live' }), grid);
  const live = new Map(); // camera id -> its <img>

  async function load() {
    try {
      const [cameras, nvr] = await Promise.all([api('GET', '/cameras'), api('GET', '/nvr/status').catch(() => ({ cameras: [] }))]);
      const status = new Map(nvr.cameras.map((c) => [c.camera, c]));
      const st = nvr.storage;
      if (st) clear(disk, h('span', { i18n: 'cameras.disk', args: { used: (st.usedByRecordings / 1e9).toFixed(1),
        free: (st.freeBytes / 1e9).toFixed(1), total: (st.totalBytes / 1e9).toFixed(1) } }));
      clear(body, cameras.map((c) => row(c, status.get(c.id))));
    } catch (e) { error.textContent = errorText(e); }
  }

  function row(c, s) {
    const state = s ? s.state : 'stopped';
    const rowError = h('div', { class: 'error' });
    const act = (label, fn) => h('button', { type: 'button', class: 'secondary', onclick: async () => {
      rowError.replaceChildren();
      try { await fn(); load(); } catch (e) { rowError.textContent = errorText(e); }
    } }, h('span', { i18n: label }));
    const tr = h('tr', null, h('td', { text: c.name }), h('td', { class: 'small', text: c.url }),
      h('td', null, c.gateRole ? [c.gateId || '', ' ', h('span', { i18n: `cameras.role.${c.gateRole}` })] : null),
      h('td', null, h('span', { class: `badge ${state === 'recording' ? 'ok' : state === 'stopped' ? 'none' : 'bad'}`, i18n: `camera.state.${state}` }),
        s && s.reason ? h('div', { class: 'small muted', text: s.reason }) : null),
      h('td', { class: 'num', text: s ? s.fps.toFixed(1) : '' }), h('td', { class: 'num', text: s ? `${Math.round(s.bitrate / 1000)} kb/s` : '' }),
      h('td', { class: 'num', text: s ? `${(s.bytesToday / 1e6).toFixed(1)} MB` : '' }),
      h('td', null, h('div', { class: 'row' },
        state === 'stopped' ? act('cameras.start', () => api('POST', `/nvr/start?camera=${encodeURIComponent(c.id)}`))
          : act('cameras.stop', () => api('POST', `/nvr/stop?camera=${encodeURIComponent(c.id)}`)),
        h('button', { type: 'button', class: 'secondary', onclick: () => toggleLive(c) }, h('span', { i18n: 'cameras.view' })),
        h('button', { type: 'button', class: 'secondary', onclick: () => form.edit(c) }, h('span', { i18n: 'cameras.edit' })),
        h('a', { class: 'button secondary', href: `#/admin/playback/${encodeURIComponent(c.id)}` }, h('span', { i18n: 'cameras.playback' })),
        act('cameras.remove', () => api('DELETE', `/cameras/${encodeURIComponent(c.id)}`))), rowError));
    tr.dataset.camera = c.id;
    tr.dataset.state = state;
    return tr;
  }

  async function toggleLive(c) {
    if (live.has(c.id)) { stopLive(c.id); return; }
    if (live.size >= GRID) { toast('cameras.gridFull', { n: GRID }); return; }
    try {
      const link = await api('POST', `/cameras/${encodeURIComponent(c.id)}/live-link`);
      const img = h('img', { alt: c.name });
      img.src = link.url;
      const tile = h('figure', { 'data-camera': c.id }, img, h('figcaption', { text: c.name }));
      live.set(c.id, tile);
      grid.append(tile);
    } catch (e) { error.textContent = errorText(e); }
  }

  function stopLive(id) {
    const tile = live.get(id);
    if (!tile) return;
    tile.querySelector('img').src = ''; // closes the stream: the server's live process ends
    tile.remove();
    live.delete(id);
  }

  load();
  const timer = setInterval(load, REFRESH_MS);
  main.focus();
  return { unmount: () => { clearInterval(timer); [...live.keys()].forEach(stopLive); } };
}

/** The add / edit form; a blank password keeps the stored one, which is never shown. */
function cameraForm(onSaved) {
  const name = h('input', { id: 'cam-name', maxlength: 64, autocomplete: 'off' });
  const url = h('input', { id: 'cam-url', maxlength: 500, autocomplete: 'off', placeholder: 'rtsp://192.168.1.20:554/stream1' });
  const username = h('input', { id: 'cam-user', maxlength: 64, autocomplete: 'off' });
  const password = h('input', { id: 'cam-password', type: 'password', maxlength: 128, autocomplete: 'new-password' });
  const role = h('select', { id: 'cam-role' }, ['', 'entry', 'exit'].map((r) => h('option', { value: r, i18n: `cameras.role.${r || 'none'}` })));
  const gate = h('input', { id: 'cam-gate', maxlength: 16, autocomplete: 'off' });
  const title = h('h2', { i18n: 'cameras.add' });
  const note = h('p', { class: 'hint', i18n: 'cameras.passwordHint' });
  const error = h('p', { class: 'error', role: 'alert', id: 'cam-error' });
  let editing = null;
  const element = h('form', { class: 'card stack', id: 'camera-form', novalidate: true }, title,
    field('cam-name', 'cameras.name', name), field('cam-url', 'cameras.address', url), field('cam-user', 'cameras.user', username),
    field('cam-password', 'cameras.password', password), note, field('cam-role', 'cameras.role', role), field('cam-gate', 'cameras.gate', gate),
    error, h('div', { class: 'row' }, h('button', { type: 'submit' }, h('span', { i18n: 'cameras.saveButton' })),
      h('button', { type: 'button', class: 'secondary', onclick: () => reset() }, h('span', { i18n: 'cameras.cancel' }))));
  function reset() {
    editing = null;
    setText(title, 'cameras.add');
    [name, url, username, password, gate].forEach((i) => { i.value = ''; });
    role.value = '';
    name.disabled = false;
  }
  element.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.replaceChildren();
    const body = { name: name.value.trim(), url: url.value.trim(), username: username.value.trim() || null,
      gateRole: role.value || null, gateId: gate.value.trim() || null };
    if (password.value) body.password = password.value;
    try {
      if (editing) await api('PUT', `/cameras/${encodeURIComponent(editing)}`, { json: body });
      else await api('POST', '/cameras', { json: body });
      toast('cameras.saved');
      reset();
      onSaved();
    } catch (err) { error.textContent = errorText(err); }
  });
  return {
    element,
    edit(c) {
      editing = c.id;
      setText(title, 'cameras.editTitle');
      name.value = c.name;
      name.disabled = true;
      url.value = c.url.replace(/\/\/[^@/]*@/, '//'); // the address without the masked credentials
      username.value = c.username || '';
      password.value = '';
      role.value = c.gateRole || '';
      gate.value = c.gateId || '';
      url.focus();
    },
  };
}
