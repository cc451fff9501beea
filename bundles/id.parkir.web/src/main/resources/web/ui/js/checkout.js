// What an exit costs and taking its payment, shared by Kendaraan Keluar and Tiket Hilang: the two
// photos side by side, plate check and image match bar, fee lines, payment method, amount with
// quick buttons, change; Enter pays. One idempotency key per payment attempt, so a double Enter
// or a network retry answers the same receipt instead of charging twice.
import { api, errorText, newIdempotencyKey } from './api.js';
import { h, clear, setText, blobImage } from './dom.js';
import { t } from './i18n.js';
import { money, dateTime, duration, parseMoney } from './format.js';
import { receiptSlip, printSlip } from './print.js';
import { changed } from './status.js';
import { showSessionPhoto } from './photos.js';

/** imageMatchScore colours (README, "Web UI"): green from 0.5, amber from 0.25, red below. */
export const MATCH_GREEN = 0.5;
export const MATCH_AMBER = 0.25;
const QUICK = [10000, 20000, 50000, 100000];
const METHODS_REFRESH_MS = 5000;

export function photoBox(id) {
  return h('div', { class: 'photo', id }, h('span', { i18n: 'exit.noPhoto' }));
}

function matchBar(score) {
  if (score == null) return h('span', { class: 'badge none', i18n: 'exit.noMatch' });
  const colour = score >= MATCH_GREEN ? 'green' : score >= MATCH_AMBER ? 'amber' : 'red';
  const bar = h('div', { class: `match ${colour}`, id: 'exit-match', title: String(score) }, h('div'));
  bar.dataset.colour = colour;
  bar.dataset.score = String(score);
  // CSSOM, not a style attribute: the Content-Security-Policy allows no inline styles
  bar.firstChild.style.width = `${Math.round(Math.min(Math.max(score, 0), 1) * 100)}%`;
  return h('div', null, bar, h('span', { class: 'small muted', i18n: `exit.match.${colour}`, args: { pct: Math.round(score * 100) } }));
}

function plateBadge(matches) {
  if (matches == null) return h('span', { class: 'badge none', id: 'exit-plate-match', i18n: 'exit.plateUnknown' });
  return h('span', { class: `badge ${matches ? 'ok' : 'bad'}`, id: 'exit-plate-match', i18n: matches ? 'exit.plateSame' : 'exit.plateDifferent' });
}

/**
 * Renders a quote with its payment form into a container.
 * @param exitPhoto the photo taken at the exit (a Blob) or null
 * @param onDone called with the receipt once paid
 */
