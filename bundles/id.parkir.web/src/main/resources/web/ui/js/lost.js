// Tiket Hilang: find the vehicle among those inside by its plate (part of it, look-alike
// characters tolerated by the server), compare its entry photo with the car at the exit, and
// charge the fee with the lost-ticket fine as its own line.
import { api, errorText } from './api.js';
import { h, clear, setText } from './dom.js';
import { showSessionPhoto } from './photos.js';
import { GateCamera } from './camera.js';
import { CheckoutSlot, receiptView } from './checkout.js';
import { dateTime } from './format.js';
import { t } from './i18n.js';

const SEARCH_DELAY_MS = 250;
const RESULTS = 20;

export function mountLost(main) {
  const camera = new GateCamera('exit');
  const search = h('input', { id: 'lost-plate', class: 'scan-input', maxlength: 12, autocomplete: 'off', spellcheck: 'false' });
  search.dataset.i18nPlaceholder = 'lost.placeholder';
  search.placeholder = t('lost.placeholder');
  const list = h('ul', { class: 'results', id: 'lost-results', role: 'listbox' });
  const error = h('p', { class: 'error', id: 'lost-error', role: 'alert' });
  const quoteArea = h('div', { id: 'exit-quote' });
  const last = h('div', { id: 'lost-last' });
  clear(main, h('h1', { i18n: 'lost.title' }),
    h('div', { class: 'grid2' },
      h('div', { class: 'card stack' }, h('label', { for: 'lost-plate', i18n: 'lost.search' }), search, error, list,
        h('span', { class: 'keys', i18n: 'lost.keys' })),
      h('div', { class: 'grid2' }, camera.view, last)),
    quoteArea);

  let timer = null;
  let items = [];
  let selected = -1;
  const checkout = new CheckoutSlot(quoteArea, () => search.focus());
  let generation = 0;

  async function find() {
    const text = search.value.replace(/\s/g, '');
    const mine = ++generation;
    error.replaceChildren();
    if (text.length < 2) { list.replaceChildren(); items = []; return; }
    try {
      const page = await api('GET', `/sessions?status=inside&size=${RESULTS}&plate=${encodeURIComponent(text)}`);
      if (mine !== generation) return; // an older answer arriving late
      items = page.items;
      selected = items.length ? 0 : -1;
      render();
      if (!items.length) setText(error, 'lost.none');
    } catch (e) {
      error.textContent = errorText(e);
    }
  }

  function render() {
    clear(list, items.map((s, i) => {
      const thumb = h('div', { class: 'thumb' });
      showSessionPhoto(thumb, s.ticket, 'entry', s.plate);
      const li = h('li', { role: 'option', 'aria-selected': String(i === selected), onclick: () => { selected = i; pick(); } },
        thumb, h('div', null, h('div', { class: 'plate-text', text: s.plate }),
          h('div', { class: 'small muted' }, h('span', { i18n: `type.${s.vehicleType}` }), ' · ', dateTime(s.entryTime))),
        h('span', { class: 'muted', text: s.zone }));
      li.dataset.plate = s.plate;
      return li;
    }));
  }

  async function pick() {
    const session = items[selected];
    if (!session) return;
    error.replaceChildren();
    try {
      const photo = await camera.capture().catch(() => null);
      const form = new FormData();
      form.append('plate', session.plate);
      form.append('lostTicket', 'true');
      if (photo) form.append('image', photo, 'exit.jpg');
      const q = await api('POST', '/capture-exit', { form });
      checkout.show(q, photo, (receipt) => {
        clear(last, receiptView(receipt, q));
        search.value = '';
        list.replaceChildren();
        items = [];
        search.focus();
      });
    } catch (e) {
      error.textContent = errorText(e);
    }
  }

  search.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(find, SEARCH_DELAY_MS); });
  search.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!items.length) return;
      selected = (selected + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
      list.querySelectorAll('li').forEach((li, i) => li.setAttribute('aria-selected', String(i === selected)));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      clearTimeout(timer);
      if (items.length) pick(); else find();
    }
  });

  camera.start();
  search.focus();
  return { onKey: (e) => checkout.onKey(e), unmount: () => { camera.stop(); checkout.close(); } };
}
