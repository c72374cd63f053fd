// The access log (admins only): the audit trail's lines from GET /api/audit, newest first, with the
// same filters as `bin/danvan audit`. The server refuses anyone but an admin; this page only shows
// what it answers.
import { $, api, ApiError, label, locale, options, query, showError, t } from './core.js';
import { renderTable } from './panel.js';
import { skeleton } from './skeleton.js';

skeleton('audit');
const ACTIONS = ['login', 'login_failed', 'logout', 'download', 'review_pack', 'access_denied', 'account_add',
  'account_passwd', 'account_disable', 'account_token', 'import', 'release', 'submission', 'upload', 'dry_run',
  'template'];
const LIMITS = ['50', '200', '1000', '5000'];
const state = {
  since: query.get('since', ''),
  login: query.get('login', ''),
  action: query.get('action', ''),
  limit: query.get('limit', '200'),
};

function main() {
  options($('action'), [['', t('audit.all')], ...ACTIONS.map((a) => [a, label('audit.action', a)])], state.action);
  options($('limit'), LIMITS.map((l) => [l, l]), state.limit);
  $('since').value = state.since;
  $('login').value = state.login;
  for (const id of ['since', 'login', 'action', 'limit']) {
    $(id).addEventListener('change', () => { state[id] = $(id).value.trim(); draw(); });
  }
  draw();
}

/** A time of the trail (UTC) as Vietnam's clock shows it. */
function local(time) {
  return new Date(time).toLocaleString(locale, { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

async function draw() {
  query.set(state);
  const status = $('audit-status');
  status.textContent = t('loading');
  status.classList.remove('error');
  let answer;
  try {
    answer = await api('/api/audit', state);
  } catch (e) {
    $('audit-table').replaceChildren();
    $('audit-count').textContent = '';
    if (e instanceof ApiError && e.status === 403) {
      status.textContent = t('audit.forbidden');
      status.classList.add('error');
    } else {
      showError(status, e);
    }
    return;
  }
  status.textContent = '';
  $('audit-count').textContent = t('audit.count', { n: answer.events.length });
  renderTable($('audit-table'), {
    columns: ['time', 'login', 'role', 'scope', 'address', 'action', 'target', 'outcome', 'rows']
      .map((c) => t('audit.col.' + c)),
    numeric: [false, false, false, false, false, false, false, false, true],
    rows: answer.events.map((e) => [local(e.time), e.login ?? '', e.role ? label('role', e.role) : '',
      e.scope ?? '', e.address, label('audit.action', e.action), e.target ?? '', label('audit.outcome', e.outcome),
      e.rows]),
  });
  const skipped = answer.skipped.map((line) => {
    const p = document.createElement('p');
    p.textContent = t('audit.skipped') + ': ' + line;
    return p;
  });
  $('audit-skipped').replaceChildren(...skipped);
}

main();
