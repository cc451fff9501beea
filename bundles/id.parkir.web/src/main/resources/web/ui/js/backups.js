// Backup dan Restore (admins): the backups kept (download, restore), a backup now with the photo days
// chosen, a restore from an uploaded archive, and where backups stand (last runs, schedule, folders).
// A restore replaces all data: it is confirmed on the row (or the upload form) first, and afterwards
// everyone logs in again (the restored database has no sessions), so the login comes over the page.
// Downloads are fetched with the token in a header and saved from a blob: no token in any address.
import { api, errorText } from './api.js';
import { h, clear, toast, field } from './dom.js';
import { dateTime } from './format.js';

const KINDS = { manual: 'backups.kind.manual', scheduled: 'backups.kind.scheduled' };
const PHOTO_DAYS = [0, 1, 7, 30];

function mb(bytes) {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** Our words for a refusal, and the server's own (which names the file, the version ...) under them. */
function refusal(target, e) {
  clear(target, h('span', { text: errorText(e) }), e && e.message && e.message !== e.code
    ? h('div', { class: 'hint', text: e.message }) : null);
}

export function mountBackups(main) {
  const error = h('p', { class: 'error', role: 'alert', id: 'backups-error' });
  const body = h('tbody');
  const statusBox = h('div', { id: 'backup-status', class: 'stack' });
  const progress = h('p', { class: 'note', id: 'backup-progress', hidden: true });
  const result = h('div', { id: 'backup-result' });
  const photoDays = h('select', { id: 'backup-photo-days' }, PHOTO_DAYS.map((n) => h('option', { value: String(n),
    i18n: n === 0 ? 'backups.photoDaysNone' : 'backups.photoDaysN', args: n === 0 ? null : { n } })));
  const createError = h('div', { class: 'error', role: 'alert', id: 'backup-create-error' });
  const create = h('button', { type: 'button', id: 'backup-create' }, h('span', { i18n: 'backups.create' }));
  const file = h('input', { type: 'file', id: 'backup-file', accept: '.zip,application/zip' });
  const uploadHint = h('p', { class: 'hint', id: 'backup-upload-hint' });
  const uploadError = h('div', { class: 'error', role: 'alert', id: 'backup-upload-error' });
  const upload = h('button', { type: 'button', class: 'secondary', id: 'backup-upload' }, h('span', { i18n: 'backups.restore' }));
  const uploadConfirm = h('div', { id: 'backup-upload-confirm', class: 'error' });
  clear(main, h('h1', { i18n: 'backups.title' }), error, progress, result,
    h('div', { class: 'grid3' },
      h('div', { class: 'card' }, h('h2', { i18n: 'backups.list' }),
        h('table', { id: 'backups-table' }, h('thead', null, h('tr', null,
          ['backups.time', 'backups.kind', 'backups.by', 'backups.size', 'backups.sessions', 'backups.payments', 'backups.photos', 'users.actions']
            .map((k) => h('th', { i18n: k })))), body)),
      h('div', { class: 'stack' },
        h('div', { class: 'card stack' }, h('h2', { i18n: 'backups.status' }), statusBox),
        h('div', { class: 'card stack' }, h('h2', { i18n: 'backups.create' }),
          field('backup-photo-days', 'backups.photoDays', photoDays), createError, create),
        h('div', { class: 'card stack' }, h('h2', { i18n: 'backups.upload' }), field('backup-file', 'backups.file', file),
          uploadHint, h('p', { class: 'hint', i18n: 'backups.restoreWarning' }), uploadError, upload, uploadConfirm))));

  let busy = false;
  function setBusy(on, key) {
    busy = on;
    main.querySelectorAll('button').forEach((b) => { b.disabled = on; });
    progress.hidden = !on;
    if (on) clear(progress, h('span', { i18n: key }));
  }

  function attempt(labelKey, a) {
    const line = h('div', null, h('strong', { i18n: labelKey }), ': ');
    if (!a) {
      line.append(h('span', { class: 'muted', i18n: 'backups.never' }));
      return line;
    }
    line.append(h('span', { text: dateTime(a.finishedAt) }), ' ',
      h('span', { class: a.ok ? 'badge ok' : 'badge bad', i18n: a.ok ? 'backups.ok' : 'backups.failed' }));
    if (a.id) line.append(' ', h('span', { class: 'muted', text: a.id }));
    if (!a.ok) line.append(h('div', { class: 'hint', text: `${a.error}: ${a.message || ''}` }));
    if (a.warning) line.append(h('div', { class: 'hint', text: a.warning }));
    return line;
  }

  let chosen = false; // the admin's choice of photo days stays; the setting is only the first value
  photoDays.addEventListener('change', () => { chosen = true; });

  function showStatus(s) {
    if (!chosen) photoDays.value = String(PHOTO_DAYS.includes(s.photoDays) ? s.photoDays : 1);
    clear(uploadHint, h('span', { i18n: 'backups.uploadHint', args: { mb: Math.round(s.maxUploadBytes / (1024 * 1024)) } }));
    clear(statusBox,
      s.supported ? null : h('p', { class: 'note', i18n: 'backups.unsupported', args: { db: s.database } }),
      s.alert ? h('p', { class: 'note bad', id: 'backup-alert', i18n: 'backups.alert' }) : null,
      attempt('backups.lastBackup', s.lastBackup), attempt('backups.lastSuccess', s.lastSuccess),
      attempt('backups.lastRestore', s.lastRestore),
      h('div', null, h('strong', { i18n: 'backups.schedule' }), ': ',
        s.schedule ? h('code', { text: s.schedule }) : h('span', { i18n: 'backups.scheduleNone' })),
      h('div', { i18n: 'backups.retention', args: { daily: s.keepDaily, monthly: s.keepMonthly } }),
      h('div', { class: 'hint' }, h('strong', { i18n: 'backups.folder' }), ': ', h('code', { text: s.folder })),
      s.secondFolder ? h('div', { class: 'hint' }, h('strong', { i18n: 'backups.secondFolder' }), ': ',
        h('code', { text: s.secondFolder })) : null);
  }

  function row(b) {
    const rowError = h('div', { class: 'error' });
    const download = h('button', { type: 'button', class: 'secondary', onclick: () => save(b, rowError) },
      h('span', { i18n: 'backups.download' }));
    const restore = h('button', { type: 'button', class: 'secondary', onclick: () => confirm(rowError,
      () => api('POST', `/backups/${encodeURIComponent(b.id)}/restore`)) }, h('span', { i18n: 'backups.restore' }));
    const tr = h('tr', null, h('td', null, h('div', { text: dateTime(b.createdAt) }), h('div', { class: 'hint', text: b.id })),
      h('td', { i18n: KINDS[b.kind] || 'backups.kind.manual' }), h('td', { text: b.createdBy }), h('td', { class: 'num', text: mb(b.sizeBytes) }),
      h('td', { class: 'num', text: String(b.counts.PARKIR_SESSION || 0) }), h('td', { class: 'num', text: String(b.counts.PARKIR_PAYMENT || 0) }),
      h('td', { class: 'num', text: String(b.photoFiles) }), h('td', null, h('div', { class: 'row' }, download, restore), rowError));
    tr.dataset.backup = b.id;
    return tr;
  }

  async function save(b, rowError) {
    rowError.replaceChildren();
    try {
      const blob = await api('GET', `/backups/${encodeURIComponent(b.id)}`, { blob: true });
      const url = URL.createObjectURL(blob);
      const a = h('a', { href: url, download: `${b.id}.zip`, hidden: true });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
    } catch (e) { refusal(rowError, e); }
  }

  /** Asks on the spot; the second click restores. */
  function confirm(where, run) {
    const yes = h('button', { type: 'button', class: 'danger restore-confirm' }, h('span', { i18n: 'backups.restoreConfirm' }));
    clear(where, h('p', { class: 'hint', i18n: 'backups.restoreWarning' }), yes);
    yes.addEventListener('click', async () => {
      where.replaceChildren();
      result.replaceChildren();
      setBusy(true, 'backups.restoring');
      try {
        const r = await run();
        clear(result, h('p', { class: 'note', id: 'backup-restored', i18n: 'backups.restored', args: { id: r.id,
          sessions: r.counts.PARKIR_SESSION || 0, payments: r.counts.PARKIR_PAYMENT || 0, photos: r.photosRestored,
          seconds: (r.offlineMillis / 1000).toFixed(1) } }),
        r.warnings.includes('camera_key_differs') ? h('p', { class: 'note', i18n: 'backups.cameraKey' }) : null);
      } catch (e) { refusal(where, e); }
      setBusy(false);
      load(); // after a restore every session has ended: this asks for the login again
    });
  }

  create.addEventListener('click', async () => {
    createError.replaceChildren();
    setBusy(true, 'backups.creating');
    try {
      const b = await api('POST', `/backups?photoDays=${encodeURIComponent(photoDays.value)}`);
      toast('backups.created', { id: b.id });
    } catch (e) { refusal(createError, e); }
    setBusy(false);
    load();
  });

  upload.addEventListener('click', () => {
    uploadError.replaceChildren();
    const chosen = file.files && file.files[0];
    if (!chosen) {
      clear(uploadError, h('span', { i18n: 'backups.pickFile' }));
      return;
    }
    confirm(uploadConfirm, () => api('POST', '/backups/restore', { form: chosen, headers: { 'Content-Type': 'application/zip' } }));
  });

  async function load() {
    try {
      const [list, status] = await Promise.all([api('GET', '/backups'), api('GET', '/backups/status')]);
      error.replaceChildren();
      clear(body, list.length ? list.map(row) : h('tr', null, h('td', { colspan: 8, class: 'muted', i18n: 'backups.none' })));
      showStatus(status);
      main.dataset.loadedAt = String(Date.now());
    } catch (e) { if (!busy) refusal(error, e); }
  }

  load();
  main.focus();
  return {};
}
