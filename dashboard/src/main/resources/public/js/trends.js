// Trends: one indicator over the years for the regions picked, at any grain, as absolute values,
// per 10,000 inhabitants or change since a base year; boundaries as reported or restated to the
// 34 provinces, with the 2025 break marked and apportioned values said.
import { $, api, byValueDesc, charted, errorText, fmt, footnote, grainChoices, href, indicatorName, indicators,
  loadedAt, options, percent, provenance, query, ranks, showError, snapshot, t, yearChoices } from './core.js';
import { Panel } from './panel.js';
import { boundariesSwitch, skeleton } from './skeleton.js';

skeleton('trends');
const panel = new Panel($('trend-panel'), { ranking: true, height: 460 });
const MAX_REGIONS = 40;
const state = {
  indicator: query.get('indicator', 'houses_supported'),
  regions: query.get('regions', 'VN').split(',').filter(Boolean),
  boundaries: query.get('boundaries', '2025'),
  grain: query.get('grain', 'year'),
  from: query.get('from', ''),
  to: query.get('to', ''),
  mode: query.get('mode', 'absolute'),
  base: query.get('base', ''),
  trend: query.get('trend', 'false') === 'true',
  parent: query.get('parent', ''),
};
let catalogue;
let h;

async function main() {
  try {
    [catalogue, h] = await Promise.all([indicators(), snapshot()]);
  } catch (e) {
    showError(panel.status, e);
    return;
  }
  options($('indicator'), charted(catalogue).map((i) => [i.code, indicatorName(i)]), state.indicator);
  state.indicator = $('indicator').value;
  options($('grain'), grainChoices(), state.grain);
  options($('mode'), ['absolute', 'per_capita', 'change'].map((m) => [m, t('mode.' + m)]), state.mode);
  const years = yearChoices();
  options($('from'), [['', '…'], ...years], state.from);
  options($('to'), [['', '…'], ...years], state.to);
  options($('base'), years, state.base || '2019');
  $('trend').checked = state.trend;
  $('region-filter').placeholder = t('ctl.filter');
  for (const id of ['indicator', 'grain', 'from', 'to', 'mode', 'base']) {
    $(id).addEventListener('change', () => { state[id] = $(id).value; draw(); });
  }
  $('trend').addEventListener('change', () => { state.trend = $('trend').checked; draw(); });
  boundariesSwitch(state.boundaries, async (mode) => { state.boundaries = mode; await regionList(); draw(); });
  $('parent').addEventListener('change', async () => {
    state.parent = $('parent').value;
    await regionList(true);
    draw();
  });
  $('region-filter').addEventListener('input', () => {
    const text = $('region-filter').value.toLowerCase();
    for (const row of $('region-list').children) row.hidden = text && !row.textContent.toLowerCase().includes(text);
  });
  await regionList();
  await draw();
}

/** The checkbox list: the nation and the provinces, or the children of the chosen province. */
async function regionList(pickChildren = false) {
  const provinces = (await api('/api/regions', { boundaries: state.boundaries, level: 'province' })).regions;
  options($('parent'), [['', t('level.province') + ' / ' + t('level.nation')],
    ...provinces.map((p) => [p.code, p.name])], state.parent);
  state.parent = $('parent').value;
  const list = state.parent
    ? (await api('/api/regions/' + encodeURIComponent(state.parent), { boundaries: state.boundaries })).children
    : [{ code: 'VN', name: t('level.nation') }, ...provinces];
  const known = new Set(list.map((r) => r.code));
  if (pickChildren) state.regions = list.slice(0, 8).map((r) => r.code);
  state.regions = state.regions.filter((c) => known.has(c) || c === state.parent);
  if (!state.regions.length) state.regions = [list[0].code];
  $('region-list').replaceChildren(...list.map((r) => {
    const row = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = r.code;
    box.checked = state.regions.includes(r.code);
    box.addEventListener('change', () => {
      state.regions = [...$('region-list').querySelectorAll('input:checked')].map((b) => b.value);
      draw();
    });
    row.append(box, ' ' + r.name + (r.level && r.level !== 'province' ? ' (' + t('level.' + r.level) + ')' : ''));
    return row;
  }));
}

/** The period of a grain in which the boundary change falls. */
function breakPeriod(grain) {
  return { year: '2025', half: '2025-H2', quarter: '2025-Q3', month: '2025-07' }[grain];
}

/** A period label as a fractional year, for the trend line. */
function yearOf(period) {
  const m = /^(\d{4})(?:-(H|Q)?(\d{1,2}))?$/.exec(period);
  const per = { H: 2, Q: 4 }[m[2]] || (m[3] ? 12 : 1);
  return Number(m[1]) + (m[3] ? (Number(m[3]) - 1) / per : 0);
}

