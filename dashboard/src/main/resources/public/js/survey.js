// Public opinion ("Dư luận"): one survey question's weighted estimate across waves with its 95 %
// confidence band, by region and optionally by stratum; a map of the latest wave over the units one
// level down (nation → provinces → communes, districts before 2025); the PAPI index of the same
// region beside it. Withheld cells (too few respondents) and unreliable ones are drawn
// apart, never as zero: the warehouse has already removed their figures.
import { choropleth, classes, importedBoundaries, WITHHELD } from './choropleth.js';
import { $, api, byValueDesc, day, errorText, fmt, footnote, indicatorName, indicators, label, loadedAt, options,
  provenance, query, ranks, showError, snapshot, t } from './core.js';
import { Panel } from './panel.js';
import { boundariesSwitch, skeleton } from './skeleton.js';

skeleton('survey');
const state = {
  indicator: query.get('indicator', ''),
  province: query.get('province', query.get('region', 'VN')),
  region: query.get('region', 'VN'),
  boundaries: query.get('boundaries', '2025'),
  by: query.get('by', 'total'),
  option: query.get('option', ''),
  papi: query.get('papi', ''),
};
const wavesPanel = new Panel($('waves-panel'), { height: 380 });
const mapPanel = new Panel($('survey-map-panel'), { height: 520, ranking: true });
const papiPanel = new Panel($('papi-panel'), { height: 520 });
let catalogue;
let h;
let geo = {};

// tooltips are HTML: text from data is escaped
const esc = (text) => echarts.format.encodeHTML(String(text ?? ''));
const pct = (v) => (v === null || v === undefined ? null : Math.round(v * 1000) / 10);
const isProportion = (c) => c.statistic === 'proportion';
const shown = (c) => (c.value === null ? null : isProportion(c) ? pct(c.value) : Math.round(c.value * 100) / 100);

async function main() {
  try {
    [catalogue, h, geo] = await Promise.all([indicators(), snapshot(), importedBoundaries()]);
  } catch (e) {
    showError(wavesPanel.status, e);
    return;
  }
  const surveys = [...catalogue.values()].filter((i) => i.computation === 'survey');
  const papi = [...catalogue.values()].filter((i) => (i.source_tables || []).includes('external_values'));
  options($('indicator'), surveys.map((i) => [i.code, indicatorName(i)]), state.indicator);
  state.indicator = $('indicator').value;
  options($('papi'), papi.map((i) => [i.code, indicatorName(i)]), state.papi || 'papi_total');
  state.papi = $('papi').value;
  options($('by'), ['total', 'age_group', 'sex', 'residence'].map((b) => [b, t('by.' + b)]), state.by);
  for (const id of ['indicator', 'by', 'option', 'papi']) {
    $(id).addEventListener('change', () => {
      state[id] = $(id).value;
      if (id === 'indicator') state.option = '';
      draw();
    });
  }
  $('region').addEventListener('change', () => { state.province = $('region').value; state.region = state.province; draw(); });
  $('drill').addEventListener('change', () => { if ($('drill').value) { state.region = $('drill').value; draw(); } });
  boundariesSwitch(state.boundaries, async (mode) => {
    state.boundaries = mode;
    state.region = state.province;
    await regions();
    draw();
  });
  await regions();
  await draw();
}

let provinces = [];
async function regions() {
  provinces = (await api('/api/regions', { boundaries: state.boundaries, level: 'province' })).regions;
  options($('region'), [['VN', t('level.nation')], ...provinces.map((p) => [p.code, p.name])], state.province);
  if ($('region').value !== state.province) state.region = $('region').value;
  state.province = $('region').value;
}

/** The units one level below a region (the provinces below the nation): where the map drills down to. */
async function children(code) {
  if (code === 'VN') return provinces;
  return (await api('/api/regions', { boundaries: state.boundaries, parent: code })).regions;
}

/**
 * The sub-unit picker: the units one level down from the province, the one shown selected (a unit
 * with none below it is shown among its siblings).
 */
async function drillChoices(below) {
  const current = below.some((r) => r.code === state.region) ? state.region : '';
  options($('drill'), [['', t('survey.drill_none')], ...below.map((r) => [r.code, r.name])], current);
  $('drill').disabled = below.length === 0;
}

