// ECharts writes its default tooltip as HTML with style="" attributes, which the server's
// Content-Security-Policy (no 'unsafe-inline') refuses: an unstyled tooltip and a console error per
// hover. Tooltips without a formatter of their own are built here as DOM nodes instead: classes
// from style.css, the series colour through the CSSOM, which the policy allows. Every chart's option
// passes here, so this is also where value axes get the cards' number format (4.494, not 4,494).
import { fmt } from './core.js';

/**
 * The option with every tooltip confined to its chart (an unconfined item tooltip gets an arrow
 * drawn with a style="" attribute) and, where it has no formatter, given this one. The option is
 * changed.
 */
export function safeTooltips(option) {
  numberAxes(option);
  const fix = (tip) => (tip ? { ...tip, confine: true,
    formatter: tip.formatter || ((params) => tooltipContent(params, tip.valueFormatter)) } : tip);
  if (Array.isArray(option.tooltip)) option.tooltip = option.tooltip.map(fix);
  else if (option.tooltip) option.tooltip = fix(option.tooltip);
  return option;
}

/** What ECharts' default shows: the axis label (or series name), then a row per series or item. */
export function tooltipContent(params, valueFormatter) {
  const items = Array.isArray(params) ? params : [params];
  const box = document.createElement('div');
  const head = Array.isArray(params) ? (items[0] && items[0].axisValueLabel) : items[0] && items[0].seriesName;
  if (head) box.appendChild(span('tip-head', head));
  for (const p of items) {
    const row = document.createElement('div');
    row.className = 'tip-row';
    const dot = span('tip-dot', '');
    if (typeof p.color === 'string') dot.style.backgroundColor = p.color;
    const raw = Array.isArray(p.value) ? p.value[p.value.length - 1] : p.value;
    const value = valueFormatter ? valueFormatter(raw, p.dataIndex) : typeof raw === 'number' ? fmt(raw)
      : raw === null || raw === undefined ? '—' : raw;
    row.append(dot, span('tip-name', Array.isArray(params) ? p.seriesName : p.name), span('tip-value', value));
    box.appendChild(row);
  }
  return box;
}

function span(className, text) {
  const s = document.createElement(className === 'tip-head' ? 'div' : 'span');
  s.className = className;
  s.textContent = String(text);
  return s;
}

/**
 * Value axes without a label formatter of their own print numbers as the cards do (core.js's
 * {@code fmt}: 700.000 in Vietnamese, 700,000 in English), not ECharts' default 700,000. The
 * option is changed.
 */
export function numberAxes(option) {
  for (const key of ['xAxis', 'yAxis']) {
    const axes = option[key] === undefined ? [] : Array.isArray(option[key]) ? option[key] : [option[key]];
    for (const axis of axes) {
      const isValue = axis.type === 'value' || (axis.type === undefined && key === 'yAxis');
      if (isValue && !(axis.axisLabel && axis.axisLabel.formatter)) {
        axis.axisLabel = { ...(axis.axisLabel || {}), formatter: (v) => fmt(v) };
      }
    }
  }
  return option;
}
