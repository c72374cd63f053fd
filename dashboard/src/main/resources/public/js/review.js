// The annual review (báo cáo tổng kết năm) of the nation or a province: one document from
// GET /api/review, drawn here once for the screen and, with ?print=1, for headless Chromium to print
// (SVG charts, no animation). What it draws is also kept as blocks (headings, sentences, tables,
// charts): the pack's Word document and CSV files are made from them (window.reviewExport), the
// charts' PNGs from window.reviewImages, so the PDF, the DOCX and the CSVs hold the same content.
import { $, api, day, dayTime, fmt, indicatorName, indicators, label, lang, latestCompleteYear, options, query, session,
  snapshot, t, yearChoices } from './core.js';
import { choropleth, classes, importedBoundaries } from './choropleth.js';
import { shortName } from './grid.js';
import { skeleton } from './skeleton.js';
import { safeTooltips } from './tooltip.js';

const printing = query.get('print') === '1';
/** Survey waves a review lists: the latest ones. */
const SURVEY_WAVES = 3;
const blocks = [];
const charts = [];
window.reviewState = 'loading';

/** For the pack: the blocks drawn, the document's title, subject, keywords and footer. */
window.reviewExport = () => window.reviewMeta && { ...window.reviewMeta, blocks };

/** For the pack's Word document: each chart drawn again on a canvas, as a PNG data URL. */
window.reviewImages = () => {
  const images = {};
  for (const c of charts) {
    const el = document.createElement('div');
    el.className = 'offscreen';
    el.style.width = c.width + 'px';
    el.style.height = c.height + 'px';
    document.body.appendChild(el);
    const canvas = echarts.init(el, null, { renderer: 'canvas' });
    canvas.setOption(c.option);
    images[c.id] = canvas.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
    canvas.dispose();
    el.remove();
  }
  return images;
};

skeleton('review');
if (printing) document.body.classList.add('print');
start().catch((e) => {
  $('status').textContent = t('review.failed') + ': ' + e.message;
  $('status').classList.add('error');
  window.reviewState = 'error: ' + e.message;
});

async function start() {
  const health = await snapshot();
  const year = query.get('year', String(latestCompleteYear(health)));
  const region = query.get('region', 'VN');
  const release = query.get('release', '');
  if (!printing) await controls(region, year, release);
  const doc = await api('/api/review', { region, year, lang, release });
  await draw(doc);
  await Promise.all(charts.map((c) => c.finished));
  window.reviewState = 'ready';
}

async function controls(region, year, release) {
  const provinces = (await api('/api/regions', { boundaries: '2025', level: 'province' })).regions;
  const who = await session();
  const choices = [...(who.scope === 'VN' ? [['VN', t('level.nation')]] : []), ...provinces.map((r) => [r.code, r.name])];
  options($('region'), choices, region);
  options($('year'), yearChoices(), year);
  for (const id of ['region', 'year']) {
    $(id).addEventListener('change', () => {
      query.set({ region: $('region').value, year: $('year').value });
      location.reload();
    });
  }
  const params = new URLSearchParams({ region, year, lang, ...(release ? { release } : {}) });
  for (const kind of ['pdf', 'docx', 'zip']) $('download-' + kind).href = '/api/review/pack.' + kind + '?' + params;
  const analyst = ['analyst', 'reporter', 'admin'].includes(who.role);
  $('downloads').hidden = !analyst;
  $('downloads-role').hidden = analyst;
}

// ---- the document ---------------------------------------------------------------------------

