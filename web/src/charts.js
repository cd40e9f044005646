// Time charts of events stacked by QuadClass, with mean Goldstein, built
// on Apache ECharts (only the parts used are bundled).
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, LegendComponent, BrushComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer, CanvasRenderer } from 'echarts/renderers';
import { QUADS } from './ui.js';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, BrushComponent, TitleComponent, SVGRenderer, CanvasRenderer]);

// buckets returns every bucket start (YYYY-MM-DD) from the first to the
// last point of the series, so that quiet periods show as gaps.
export function buckets(series, interval) {
  let min = null, max = null;
  for (const pts of series) for (const p of pts) {
    const d = p.start.slice(0, 10);
    if (!min || d < min) min = d;
    if (!max || d > max) max = d;
  }
  if (!min) return [];
  const out = [];
  const t = new Date(min + 'T00:00:00Z');
  while (out.length < 20000) {
    const d = t.toISOString().slice(0, 10);
    if (d > max) break;
    out.push(d);
    if (interval === 'day') t.setUTCDate(t.getUTCDate() + 1);
    else if (interval === 'week') t.setUTCDate(t.getUTCDate() + 7);
    else t.setUTCMonth(t.getUTCMonth() + 1);
  }
  return out;
}

// bucketEnd returns the last day of the bucket starting at start.
export function bucketEnd(start, interval) {
  const t = new Date(start + 'T00:00:00Z');
  if (interval === 'day') return start;
  if (interval === 'week') t.setUTCDate(t.getUTCDate() + 6);
  else { t.setUTCMonth(t.getUTCMonth() + 1); t.setUTCDate(0); }
  return t.toISOString().slice(0, 10);
}

// quadChart draws one panel per group ({label, points}) on a shared time
// axis: bars stacked by QuadClass with their counts, and a mean Goldstein
// line. onSpan(i0, i1) is called with bucket indices when the user clicks
// a bar or brushes a span. It returns {chart, xs}.
export function quadChart(el, groups, interval, onSpan) {
  const xs = buckets(groups.map(g => g.points), interval);
  const index = new Map(xs.map((d, i) => [d, i]));
  // SVG keeps the numbers on the chart in the page's text (readable by
  // screen readers and tests); many bars draw faster on a canvas.
  const renderer = xs.length * groups.length > 600 ? 'canvas' : 'svg';
  const old = echarts.getInstanceByDom(el);
  if (old) old.dispose();
  const chart = echarts.init(el, null, { renderer });
  const n = groups.length;
  const grids = [], xAxis = [], yAxis = [], series = [], titles = [];
  const gap = 10, top = n === 1 ? 16 : 12, height = (100 - top - 10 - gap * (n - 1)) / n;
  const showLabels = xs.length <= 60;
  groups.forEach((g, gi) => {
    const y0 = top + gi * (height + gap);
    grids.push({ left: 50, right: 50, top: y0 + '%', height: height + '%' });
    titles.push({ text: g.label, left: 50, top: (y0 - 5) + '%', textStyle: { fontSize: 13, fontWeight: 600 } });
    xAxis.push({ type: 'category', gridIndex: gi, data: xs, axisLabel: { show: gi === n - 1 } });
    yAxis.push({ type: 'value', gridIndex: gi, minInterval: 1 });
    yAxis.push({ type: 'value', gridIndex: gi, min: -10, max: 10, splitLine: { show: false } });
    const counts = QUADS.map(() => new Array(xs.length).fill(0));
    const gold = new Array(xs.length).fill(null);
    for (const p of g.points) {
      const i = index.get(p.start.slice(0, 10));
      if (i === undefined) continue;
      p.quad.forEach((c, q) => { counts[q][i] = c; });
      gold[i] = Math.round(p.mean_goldstein * 100) / 100;
    }
    QUADS.forEach((q, qi) => series.push({
      name: q.name, type: 'bar', stack: 'g' + gi, xAxisIndex: gi, yAxisIndex: 2 * gi,
      itemStyle: { color: q.color }, barMaxWidth: 40, large: xs.length > 1000,
      label: { show: showLabels, position: 'inside', color: '#fff', fontSize: 11, formatter: p => (p.value ? String(p.value) : '') },
      data: counts[qi],
    }));
    series.push({
      name: 'mean Goldstein', type: 'line', xAxisIndex: gi, yAxisIndex: 2 * gi + 1, data: gold,
      connectNulls: false, symbolSize: 6, showSymbol: xs.length <= 120, itemStyle: { color: '#333' }, lineStyle: { width: 1.5 },
    });
  });
  // Registered first: a small chart can finish within setOption.
  chart.on('finished', () => { el.dataset.rendered = '1'; });
  chart.setOption({
    animation: false,
    title: titles,
    legend: { top: 0, data: [...QUADS.map(q => q.name), 'mean Goldstein'] },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: grids, xAxis, yAxis, series,
    brush: { xAxisIndex: 'all', brushLink: 'all', brushType: 'lineX', brushMode: 'single', throttleType: 'debounce', throttleDelay: 200, outOfBrush: { colorAlpha: 0.35 } },
  });
  if (onSpan) {
    // Dragging across the chart brushes a span; a click picks a bucket.
    chart.dispatchAction({ type: 'takeGlobalCursor', key: 'brush', brushOption: { brushType: 'lineX', brushMode: 'single' } });
    chart.on('brushEnd', ev => {
      const area = ev.areas && ev.areas[0];
      if (!area || !area.coordRange) return;
      const [a, b] = area.coordRange;
      onSpan(Math.max(0, Math.min(a, b)), Math.min(xs.length - 1, Math.max(a, b)));
    });
    chart.on('click', p => { if (p.dataIndex !== undefined) onSpan(p.dataIndex, p.dataIndex); });
  }
  const resize = () => chart.resize();
  window.addEventListener('resize', resize);
  return { chart, xs, dispose: () => { window.removeEventListener('resize', resize); chart.dispose(); } };
}
