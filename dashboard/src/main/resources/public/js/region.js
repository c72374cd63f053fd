// Region profile: a region's indicators over time, its rank among its peers, its subdivisions
// (click one to drill down; the breadcrumb walks back up) and its report-consistency warnings.
import { $, api, charted, errorText, fmt, footnote, href, indicatorName, indicators, latestCompleteYear, loadedAt,
  options, percent, provenance, query, ranks, regionLink, showError, snapshot, t, yearChoices } from './core.js';
import { Panel } from './panel.js';
import { boundariesSwitch, skeleton } from './skeleton.js';

skeleton('region');
const state = {
  code: query.get('code', 'VN'),
  boundaries: query.get('boundaries', '2025'),
  indicator: query.get('indicator', 'houses_supported'),
  year: Number(query.get('year', '0')),
};
const seriesPanel = new Panel($('series-panel'), { height: 320 });
const childrenPanel = new Panel($('children-panel'), { height: 320, ranking: true });
const summaryPanel = new Panel($('summary-panel'), { height: 300 });
let catalogue;
let h;
let profile;
let summarised = '';

async function main() {
  try {
    [catalogue, h] = await Promise.all([indicators(), snapshot()]);
  } catch (e) {
    showError($('region-name'), e);
    return;
  }
  if (!state.year) state.year = latestCompleteYear(h);
  options($('indicator'), charted(catalogue).map((i) => [i.code, indicatorName(i)]), state.indicator);
  options($('year'), yearChoices(), state.year);
  $('indicator').addEventListener('change', () => { state.indicator = $('indicator').value; draw(); });
  $('year').addEventListener('change', () => { state.year = Number($('year').value); draw(); });
  boundariesSwitch(state.boundaries, (mode) => { state.boundaries = mode; draw(); });
  await draw();
}

async function draw() {
  query.set(state);
  try {
    profile = await api('/api/regions/' + encodeURIComponent(state.code), { boundaries: state.boundaries });
  } catch (e) {
    showError($('region-name'), e);
    return;
  }
  const region = profile.region;
  $('region-name').textContent = region.name + ' (' + t('level.' + region.level) + ', ' + region.code + ')';
  const crumbs = [...profile.ancestors, region].map((r, i, all) => {
    if (i === all.length - 1) {
      const span = document.createElement('span');
      span.textContent = r.name;
      span.setAttribute('aria-current', 'page');
      return span;
    }
    const a = regionLink(r.code, state.boundaries, r.name);
    a.href += '&' + new URLSearchParams({ indicator: state.indicator, year: state.year });
    return a;
  });
  $('breadcrumb').replaceChildren(...crumbs.flatMap((c, i) => (i ? [document.createTextNode(' › '), c] : [c])));
  const indicator = catalogue.get(state.indicator);
  // the five-year summary covers every indicator: redrawn only when its region, mode or year change
  const summaryKey = [state.code, state.boundaries, state.year].join('|');
  const again = summaryKey !== summarised;
  summarised = summaryKey;
  await Promise.all([series(indicator), rank(indicator), children(indicator), again ? summary() : null, warnings()]);
}

async function series(indicator) {
  seriesPanel.setTitle(indicatorName(indicator));
  seriesPanel.loading();
  try {
    const s = await api('/api/series', { indicator: indicator.code, region: state.code, boundaries: state.boundaries });
    const points = s.series[0].points;
    seriesPanel.show({
      animation: false,
      grid: { left: 60, right: 20, top: 20, bottom: 30 },
      tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? t('no_data') : fmt(v)) },
      xAxis: { type: 'category', data: points.map((p) => p.period) },
      yAxis: { type: 'value', name: s.unit },
      series: [{ type: 'line', name: profile.region.name, connectNulls: false,
        data: points.map((p) => ({ value: p.value, symbol: p.exact === false ? 'emptyCircle' : 'circle', symbolSize: p.exact === false ? 9 : 6 })) }],
    }, {
      columns: [t('col.period'), t('col.value'), t('col.source'), t('col.exact'), t('col.method')],
      numeric: [false, true, false, false, false],
      rows: points.map((p) => [p.period, p.value ?? null, ...provenance(p)]),
    }, null, { source: indicator.source_tables.join(', '), snapshot: s.snapshot });
    footnote(seriesPanel.foot, { unit: s.unit, sources: indicator.source_tables, snapshotId: s.snapshot, loaded: loadedAt(h) });
  } catch (e) {
    seriesPanel.fail(errorText(e));
  }
}