async function draw(doc) {
  const root = $('review');
  root.replaceChildren();
  const y = doc.year;
  const releaseText = doc.release ? doc.release.name : t('review.no_release');
  window.reviewMeta = {
    title: t('review.title', { year: y }) + ' · ' + doc.region.name,
    subject: t('review.subtitle', { region: doc.region.name }),
    keywords: [doc.region.code, String(y), doc.release ? doc.release.name : '', doc.snapshot].filter(Boolean).join(', '),
    snapshot: doc.snapshot,
    footer: t('review.footer', { year: y, region: doc.region.name, release: releaseText }),
    page: t('review.page'),
  };
  cover(root, doc);
  const sections = [];
  const section = (title) => {
    const el = document.createElement('section');
    el.className = 'review-section';
    el.id = 's' + (sections.length + 1);
    sections.push([el.id, title]);
    heading(el, 1, (sections.length) + '. ' + title);
    root.appendChild(el);
    return el;
  };
  const toc = tocBlock(root);
  headlines(section(t('review.headlines', { year: y })), doc);
  for (const g of doc.groups) await group(section(t('review.group.' + g.group)), g, doc);
  outreach(section(t('review.outreach')), doc);
  opinion(section(t('review.opinion')), doc);
  annex(section(t('review.annex')), doc, await indicators());
  fillToc(toc, sections);
}

function cover(root, doc) {
  const el = document.createElement('section');
  el.className = 'cover';
  heading(el, 1, t('review.title', { year: doc.year }));
  paragraph(el, t('review.subtitle', { region: doc.region.name }), 'cover-region');
  const r = doc.release;
  paragraph(el, t('review.release') + ': ' + (r ? t('review.release_line', { name: r.name, title: r.title,
    at: new Date(r.created_at).toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }),
    by: r.created_by }) : t('review.no_release')));
  paragraph(el, t('review.snapshot') + ': ' + doc.snapshot);
  if (r) paragraph(el, t('review.manifest') + ': ' + r.manifest_sha256, 'mono');
  paragraph(el, t('review.made') + ': ' + new Date().toLocaleDateString(lang === 'en' ? 'en-GB' : 'vi-VN',
    { timeZone: 'Asia/Ho_Chi_Minh' }));
  paragraph(el, t('review.boundaries'), 'note');
  root.appendChild(el);
}

function tocBlock(root) {
  const el = document.createElement('nav');
  el.className = 'toc';
  heading(el, 2, t('review.toc'));
  const list = document.createElement('ol');
  el.appendChild(list);
  root.appendChild(el);
  blocks.push({ type: 'pagebreak' });
  return { list, at: blocks.length - 1 };
}

function fillToc(toc, sections) {
  const items = [];
  for (const [id, title] of sections) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = '#' + id;
    a.textContent = title;
    li.appendChild(a);
    toc.list.appendChild(li);
    items.push({ type: 'paragraph', text: items.length + 1 + '. ' + title });
  }
  blocks.splice(toc.at, 0, ...items);
}

function headlines(el, doc) {
  const y = doc.year;
  table(el, 'headlines', t('review.headlines_table'),
    [t('col.indicator'), t('review.col_unit'), t('review.col_value', { year: y }), t('review.col_previous', { year: y - 1 }),
      t('review.col_change'), t('col.change_pct'), t('review.col_growth'), t('review.col_target'), t('review.col_attainment')],
    [false, false, true, true, true, true, true, true, true],
    doc.headlines.map((h) => [h.name, h.unit, h.value, h.previous, h.change, h.change_percent, h.growth_5y_percent,
      h.target, h.attainment_percent]));
  heading(el, 2, t('review.sentences'));
  for (const h of doc.headlines) paragraph(el, h.sentence, 'sentence');
}

