// Overview: the headline indicators of the latest complete year (value, change on the year
// before, a ten-year sparkline, source and load time) and the provinces that went up or down.
import { $, api, charted, errorText, fmt, footnote, href, indicatorName, indicators, latestCompleteYear, loadedAt,
  options, percent, showError, snapshot, t } from './core.js';
import { markPainted, Panel } from './panel.js';
import { skeleton } from './skeleton.js';
import { safeTooltips } from './tooltip.js';

/** The figures leadership asks for first; any catalogue code can be added. */
const HEADLINES = ['briefing_conferences', 'trainees', 'houses_supported', 'gifts', 'dialogues',
  'models_new', 'outreach_posts', 'recruits_mobilized'];

skeleton('overview');
const status = $('overview-status');

async function main() {
  let h;
  let catalogue;
  try {
    [h, catalogue] = await Promise.all([snapshot(), indicators()]);
  } catch (e) {
    showError(status, e);
    return;
  }
  const year = latestCompleteYear(h);
  $('headline-title').textContent = t('overview.heading') + ' ' + year;
  $('snapshot-status').textContent = t('foot.snapshot') + ' ' + h.snapshot + ' · '
    + t('foot.loaded') + ' ' + loadedAt(h);
  const codes = HEADLINES.filter((c) => catalogue.has(c));
  await Promise.all(codes.map((code) => card(catalogue.get(code), year, h)));
  const select = $('changes-indicator');
  options(select, charted(catalogue).map((i) => [i.code, indicatorName(i)]), codes[0]);
  const panel = new Panel($('changes'), { height: 520 });
  const draw = () => changes(panel, catalogue.get(select.value), year, h).catch((e) => panel.fail(errorText(e)));
  select.addEventListener('change', draw);
  await draw();
}

async function card(indicator, year, h) {
  const el = document.createElement('a');
  el.className = 'card';
  el.dataset.indicator = indicator.code;
  el.href = href('/trends.html', { indicator: indicator.code, regions: 'VN', boundaries: '2025' });
  $('headlines').appendChild(el);
  const name = document.createElement('h3');
  name.textContent = indicatorName(indicator);
  el.appendChild(name);
  try {
    const s = await api('/api/series', { indicator: indicator.code, region: 'VN', from: year - 9, to: year, boundaries: '2025' });
    const points = s.series[0].points;
    const last = points[points.length - 1].value;
    const previous = points.length > 1 ? points[points.length - 2].value : null;
    const value = document.createElement('p');
    value.className = 'value';
    value.textContent = fmt(last) + ' ' + indicator.unit;
    const change = document.createElement('p');
    const pct = last !== null && previous ? (last - previous) / previous * 100 : null;
    change.className = 'change ' + (pct === null ? '' : pct >= 0 ? 'up' : 'down');
    change.textContent = (pct === null ? '' : pct >= 0 ? '▲ ' : '▼ ') + percent(pct) + ' ' + t('overview.vs') + ' ' + (year - 1);
    const spark = document.createElement('div');
    spark.className = 'sparkline';
    spark.id = 'spark-' + indicator.code;
    const foot = document.createElement('p');
    foot.className = 'footnote';
    foot.textContent = t('foot.source') + ': ' + indicator.source_tables.join(', ') + ' · ' + t('foot.loaded') + ' ' + loadedAt(h);
    el.append(value, change, spark, foot);
    const chart = echarts.init(spark);
    chart.on('finished', () => markPainted(chart));
    chart.setOption(safeTooltips({
      animation: false,
      grid: { left: 2, right: 2, top: 4, bottom: 4 },
      xAxis: { type: 'category', show: false, data: points.map((p) => p.period) },
      yAxis: { type: 'value', show: false, scale: true },
      tooltip: { trigger: 'axis', valueFormatter: fmt },
      series: [{ type: 'line', data: points.map((p) => p.value), symbol: 'none', lineStyle: { width: 2 },
        areaStyle: { opacity: 0.15 }, connectNulls: false }],
    }));
  } catch (e) {
    const err = document.createElement('p');
    showError(err, e);
    el.appendChild(err);
  }
}

/** Change on the previous year per 2025 province, sorted, as bars. */
async function changes(panel, indicator, year, h) {
  panel.setTitle(t('overview.changes') + ': ' + indicatorName(indicator) + ' ' + year);
  panel.loading();
  const [now, before] = await Promise.all([year, year - 1].map((y) =>
    api('/api/map', { indicator: indicator.code, year: y, level: 'province', boundaries: '2025' })));
  const previous = new Map(before.values.map((v) => [v.region, v.value]));
  const rows = now.values.map((v) => {
    const p = previous.get(v.region) ?? null;
    const pct = v.value !== null && v.value !== undefined && p ? (v.value - p) / p * 100 : null;
    return [v.region, v.name, p, v.value ?? null, pct === null ? null : Math.round(pct * 10) / 10];
  }).sort((a, b) => (b[4] ?? -Infinity) - (a[4] ?? -Infinity));
  const table = {
    columns: [t('col.region'), t('col.name'), t('col.previous') + ' ' + (year - 1), t('col.value') + ' ' + year, t('col.change_pct')],
    numeric: [false, false, true, true, true],
    rows,
  };
  const shown = [...rows].reverse();
  panel.show({
    animation: false,
    grid: { left: 160, right: 40, top: 10, bottom: 30 },
    xAxis: { type: 'value', axisLabel: { formatter: (v) => fmt(v) + ' %' } },
    yAxis: { type: 'category', data: shown.map((r) => r[1]), axisLabel: { fontSize: 11 } },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null ? t('no_data') : percent(v)) },
    series: [{ type: 'bar', data: shown.map((r) => ({ value: r[4], code: r[0],
      itemStyle: { color: r[4] === null ? '#bbb' : r[4] >= 0 ? '#2e7d32' : '#c62828' } })) }],
  }, table, null, { source: indicator.source_tables.join(', '), snapshot: now.snapshot });
  panel.chart.off('click');
  panel.chart.on('click', (e) => {
    if (e.data && e.data.code) location.href = href('/region.html', { code: e.data.code, boundaries: '2025' });
  });
  footnote(panel.foot, { unit: '%', sources: indicator.source_tables, snapshotId: now.snapshot, loaded: loadedAt(h) });
}

main();