async function draw() {
  query.set(state);
  if (!state.indicator) return;
  const indicator = catalogue.get(state.indicator);
  wavesPanel.setTitle(t('survey.trend') + ': ' + indicatorName(indicator));
  wavesPanel.loading();
  let est;
  try {
    est = await api('/api/survey/estimates', { indicator: state.indicator, region: state.region, by: state.by,
      boundaries: state.boundaries });
  } catch (e) {
    wavesPanel.fail(errorText(e));
    return;
  }
  est.cells = est.regions[0].cells;
  const choices = [...new Set(est.cells.map((c) => c.option ?? 'mean'))];
  options($('option'), choices.map((o) => [o, label('option', o)]),
    state.option || (choices.includes('top2') ? 'top2' : choices[0]));
  state.option = $('option').value;
  query.set(state);
  $('survey-note').textContent = est.min_respondents != null && est.protection_level != null
    ? t('survey.withheld_note', { min: est.min_respondents, protection: Math.round(est.protection_level * 100) })
    : t('survey.withheld_note_unstated');
  waves(indicator, est);
  await Promise.all([map(indicator, est), papiSeries()]);
}

/** Per stratum: the estimate, the band's low bound and width, the bars of lone waves. */
const SERIES_PER_STRATUM = 4;

/** An interval drawn as a vertical bar with caps: [wave index, low, high]. */
function intervalBar(color) {
  return (params, api) => {
    const low = api.coord([api.value(0), api.value(1)]);
    const high = api.coord([api.value(0), api.value(2)]);
    const style = { stroke: color, lineWidth: 2, opacity: 0.5 };
    const cap = (y) => ({ type: 'line', shape: { x1: low[0] - 6, y1: y, x2: low[0] + 6, y2: y }, style });
    return { type: 'group', children: [
      { type: 'line', shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style }, cap(low[1]), cap(high[1])] };
  };
}