async function group(el, g, doc) {
  const years = g.trends[0] ? g.trends[0].points.map((p) => p.period) : [];
  for (const trend of g.trends) {
    heading(el, 2, t('review.trend', { name: trend.name }));
    chart(el, 'trend-' + trend.indicator, trendOption(trend), 300);
  }
  table(el, 'trend-' + g.group, t('review.trend_table'), [t('col.indicator'), ...years], [false, ...years.map(() => true)],
    g.trends.map((tr) => [tr.name, ...tr.points.map((p) => p.value)]),
    g.trends.map((tr) => [tr.name, ...tr.points.map((p) => fmt(p.value) + (p.restated ? '*' : ''))]));
  paragraph(el, t('review.restated_note'), 'note');
  const r = g.ranking;
  const peers = t('review.peers.' + r.level);
  heading(el, 2, t('review.ranking', { peers, year: doc.year, name: r.name }));
  table(el, 'ranking-' + g.group, t('review.ranking', { peers, year: doc.year, name: r.name }),
    [t('col.rank'), t('col.region'), t('col.name'), t('col.value') + ' (' + r.unit + ')'], [true, false, false, true],
    r.rows.map((x) => [x.rank, x.region, x.name, x.value]));
  heading(el, 2, t('review.map', { name: r.name, year: doc.year }));
  if (r.level === 'commune' && !r.boundaries_imported) {
    paragraph(el, t('review.no_map'), 'note');
    return;
  }
  const geo = r.boundaries_imported ? await boundaries() : {};
  const regions = r.rows.map((x) => ({ code: x.region, name: x.name, value: x.value }));
  const drawing = choropleth(regions, { pieces: classes(regions.map((x) => x.value)), unit: r.unit,
    geoMap: geo[r.level] ? 'danvan-' + r.level : null });
  const series = drawing.option.series[0];
  series.roam = false;
  if (series.label) {
    // print: no stroked text (it prints as outlines); white figures on the two darkest classes
    series.label.textBorderWidth = 0;
    const pieces = drawing.option.visualMap.pieces;
    const dark = new Set(pieces.filter((p) => p.gte !== undefined).slice(0, 2).map((p) => p.color));
    for (const d of series.data) {
      const v = d.value[2];
      const piece = pieces.find((p) => p.gte !== undefined && v >= p.gte && (p.lt === undefined || v < p.lt));
      d.name = d.label; // the item's own label style takes the key its name had
      if (piece && dark.has(piece.color)) d.label = { color: '#fff' };
      else delete d.label;
    }
    series.label.formatter = (p) => shortName(p.data.name) + '\n' + (p.data.raw === null ? '—' : fmt(p.data.raw));
  }
  chart(el, 'map-' + g.group, drawing.option, 560);
  paragraph(el, drawing.kind, 'note');
}

/** The imported boundaries, registered with ECharts once per page. */
let registered;
function boundaries() {
  if (!registered) registered = importedBoundaries();
  return registered;
}

function trendOption(trend) {
  const periods = trend.points.map((p) => p.period);
  const breakAt = periods.includes('2025') ? '2025' : null;
  return {
    grid: { left: 70, right: 20, top: 30, bottom: 30 },
    xAxis: { type: 'category', data: periods },
    yAxis: { type: 'value', name: trend.unit },
    series: [{ type: 'line', name: trend.name, connectNulls: false, symbolSize: 7,
      data: trend.points.map((p) => ({ value: p.value, symbol: p.restated ? 'emptyCircle' : 'circle' })),
      label: { show: true, fontSize: 10, formatter: (p) => (p.value === null ? '' : fmt(p.value)) },
      markLine: breakAt ? { symbol: 'none', lineStyle: { type: 'dashed', color: '#b71c1c' },
        label: { formatter: t('trends.break'), position: 'insideEndTop', color: '#b71c1c' }, data: [{ xAxis: breakAt }] } : undefined }],
  };
}

