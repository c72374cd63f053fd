// The login page: posts the login and password as JSON, then goes where the gate sent the person
// from (?next=, a path of this server only) or to the one-time password's change. Uses no other
// script of the pages: those are served only to a signed-in browser.
import { lang, t, translatePage } from './i18n.js';

const form = document.getElementById('login-form');
const error = document.getElementById('login-error');
const submit = document.getElementById('login-submit');

/** Where to go after signing in: ?next= when it is a path of this server, never another site. */
export function safeNext(next) {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')
    && !/[\u0000-\u001f\u007f]/.test(next) ? next : '/';
}

const params = new URLSearchParams(location.search);
const switcher = document.getElementById('lang-switch');
params.set('lang', lang === 'en' ? 'vi' : 'en');
switcher.href = '/login.html?' + params;
translatePage();
document.title = t('login.title') + ' · ' + t('app.title');

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  error.textContent = '';
  submit.disabled = true;
  try {
    const response = await fetch('/api/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ login: form.elements.login.value, password: form.elements.password.value }),
    });
    const body = await response.json().catch(() => ({}));
    if (response.ok) {
      const next = safeNext(new URLSearchParams(location.search).get('next'));
      location.assign(body.must_change ? '/password.html?next=' + encodeURIComponent(next) : next);
      return;
    }
    form.elements.password.value = '';
    if (response.status === 401) {
      error.textContent = t('login.failed');
    } else if (response.status === 429) {
      error.textContent = t('login.throttled', { seconds: response.headers.get('Retry-After') || '?' });
    } else {
      error.textContent = t('login.blocked') + ': ' + (body.error || response.status);
    }
  } catch (err) {
    error.textContent = t('login.blocked') + ': ' + err.message;
  } finally {
    submit.disabled = false;
  }
});
submit.disabled = false;
