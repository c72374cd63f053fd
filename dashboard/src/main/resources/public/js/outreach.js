// Outreach: what the official units' posts reached, by region, unit, channel, platform, topic and
// format over the years; growth after publishing; the posts that beat or trailed their own
// channel's usual reach (CrowdTangle's overperformance). Aggregate counts only.
import { $, api, byValueDesc, dayTime, errorText, fmt, footnote, grainChoices, label, latestCompleteYear, loadedAt,
  options, query, ranks, session, showError, snapshot, t, yearChoices } from './core.js';
import { Panel } from './panel.js';
import { boundariesSwitch, skeleton } from './skeleton.js';

skeleton('outreach');
const SOURCES = ['posts', 'post_metrics'];
const state = {
  region: query.get('region', ''),
  boundaries: query.get('boundaries', 'reported'),
  by: query.get('by', 'platform'),
  metric: query.get('metric', 'interactions'),
  grain: query.get('grain', 'year'),
  year: Number(query.get('year', '0')),
};
const panels = {
  trend: new Panel($('trend-panel'), { ranking: true, height: 380 }),
  breakdown: new Panel($('breakdown-panel'), { height: 320 }),
  growth: new Panel($('growth-panel'), { height: 320 }),
  top: new Panel($('top-panel'), { height: 340 }),
  bottom: new Panel($('bottom-panel'), { height: 340 }),
};
let h;

/** A vocabulary code as a person reads it (topics are shown as they are). */
function keyName(by, key, name) {
  if (key === null || key === undefined) return '—';
  if (name) return name;
  return by === 'unit' || by === 'format' || by === 'platform' ? label(by, key) : key;
}

async function main() {
  try {
    h = await snapshot();
  } catch (e) {
    showError(panels.trend.status, e);
    return;
  }
  if (!state.year) state.year = latestCompleteYear(h);
  // an area's own units are always its own restated onto 2025; as reported, a unit the reform split
  // across its border is not (the API says so), so a scoped account starts restated
  if ((await session()).scope !== 'VN' && !query.get('boundaries')) state.boundaries = '2025';
  options($('by'), ['platform', 'topic', 'format', 'unit', 'team', 'channel', 'region'].map((b) => [b, t('by.' + b)]), state.by);
  options($('metric'), ['posts', 'interactions', 'mean_interactions', 'median_interactions', 'zero_share']
    .map((m) => [m, t('metric.' + m)]), state.metric);
  options($('grain'), grainChoices(), state.grain);
  options($('year'), yearChoices(), state.year);
  for (const id of ['region', 'by', 'metric', 'grain', 'year']) {
    $(id).addEventListener('change', () => { state[id] = id === 'year' ? Number($(id).value) : $(id).value; draw(); });
  }
  boundariesSwitch(state.boundaries, async (mode) => { state.boundaries = mode; await regions(); draw(); });
  await regions();
  await draw();
}

/**
 * The areas to pick from: the nation and its provinces for a national account; an account of a
 * province or a commune sees only its own area's posts (the nation's are every unit's).
 */
async function regions() {
  const { scope } = await session();
  if (scope !== 'VN') {
    const own = await api('/api/regions/' + scope, { boundaries: '2025' });
    options($('region'), [[scope, own.region.name]], scope);
  } else {
    const provinces = (await api('/api/regions', { boundaries: state.boundaries, level: 'province' })).regions;
    options($('region'), [['VN', t('level.nation')], ...provinces.map((p) => [p.code, p.name])], state.region || 'VN');
  }
  state.region = $('region').value;
}

function draw() {
  query.set(state);
  const filter = { region: state.region, boundaries: state.boundaries };
  return Promise.all([trend(filter), breakdown(filter), growth(filter), posts(filter, 'top'), posts(filter, 'bottom')]);
}

function metricOf(row) {
  return state.metric === 'zero_share' ? (row.zero_share === null ? null : Math.round(row.zero_share * 1000) / 10) : row[state.metric];
}