async function draw() {
  $('base-label').hidden = state.mode !== 'change';
  $('trend').disabled = state.mode !== 'absolute';
  query.set({ ...state, regions: state.regions.join(','), trend: state.trend || null });
  const indicator = catalogue.get(state.indicator);
  panel.setTitle(indicatorName(indicator));
  if (!state.regions.length) return;
  if (state.regions.length > MAX_REGIONS) {
    panel.fail(t('trends.many'));
    return;
  }
  panel.loading();
  let s;
  try {
    const from = state.mode === 'change' && state.from ? Math.min(Number(state.from), Number(state.base)) : state.from;
    s = await api('/api/series', { indicator: state.indicator, region: state.regions.join(','), from,
      to: state.to, grain: state.grain, boundaries: state.boundaries, trend: state.mode === 'absolute' && state.trend,
      per_capita: state.mode === 'per_capita' });
  } catch (e) {
    panel.fail(errorText(e));
    return;
  }
  // an open span shows the years it covers (the years with figures), not a blank choice
  for (const id of ['from', 'to']) {
    if (!state[id] && s[id] && [...$(id).options].some((o) => o.value === String(s[id]))) $(id).value = String(s[id]);
  }
  const periods = s.series.length ? s.series[0].points.map((p) => p.period) : [];
  const measure = (series) => {
    if (state.mode === 'per_capita') return series.points.map((p) => p.per_10k ?? null);
    if (state.mode === 'change') {
      const byPeriod = new Map(series.points.map((p) => [p.period, p.value]));
      return series.points.map((p) => {
        const base = byPeriod.get(state.base + p.period.slice(4));
        return p.value !== null && base ? Math.round((p.value - base) / base * 1000) / 10 : null;
      });
    }
    return series.points.map((p) => p.value);
  };
  const lines = [];
  const palette = ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272', '#fc8452', '#9a60b4', '#ea7ccc'];
  const apportioned = [];
  const trendNotes = [];
  for (const [k, series] of s.series.entries()) {
    const values = measure(series);
    const color = palette[k % palette.length];
    lines.push({ name: series.name, type: 'line', connectNulls: false, region: series.region, color,
      data: values.map((v, i) => {
        const p = series.points[i];
        if (p.exact === false) apportioned.push(series.name + ' ' + p.period);
        return { value: v, symbol: p.exact === false ? 'emptyCircle' : 'circle', symbolSize: p.exact === false ? 9 : 6 };
      }) });
    if (series.trend) {
      const tr = series.trend;
      const x0 = yearOf(tr.origin);
      lines.push({ name: t('trends.trend') + ': ' + series.name, type: 'line', symbol: 'none', color,
        lineStyle: { type: 'dashed', width: 1.5 }, data: periods.map((p) => tr.intercept + tr.slope_per_year * (yearOf(p) - x0)) });
      trendNotes.push(`${t('trends.trend')} ${series.name}: ${t('trends.slope')} ${fmt(tr.slope_per_year)}${t('trends.per_year')} `
        + `(${t('trends.ci')} ${fmt(tr.slope_ci_low)} – ${fmt(tr.slope_ci_high)}), R² ${fmt(tr.r_squared)}, n = ${tr.n}`);
    }
  }
  const unit = state.mode === 'per_capita' ? indicator.unit + ' / 10.000 dân' : state.mode === 'change' ? '%' : s.unit;
  const breakAt = breakPeriod(state.grain);
  if (lines.length && periods.includes(breakAt)) {
    lines[0].markLine = { symbol: 'none', silent: true, lineStyle: { color: '#b71c1c', type: 'dashed' },
      label: { formatter: t('trends.break'), position: 'insideEndTop', color: '#b71c1c' }, data: [{ xAxis: breakAt }] };
  }
  const valueName = state.mode === 'per_capita' ? t('col.per10k') : state.mode === 'change' ? t('col.change') : t('col.value');
  const rows = [];
  for (const series of s.series) {
    const values = measure(series);
    series.points.forEach((p, i) => rows.push([series.region, series.name, p.period, values[i] ?? null, ...provenance(p)]));
  }
  const lastPeriod = periods[periods.length - 1];
  const ranked = s.series.map((series) => [series.region, series.name, measure(series).at(-1) ?? null])
    .sort(byValueDesc((r) => r[2]));
  const places = ranks(ranked.map((r) => r[2]));
  const rankingRows = ranked.map((r, i) => [places[i], ...r]);
  panel.show({
    animation: false,
    legend: { type: 'scroll', top: 0, data: s.series.map((x) => x.name) },
    grid: { left: 70, right: 30, top: 40, bottom: 40 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? t('no_data') : state.mode === 'change' ? percent(v) : fmt(v)) },
    xAxis: { type: 'category', data: periods, boundaryGap: false },
    yAxis: { type: 'value', name: unit, scale: state.mode === 'change' },
    series: lines,
  }, {
    columns: [t('col.region'), t('col.name'), t('col.period'), valueName, t('col.source'), t('col.exact'), t('col.method')],
    numeric: [false, false, false, true, false, false, false], rows,
  }, {
    columns: [t('col.rank'), t('col.region'), t('col.name'), valueName + ' ' + (lastPeriod || '')],
    numeric: [true, false, false, true], rows: rankingRows,
  }, { source: indicator.source_tables.join(', '), snapshot: s.snapshot });
  panel.chart.off('click');
  panel.chart.on('click', (e) => {
    const region = lines[e.seriesIndex] && lines[e.seriesIndex].region;
    if (region) location.href = href('/region.html', { code: region, boundaries: state.boundaries, indicator: state.indicator });
  });
  const notes = [state.boundaries === '2025'
    ? (apportioned.length ? t('trends.apportioned') + ': ' + apportioned.slice(0, 12).join(', ') + (apportioned.length > 12 ? ` … (${apportioned.length})` : '')
      : t('trends.none_apportioned'))
    : t('trends.break') + ': ' + t('boundaries.reported'), ...trendNotes];
  panel.notes.replaceChildren(...notes.map((n) => {
    const p = document.createElement('p');
    p.textContent = n;
    return p;
  }));
  panel.notes.dataset.apportioned = String(apportioned.length);
  footnote(panel.foot, { unit, sources: indicator.source_tables, snapshotId: s.snapshot, loaded: loadedAt(h) });
}

main();