async function rank(indicator) {
  const level = profile.region.level;
  if (level === 'nation') {
    $('rank').textContent = '';
    return;
  }
  try {
    const r = await api('/api/ranking', { indicator: indicator.code, year: state.year, level, boundaries: state.boundaries });
    const me = r.regions.find((x) => x.region === state.code);
    $('rank').textContent = t('region.rank') + ': ' + (me && me.rank
      ? t('region.rank_text', { rank: me.rank, out_of: me.out_of, year: state.year })
      : t('region.no_rank', { year: state.year }));
  } catch (e) {
    showError($('rank'), e);
  }
}

async function children(indicator) {
  const kids = profile.children;
  childrenPanel.setTitle(t('region.children') + ' · ' + state.year);
  if (!kids.length) {
    childrenPanel.show({ title: { text: t('region.none'), left: 'center', top: 'middle', textStyle: { fontSize: 14, color: '#666' } } },
      { columns: [t('col.region'), t('col.name')], numeric: [false, false], rows: [] }, null, {});
    return;
  }
  childrenPanel.loading();
  try {
    const levels = [...new Set(kids.map((k) => k.level))];
    const maps = await Promise.all(levels.map((level) =>
      api('/api/map', { indicator: indicator.code, year: state.year, level, boundaries: state.boundaries })));
    const values = new Map(maps.flatMap((m) => m.values.map((v) => [v.region, v])));
    const rows = kids.map((k) => {
      const v = values.get(k.code);
      return [k.code, k.name, t('level.' + k.level), v && v.value !== undefined ? v.value : null];
    });
    const sorted = [...rows].sort((a, b) => (a[3] ?? -Infinity) - (b[3] ?? -Infinity));
    const desc = [...sorted].reverse();
    const places = ranks(desc.map((x) => x[3]));
    childrenPanel.show({
      animation: false,
      grid: { left: 10, right: 30, top: 10, bottom: 30, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? t('no_data') : fmt(v)) },
      xAxis: { type: 'value', name: maps[0].unit },
      yAxis: { type: 'category', data: sorted.map((x) => x[1]), axisLabel: { fontSize: 10, width: 160, overflow: 'truncate' } },
      dataZoom: sorted.length > 25 ? [{ type: 'slider', yAxisIndex: 0, start: 100 - 2500 / sorted.length, end: 100, width: 14 }] : [],
      series: [{ type: 'bar', data: sorted.map((x) => ({ value: x[3], code: x[0], itemStyle: { color: x[3] === null ? '#bbb' : '#1565c0' } })) }],
    }, {
      columns: [t('col.region'), t('col.name'), t('col.level'), t('col.value') + ' ' + state.year],
      numeric: [false, false, false, true], rows,
    }, {
      columns: [t('col.rank'), t('col.region'), t('col.name'), t('col.value') + ' ' + state.year],
      numeric: [true, false, false, true],
      rows: desc.map((x, i) => [places[i], x[0], x[1], x[3]]),
    }, { source: indicator.source_tables.join(', '), snapshot: maps[0].snapshot });
    childrenPanel.chart.off('click');
    childrenPanel.chart.on('click', (e) => {
      if (e.data && e.data.code) {
        location.href = href('/region.html', { code: e.data.code, boundaries: state.boundaries,
          indicator: state.indicator, year: state.year });
      }
    });
    childrenPanel.notes.replaceChildren(...childTable(desc.map((x, i) => ({ rank: places[i], code: x[0], name: x[1],
      level: x[2], value: x[3] }))));
    footnote(childrenPanel.foot, { unit: maps[0].unit, sources: indicator.source_tables, snapshotId: maps[0].snapshot, loaded: loadedAt(h) });
  } catch (e) {
    childrenPanel.fail(errorText(e));
  }
}

/**
 * Every subdivision in a table that sorts by any column (a click on its header; again: the other
 * way) and filters by name or code as one types (accents optional); printed whole.
 */
