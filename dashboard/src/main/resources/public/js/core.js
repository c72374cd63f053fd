// What every page's script shares: fetching /api/..., number formats, choices, the footnote.
// (The markup every page shares is skeleton.js's.) Text from data is always set with
// textContent, never parsed as HTML.
import { lang, t } from './i18n.js';

export { lang, t };

/** The page's element of that id: the one element lookup every page script uses. */
export const $ = (id) => document.getElementById(id);

export const locale = lang === 'en' ? 'en-GB' : 'vi-VN';
const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });

/** A number as the page shows it; null (no data) as an em dash. */
export function fmt(value) {
  return value === null || value === undefined || Number.isNaN(value) ? '—' : numbers.format(value);
}

export function percent(value) {
  return value === null || value === undefined || !Number.isFinite(value) ? '—'
    : (value > 0 ? '+' : '') + numbers.format(Math.round(value * 10) / 10) + ' %';
}

/** A non-2xx answer: its status, its message and (a 503's) code: no_snapshot, busy or unavailable. */
export class ApiError extends Error {
  constructor(status, message, code) {
    super(message);
    this.status = status;
    this.code = code || null;
  }

  /** The error of an answer whose JSON body ({@code {"error", "code"}}) is {@code body}. */
  static of(response, body) {
    return new ApiError(response.status, body.error || String(response.status), body.code);
  }
}

/**
 * The release the page shows (?release=NAME in its address: figures frozen for citation), or
 * null for current figures. Every API call and every link of the page carries it.
 */
export const releaseName = new URLSearchParams(location.search).get('release') || null;

/** An address of this server's pages with {@code params}, the page's release kept. */
export function href(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  if (releaseName && !query.has('release')) query.set('release', releaseName);
  return path + (query.toString() ? '?' + query : '');
}

/**
 * GETs a JSON endpoint of this server; a non-2xx answer throws its error ({@link ApiError}). A
 * warehouse too busy to answer (503 {@code busy}, or this client's share taken: 429) is asked
 * again after its {@code Retry-After}, up to {@link RETRIES} times, while the page says so
 * ({@link retryNotice}); only then does the page show the error.
 */
export async function api(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  if (releaseName && !query.has('release')) query.set('release', releaseName);
  const url = path + (query.toString() ? '?' + query : '');
  pending.count++;
  try {
    for (let retried = 0; ; retried++) {
      const response = await fetch(url, { headers: { Accept: 'application/json' } });
      const body = await response.json().catch(() => ({}));
      if (response.status === 401) toLogin();
      if (response.ok) return body;
      const error = ApiError.of(response, body);
      const seconds = retryAfter(response, error);
      if (seconds === null || retried >= RETRIES) throw error;
      await waitToRetry(seconds);
    }
  } finally {
    pending.count--;
  }
}

/** How many times a read the warehouse was too busy for is asked again before the page gives up. */
const RETRIES = 2;
/** The longest {@code Retry-After} (seconds) a page waits out by itself; a longer one is shown at once. */
const LONGEST_WAIT = 30;

/**
 * The seconds to wait before asking again: a busy warehouse's or a full share's {@code
 * Retry-After}, when it is a whole number of at most {@link LONGEST_WAIT}; null for any other
 * error, which asking again would not mend.
 */
function retryAfter(response, error) {
  if (error.code !== 'busy' && error.status !== 429) return null;
  const seconds = Number(response.headers.get('Retry-After'));
  return Number.isInteger(seconds) && seconds >= 0 && seconds <= LONGEST_WAIT ? seconds : null;
}

/** Reads waiting out a Retry-After now, and the notice that says so while there is one. */
const waiting = { count: 0, notice: null };

/** Waits {@code seconds}, with the page's notice saying the warehouse is busy and when it asks again. */
async function waitToRetry(seconds) {
  const notice = retryNotice();
  waiting.count++;
  notice.textContent = t('busy.retrying', { seconds });
  notice.hidden = false;
  try {
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  } finally {
    if (--waiting.count === 0) notice.hidden = true;
  }
}