async function trend(filter) {
  const panel = panels.trend;
  panel.setTitle(t('outreach.trend') + ' · ' + t('metric.' + state.metric));
  panel.loading();
  try {
    // by region: the area's subdivisions one level down
    const level = state.by !== 'region' ? undefined
      : state.region === 'VN' ? 'province' : state.region.length === 5 ? 'commune'
        : state.boundaries === 'reported' ? 'district' : 'commune';
    const a = await api('/api/outreach/aggregates', { ...filter, by: state.by, grain: state.grain, level });
    const periods = [...new Set(a.rows.map((r) => r.period))].sort();
    const keys = [...new Set(a.rows.map((r) => r.key))];
    const cell = new Map(a.rows.map((r) => [r.period + '|' + r.key, r]));
    const lines = keys.map((k) => ({ name: keyName(state.by, k, a.rows.find((r) => r.key === k).name), type: 'line', connectNulls: false,
      data: periods.map((p) => (cell.has(p + '|' + k) ? metricOf(cell.get(p + '|' + k)) : null)) }));
    const last = periods.at(-1);
    const ranked = keys.map((k) => [k, lines[keys.indexOf(k)].name, cell.has(last + '|' + k) ? metricOf(cell.get(last + '|' + k)) : null])
      .sort(byValueDesc((r) => r[2]));
    const places = ranks(ranked.map((r) => r[2]));
    panel.show({
      animation: false, legend: { type: 'scroll', top: 0 }, grid: { left: 70, right: 30, top: 40, bottom: 40 },
      tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? t('no_data') : fmt(v)) },
      xAxis: { type: 'category', data: periods }, yAxis: { type: 'value', name: t('metric.' + state.metric) }, series: lines,
    }, {
      columns: [t('col.period'), t('col.key'), t('col.posts'), t('col.interactions'), t('metric.mean_interactions'),
        t('metric.median_interactions'), t('metric.zero_share')],
      numeric: [false, false, true, true, true, true, true],
      rows: a.rows.map((r) => [r.period, keyName(state.by, r.key, r.name), r.posts, r.interactions ?? null,
        r.mean_interactions ?? null, r.median_interactions ?? null, r.zero_share === null ? null : Math.round(r.zero_share * 1000) / 10]),
    }, {
      columns: [t('col.rank'), t('col.key'), t('col.name'), t('metric.' + state.metric) + ' ' + (last || '')],
      numeric: [true, false, false, true], rows: ranked.map((r, i) => [places[i], r[0], r[1], r[2]]),
    }, { source: SOURCES.join(', '), snapshot: a.snapshot });
    footnote(panel.foot, { unit: t('metric.' + state.metric), sources: SOURCES, snapshotId: a.snapshot, loaded: loadedAt(h) });
  } catch (e) {
    panel.fail(errorText(e));
  }
}

async function breakdown(filter) {
  const panel = panels.breakdown;
  const by = state.by === 'platform' ? 'format' : 'platform';
  panel.setTitle(t('outreach.breakdown') + ' ' + t('by.' + by).toLowerCase() + ' · ' + state.year);
  panel.loading();
  try {
    const a = await api('/api/outreach/aggregates', { ...filter, by, period: state.year });
    const rows = a.rows.map((r) => [keyName(by, r.key, r.name), r.posts, r.interactions ?? null, r.mean_interactions ?? null]);
    panel.show({
      animation: false, legend: { top: 0 }, grid: { left: 90, right: 60, top: 30, bottom: 30 },
      tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? t('no_data') : fmt(v)) },
      yAxis: { type: 'category', data: rows.map((r) => r[0]), inverse: true },
      xAxis: [{ type: 'value', name: t('col.posts') }, { type: 'value', name: t('col.interactions'), show: false }],
      series: [{ name: t('col.posts'), type: 'bar', data: rows.map((r) => r[1]) },
        { name: t('col.interactions'), type: 'bar', xAxisIndex: 1, data: rows.map((r) => r[2]) }],
    }, { columns: [t('by.' + by), t('col.posts'), t('col.interactions'), t('metric.mean_interactions')],
      numeric: [false, true, true, true], rows }, null, { source: SOURCES.join(', '), snapshot: a.snapshot });
    footnote(panel.foot, { unit: t('col.posts') + ', ' + t('col.interactions'), sources: SOURCES, snapshotId: a.snapshot, loaded: loadedAt(h) });
  } catch (e) {
    panel.fail(errorText(e));
  }
}

