// This gate PC's own settings (its gate, zone, cameras, paper), kept in the browser of that PC.
const STORE = 'parkir.gate';
const DEFAULTS = { gate: 'G1', zone: '', entryCamera: 'auto', exitCamera: 'auto', paper: '80', autoPrint: true };

export function gateSettings() {
  try { return { ...DEFAULTS, ...(JSON.parse(localStorage.getItem(STORE)) || {}) }; } catch { return { ...DEFAULTS }; }
}

export function saveGateSettings(values) {
  const next = { ...gateSettings(), ...values };
  localStorage.setItem(STORE, JSON.stringify(next));
  applyPaper(next.paper);
  return next;
}

export function applyPaper(paper) {
  const link = document.getElementById('paper-css');
  if (link) link.href = paper === '58' ? '/ui/css/paper-58.css' : '/ui/css/paper-80.css';
}
