// Tickets, receipts and shift reports as slips for a 58 or 80 mm thermal printer, printed by the
// browser (the gate PC's default printer; Chromium's --kiosk-printing prints without a dialog).
import { h, clear } from './dom.js';
import { t } from './i18n.js';
import { code128Svg } from './barcode.js';
import { money, dateTime, duration } from './format.js';
import { gateSettings } from './settings.js';
import { site } from './session.js';

function header() {
  const s = site();
  return [h('div', { class: 'site', text: s.name }), s.address ? h('div', { text: s.address }) : null, h('hr')];
}

function rows(pairs) {
  return h('table', null, pairs.filter(Boolean).map(([label, value]) =>
    h('tr', null, h('td', { text: label }), h('td', { class: 'num', text: value }))));
}

export function ticketSlip(entry) {
  return h('div', { class: 'slip ticket-slip' }, header(),
    h('div', { text: t('print.ticket') }),
    h('div', { class: 'big-no', text: entry.ticket }),
    code128Svg(entry.ticket),
    rows([[t('field.plate'), entry.plate], [t('field.type'), t(`type.${entry.vehicleType}`)],
      [t('field.entryTime'), dateTime(entry.entryTime)], [t('field.zone'), entry.zone], [t('field.gate'), entry.gate]]),
    h('hr'), h('div', { text: t('print.keep') }));
}

export function receiptSlip(receipt, quote) {
  return h('div', { class: 'slip receipt-slip' }, header(),
    h('div', { text: t('print.receipt') }),
    h('div', { class: 'big-no', text: receipt.receiptNo }),
    rows([[t('field.ticket'), receipt.ticket], [t('field.plate'), receipt.plate],
      quote ? [t('field.entryTime'), dateTime(quote.entryTime)] : null,
      [t('field.paidAt'), dateTime(receipt.paidAt)],
      quote ? [t('field.duration'), duration(quote.durationMinutes)] : null]),
    h('hr'),
    rows(receipt.lines.map((l) => [l.label, money(l.amount)])),
    h('hr'),
    rows([[t('field.total'), money(receipt.total)], [`${t('field.paid')} (${receipt.method})`, money(receipt.paid)],
      [t('field.change'), money(receipt.change)], [t('field.cashier'), receipt.cashier]]),
    h('hr'), h('div', { text: t('print.thanks') }));
}

export function shiftSlip(report) {
  return h('div', { class: 'slip shift-slip' }, header(),
    h('div', { text: t('print.shiftReport') }),
    rows([[t('shift.cashier'), report.username], [t('shift.openedAt'), dateTime(report.openedAt)],
      [t('shift.closedAt'), dateTime(report.closedAt)], [t('shift.entries'), String(report.entries)],
      [t('shift.exits'), String(report.exits)], [t('shift.lostTickets'), String(report.lostTickets)]]),
    h('hr'),
    rows(Object.entries(report.revenueByMethod || {}).map(([m, v]) => [m, money(v)])),
    rows([[t('shift.totalRevenue'), money(report.totalRevenue)], [t('shift.openingCash'), money(report.openingCash)],
      [t('shift.cashExpected'), money(report.cashExpected)],
      report.countedCash != null ? [t('shift.countedCash'), money(report.countedCash)] : null,
      report.difference != null ? [t('shift.difference'), money(report.difference)] : null]));
}

/** Puts a slip in the print area and, unless this PC prints by hand, opens the browser's printing. */
export function printSlip(slip, force) {
  clear(document.getElementById('print-area'), slip);
  if (force || gateSettings().autoPrint) setTimeout(() => window.print(), 0);
}
