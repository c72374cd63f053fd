// The password page: one's own password changed (current, new twice). An account with a one-time
// password is held here by the server until it is done, then goes on to ?next=. Needs only the
// session (GET /api/session), not the scripts of the other pages.
import { t, translatePage } from './i18n.js';

const form = document.getElementById('password-form');
const error = document.getElementById('password-error');
const submit = document.getElementById('password-submit');

function safeNext(next) {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')
    && !/[\u0000-\u001f\u007f]/.test(next) ? next : '/';
}

translatePage();
document.title = t('password.title') + ' · ' + t('app.title');

async function session() {
  const response = await fetch('/api/session', { headers: { Accept: 'application/json' } });
  if (response.status === 401) {
    location.assign('/login.html?next=' + encodeURIComponent(location.pathname + location.search));
    return null;
  }
  return response.json();
}

let current = await session();
if (current) {
  document.getElementById('account').value = current.login;
  document.getElementById('must-change').hidden = !current.must_change;
  submit.disabled = false;
}

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  error.textContent = '';
  const values = { current: form.elements.current.value, new: form.elements.new.value };
  if (values.new !== form.elements.repeat.value) {
    error.textContent = t('password.mismatch');
    return;
  }
  if (values.new.length < 12) {
    error.textContent = t('password.short');
    return;
  }
  submit.disabled = true;
  try {
    const response = await fetch('/api/password', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': current.csrf || '' },
      body: JSON.stringify(values),
    });
    const body = await response.json().catch(() => ({}));
    if (response.ok) {
      current = body;
      error.textContent = t('password.done');
      location.assign(safeNext(new URLSearchParams(location.search).get('next')));
      return;
    }
    error.textContent = response.status === 403 && /current password/.test(body.error || '') ? t('password.wrong')
      : response.status === 429 ? t('login.throttled', { seconds: response.headers.get('Retry-After') || '?' })
        : (body.error || String(response.status));
  } finally {
    submit.disabled = false;
  }
});
