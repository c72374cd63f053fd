// "Nạp số liệu": the template of a table for one's own scope, the dry run of uploaded files with
// every problem in a table (file, sheet, row, column, value, reason in Vietnamese, check code),
// sending them as a submission, and one's submissions with their state; an admin sees every
// submission and may start the load of the pending ones. The server checks and decides; this page
// only shows its answers.
import { $, api, ApiError, fmt, label, locale, postForm, post, session, showError, t } from './core.js';
import { renderTable } from './panel.js';
import { skeleton } from './skeleton.js';

skeleton('intake');
const TABLES = ['report_values', 'activities', 'models', 'campaign_targets'];

function main() {
  const table = $('table');
  table.replaceChildren(...TABLES.map((code) => {
    const o = document.createElement('option');
    o.value = code;
    o.textContent = label('intake.table', code) + ' (' + code + ')';
    return o;
  }));
  const link = () => { $('template-link').href = '/api/intake/template?table=' + encodeURIComponent(table.value); };
  table.addEventListener('change', link);
  link();
  $('check').addEventListener('click', check);
  $('send').addEventListener('click', send);
  $('load').addEventListener('click', load);
  drawSubmissions();
}

function form(accept) {
  const data = new FormData();
  for (const f of $('files').files) data.append('files', f, f.name);
  if (accept) data.append('accept', 'true');
  return data;
}

let lastCheck = null;

/** The JSON of an answer; null, with its error shown in {@code status}, when it is not a success. */
async function answerOf(response, status) {
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    showError(status, ApiError.of(response, answer));
    return null;
  }
  status.classList.remove('error');
  return answer;
}

async function check() {
  const status = $('check-status');
  $('send').hidden = true;
  $('accept-box').hidden = true;
  $('send-status').textContent = '';
  if ($('files').files.length === 0) {
    status.textContent = t('intake.choose');
    return;
  }
  status.textContent = t('intake.checking');
  status.classList.remove('error');
  const answer = await answerOf(await postForm('/api/intake/check', form(false)), status);
  if (!answer) return;
  lastCheck = answer;
  const rows = [];
  for (const f of answer.files) {
    for (const p of (f.refusal ? [f.refusal] : []).concat(f.problems)) {
      rows.push([p.file, p.sheet, p.row || null, p.column, p.value, p.reason, p.check]);
    }
  }
  const total = answer.files.reduce((n, f) => n + f.rows, 0);
  status.textContent = answer.refused ? t('intake.refused')
    : answer.problems === 0 ? t('intake.clean', { rows: fmt(total) })
      : t('intake.problems', { n: fmt(answer.problems), rows: fmt(total) });
  status.classList.toggle('error', answer.problems > 0);
  if (rows.length > 0) {
    renderTable($('problems'), {
      columns: ['file', 'sheet', 'row', 'column', 'value', 'reason', 'code'].map((c) => t('intake.col.' + c)),
      numeric: [false, false, true, false, false, false, false],
      rows,
    });
  } else {
    $('problems').replaceChildren();
  }
  $('send').hidden = !answer.sendable;
  $('accept-box').hidden = !answer.sendable || answer.problems === 0;
  $('accept').checked = false;
}

async function send() {
  const status = $('send-status');
  if (lastCheck && lastCheck.problems > 0 && !$('accept').checked) {
    status.textContent = t('intake.accept_first');
    status.classList.add('error');
    return;
  }
  const answer = await answerOf(await postForm('/api/intake/submit', form($('accept').checked)), status);
  if (!answer) return;
  status.textContent = t('intake.sent', { id: answer.id });
  $('send').hidden = true;
  $('accept-box').hidden = true;
  drawSubmissions();
}

async function load() {
  const status = $('load-status');
  const response = await post('/api/intake/load', {});
  if (response.status === 409) { // a watcher loads them already
    status.textContent = t('intake.load_watched');
    status.classList.remove('error');
    return;
  }
  // a 503 (unavailable): this server cannot start a load; its message says what to run
  const answer = await answerOf(response, status);
  if (!answer) return;
  status.textContent = t('intake.load_started', { n: answer.pending });
}

function local(time) {
  return new Date(time).toLocaleString(locale, { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

function state(s) {
  if (s.state === 'loaded') return t('intake.state.loaded', { snapshot: s.snapshot });
  if (s.state === 'refused') return t('intake.state.refused', { reason: s.refusal });
  return t('intake.state.pending');
}

async function drawSubmissions() {
  const status = $('load-status');
  let answer;
  try {
    answer = await api('/api/intake/submissions');
  } catch (e) {
    showError(status, e);
    return;
  }
  // an admin's button, but not while a watcher (an admin's view) loads the submissions unasked
  const who = await session().catch(() => null);
  $('load').hidden = !who || who.role !== 'admin' || Boolean(answer.watcher);
  if (answer.watcher) {
    status.textContent = answer.watcher.pid === null ? t('intake.watching_starting')
      : t('intake.watching', { pid: answer.watcher.pid, since: local(answer.watcher.since) });
    status.classList.remove('error');
  }
  if (answer.submissions.length === 0) {
    $('submissions').textContent = t('intake.none');
    return;
  }
  renderTable($('submissions'), {
    columns: ['time', 'submitter', 'files', 'state', 'read', 'landed', 'quarantined'].map((c) => t('intake.col.' + c)),
    numeric: [false, false, false, false, true, true, true],
    rows: answer.submissions.map((s) => [local(s.submitted_at), s.submitter + ' (' + s.scope + ')',
      s.files.join(', '), state(s), s.read, s.landed, s.quarantined]),
  });
}

main();
