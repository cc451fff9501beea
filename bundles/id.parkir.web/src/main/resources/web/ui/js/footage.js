// Recorded footage in a <video>: the server remuxes the segments of a time window to fragmented
// MP4 (no re-encoding) behind a short-lived link, so the user's token never goes into a URL.
import { api, errorText } from './api.js';
import { h, clear, setText } from './dom.js';

/** Plays [from, to] of a camera into a container; answers the <video> or null. */
export async function playWindow(container, camera, from, to) {
  try {
    const link = await api('POST', '/playback', { json: { camera, from, to } });
    const video = h('video', { controls: true, autoplay: true, muted: true, playsinline: true, class: 'footage' });
    video.src = link.url;
    clear(container, video);
    return video;
  } catch (e) {
    clear(container, setText(h('p', { class: 'muted' }), e.code === 'no_footage' ? 'footage.none' : 'footage.error'));
    if (e.code !== 'no_footage') container.append(h('p', { class: 'error', text: errorText(e) }));
    return null;
  }
}

/** The footage of a gate's camera around a moment (a session's entry or exit): a few seconds before to after. */
export async function playMoment(container, gate, role, iso) {
  let cameras;
  try { cameras = await api('GET', '/cameras'); } catch (e) { clear(container, h('p', { class: 'error', text: errorText(e) })); return null; }
  const camera = cameras.find((c) => c.gateRole === role && c.gateId === gate) || cameras.find((c) => c.gateRole === role);
  if (!camera) { clear(container, setText(h('p', { class: 'muted' }), 'footage.noCamera')); return null; }
  const at = new Date(iso).getTime();
  return playWindow(container, camera.id, new Date(at - 10000).toISOString(), new Date(at + 20000).toISOString());
}