function outreach(el, doc) {
  const o = doc.outreach;
  if (!o.by_platform.length) {
    paragraph(el, t('review.outreach_none'), 'note');
    return;
  }
  paragraph(el, t('outreach.note'), 'note');
  const sums = (rows, name) => rows.map((a) => [name(a.key), a.posts, a.measured, a.interactions, a.shares, a.comments,
    a.reactions, a.mean_interactions]);
  const columns = (first) => [first, t('col.posts'), t('review.col_measured'), t('col.interactions'), t('review.col_shares'),
    t('review.col_comments'), t('review.col_reactions'), t('metric.mean_interactions')];
  const numeric = [false, true, true, true, true, true, true, true];
  heading(el, 2, t('review.outreach_platform'));
  chart(el, 'outreach-platform', {
    grid: { left: 90, right: 20, top: 20, bottom: 40 },
    xAxis: { type: 'value' }, yAxis: { type: 'category', data: o.by_platform.map((a) => label('platform', a.key)), inverse: true },
    series: [{ type: 'bar', name: t('col.interactions'), data: o.by_platform.map((a) => a.interactions),
      label: { show: true, position: 'right', formatter: (p) => fmt(p.value) } }] }, 260);
  table(el, 'outreach-platform', t('review.outreach_platform'), columns(t('by.platform')), numeric,
    sums(o.by_platform, (k) => label('platform', k)));
  heading(el, 2, t('review.outreach_unit'));
  table(el, 'outreach-unit', t('review.outreach_unit'), columns(t('by.unit')), numeric,
    sums(o.by_unit, (k) => (k ? t('unit.' + k) : '—')));
  heading(el, 2, t('review.outreach_growth'));
  table(el, 'outreach-growth', t('review.outreach_growth'),
    [t('by.platform'), t('col.age'), t('col.posts'), t('metric.mean_interactions')], [false, false, true, true],
    o.growth.map((g) => [label('platform', g.key), t('age.' + g.age), g.posts, g.mean_interactions]));
  heading(el, 2, t('review.outreach_top'));
  table(el, 'outreach-top', t('review.outreach_top'),
    [t('col.rank'), t('col.post'), t('by.unit'), t('by.platform'), t('col.channel'), t('col.published'),
      t('col.interactions'), t('col.benchmark'), t('review.col_score')],
    [true, false, false, false, false, false, true, true, true],
    o.top_posts.map((p) => [p.rank, p.post_id, t('unit.' + p.unit), label('platform', p.platform), p.channel,
      dayTime(p.published_at),
      p.interactions, p.benchmark, p.score]));
}

function opinion(el, doc) {
  if (!doc.survey.length) paragraph(el, t('review.survey_none'), 'note');
  for (const s of doc.survey) {
    heading(el, 2, s.name);
    const waves = new Map(s.waves.map((w) => [w.wave_id, w]));
    const pct = (v) => (v === null || v === undefined ? null : Math.round(v * 10000) / 100);
    // the last waves; of a scale, its top-two box only (the figure the survey page leads with)
    const asked = s.waves.filter((w) => !w.fieldwork_start || Number(w.fieldwork_start.slice(0, 4)) <= doc.year);
    const recent = new Set(asked.slice(-SURVEY_WAVES).map((w) => w.wave_id));
    const total = s.cells.filter((c) => (c.stratum === null || c.stratum === 'total') && recent.has(c.wave_id));
    const topTwo = total.some((c) => c.option === 'top2');
    const rows = total.filter((c) => !topTwo || c.option === 'top2').map((c) => {
      const w = waves.get(c.wave_id) || {};
      const withheld = c.flags.includes('suppressed');
      const share = c.statistic === 'proportion';
      const figure = (v) => (withheld ? null : share ? pct(v) : v);
      const fieldwork = [w.fieldwork_start, w.fieldwork_end].filter((d) => d).map(day).join(' – ');
      return [w.title || c.wave_id, fieldwork, label('option', c.option),
        figure(c.value), figure(c.ci_low), figure(c.ci_high), withheld ? null : c.n, withheld ? t('withheld') : ''];
    });
    table(el, 'survey-' + s.indicator, s.name,
      [t('col.wave'), t('col.fieldwork'), t('col.option'), t('col.estimate') + (s.unit === '%' ? ' (%)' : ''),
        t('col.ci_low'), t('col.ci_high'), t('col.n'), t('col.flags')],
      [false, false, false, true, true, true, true, false], rows);
  }
  heading(el, 2, t('review.papi'));
  if (!doc.papi.length) {
    paragraph(el, t('review.papi_none'), 'note');
    return;
  }
  table(el, 'papi', t('review.papi'), [t('review.col_papi'), t('col.year'), t('review.col_points')], [false, true, true],
    doc.papi.map((f) => [f.name, f.year, f.value]),
    doc.papi.map((f) => [f.name, String(f.year), fmt(f.value)]));
}