/** The page's one "busy, asking again" line, under its header (built at its first use). */
function retryNotice() {
  if (!waiting.notice) {
    const notice = document.createElement('div');
    notice.id = 'retry-notice';
    notice.setAttribute('role', 'status');
    notice.hidden = true;
    const header = document.querySelector('body > header');
    if (header) header.after(notice); else document.body.prepend(notice);
    waiting.notice = notice;
  }
  return waiting.notice;
}

/** The session has ended (timed out, signed out elsewhere): sign in again, then come back here. */
export function toLogin() {
  location.assign('/login.html?next=' + encodeURIComponent(location.pathname + location.search));
}

/** Who is signed in and the session's CSRF token (GET /api/session), fetched once per page. */
let signedIn;
export function session() {
  if (!signedIn) signedIn = api('/api/session');
  return signedIn;
}

/**
 * POSTs JSON to this server with the session's CSRF token (the server refuses a POST signed in
 * by the cookie without it); the raw response, for a caller that wants a file.
 */
export async function post(path, body) {
  const { csrf } = await session();
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf || '' },
    body: JSON.stringify(body),
  });
  if (response.status === 401) toLogin();
  return response;
}

/**
 * POSTs files (a FormData, sent as multipart/form-data) with the session's CSRF token, as {@link
 * post} does JSON; the raw response.
 */
export async function postForm(path, data) {
  const { csrf } = await session();
  pending.count++;
  try {
    const response = await fetch(path, { method: 'POST', headers: { 'X-CSRF-Token': csrf || '' }, body: data });
    if (response.status === 401) toLogin();
    return response;
  } finally {
    pending.count--;
  }
}

/** Requests in flight: a screenshot waits until none is (window.danvanPending). */
const pending = { count: 0 };
window.danvanPending = pending;

/** The catalogue (code -> indicator), fetched once per page. */
let catalogue;
export async function indicators() {
  if (!catalogue) {
    const list = await api('/api/indicators');
    catalogue = new Map(list.map((i) => [i.code, i]));
  }
  return catalogue;
}

/** The indicators /api/series and /api/map answer: all but the survey series (their own API). */
export function charted(catalogue) {
  return [...catalogue.values()].filter((i) => i.computation !== 'survey');
}

export function indicatorName(indicator) {
  return indicator ? (lang === 'en' ? indicator.name_en : indicator.name_vi) : '';
}

/** The release the page shows (GET /api/releases/NAME), fetched once; null for current figures. */
let releaseInfo;
export function release() {
  if (!releaseName) return Promise.resolve(null);
  if (!releaseInfo) releaseInfo = api('/api/releases/' + encodeURIComponent(releaseName));
  return releaseInfo;
}

/** A date as Vietnam's calendar shows it (dd/mm/yyyy in Vietnamese). */
export function day(iso) {
  return new Date(iso).toLocaleDateString(locale, { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });
}

/** The served snapshot (/health; the release's with ?release=NAME), fetched once per page. */
let health;
export async function snapshot() {
  if (!health) health = await api('/health');
  return health;
}

export function loadedAt(h) {
  return h.loaded_at ? new Date(h.loaded_at).toLocaleString(locale, { timeZone: 'Asia/Ho_Chi_Minh' }) : '?';
}

/** The last calendar year that had ended when the snapshot was loaded. */
export function latestCompleteYear(h) {
  const loaded = h.loaded_at ? new Date(h.loaded_at) : new Date();
  return Number(loaded.toLocaleString('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' })) - 1;
}

/** The label of a vocabulary code ({@code prefix.code}); the code itself when it has none (a survey's own option). */
export function label(prefix, code) {
  if (!code) return '';
  const key = prefix + '.' + code;
  const text = t(key);
  return text === key ? code : text;
}