async function growth(filter) {
  const panel = panels.growth;
  panel.setTitle(t('outreach.growth') + ' · ' + state.year);
  panel.loading();
  try {
    const g = await api('/api/outreach/growth', { ...filter, by: 'platform', period: state.year });
    const ages = ['1h', '24h', '7d', 'final'];
    const keys = [...new Set(g.points.map((p) => p.key))];
    const at = new Map(g.points.map((p) => [p.key + '|' + p.age, p]));
    panel.show({
      animation: false, legend: { type: 'scroll', top: 0 }, grid: { left: 60, right: 20, top: 40, bottom: 30 },
      tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? t('no_data') : fmt(v)) },
      xAxis: { type: 'category', data: ages.map((a) => t('age.' + a)) }, yAxis: { type: 'value', name: t('metric.mean_interactions') },
      series: keys.map((k) => ({ name: keyName('platform', k), type: 'line',
        data: ages.map((a) => (at.has(k + '|' + a) ? at.get(k + '|' + a).mean_interactions ?? null : null)) })),
    }, {
      columns: [t('by.platform'), t('col.age'), t('col.posts'), t('metric.mean_interactions'), t('metric.median_interactions')],
      numeric: [false, false, true, true, true],
      rows: g.points.map((p) => [keyName('platform', p.key), t('age.' + p.age), p.posts, p.mean_interactions ?? null, p.median_interactions ?? null]),
    }, null, { source: SOURCES.join(', '), snapshot: g.snapshot });
    footnote(panel.foot, { unit: t('col.interactions'), sources: SOURCES, snapshotId: g.snapshot, loaded: loadedAt(h) });
  } catch (e) {
    panel.fail(errorText(e));
  }
}

async function posts(filter, order) {
  const panel = panels[order];
  panel.setTitle(t('outreach.' + order) + ' · ' + state.year);
  panel.loading();
  try {
    const list = await api('/api/outreach/posts', { ...filter, order, age: '24h', limit: 10, period: state.year });
    const rows = list.posts.map((p) => [p.rank, p.post_id, t('unit.' + p.unit), label('platform', p.platform), p.channel,
      dayTime(p.published_at), p.topic, t('format.' + p.format), p.interactions ?? null, p.benchmark ?? null, p.score === null ? null : Math.round(p.score * 100) / 100]);
    panel.show({
      animation: false, grid: { left: 90, right: 40, top: 10, bottom: 30 },
      tooltip: { trigger: 'axis', valueFormatter: (v) => fmt(v) },
      yAxis: { type: 'category', data: rows.map((r) => r[1]), inverse: true },
      xAxis: { type: 'value', name: t('outreach.score'), axisLabel: { formatter: (v) => fmt(v) + '×' } },
      series: [{ type: 'bar', data: rows.map((r) => r[10]), itemStyle: { color: order === 'top' ? '#2e7d32' : '#c62828' } }],
    }, {
      columns: [t('col.rank'), t('col.post'), t('by.unit'), t('by.platform'), t('col.channel'), t('col.published'),
        t('by.topic'), t('by.format'), t('col.interactions'), t('col.benchmark'), t('outreach.score')],
      numeric: [true, false, false, false, false, false, false, false, true, true, true], rows,
    }, null, { source: SOURCES.join(', '), snapshot: list.snapshot });
    footnote(panel.foot, { unit: t('outreach.score'), sources: SOURCES, snapshotId: list.snapshot, loaded: loadedAt(h) });
  } catch (e) {
    panel.fail(errorText(e));
  }
}

main();
