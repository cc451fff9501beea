// Playback (admins): one camera's day as a timeline of its segments, gaps visible; a click plays
// from that moment, a segment can be downloaded.
import { api, errorText } from './api.js';
import { h, clear, field, setText } from './dom.js';
import { siteDate, siteLocalToIso, time } from './format.js';
import { playWindow } from './footage.js';

const DAY_MS = 86400000;
const WINDOW_MS = 5 * 60000;

export function mountPlayback(main, cameraId) {
  const camera = h('select', { id: 'play-camera' });
  const date = h('input', { id: 'play-date', type: 'date', value: siteDate(new Date().toISOString()) });
  const timeline = h('div', { class: 'timeline', id: 'play-timeline', tabindex: 0 });
  const hours = h('div', { class: 'timeline-hours' }, Array.from({ length: 25 }, (_, i) => h('span', { text: String(i).padStart(2, '0') })));
  const segments = h('ul', { class: 'plain small', id: 'play-segments' });
  const video = h('div', { class: 'video-box', id: 'play-video' });
  const error = h('p', { class: 'error', role: 'alert' });
  clear(main, h('h1', { i18n: 'playback.title' }), h('div', { class: 'card filters' }, field('play-camera', 'cameras.name', camera),
    field('play-date', 'playback.date', date)), error, h('div', { class: 'card stack' }, timeline, hours,
    h('p', { class: 'hint', i18n: 'playback.hint' })), h('div', { class: 'grid2' }, video, h('div', { class: 'card' }, segments)));
  let dayStart = 0;

  async function load() {
    error.replaceChildren();
    timeline.replaceChildren();
    segments.replaceChildren();
    if (!camera.value) return;
    const start = siteLocalToIso(`${date.value}T00:00`);
    if (!start) return;
    dayStart = new Date(start).getTime();
    const to = new Date(dayStart + DAY_MS).toISOString();
    try {
      const list = await api('GET', `/recordings?camera=${encodeURIComponent(camera.value)}&from=${start}&to=${to}`);
      const items = Array.isArray(list) ? list : list.items || list.segments || [];
      for (const s of items) {
        const a = Math.max(new Date(s.start).getTime(), dayStart);
        const b = Math.min(new Date(s.end).getTime(), dayStart + DAY_MS);
        const bar = h('div', { class: 'segment', title: `${time(s.start)}–${time(s.end)}` });
        bar.style.left = `${((a - dayStart) / DAY_MS) * 100}%`;
        bar.style.width = `${Math.max(((b - a) / DAY_MS) * 100, 0.05)}%`;
        timeline.append(bar);
        segments.append(h('li', null, h('span', { text: `${time(s.start)}–${time(s.end)} · ${(s.bytes / 1e6).toFixed(1)} MB ` }),
          h('button', { type: 'button', class: 'link', onclick: () => download(s) }, h('span', { i18n: 'playback.download' }))));
      }
      timeline.dataset.segments = String(items.length);
      if (!items.length) segments.append(setText(h('li', { class: 'muted' }), 'footage.none'));
    } catch (e) { error.textContent = errorText(e); }
  }

  async function download(s) {
    try {
      const blob = await api('GET', `/recordings/${encodeURIComponent(s.id)}`, { blob: true });
      const a = h('a', { download: `${s.id}.ts` });
      a.href = URL.createObjectURL(blob);
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    } catch (e) { error.textContent = errorText(e); }
  }

  timeline.addEventListener('click', (e) => {
    const rect = timeline.getBoundingClientRect();
    const at = dayStart + ((e.clientX - rect.left) / rect.width) * DAY_MS;
    playWindow(video, camera.value, new Date(at).toISOString(), new Date(at + WINDOW_MS).toISOString());
  });
  camera.addEventListener('change', load);
  date.addEventListener('change', load);
  api('GET', '/cameras').then((cameras) => {
    cameras.forEach((c) => camera.append(h('option', { value: c.id, text: c.name })));
    if (cameraId) camera.value = cameraId;
    load();
  }).catch((e) => { error.textContent = errorText(e); });
  main.focus();
  return {};
}