function waves(indicator, est) {
  const cells = est.cells.filter((c) => (c.option ?? 'mean') === state.option);
  const waveIds = est.waves.map((w) => w.wave_id);
  const labels = est.waves.map((w) => w.wave_id); // titles are long: they are in the table and tooltip
  const strata = [...new Set(cells.map((c) => c.stratum ?? null))];
  const at = new Map(cells.map((c) => [c.wave_id + '|' + (c.stratum ?? null), c]));
  const series = [];
  const palette = ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272', '#fc8452'];
  strata.forEach((s, k) => {
    const color = palette[k % palette.length];
    const row = waveIds.map((w) => at.get(w + '|' + s) || null);
    const name = s === null ? t('by.total') : s;
    series.push({ name, type: 'line', color, connectNulls: false, z: 3,
      data: row.map((c) => (c ? { value: shown(c), symbol: c.flags.includes('unreliable') ? 'emptyCircle' : 'circle', symbolSize: 8 } : null)) });
    // the band: the low bound, then the width above it, stacked
    series.push({ name: name + ' CI', type: 'line', stack: 'ci' + k, symbol: 'none', lineStyle: { opacity: 0 }, silent: true,
      tooltip: { show: false }, data: row.map((c) => (c && c.ci_low !== null ? scale(c, c.ci_low) : null)) });
    series.push({ name: name + ' CI+', type: 'line', stack: 'ci' + k, symbol: 'none', lineStyle: { opacity: 0 }, silent: true,
      areaStyle: { color, opacity: 0.15 }, tooltip: { show: false },
      data: row.map((c) => (c && c.ci_high !== null ? scale(c, c.ci_high) - scale(c, c.ci_low) : null)) });
    // a band needs two neighbouring waves: a wave alone (the only one, or between gaps) gets a bar
    const banded = (c) => c && c.ci_low !== null && c.ci_high !== null;
    series.push({ name: name + ' CI|', type: 'custom', silent: true, tooltip: { show: false }, z: 2,
      renderItem: intervalBar(color),
      data: row.flatMap((c, i) => (banded(c) && !banded(row[i - 1]) && !banded(row[i + 1])
        ? [[i, scale(c, c.ci_low), scale(c, c.ci_high)]] : [])) });
  });
  const withheld = waveIds.filter((w) => strata.every((s) => (at.get(w + '|' + s) || { flags: ['suppressed'] }).flags.includes('suppressed')));
  if (series.length && withheld.length) {
    series[0].markArea = { silent: true, itemStyle: { color: 'rgba(120,120,120,0.18)' },
      label: { formatter: t('withheld'), position: 'insideTop', color: '#555', fontSize: 10 },
      data: withheld.map((w) => [{ xAxis: labels[waveIds.indexOf(w)] }, { xAxis: labels[waveIds.indexOf(w)] }]) };
  }
  const unit = cells.some(isProportion) ? '%' : indicator.unit;
  const rows = cells.map((c) => {
    const w = est.waves.find((x) => x.wave_id === c.wave_id);
    return [w.title || c.wave_id, [w.fieldwork_start, w.fieldwork_end].filter((d) => d).map(day).join(' – '), c.stratum ?? t('by.total'),
      shown(c), c.value === null ? null : scale(c, c.ci_low), c.value === null ? null : scale(c, c.ci_high), c.n ?? null,
      c.n_eff === null ? null : Math.round(c.n_eff * 10) / 10,
      c.change ? (isProportion(c) ? pct(c.change.difference) : c.change.difference) : null,
      c.change ? Math.round(c.change.p * 1000) / 1000 : null,
      c.flags.map((f) => (f === 'suppressed' ? t('withheld') : t('survey.unreliable'))).join(', ') || null];
  });
  wavesPanel.show({
    animation: false, legend: { top: 0, data: strata.map((s) => (s === null ? t('by.total') : s)) },
    grid: { left: 60, right: 30, top: 40, bottom: 40 },
    tooltip: { trigger: 'axis', formatter: (items) => [esc(est.waves[items[0].dataIndex].title), ...items.filter((i) => !i.seriesName.includes(' CI')).map((i) => {
      const c = at.get(waveIds[i.dataIndex] + '|' + strata[Math.floor(i.seriesIndex / SERIES_PER_STRATUM)]);
      if (!c || c.value === null) return esc(i.seriesName) + ': ' + (c ? t('withheld') : t('no_data'));
      return `${esc(i.seriesName)}: ${fmt(shown(c))}${unit === '%' ? ' %' : ''} (${fmt(scale(c, c.ci_low))} – ${fmt(scale(c, c.ci_high))}), n = ${c.n}`
        + (c.flags.includes('unreliable') ? ' · ' + t('survey.unreliable') : '');
    })].join('<br>') },
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 6 ? 20 : 0, fontSize: 11 } },
    yAxis: { type: 'value', name: unit, min: unit === '%' ? 0 : null, max: unit === '%' ? 100 : null },
    series,
  }, {
    columns: [t('col.wave'), t('col.fieldwork'), t('col.stratum'), t('col.estimate') + ' (' + unit + ')', t('col.ci_low'), t('col.ci_high'),
      t('col.n'), t('col.n_eff'), t('col.change_p'), t('col.p'), t('col.flags')],
    numeric: [false, false, false, true, true, true, true, true, true, true, false], rows,
  }, null, { source: 'survey_responses (survey_estimates)', snapshot: est.snapshot });
  wavesPanel.notes.replaceChildren();
  if (withheld.length) {
    const p = document.createElement('p');
    p.textContent = t('survey.withheld_waves') + ': ' + withheld.join(', ');
    wavesPanel.notes.appendChild(p);
  }
  wavesPanel.notes.dataset.withheld = String(cells.filter((c) => c.flags.includes('suppressed')).length);
  footnote(wavesPanel.foot, { unit, sources: ['survey_responses'], snapshotId: est.snapshot, loaded: loadedAt(h) });
}

function scale(c, v) {
  return v === null || v === undefined ? null : isProportion(c) ? pct(v) : Math.round(v * 100) / 100;
}

