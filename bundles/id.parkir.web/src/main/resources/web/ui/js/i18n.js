// Two dictionaries (ui/i18n/id.json, en.json), Bahasa Indonesia first; the choice is remembered per PC.
const STORE = 'parkir.lang';
export const LANGUAGES = ['id', 'en'];
let dictionary = {};
let language = LANGUAGES.includes(localStorage.getItem(STORE)) ? localStorage.getItem(STORE) : 'id';

export function currentLanguage() { return language; }

export async function loadLanguage(lang) {
  const res = await fetch(`/ui/i18n/${lang}.json`, { cache: 'no-cache' });
  if (!res.ok) throw new Error(`dictionary ${lang}: ${res.status}`);
  dictionary = await res.json();
  language = lang;
  localStorage.setItem(STORE, lang);
  document.documentElement.lang = lang;
  translate(document);
}

/** The text of a key with {name} parameters filled in; the key itself when missing (tests catch that). */
export function t(key, args) {
  let text = dictionary[key];
  if (text == null) text = key;
  if (args) text = text.replace(/\{(\w+)\}/g, (m, name) => (args[name] == null ? m : String(args[name])));
  return text;
}

export function has(key) { return Object.prototype.hasOwnProperty.call(dictionary, key); }

/** Re-renders every translated text, placeholder and title under a root (after a language switch). */
export function translate(root) {
  root.querySelectorAll('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n, el.dataset.i18nArgs ? JSON.parse(el.dataset.i18nArgs) : undefined);
  });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  root.querySelectorAll('[data-i18n-title]').forEach((el) => { el.title = t(el.dataset.i18nTitle); });
}
