// The choropleth every map page draws: on imported boundaries when there are some, else on the
// tile grid; classes fixed by the caller; "no data" (and, for surveys, "withheld") as classes of
// their own that no figure can fall in.
import { api, fmt, t } from './core.js';
import { layout, shortName } from './grid.js';

const PALETTE = ['#edf8e9', '#bae4b3', '#74c476', '#31a354', '#006d2c'];
/** Chart-only stand-ins: tables and downloads keep null. */
export const NO_DATA = -1;
export const WITHHELD = -2;

/** Registers the imported boundaries with ECharts; returns which levels have them. */
export async function importedBoundaries() {
  const imported = await api('/api/geo');
  for (const level of ['province', 'commune'].filter((l) => imported[l])) {
    echarts.registerMap('danvan-' + level, await api('/api/geo/' + level));
  }
  return imported;
}

/** About five classes at rounded quantiles of the values, then "no data" (and more, if given). */
export function classes(values, format = fmt, extra = []) {
  const v = values.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
  const tail = [...extra, { value: NO_DATA, label: t('no_data.legend'), color: '#d9d9d9' }];
  if (!v.length) return tail;
  const nice = (x) => {
    if (x <= 0) return 0;
    const p = 10 ** (Math.floor(Math.log10(x)) - 1);
    return Math.round(x / p) * p;
  };
  const breaks = [...new Set([1, 2, 3, 4].map((i) => nice(v[Math.floor(i * v.length / 5)])))].filter((b) => b > v[0]);
  const edges = [v[0], ...breaks];
  const out = edges.map((lo, i) => {
    const hi = edges[i + 1];
    return hi === undefined ? { gte: lo, label: '≥ ' + format(lo) } : { gte: lo, lt: hi, label: format(lo) + ' – < ' + format(hi) };
  });
  out.forEach((p, i) => { p.color = PALETTE[Math.round(i * (PALETTE.length - 1) / Math.max(1, out.length - 1))]; });
  return [...out.reverse(), ...tail];
}

/**
 * The ECharts option of a choropleth and what kind of map it is.
 * @param regions [{code, name, value (null: no data), shown (the chart's stand-in, default value ?? NO_DATA)}]
 * @param geoMap the registered map name to draw on, or null for the tile grid
 */
export function choropleth(regions, { pieces, geoMap, unit = '', format = fmt }) {
  const visualMap = { type: 'piecewise', pieces, left: 10, bottom: 10, seriesIndex: 0, textStyle: { fontSize: 12 } };
  const text = (d) => (d.raw === null ? (d.value === WITHHELD ? t('withheld') : t('no_data')) : format(d.raw) + (unit ? ' ' + unit : ''));
  // tooltips are HTML: names from data are escaped
  const tooltip = { formatter: (p) => echarts.format.encodeHTML(p.data ? p.data.label + ': ' + text(p.data) : p.name) };
  const item = (r) => ({ code: r.code, label: r.name, raw: r.value ?? null, value: r.shown ?? r.value ?? NO_DATA });
  if (geoMap) {
    return { kind: t('map.geo'), option: { animation: false, tooltip, visualMap,
      series: [{ type: 'map', map: geoMap, nameProperty: 'code', roam: true, top: 10, bottom: 10,
        itemStyle: { borderColor: '#fff', borderWidth: 0.6, areaColor: '#d9d9d9' }, emphasis: { label: { show: false } },
        data: regions.map((r) => ({ name: r.code, ...item(r) })) }] } };
  }
  const grid = layout(regions.map((r) => r.code));
  return { kind: grid.geographic ? t('map.tilegrid') : t('map.codegrid'), option: { animation: false, tooltip, visualMap,
    grid: { left: 150, right: 10, top: 10, bottom: 10 },
    xAxis: { type: 'category', data: [...Array(grid.columns).keys()], show: false },
    yAxis: { type: 'category', data: [...Array(grid.rows).keys()], show: false, inverse: true },
    series: [{ type: 'heatmap', itemStyle: { borderColor: '#fff', borderWidth: 3 },
      label: { show: true, fontSize: grid.columns > 10 ? 9 : 11, lineHeight: grid.columns > 10 ? 11 : 14, color: '#1b1b1b',
        textBorderColor: '#fff', textBorderWidth: 2,
        formatter: (p) => shortName(p.data.label) + '\n' + (p.data.raw === null ? '—' : format(p.data.raw)) },
      data: regions.map((r) => ({ ...item(r), value: [...grid.cells[r.code], r.shown ?? r.value ?? NO_DATA] })) }] } };
}
