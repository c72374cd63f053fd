// Map: a choropleth of one indicator by province or commune, a year slider with a play button,
// and a legend of classes fixed across the years shown (so colours compare from year to year).
// Boundaries come from an imported GeoJSON; without one, a tile grid is drawn, never an empty box.
import { choropleth, classes, importedBoundaries } from './choropleth.js';
import { $, api, byValueDesc, charted, errorText, footnote, href, indicatorName, indicators, latestCompleteYear,
  loadedAt, options, provenance, query, ranks, showError, snapshot, t } from './core.js';
import { Panel } from './panel.js';
import { boundariesSwitch, skeleton } from './skeleton.js';

skeleton('map');
const panel = new Panel($('map-panel'), { ranking: true, height: 600 });
const state = {
  indicator: query.get('indicator', 'houses_supported'),
  level: query.get('level', 'province'),
  boundaries: query.get('boundaries', '2025'),
  province: query.get('province', ''),
  year: Number(query.get('year', '0')),
};
let catalogue;
let h;
const geo = {};
let frames = new Map(); // year -> /api/map answer, filtered to what is drawn
let pieces = [];
let timer = null;
const everyRegion = new Map(); // boundaries -> /api/regions

async function main() {
  try {
    [catalogue, h] = await Promise.all([indicators(), snapshot()]);
  } catch (e) {
    showError(panel.status, e);
    return;
  }
  Object.assign(geo, await importedBoundaries());
  options($('indicator'), charted(catalogue).map((i) => [i.code, indicatorName(i)]), state.indicator);
  options($('level'), ['province', 'commune'].map((l) => [l, t('level.' + l)]), state.level);
  $('indicator').addEventListener('change', () => { state.indicator = $('indicator').value; load(); });
  $('level').addEventListener('change', () => { state.level = $('level').value; load(); });
  $('province').addEventListener('change', () => { state.province = $('province').value; load(); });
  boundariesSwitch(state.boundaries, (mode) => { state.boundaries = mode; load(); });
  $('year').addEventListener('input', () => { state.year = Number($('year').value); drawYear(); });
  $('play').addEventListener('click', play);
  await load();
}

/** Every year of the indicator fetched at once: the legend's classes span them all. */
async function load() {
  stop();
  state.indicator = $('indicator').value;
  $('province-label').hidden = state.level !== 'commune';
  panel.loading();
  try {
    const span = await api('/api/series', { indicator: state.indicator, region: 'VN', boundaries: state.boundaries });
    const years = span.series[0].points.map((p) => Number(p.period));
    const members = await communesOf();
    const answers = await Promise.all(years.map((year) =>
      api('/api/map', { indicator: state.indicator, year, level: state.level, boundaries: state.boundaries })));
    // restated, the answer lists every unit of 2025 in every year, one without a figure as no data
    frames = new Map(answers.map((a) => [a.year, { ...a, values: a.values.filter((v) => (members ? members.has(v.region) : true)) }]));
    const last = Math.min(years.at(-1), latestCompleteYear(h));
    $('year').min = years[0];
    $('year').max = years.at(-1);
    if (!years.includes(state.year)) state.year = years.includes(last) ? last : years.at(-1);
    $('year').value = state.year;
    pieces = classes([...frames.values()].flatMap((f) => f.values.map((v) => v.value)));
    drawYear();
  } catch (e) {
    panel.fail(errorText(e));
  }
}

/** At commune level: the chosen province's communes, code -> name (through its districts as reported). */
async function communesOf() {
  if (state.level !== 'commune') return null;
  const provinces = (await api('/api/regions', { boundaries: state.boundaries, level: 'province' })).regions;
  options($('province'), provinces.map((p) => [p.code, p.name]), state.province);
  state.province = $('province').value;
  // every region of the mode: read once per mode, not at every change of indicator
  if (!everyRegion.has(state.boundaries)) {
    everyRegion.set(state.boundaries, (await api('/api/regions', { boundaries: state.boundaries })).regions);
  }
  const all = everyRegion.get(state.boundaries);
  const parent = new Map(all.map((r) => [r.code, r.parent]));
  const provinceOf = (code) => {
    let c = code;
    while (c && !provinces.some((p) => p.code === c)) c = parent.get(c);
    return c;
  };
  return new Map(all.filter((r) => r.level === 'commune' && provinceOf(r.code) === state.province)
    .map((r) => [r.code, r.name]));
}

function drawYear() {
  query.set(state);
  const frame = frames.get(state.year);
  if (!frame) return;
  $('year-out').textContent = state.year;
  const indicator = catalogue.get(state.indicator);
  panel.setTitle(indicatorName(indicator) + ' · ' + state.year);
  // restated, every unit is drawn; as reported, the units in force at the year's end
  const drawn = state.boundaries === '2025' ? frame.values : frame.values.filter((v) => v.in_force);
  const useGeo = geo[state.level] && (state.boundaries === '2025' || state.year >= 2025);
  const drawing = choropleth(drawn.map((v) => ({ code: v.region, name: v.name, value: v.value ?? null })),
    { pieces, geoMap: useGeo ? 'danvan-' + state.level : null, unit: frame.unit });
  $('map-kind').textContent = drawing.kind;
  const option = drawing.option;
  const rows = frame.values.map((v) => [v.region, v.name, v.value ?? null, ...provenance(v)]);
  const table = { columns: [t('col.region'), t('col.name'), t('col.value') + ' ' + state.year, t('col.source'), t('col.exact'), t('col.method')],
    numeric: [false, false, true, false, false, false], rows };
  const ranked = [...frame.values].sort(byValueDesc((v) => v.value));
  const places = ranks(ranked.map((v) => v.value));
  const ranking = { columns: [t('col.rank'), t('col.region'), t('col.name'), t('col.value') + ' ' + state.year],
    numeric: [true, false, false, true], rows: ranked.map((v, i) => [places[i], v.region, v.name, v.value ?? null]) };
  panel.show(option, table, ranking, { source: indicator.source_tables.join(', '), snapshot: frame.snapshot });
  panel.chart.off('click');
  panel.chart.on('click', (e) => {
    if (e.data && e.data.code) location.href = href('/region.html', { code: e.data.code, boundaries: state.boundaries, indicator: state.indicator });
  });
  footnote(panel.foot, { unit: frame.unit, sources: indicator.source_tables, snapshotId: frame.snapshot, loaded: loadedAt(h) });
}

function play() {
  if (timer) {
    stop();
    return;
  }
  $('play').textContent = '❚❚';
  if (state.year >= Number($('year').max)) state.year = Number($('year').min) - 1;
  timer = setInterval(() => {
    if (state.year >= Number($('year').max)) {
      stop();
      return;
    }
    state.year += 1;
    $('year').value = state.year;
    drawYear();
  }, 1200);
}

function stop() {
  clearInterval(timer);
  timer = null;
  $('play').textContent = t('map.play');
}

main();