/** A moment as Vietnam's clock shows it (dd/mm/yyyy hh:mm in Vietnamese). */
export function dayTime(iso) {
  return new Date(iso).toLocaleString(locale, { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit',
    year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/**
 * Unit, source, snapshot and the no-data convention, under a chart; then the line to cite it by:
 * source, release (or current figures with the snapshot), the date it was read and its address.
 */
export function footnote(el, { unit, sources, snapshotId, loaded }) {
  const parts = [];
  if (unit) parts.push(t('foot.unit') + ': ' + unit);
  if (sources && sources.length) parts.push(t('foot.source') + ': ' + sources.join(', '));
  if (snapshotId) parts.push(t('foot.snapshot') + ' ' + snapshotId + (loaded ? ' (' + t('foot.loaded') + ' ' + loaded + ')' : ''));
  parts.push(t('foot.nodata'));
  const text = document.createElement('span');
  text.textContent = parts.join(' · ');
  const cite = document.createElement('span');
  cite.className = 'citation';
  el.replaceChildren(text, cite);
  release().then((r) => {
    cite.textContent = t('cite.label') + ': ' + [
      t('app.title') + (sources && sources.length ? ' (' + sources.join(', ') + ')' : ''),
      r ? t('cite.release') + ' «' + r.title + '» (' + r.name + ', ' + t('cite.frozen') + ' ' + day(r.created_at) + ')'
        : t('cite.current') + (snapshotId ? ' (' + t('foot.snapshot') + ' ' + snapshotId + ')' : ''),
      t('cite.accessed') + ' ' + day(new Date().toISOString()),
      location.href,
    ].join('; ');
  }).catch(() => {}); // an unknown release is said by the page's banner
}

/** Fills a <select> with [value, text] pairs and selects {@code selected}. */
export function options(select, pairs, selected) {
  select.replaceChildren(...pairs.map(([value, text]) => {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = text;
    return o;
  }));
  if (selected !== undefined && pairs.some(([v]) => String(v) === String(selected))) select.value = selected;
}

/** The years a page offers, 2010 to this year, as [value, text] pairs for {@link options}. */
export function yearChoices() {
  const years = [];
  for (let y = 2010; y <= new Date().getFullYear(); y++) years.push([String(y), String(y)]);
  return years;
}

/** The grains of /api/series and /api/outreach, as [value, text] pairs. */
export function grainChoices() {
  return ['year', 'half', 'quarter', 'month'].map((g) => [g, t('grain.' + g)]);
}

/** Where a figure comes from, as a table shows it: source, exact, apportioning method (null: none). */
export function provenance(p) {
  return [p.source ? label('source', p.source) : null, p.exact === undefined ? null : t(p.exact ? 'exact.yes' : 'exact.no'),
    p.method ? label('method', p.method) : null];
}

/** The page's query string as an object, and a way to update it without reloading. */
export const query = {
  get: (name, fallback) => new URLSearchParams(location.search).get(name) ?? fallback,
  set(values) {
    const params = new URLSearchParams(location.search);
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined || v === null || v === '') params.delete(k); else params.set(k, v);
    }
    history.replaceState(null, '', location.pathname + '?' + params);
  },
};

/**
 * What a failed request means to the reader: nothing loaded yet and a warehouse still busy after
 * {@link api}'s tries (or this client's share of it taken, 429) each in their own words; any other
 * error after {@code failed} (by default: the figures could not be loaded) with the server's
 * message, which names what is wrong (or, for a 503 unavailable, what to run).
 */
export function errorText(e, failed = t('error')) {
  const answered = e instanceof ApiError;
  if (answered && e.code === 'no_snapshot') return t('no_snapshot');
  if (answered && (e.code === 'busy' || e.status === 429)) return t('busy');
  return failed + ': ' + e.message;
}

/** Shows an error in place of a page part, as text ({@link errorText}). */
export function showError(el, e) {
  el.textContent = errorText(e);
  el.classList.add('error');
}

/** Competition ranks (1 = highest, ties share, null = no data) of values sorted high to low. */
export function ranks(sorted) {
  let r = 0;
  return sorted.map((v, i) => (v === null || v === undefined ? null : (r = i > 0 && sorted[i - 1] === v ? r : i + 1)));
}

/** Sorts high to low, no data last. */
export function byValueDesc(valueOf) {
  return (a, b) => (valueOf(b) ?? -Infinity) - (valueOf(a) ?? -Infinity);
}

export function regionLink(code, boundaries, text) {
  const a = document.createElement('a');
  a.href = href('/region.html', { code, boundaries: boundaries || '2025' });
  a.textContent = text ?? code;
  return a;
}