/** The latest wave's estimate in every unit one level down (the provinces under the nation), 100 regions a read. */
async function map(indicator, est) {
  const latest = est.waves.at(-1);
  let units = await children(state.region);
  if (!units.length && state.region !== state.province) units = await children(state.province);
  await drillChoices(state.region === 'VN' ? [] : units);
  mapPanel.setTitle(t('survey.map') + (latest ? ': ' + (latest.title || latest.wave_id) : ''));
  if (!latest) {
    mapPanel.fail(t('no_data'));
    return;
  }
  mapPanel.loading();
  const byRegion = new Map();
  for (let i = 0; i < units.length; i += 100) {
    const answer = await api('/api/survey/estimates', { indicator: state.indicator,
      region: units.slice(i, i + 100).map((p) => p.code).join(','), wave: latest.wave_id, by: 'total', boundaries: state.boundaries });
    answer.regions.forEach((r) => byRegion.set(r.region, r.cells));
  }
  const regions = units.map((p) => {
    const cell = (byRegion.get(p.code) || []).find((c) => (c.option ?? 'mean') === state.option && !c.stratum);
    return { code: p.code, name: p.name, cell, value: cell ? shown(cell) : null,
      shown: cell && cell.flags.includes('suppressed') ? WITHHELD : undefined };
  });
  const pieces = classes(regions.map((r) => r.value), fmt, [{ value: WITHHELD, label: t('withheld'), color: '#8c8c8c' }]);
  const useGeo = state.region === 'VN' && geo.province
    && (state.boundaries === '2025' || regions.every((r) => r.code.length === 2 && provinces.length === 34));
  const drawing = choropleth(regions, { pieces, geoMap: useGeo ? 'danvan-province' : null, unit: isProportion(est.cells[0] || {}) ? '%' : '' });
  const sorted = [...regions].sort(byValueDesc((r) => r.value));
  const places = ranks(sorted.map((r) => r.value));
  const row = (r) => [r.code, r.name, r.value, r.cell && r.cell.value !== null ? scale(r.cell, r.cell.ci_low) : null,
    r.cell && r.cell.value !== null ? scale(r.cell, r.cell.ci_high) : null, r.cell ? r.cell.n ?? null : null,
    r.cell ? r.cell.flags.map((f) => (f === 'suppressed' ? t('withheld') : t('survey.unreliable'))).join(', ') || null : t('no_data')];
  const columns = [t('col.region'), t('col.name'), t('col.estimate'), t('col.ci_low'), t('col.ci_high'), t('col.n'), t('col.flags')];
  mapPanel.show(drawing.option, { columns, numeric: [false, false, true, true, true, true, false], rows: regions.map(row) },
    { columns: [t('col.rank'), ...columns], numeric: [true, false, false, true, true, true, true, false],
      rows: sorted.map((r, i) => [places[i], ...row(r)]) }, { source: 'survey_responses (survey_estimates)', snapshot: est.snapshot });
  mapPanel.chart.off('click');
  mapPanel.chart.on('click', (e) => {
    if (e.data && e.data.code) {
      if (state.region === 'VN') { state.province = e.data.code; $('region').value = e.data.code; }
      state.region = e.data.code;
      draw();
    }
  });
  mapPanel.notes.textContent = drawing.kind;
  footnote(mapPanel.foot, { unit: '%', sources: ['survey_responses'], snapshotId: est.snapshot, loaded: loadedAt(h) });
}

async function papiSeries() {
  const indicator = catalogue.get(state.papi);
  if (!indicator) {
    papiPanel.fail(t('survey.no_papi'));
    return;
  }
  papiPanel.setTitle(t('survey.papi') + ': ' + indicatorName(indicator));
  papiPanel.loading();
  try {
    const s = await api('/api/series', { indicator: state.papi, region: state.region, boundaries: state.boundaries });
    const points = s.series[0].points;
    if (!points.some((p) => p.value !== undefined && p.value !== null)) {
      papiPanel.show({ title: { text: t('survey.no_papi'), left: 'center', top: 'middle', textStyle: { fontSize: 14, color: '#666' } } },
        { columns: [t('col.period'), t('col.value')], numeric: [false, true], rows: [] }, null, {});
      return;
    }
    papiPanel.show({
      animation: false, grid: { left: 50, right: 20, top: 20, bottom: 30 },
      tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? t('no_data') : fmt(v)) },
      xAxis: { type: 'category', data: points.map((p) => p.period) }, yAxis: { type: 'value', name: s.unit, scale: true },
      series: [{ type: 'line', name: indicatorName(indicator), connectNulls: false,
        data: points.map((p) => ({ value: p.value ?? null, symbol: p.exact === false ? 'emptyCircle' : 'circle', symbolSize: 7 })) }],
    }, {
      columns: [t('col.period'), t('col.value'), t('col.exact'), t('col.method')], numeric: [false, true, false, false],
      rows: points.map((p) => [p.period, p.value ?? null, ...provenance(p).slice(1)]),
    }, null, { source: indicator.source_tables.join(', '), snapshot: s.snapshot });
    footnote(papiPanel.foot, { unit: s.unit, sources: indicator.source_tables, snapshotId: s.snapshot, loaded: loadedAt(h) });
  } catch (e) {
    papiPanel.fail(errorText(e));
  }
}

main();
