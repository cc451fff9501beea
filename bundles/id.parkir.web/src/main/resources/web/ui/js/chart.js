// Two small canvas charts for the dashboard (grouped bars, lines): a chart library would weigh
// more than the whole UI for what the dashboard draws.
import { h } from './dom.js';

const INK = '#1c2430';
const GRID = '#d5dbe3';
const FONT = '11px system-ui, sans-serif';

function setup(canvas) {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth || 600;
  const height = canvas.clientHeight || 220;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const ctx = canvas.getContext('2d');
  ctx.scale(ratio, ratio);
  ctx.clearRect(0, 0, width, height);
  ctx.font = FONT;
  return { ctx, width, height, left: 44, right: 8, top: 8, bottom: 22 };
}

function niceMax(max) {
  if (max <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(max));
  return Math.ceil(max / step) * step;
}

function axes(g, labels, max, format) {
  const { ctx, width, height, left, right, top, bottom } = g;
  ctx.strokeStyle = GRID;
  ctx.fillStyle = INK;
  ctx.textAlign = 'right';
  for (let i = 0; i <= 4; i++) {
    const y = top + (height - top - bottom) * (1 - i / 4);
    ctx.beginPath();
    ctx.moveTo(left, y);
    ctx.lineTo(width - right, y);
    ctx.stroke();
    ctx.fillText(format(max * i / 4), left - 4, y + 4);
  }
  ctx.textAlign = 'center';
  const every = Math.ceil(labels.length / 12);
  labels.forEach((label, i) => {
    if (i % every) return;
    const x = left + (width - left - right) * (i + 0.5) / labels.length;
    ctx.fillText(label, x, height - 6);
  });
}

/** Grouped bars: series = [{name, color, values}], one value per label. */
export function barChart(canvas, labels, series, format = String) {
  const g = setup(canvas);
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values)));
  axes(g, labels, max, format);
  const slot = (g.width - g.left - g.right) / labels.length;
  const bar = (slot * 0.8) / series.length;
  series.forEach((s, si) => {
    g.ctx.fillStyle = s.color;
    s.values.forEach((v, i) => {
      const hgt = (g.height - g.top - g.bottom) * (v / max);
      g.ctx.fillRect(g.left + slot * i + slot * 0.1 + bar * si, g.height - g.bottom - hgt, Math.max(bar - 1, 1), hgt);
    });
  });
  canvas.dataset.drawn = String(series.reduce((n, s) => n + s.values.filter((v) => v > 0).length, 0));
}

/** Lines: series = [{name, color, values}]. */
export function lineChart(canvas, labels, series, format = String) {
  const g = setup(canvas);
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values)));
  axes(g, labels, max, format);
  const slot = (g.width - g.left - g.right) / labels.length;
  for (const s of series) {
    g.ctx.strokeStyle = s.color;
    g.ctx.lineWidth = 2;
    g.ctx.beginPath();
    s.values.forEach((v, i) => {
      const x = g.left + slot * (i + 0.5);
      const y = g.height - g.bottom - (g.height - g.top - g.bottom) * (v / max);
      if (i === 0) g.ctx.moveTo(x, y); else g.ctx.lineTo(x, y);
    });
    g.ctx.stroke();
  }
  canvas.dataset.drawn = String(series.reduce((n, s) => n + s.values.filter((v) => v > 0).length, 0));
}

/** The colour key under a chart; names are dictionary keys. */
export function legend(series) {
  return h('div', { class: 'legend' }, series.map((s) => {
    const swatch = h('span', { class: 'swatch' });
    swatch.style.background = s.color;
    return h('span', null, swatch, h('span', { i18n: s.name }));
  }));
}