export function mountCheckout(container, quote, exitPhoto, onDone) {
  const entryBox = photoBox('exit-entry-photo');
  const exitBox = photoBox('exit-exit-photo');
  if (exitPhoto) clear(exitBox, blobImage(exitPhoto, t('exit.exitPhoto')));
  showSessionPhoto(entryBox, quote.ticket, 'entry', t('exit.entryPhoto'));

  const methods = h('div', { class: 'methods', role: 'radiogroup', id: 'pay-methods' });
  const amount = h('input', { id: 'pay-amount', class: 'amount-input', inputmode: 'numeric', autocomplete: 'off', maxlength: 15,
    'aria-describedby': 'pay-error' });
  const change = h('div', { id: 'pay-change', class: 'change' });
  const error = h('p', { id: 'pay-error', class: 'error', role: 'alert' });
  const pay = h('button', { type: 'submit', class: 'big', id: 'pay-submit' }, h('span', { i18n: 'pay.submit' }), ' ', h('kbd', { text: 'Enter' }));
  const quick = h('div', { class: 'quick' },
    h('button', { type: 'button', class: 'secondary', id: 'pay-exact', onclick: () => setAmount(quote.fee.total) },
      h('span', { i18n: 'pay.exact' }), ' ', h('kbd', { text: 'F6' })),
    QUICK.map((v, i) => h('button', { type: 'button', class: 'secondary', onclick: () => setAmount(v) },
      money(v), ' ', h('kbd', { text: `F${7 + i}` }))));
  const form = h('form', { class: 'card stack', id: 'pay-form', novalidate: true },
    h('h2', { i18n: 'pay.title' }), methods,
    h('div', { class: 'field' }, h('label', { for: 'pay-amount', i18n: 'pay.received' }), amount), quick,
    h('div', { class: 'row' }, h('span', { i18n: 'pay.change' }), change), error, pay);

  const facts = h('dl', { class: 'facts' },
    h('dt', { i18n: 'field.ticket' }), h('dd', { text: quote.ticket }),
    h('dt', { i18n: 'exit.entryPlate' }), h('dd', { class: 'plate-text', id: 'exit-entry-plate', text: quote.plate }),
    h('dt', { i18n: 'exit.plateNow' }), h('dd', null, h('span', { class: 'plate-text', id: 'exit-plate-now', text: quote.plateRead ? quote.plateRead.text : '—' }), ' ', plateBadge(quote.plateMatches)),
    h('dt', { i18n: 'exit.imageMatch' }), h('dd', null, matchBar(quote.imageMatchScore)),
    h('dt', { i18n: 'field.type' }), h('dd', { i18n: `type.${quote.vehicleType}` }),
    h('dt', { i18n: 'field.entryTime' }), h('dd', { text: dateTime(quote.entryTime) }),
    h('dt', { i18n: 'field.duration' }), h('dd', { id: 'exit-duration', text: duration(quote.durationMinutes) }),
    quote.overnights ? [h('dt', { i18n: 'exit.overnights' }), h('dd', { text: String(quote.overnights) })] : null);
  const fee = h('table', { class: 'fee-lines', id: 'exit-fee' },
    quote.fee.lines.map((l) => h('tr', null, h('td', { text: l.label }), h('td', { class: 'num', text: money(l.amount) }))),
    h('tr', { class: 'fee-total' }, h('td', { i18n: 'field.total' }), h('td', { class: 'num', id: 'exit-total', text: money(quote.fee.total) })));

  clear(container, h('div', { class: 'grid2' },
    h('div', { class: 'stack' },
      h('div', { class: 'grid2' }, h('div', null, h('div', { class: 'small muted', i18n: 'exit.entryPhoto' }), entryBox),
        h('div', null, h('div', { class: 'small muted', i18n: 'exit.exitPhoto' }), exitBox)),
      h('div', { class: 'card' }, facts)),
    h('div', { class: 'stack' }, h('div', { class: 'card' }, fee), form)));

  let attempt = null; // {signature, key}: the same attempt sent again keeps its key
  let paying = false;
  let paid = false;

  function setAmount(value) { amount.value = new Intl.NumberFormat('id-ID').format(value); showChange(); amount.focus(); amount.select(); }

  function showChange() {
    const received = parseMoney(amount.value);
    const diff = received == null ? null : received - quote.fee.total;
    change.textContent = diff == null ? '—' : money(Math.max(diff, 0));
    change.classList.toggle('short', diff != null && diff < 0);
    if (diff != null && diff < 0) setText(error, 'pay.short', { missing: money(-diff) }); else error.replaceChildren();
  }

  async function refreshMethods() {
    let list;
    try { list = await api('GET', '/payment-methods', { noReauth: true }); } catch { return; }
    const chosen = methods.querySelector('input:checked');
    const keep = chosen ? chosen.value : null;
    const ids = list.map((m) => m.id).join(',');
    if (methods.dataset.ids === ids) return;
    methods.dataset.ids = ids;
    clear(methods, list.map((m) => h('label', { 'data-method': m.id },
      h('input', { type: 'radio', name: 'method', value: m.id, checked: m.id === keep ? true : null }), ' ', h('span', { text: m.name || m.id }))));
    if (!methods.querySelector('input:checked') && methods.querySelector('input')) methods.querySelector('input').checked = true;
    if (!list.length) setText(error, 'pay.noMethods');
  }

  async function submit() {
    if (paying || paid) return;
    const method = methods.querySelector('input:checked');
    if (!method) { setText(error, 'pay.noMethods'); return; }
    const received = parseMoney(amount.value);
    if (received == null || received < quote.fee.total) { setText(error, 'pay.short', { missing: money(quote.fee.total - (received || 0)) }); amount.select(); return; }
    const signature = `${method.value}|${received}`;
    if (!attempt || attempt.signature !== signature) attempt = { signature, key: newIdempotencyKey() };
    paying = true;
    pay.disabled = true;
    error.replaceChildren();
    try {
      const receipt = await api('POST', '/payments', { json: { ticket: quote.ticket, method: method.value, amountReceived: received },
        headers: { 'Idempotency-Key': attempt.key } });
      paid = true;
      printSlip(receiptSlip(receipt, quote));
      changed();
      onDone(receipt);
    } catch (e) {
      error.textContent = errorText(e);
      amount.select();
    } finally {
      paying = false;
      pay.disabled = paid;
    }
  }

  form.addEventListener('submit', (e) => { e.preventDefault(); submit(); });
  amount.addEventListener('input', showChange);
  amount.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); submit(); } });
  const methodTimer = setInterval(refreshMethods, METHODS_REFRESH_MS);
  refreshMethods();
  setAmount(quote.fee.total);

  function onKey(e) {
    const n = ['F6', 'F7', 'F8', 'F9', 'F10'].indexOf(e.key);
    if (n < 0) return false;
    e.preventDefault();
    setAmount(n === 0 ? quote.fee.total : QUICK[n - 1]);
    return true;
  }
  return { onKey, stop: () => clearInterval(methodTimer), focus: () => { amount.focus(); amount.select(); } };
}

/** The receipt after a payment, with a button to print it again. */
export function receiptView(receipt, quote) {
  const view = h('div', { class: 'ticket-view', id: 'exit-receipt' }, h('h2', { i18n: 'pay.done' }),
    h('div', { class: 'change', id: 'receipt-change', text: money(receipt.change) }),
    receiptSlip(receipt, quote),
    h('button', { type: 'button', class: 'secondary', onclick: () => printSlip(receiptSlip(receipt, quote), true) }, h('span', { i18n: 'pay.reprint' })));
  view.dataset.receipt = receipt.receiptNo;
  return view;
}

/**
 * The place on a screen where a quote and its payment appear: one at a time, Esc cancels it and
 * gives the focus back, paying closes it.
 */
export class CheckoutSlot {
  constructor(area, focusBack) {
    this.area = area;
    this.focusBack = focusBack;
    this.current = null;
  }

  show(quote, photo, onPaid) {
    this.close();
    this.current = mountCheckout(this.area, quote, photo, (receipt) => { this.close(); onPaid(receipt); });
    this.current.focus();
  }

  close() {
    if (this.current) this.current.stop();
    this.current = null;
    this.area.replaceChildren();
  }

  onKey(e) {
    if (!this.current) return false;
    if (this.current.onKey(e)) return true;
    if (e.key !== 'Escape') return false;
    this.close();
    this.focusBack();
    return true;
  }
}
