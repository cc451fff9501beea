// The gate's camera on screen and the photo taken from it: the PC's webcam (getUserMedia, which
// browsers allow only on https or localhost) or an NVR camera of this gate (its snapshots).
import { api } from './api.js';
import { h, clear, setText } from './dom.js';
import { gateSettings } from './settings.js';

const SNAPSHOT_MS = 2000;

export class GateCamera {
  /** @param role 'entry' or 'exit' (the camera's gateRole) */
  constructor(role) {
    this.role = role;
    this.stream = null;
    this.timer = null;
    this.source = null;
    this.view = h('div', { class: 'camera' });
  }

  /** Chooses the source (settings, else an NVR camera with this gate and role, else the webcam) and shows it. */
  async start() {
    const choice = gateSettings()[this.role === 'entry' ? 'entryCamera' : 'exitCamera'];
    let cameraId = null;
    if (choice && choice.startsWith('nvr:')) {
      cameraId = choice.slice(4);
    } else if (choice === 'auto') {
      cameraId = await this.gateCamera().catch(() => null);
    }
    if (cameraId) {
      this.source = { kind: 'nvr', id: cameraId };
      this.showSnapshots(cameraId);
    } else if (choice !== 'none') {
      await this.startWebcam();
    } else {
      this.unavailable('camera.none');
    }
    return this;
  }

  async gateCamera() {
    const gate = gateSettings().gate;
    const cameras = await api('GET', '/cameras');
    const mine = cameras.find((c) => c.gateRole === this.role && c.gateId === gate);
    return mine ? mine.id : null;
  }

  async startWebcam() {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      this.unavailable('camera.insecure');
      return;
    }
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({ audio: false, video: { width: { ideal: 1280 }, height: { ideal: 720 } } });
    } catch (e) {
      this.unavailable('camera.denied');
      return;
    }
    const video = h('video', { autoplay: true, muted: true, playsinline: true });
    video.srcObject = this.stream;
    this.video = video;
    this.source = { kind: 'webcam' };
    clear(this.view, video, h('span', { class: 'camera-label', i18n: 'camera.webcam' }));
  }

  showSnapshots(id) {
    const img = h('img', { alt: '' });
    clear(this.view, img, h('span', { class: 'camera-label', text: id }));
    const refresh = async () => {
      try {
        const blob = await api('GET', `/cameras/${encodeURIComponent(id)}/snapshot`, { blob: true, noReauth: true });
        const old = img.src;
        img.src = URL.createObjectURL(blob);
        if (old) URL.revokeObjectURL(old);
      } catch { /* the next refresh tries again */ }
      if (this.source && this.source.kind === 'nvr') this.timer = setTimeout(refresh, SNAPSHOT_MS);
    };
    refresh();
  }

  unavailable(key) {
    this.source = null;
    clear(this.view, setText(h('span', { class: 'muted' }), key));
  }

  /** A JPEG of what the camera sees now; null when there is no camera (the operator types the plate). */
  async capture() {
    if (!this.source) return null;
    if (this.source.kind === 'nvr') {
      return api('GET', `/cameras/${encodeURIComponent(this.source.id)}/snapshot`, { blob: true });
    }
    const video = this.video;
    if (video && video.readyState < 2) {
      // the webcam has just started: wait (briefly) for its first frame rather than send a blank photo
      await new Promise((resolve) => {
        video.addEventListener('loadeddata', resolve, { once: true });
        setTimeout(resolve, 2000);
      });
    }
    if (!video || !video.videoWidth) return null;
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d').drawImage(video, 0, 0);
    return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.92));
  }

  stop() {
    clearTimeout(this.timer);
    this.source = null;
    if (this.stream) this.stream.getTracks().forEach((track) => track.stop());
    this.stream = null;
  }
}
