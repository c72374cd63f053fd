// A chart with its Table and Ranking tabs and its downloads: CSV and XLSX of exactly the rows the
// active tab shows (numbers unformatted, no data as an empty cell), built by the server, which
// records every download in the audit trail; PNG of the chart.
import { ApiError, errorText, fmt, post, t } from './core.js';
import { safeTooltips } from './tooltip.js';

/**
 * The page-load figure (read by bench pages and the page tests): the first chart of the page that
 * finished drawing data. ECharts also reports an empty chart as finished, so that one is skipped.
 */
export function markPainted(chart) {
  const series = chart.getOption() && chart.getOption().series;
  if (series && series.some((s) => s.data && s.data.length) && !performance.getEntriesByName('first-chart').length) {
    performance.mark('first-chart');
  }
}

export class Panel {
  /**
   * @param el a <section class="panel"> with data-panel="name"; the panel fills it
   * @param height chart height in px
   */
  constructor(el, { title, height = 420, ranking = false } = {}) {
    this.el = el;
    this.title = title || '';
    el.replaceChildren();
    const bar = div('panel-bar');
    this.heading = document.createElement('h2');
    this.heading.textContent = this.title;
    const tabs = div('tabs');
    tabs.setAttribute('role', 'tablist');
    this.tabs = {};
    for (const name of ['chart', 'table', ...(ranking ? ['ranking'] : [])]) {
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.tab = name;
      b.setAttribute('role', 'tab');
      b.textContent = t('tab.' + name);
      b.addEventListener('click', () => this.select(name));
      tabs.appendChild(b);
      this.tabs[name] = b;
    }
    const downloads = div('downloads');
    for (const [kind, action] of [['csv', () => this.download('csv')], ['xlsx', () => this.download('xlsx')],
      ['png', () => this.downloadPng()]]) {
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.download = kind;
      b.textContent = t('download.' + kind);
      b.addEventListener('click', action);
      downloads.appendChild(b);
    }
    bar.append(this.heading, tabs, downloads);
    this.status = div('panel-status');
    this.chartEl = div('chart');
    this.chartEl.style.height = height + 'px';
    this.tableEl = div('table-wrap');
    this.rankingEl = div('table-wrap');
    this.notes = div('notes');
    this.foot = document.createElement('p');
    this.foot.className = 'footnote';
    el.append(bar, this.status, this.chartEl, this.tableEl, this.rankingEl, this.notes, this.foot);
    this.chart = echarts.init(this.chartEl, null, { renderer: 'canvas' });
    this.chart.on('finished', () => markPainted(this.chart));
    window.addEventListener('resize', () => this.chart.resize());
    this.data = { table: null, ranking: null };
    this.select('chart');
  }

  setTitle(text) {
    this.title = text;
    this.heading.textContent = text;
  }

  loading() {
    this.say(t('loading'), false);
  }

  fail(message) {
    this.say(message, true);
    this.chart.clear();
  }

  /** The line above the chart: {@code text}, marked as an error or not. */
  say(text, error) {
    this.status.textContent = text;
    this.status.classList.toggle('error', error);
  }

  /**
   * Shows a chart and its tables.
   * @param option the ECharts option
   * @param table {columns: [label], rows: [[value]], numeric: [bool]}: what the chart draws
   * @param ranking the same shape, or null
   * @param meta {source, snapshot} for the downloads' second sheet
   */
  show(option, table, ranking, meta) {
    this.say('', false);
    this.chart.setOption(safeTooltips(option), { notMerge: true });
    this.data = { table, ranking, meta: meta || {} };
    renderTable(this.tableEl, table);
    if (ranking) renderTable(this.rankingEl, ranking);
  }

  select(name) {
    this.active = name;
    for (const [n, b] of Object.entries(this.tabs)) b.setAttribute('aria-selected', String(n === name));
    this.chartEl.hidden = name !== 'chart';
    this.tableEl.hidden = name !== 'table';
    this.rankingEl.hidden = name !== 'ranking';
    if (name === 'chart') this.chart.resize();
  }

  /** The rows the active tab shows: the ranking on its tab, else the chart's table. */
  shown() {
    return this.active === 'ranking' && this.data.ranking ? this.data.ranking : this.data.table;
  }

  fileName(ext) {
    const base = (this.title || 'bang').normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
    return (base || 'bang') + (this.active === 'ranking' ? '-xep-hang' : '') + '.' + ext;
  }

  /**
   * The active tab's rows as a file the server builds ({@code POST /api/export/csv} or
   * {@code /xlsx}): the server neutralises formula-like text and records the download.
   */
  async download(kind) {
    const table = this.shown();
    if (!table) return;
    try {
      const response = await post('/api/export/' + kind, { title: this.title, source: this.data.meta.source || '',
        snapshot: this.data.meta.snapshot || '', page: location.pathname + location.search, columns: table.columns,
        rows: table.rows });
      if (!response.ok) throw ApiError.of(response, await response.json().catch(() => ({})));
      save(await response.blob(), this.fileName(kind));
      this.say('', false);
    } catch (e) {
      // the chart and its tables stay: only the file could not be made
      this.say(errorText(e, t('download.failed')), true);
    }
  }

  downloadPng() {
    const url = this.chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
    const a = document.createElement('a');
    a.href = url;
    a.download = this.fileName('png').replace('-xep-hang', '');
    a.click();
  }
}

function div(className) {
  const d = document.createElement('div');
  d.className = className;
  return d;
}

function save(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/** A <table> of the rows: numbers formatted for reading, no data as "—" with its meaning. */
export function renderTable(el, table) {
  const t0 = document.createElement('table');
  const head = t0.createTHead().insertRow();
  table.columns.forEach((c, i) => {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = c;
    if (table.numeric[i]) th.className = 'num';
    head.appendChild(th);
  });
  const body = t0.createTBody();
  for (const row of table.rows) {
    const tr = body.insertRow();
    row.forEach((v, i) => {
      const td = tr.insertCell();
      if (v === null || v === undefined) {
        td.textContent = '—';
        td.title = t('no_data');
        td.className = 'no-data' + (table.numeric[i] ? ' num' : '');
      } else if (table.numeric[i]) {
        td.textContent = fmt(v);
        td.dataset.value = v;
        td.className = 'num';
      } else {
        td.textContent = v;
      }
    });
  }
  el.replaceChildren(t0);
}