function childTable(rows) {
  const filter = document.createElement('input');
  filter.type = 'search';
  filter.id = 'children-filter';
  filter.placeholder = t('region.children_filter');
  const columns = [['rank', t('col.rank'), true], ['code', t('col.region'), false], ['name', t('col.name'), false],
    ['level', t('col.level'), false], ['value', t('col.value') + ' ' + state.year, true]];
  const sort = { key: 'rank', up: true };
  const table = document.createElement('table');
  table.id = 'children-table';
  const head = document.createElement('tr');
  for (const [key, text, numeric] of columns) {
    const th = document.createElement('th');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = text;
    button.addEventListener('click', () => { sort.up = sort.key === key ? !sort.up : key !== 'value'; sort.key = key; fill(); });
    th.append(button);
    if (numeric) th.className = 'num';
    head.append(th);
  }
  const thead = document.createElement('thead');
  thead.append(head);
  const body = document.createElement('tbody');
  table.append(thead, body);
  const plain = (s) => String(s).normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
  const fill = () => {
    const wanted = plain(filter.value.trim());
    const shown = rows.filter((r) => !wanted || plain(r.name).includes(wanted) || r.code.includes(wanted));
    // no data sorts last whichever way
    shown.sort((a, b) => {
      const x = a[sort.key];
      const y = b[sort.key];
      if (x === null || y === null) return (x === null) - (y === null);
      const order = typeof x === 'number' ? x - y : String(x).localeCompare(String(y), 'vi');
      return sort.up ? order : -order;
    });
    for (const th of head.children) th.removeAttribute('aria-sort');
    head.children[columns.findIndex(([k]) => k === sort.key)].setAttribute('aria-sort', sort.up ? 'ascending' : 'descending');
    body.replaceChildren(...shown.map((r) => {
      const tr = document.createElement('tr');
      const link = regionLink(r.code, state.boundaries, r.name);
      link.href += '&' + new URLSearchParams({ indicator: state.indicator, year: state.year });
      const cells = [fmt(r.rank), r.code, link, r.level, fmt(r.value)];
      cells.forEach((c, i) => {
        const td = document.createElement('td');
        td.append(c);
        if (columns[i][2]) td.className = (r[columns[i][0]] === null ? 'no-data ' : '') + 'num';
        tr.append(td);
      });
      return tr;
    }));
    count.textContent = t('region.children_count', { shown: shown.length, all: rows.length });
  };
  const count = document.createElement('span');
  count.className = 'count';
  filter.addEventListener('input', fill);
  const bar = document.createElement('div');
  bar.className = 'children-bar';
  bar.append(filter, ' ', count);
  const wrap = document.createElement('div');
  wrap.className = 'table-wrap children-list';
  wrap.append(table);
  fill();
  return [bar, wrap];
}

/** Every catalogue indicator of the region for the last five years, with the change on the year. */
async function summary() {
  const y = state.year;
  summaryPanel.setTitle(profile.region.name + ' · ' + (y - 4) + '–' + y);
  const answers = await Promise.all(charted(catalogue).map((i) =>
    api('/api/series', { indicator: i.code, region: state.code, from: y - 4, to: y, boundaries: state.boundaries })
      .then((s) => [i, s.series[0].points]).catch(() => [i, null])));
  const rows = answers.filter(([, p]) => p && p.some((x) => x.value !== null)).map(([i, p]) => {
    const last = p.at(-1).value ?? null;
    const before = p.at(-2) ? p.at(-2).value ?? null : null;
    return [indicatorName(i), i.unit, ...p.map((x) => x.value ?? null),
      last !== null && before ? Math.round((last - before) / before * 1000) / 10 : null];
  });
  const years = [];
  for (let k = y - 4; k <= y; k++) years.push(String(k));
  summaryPanel.show({
    animation: false,
    grid: { left: 10, right: 30, top: 10, bottom: 30, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? t('no_data') : percent(v)) },
    xAxis: { type: 'value', axisLabel: { formatter: (v) => fmt(v) + ' %' } },
    yAxis: { type: 'category', data: rows.map((r) => r[0]), axisLabel: { fontSize: 10, width: 220, overflow: 'break' } },
    series: [{ type: 'bar', data: rows.map((r) => ({ value: r.at(-1), itemStyle: { color: r.at(-1) === null ? '#bbb' : r.at(-1) >= 0 ? '#2e7d32' : '#c62828' } })) }],
  }, {
    columns: [t('col.indicator'), t('foot.unit'), ...years, t('col.change_pct') + ' ' + y],
    numeric: [false, false, ...years.map(() => true), true], rows,
  }, null, { source: 'indicator_values', snapshot: h.snapshot });
  footnote(summaryPanel.foot, { unit: '%', sources: ['indicator_values'], snapshotId: h.snapshot, loaded: loadedAt(h) });
}

async function warnings() {
  const list = $('warning-list');
  try {
    const found = await api('/api/consistency', { region: state.code, year: state.year });
    list.replaceChildren(...(found.length ? found : [null]).map((m) => {
      const li = document.createElement('li');
      li.textContent = m ? t('region.warning', { name: m.name, indicator: indicatorName(catalogue.get(m.indicator)) || m.indicator,
        period: m.period, total: fmt(m.total), sum: fmt(m.sum), difference: fmt(m.difference), key: m.key })
          + (m.source_document ? '; ' + m.source_document : '')
        : t('region.no_warnings');
      return li;
    }));
  } catch (e) {
    showError(list, e);
  }
}

main();
