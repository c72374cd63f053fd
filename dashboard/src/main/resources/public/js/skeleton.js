// The parts every page shares, built here once so that a page's HTML holds only what is its own:
// the header (title, navigation with the current page marked, the API link and the language
// switch), the boundaries switch wherever a page places an empty <fieldset id="boundaries">, and
// control forms that never submit (their controls act on change), and the signed-in account with
// its sign-out button (GET /api/session once per page), and on a page opened with ?release=NAME the
// banner that says which frozen release it shows, with a way back to current figures. Built with the DOM, never with
// inline handlers or styles: the pages are to run under a Content-Security-Policy without
// 'unsafe-inline'.
import { $, day, href, post, release, releaseName, session } from './core.js';
import { lang, t, translatePage } from './i18n.js';

/** Page name (its nav.* label) -> address, in the navigation's order. */
const PAGES = { overview: '/', trends: '/trends.html', map: '/map.html', region: '/region.html',
  outreach: '/outreach.html', survey: '/survey.html', review: '/review.html', intake: '/intake.html',
  audit: '/audit.html' };

/** Builds the shared parts of page {@code current} (a key of PAGES) and translates the page. */
export function skeleton(current) {
  document.body.prepend(header(current));
  if (releaseName) document.querySelector('body > header').after(releaseBanner());
  const boundaries = $('boundaries');
  if (boundaries) boundaries.replaceChildren(...boundariesChoices());
  for (const form of document.querySelectorAll('form')) form.addEventListener('submit', (e) => e.preventDefault());
  translatePage();
  document.title = t('nav.' + current) + ' · ' + t('app.title');
  session().then(showAccount).catch(() => {}); // a 401 has already sent the browser to sign in
}

/** The header's account part: login, role and scope, the password page and "Đăng xuất". */
function showAccount(who) {
  // the access log is for admins (the server refuses anyone else): no link that can only fail
  if (who.role !== 'admin') document.querySelector('header nav a[href^="/audit.html"]')?.remove();
  // sending figures is for reporters (and admins): the server refuses anyone else
  if (who.role !== 'reporter' && who.role !== 'admin') document.querySelector('header nav a[href^="/intake.html"]')?.remove();
  const name = document.createElement('span');
  name.id = 'session-login';
  name.textContent = who.login;
  const role = document.createElement('span');
  role.id = 'session-role';
  role.textContent = t('role.' + who.role);
  const scope = document.createElement('span');
  scope.id = 'session-scope';
  scope.textContent = t('session.scope') + ': ' + (who.scope === 'VN' ? t('level.nation') : who.scope);
  const password = link('/password.html?next=' + encodeURIComponent(location.pathname + location.search),
    t('session.password'));
  const logout = document.createElement('button');
  logout.type = 'button';
  logout.id = 'logout';
  logout.textContent = t('session.logout');
  logout.addEventListener('click', async () => {
    try {
      await post('/api/logout', {});
    } finally {
      location.assign('/login.html');
    }
  });
  const box = document.createElement('div');
  box.id = 'session';
  box.append(name, role, scope, password, logout);
  document.querySelector('body > header').append(box);
}

function header(current) {
  const title = document.createElement('h1');
  title.dataset.i18n = 'app.title';
  const nav = document.createElement('nav');
  for (const [page, path] of Object.entries(PAGES)) {
    const address = href(path);
    const a = link(address, t('nav.' + page));
    if (page === current) a.setAttribute('aria-current', 'page');
    nav.appendChild(a);
  }
  const api = link('/openapi.json', t('nav.api'));
  api.className = 'api';
  const params = new URLSearchParams(location.search);
  params.set('lang', lang === 'en' ? 'vi' : 'en');
  const switcher = link(location.pathname + '?' + params, t('lang.switch'));
  switcher.id = 'lang-switch';
  nav.append(api, switcher);
  const el = document.createElement('header');
  el.append(title, nav);
  return el;
}

function link(href, text) {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  return a;
}

/**
 * "Bản phát hành «TITLE» (NAME), đóng băng ngày dd/mm/yyyy — …" and a link to the same page with
 * current figures; an unknown release says so in its place.
 */
function releaseBanner() {
  const banner = document.createElement('div');
  banner.id = 'release-banner';
  banner.setAttribute('role', 'status');
  const text = document.createElement('span');
  const params = new URLSearchParams(location.search);
  params.delete('release');
  const back = link(location.pathname + (params.toString() ? '?' + params : ''), t('release.current'));
  back.id = 'release-current';
  banner.append(text, ' ', back);
  release().then((r) => {
    text.textContent = t('release.banner', { title: r.title, name: r.name, date: day(r.created_at) });
  }).catch((e) => {
    text.textContent = t('release.unknown', { name: releaseName, error: e.message });
    banner.classList.add('error');
  });
  return banner;
}

/** The legend and the two radios (as reported, restated to 2025) of the boundaries switch. */
function boundariesChoices() {
  const legend = document.createElement('legend');
  legend.dataset.i18n = 'ctl.boundaries';
  const [reported, reportedText] = radio('reported');
  reportedText.dataset.i18n = 'boundaries.reported';
  const [restated, restatedText] = radio('2025');
  restatedText.dataset.i18n = 'boundaries.2025';
  return [legend, reported, restated];
}

/** A boundaries radio in its label, and the label's (still empty) text. */
function radio(value) {
  const input = document.createElement('input');
  input.type = 'radio';
  input.name = 'boundaries';
  input.value = value;
  const text = document.createElement('span');
  const label = document.createElement('label');
  label.append(input, ' ', text);
  return [label, text];
}

/** The page's boundaries switch: shows {@code current}, calls {@code onChange(mode)} on a pick. */
export function boundariesSwitch(current, onChange) {
  document.querySelector(`#boundaries input[value="${current}"]`).checked = true;
  for (const r of document.querySelectorAll('#boundaries input')) {
    r.addEventListener('change', () => onChange(r.value));
  }
}
