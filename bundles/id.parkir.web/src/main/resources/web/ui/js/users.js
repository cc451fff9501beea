// Users (admins): list, add, change role / full name / active, reset a password. The server keeps
// the rules (the last active admin cannot be disabled or demoted, the password policy) and the
// page shows its refusals next to the row or form they concern.
import { api, errorText } from './api.js';
import { h, clear, toast, field } from './dom.js';
import { dateTime } from './format.js';

const ROLES = ['operator', 'admin'];

function roleSelect(value) {
  return h('select', null, ROLES.map((r) => h('option', { value: r, selected: r === value ? true : null, i18n: `role.${r}` })));
}

export function mountUsers(main) {
  const body = h('tbody');
  const error = h('p', { class: 'error', role: 'alert', id: 'users-error' });
  const username = h('input', { id: 'user-new-name', maxlength: 64, autocomplete: 'off' });
  const fullName = h('input', { id: 'user-new-fullname', maxlength: 120, autocomplete: 'off' });
  const role = roleSelect('operator');
  role.id = 'user-new-role';
  const password = h('input', { id: 'user-new-password', type: 'password', maxlength: 256, autocomplete: 'new-password' });
  const addError = h('p', { class: 'error', role: 'alert', id: 'user-add-error' });
  const addForm = h('form', { class: 'card stack', id: 'user-add', novalidate: true }, h('h2', { i18n: 'users.add' }),
    field('user-new-name', 'login.username', username), field('user-new-fullname', 'users.fullName', fullName),
    field('user-new-role', 'users.role', role), field('user-new-password', 'users.initialPassword', password),
    h('p', { class: 'hint', i18n: 'users.policy' }), addError, h('button', { type: 'submit' }, h('span', { i18n: 'users.create' })));
  clear(main, h('h1', { i18n: 'users.title' }), error,
    h('div', { class: 'grid3' },
      h('div', { class: 'card' }, h('table', { id: 'users-table' }, h('thead', null, h('tr', null,
        ['login.username', 'users.fullName', 'users.role', 'users.active', 'users.state', 'users.lastLogin', 'users.actions']
          .map((k) => h('th', { i18n: k })))), body)),
      addForm));

  async function load() {
    try {
      const users = await api('GET', '/users');
      clear(body, users.map(row));
    } catch (e) { error.textContent = errorText(e); }
  }

  function row(u) {
    const name = h('input', { value: u.fullName || '', maxlength: 120, 'aria-label': 'fullName' });
    const roleField = roleSelect(u.role);
    const active = h('input', { type: 'checkbox', checked: u.active ? true : null, 'aria-label': 'active' });
    const rowError = h('div', { class: 'error' });
    const save = h('button', { type: 'button', class: 'secondary', onclick: async () => {
      rowError.replaceChildren();
      try {
        await api('PUT', `/users/${encodeURIComponent(u.username)}`, { json: { fullName: name.value, role: roleField.value, active: active.checked } });
        toast('users.saved');
        load();
      } catch (e) { rowError.textContent = errorText(e); }
    } }, h('span', { i18n: 'users.save' }));
    const reset = h('button', { type: 'button', class: 'secondary', onclick: () => resetPassword(u.username, rowError) }, h('span', { i18n: 'users.reset' }));
    const state = [u.locked ? h('span', { class: 'badge bad', i18n: 'users.locked' }) : null,
      u.mustChangePassword ? h('span', { class: 'badge none', i18n: 'users.mustChange' }) : null];
    const tr = h('tr', null, h('td', { class: 'plate-text', text: u.username }), h('td', null, name), h('td', null, roleField),
      h('td', null, active), h('td', null, state), h('td', { text: dateTime(u.lastLoginAt) }),
      h('td', null, h('div', { class: 'row' }, save, reset), rowError));
    tr.dataset.username = u.username;
    return tr;
  }

  async function resetPassword(user, rowError) {
    const input = h('input', { type: 'password', maxlength: 256, autocomplete: 'new-password', class: 'reset-password' });
    const go = h('button', { type: 'button' }, h('span', { i18n: 'users.resetConfirm' }));
    clear(rowError, h('div', { class: 'row' }, h('label', { i18n: 'users.newPassword' }), input, go));
    input.focus();
    go.addEventListener('click', async () => {
      try {
        await api('POST', `/users/${encodeURIComponent(user)}/reset-password`, { json: { newPassword: input.value } });
        clear(rowError);
        toast('users.resetDone');
        load();
      } catch (e) { clear(rowError, h('span', { text: errorText(e) })); }
    });
  }

  addForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    addError.replaceChildren();
    try {
      await api('POST', '/users', { json: { username: username.value.trim(), fullName: fullName.value.trim(), role: role.value, password: password.value } });
      [username, fullName, password].forEach((i) => { i.value = ''; });
      toast('users.created');
      load();
    } catch (err) { addError.textContent = errorText(err); }
  });

  load();
  main.focus();
  return {};
}