function annex(el, doc, catalogue) {
  heading(el, 2, t('review.consistency'));
  if (!doc.consistency.length) paragraph(el, t('review.consistency_none'), 'note');
  else {
    table(el, 'consistency', t('review.consistency'),
      [t('col.name'), t('col.indicator'), t('col.period'), t('review.col_total'), t('review.col_sum'),
        t('review.col_difference'), t('review.col_document')], [false, false, false, true, true, true, false],
      doc.consistency.map((m) => [m.name, indicatorName(catalogue.get(m.indicator)) || m.indicator, m.period, m.total,
        m.sum, m.difference, m.source_document ?? '—']));
  }
  heading(el, 2, t('review.load'));
  table(el, 'load', t('review.load'), [t('review.col_table'), t('review.col_read'), t('review.col_landed'),
    t('review.col_quarantined'), t('review.col_in_lake')], [false, true, true, true, true],
  doc.load.map((l) => [l.table, l.read, l.landed, l.quarantined, l.rows_in_lake]));
  heading(el, 3, t('review.sources'));
  table(el, 'sources', t('review.sources'), [t('col.indicator'), t('review.col_tables'), t('review.col_computation'),
    t('review.col_version')], [false, false, false, true],
  doc.sources.map((s) => [s.name, s.tables, s.computation, s.definition_version]),
  doc.sources.map((s) => [s.name, s.tables, s.computation, String(s.definition_version)]));
  heading(el, 2, t('review.methods'));
  for (const key of ['review.method.restatement', 'review.method.suppression', 'review.method.intervals',
    'review.method.growth']) paragraph(el, t(key));
}

// ---- the blocks: drawn on the page and kept for the pack -----------------------------------

function heading(el, level, text) {
  const h = document.createElement('h' + Math.min(level + 1, 4));
  h.textContent = text;
  el.appendChild(h);
  blocks.push({ type: 'heading', level, text });
}

function paragraph(el, text, className) {
  const p = document.createElement('p');
  p.textContent = text;
  if (className) p.className = className;
  el.appendChild(p);
  blocks.push({ type: 'paragraph', text, style: className === 'note' ? 'note' : '' });
}

/**
 * A table with its header repeated on every printed page; {@code display} (default: numbers in the
 * page's format, no data as "—") is what the page, the PDF and the Word document show, {@code rows}
 * what the CSV holds.
 */
function table(el, id, title, columns, numeric, rows, display) {
  const shown = display || rows.map((r) => r.map((v, i) => (v === null || v === undefined ? '—'
    : numeric[i] ? fmt(v) : String(v))));
  const wrap = document.createElement('div');
  wrap.className = 'review-table';
  const tbl = document.createElement('table');
  const head = tbl.createTHead().insertRow();
  columns.forEach((c, i) => {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = c;
    if (numeric[i]) th.className = 'num';
    head.appendChild(th);
  });
  const body = tbl.createTBody();
  shown.forEach((row) => {
    const tr = body.insertRow();
    row.forEach((v, i) => {
      const td = tr.insertCell();
      td.textContent = v;
      if (numeric[i]) td.className = 'num';
    });
  });
  wrap.appendChild(tbl);
  el.appendChild(wrap);
  blocks.push({ type: 'table', id, title, columns, numeric, rows, display: shown });
}

/** A chart kept whole on one printed page; resolves {@code finished} once it has drawn. */
function chart(el, id, option, height) {
  const figure = document.createElement('figure');
  figure.className = 'review-chart';
  const box = document.createElement('div');
  box.className = 'chart';
  box.style.height = height + 'px';
  figure.appendChild(box);
  el.appendChild(figure);
  const full = safeTooltips({ animation: false, textStyle: { fontFamily: 'Noto Sans, DejaVu Sans, sans-serif' }, ...option });
  const instance = echarts.init(box, null, { renderer: printing ? 'svg' : 'canvas' });
  const finished = new Promise((resolve) => instance.on('finished', resolve));
  instance.setOption(full);
  const width = box.clientWidth || 700;
  charts.push({ id, option: full, width, height, finished });
  blocks.push({ type: 'chart', id, title: id, width, height });
}
