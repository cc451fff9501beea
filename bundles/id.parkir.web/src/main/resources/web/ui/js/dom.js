// Building the page without innerHTML: every text from the server becomes a text node, so a
// plate or a name holding markup shows as typed and never runs.
import { t } from './i18n.js';

/** h('div', {class: 'x', onclick: fn, i18n: 'key'}, child, 'text', [more]) */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value == null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key === 'i18n') setText(el, value);
    else if (key === 'args') el.dataset.i18nArgs = JSON.stringify(value);
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  if (attrs && attrs.args && attrs.i18n) setText(el, attrs.i18n, attrs.args);
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
}

/** A translated text that follows the language when it is switched. */
export function setText(el, key, args) {
  el.dataset.i18n = key;
  if (args) el.dataset.i18nArgs = JSON.stringify(args); else delete el.dataset.i18nArgs;
  el.textContent = t(key, args);
  return el;
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export const $ = (sel, root = document) => root.querySelector(sel);

/** An <img> for a photo fetched with the token (no token in any URL): the blob lives as long as the image. */
export function blobImage(blob, alt) {
  const img = h('img', { alt: alt || '' });
  const url = URL.createObjectURL(blob);
  img.addEventListener('load', () => URL.revokeObjectURL(url), { once: true });
  img.addEventListener('error', () => URL.revokeObjectURL(url), { once: true });
  img.src = url;
  return img;
}

export function toast(key, args) {
  document.querySelectorAll('.toast').forEach((old) => old.remove()); // one message at a time, never piled up
  const el = h('div', { class: 'toast', role: 'status', i18n: key, args });
  document.body.append(el);
  setTimeout(() => el.remove(), 3500);
}

/** A labelled form field. */
export function field(id, key, input) {
  return h('div', { class: 'field' }, h('label', { for: id, i18n: key }), input);
}
