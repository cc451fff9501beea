// Kendaraan Keluar: the cursor waits in the ticket field; a USB scanner types the ticket and
// Enter, the exit camera's photo goes with it, and the quote comes up with the amount ready:
// Enter pays the exact amount, the receipt prints and the cursor is back in the ticket field.
import { api, errorText } from './api.js';
import { h, clear } from './dom.js';
import { GateCamera } from './camera.js';
import { CheckoutSlot, receiptView } from './checkout.js';

export function mountExit(main) {
  const camera = new GateCamera('exit');
  const ticket = h('input', { id: 'exit-ticket', class: 'scan-input', maxlength: 20, autocomplete: 'off', spellcheck: 'false',
    'aria-describedby': 'exit-ticket-error' });
  const ticketError = h('p', { id: 'exit-ticket-error', class: 'error', role: 'alert' });
  const quoteArea = h('div', { id: 'exit-quote' });
  const lastReceipt = h('div', { id: 'exit-last' });
  const scanForm = h('form', { class: 'card stack', id: 'exit-scan', novalidate: true },
    h('label', { for: 'exit-ticket', i18n: 'exit.scan' }), ticket, ticketError, h('span', { class: 'keys', i18n: 'exit.keys' }));
  clear(main, h('h1', { i18n: 'exit.title' }),
    h('div', { class: 'grid2' }, scanForm, h('div', { class: 'grid2' }, camera.view, lastReceipt)), quoteArea);

  const checkout = new CheckoutSlot(quoteArea, () => { ticket.select(); ticket.focus(); });
  let busy = false;

  async function quote() {
    const text = ticket.value.trim();
    if (busy) return;
    ticketError.replaceChildren();
    if (!text) return; // a stray Enter (the scanner's, or a second one after paying) does nothing
    busy = true;
    const started = performance.now();
    try {
      const photo = await camera.capture().catch(() => null);
      const form = new FormData();
      form.append('ticket', text);
      if (photo) form.append('image', photo, 'exit.jpg');
      const q = await api('POST', '/capture-exit', { form });
      checkout.show(q, photo, (receipt) => done(receipt, q));
      main.dataset.quoteMillis = String(Math.round(performance.now() - started));
    } catch (e) {
      ticketError.textContent = errorText(e);
      ticket.select();
    } finally {
      busy = false;
    }
  }

  function done(receipt, q) {
    clear(lastReceipt, receiptView(receipt, q));
    ticket.value = '';
    ticket.focus();
  }

  scanForm.addEventListener('submit', (e) => { e.preventDefault(); quote(); });
  ticket.addEventListener('input', () => ticketError.replaceChildren());

  camera.start();
  ticket.focus();
  return { onKey: (e) => checkout.onKey(e), unmount: () => { camera.stop(); checkout.close(); } };
}
