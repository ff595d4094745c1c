/**
 * The report's charts, drawn by uPlot (a small canvas chart library), which this module loads only when a
 * report with charts is on screen. Each chart repeats a table that is always there, so a chart is
 * decoration for sighted readers: its container is `aria-hidden`, and a failed load leaves the tables.
 */
import type uPlot from 'uplot';

export interface LineChart {
  /** One label per x position. */
  labels: string[];
  series: { label: string; values: (number | null)[] }[];
  /** Formats a y value (the element's Intl percent format). */
  formatY: (value: number) => string;
}

type UPlot = typeof uPlot;
let loading: Promise<UPlot> | undefined;

/**
 * uPlot makes an `Intl.NumberFormat(navigator.language)` when its module loads, which throws where the
 * browser reports a language that is no BCP 47 tag (WebKitGTK under `LANG=C` says "C"), and the module
 * never loads. Only then, and only while it loads, the browser's language reads as `en-US`.
 */
async function importUPlot(): Promise<{ default: UPlot }> {
  try {
    new Intl.NumberFormat(navigator.language);
    return await import('uplot');
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
  }
  Object.defineProperty(navigator, 'language', { configurable: true, get: () => 'en-US' });
  try {
    return await import('uplot');
  } finally {
    delete (navigator as { language?: string }).language;
  }
}

function load(): Promise<UPlot> {
  return (loading ??= importUPlot().then(
    (module) => module.default,
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  ));
}

/**
 * The colours the element's styles give the chart (so the page's scheme and the store's accent apply), resolved by
 * the browser: the tokens hold `light-dark()` and `color-mix()`, which a canvas does not take, so each is read back
 * as the computed `color` of a hidden probe (set through the CSSOM, fine under a strict CSP).
 */
function colours(container: HTMLElement): { line: string[]; text: string; grid: string } {
  const probe = document.createElement('span');
  probe.hidden = true;
  container.append(probe);
  const read = (name: string, fallback: string) => {
    probe.style.setProperty('color', `var(${name}, ${fallback})`);
    return getComputedStyle(probe).color || fallback;
  };
  const found = {
    line: [read('--_chart-1', '#1d4ed8'), read('--_chart-2', '#b45309')],
    text: read('--_chart-text', '#444'),
    grid: read('--_chart-grid', 'rgba(127,127,127,0.25)'),
  };
  probe.remove();
  return found;
}

/** Draws (or redraws) a line chart into `container`, as wide as it is. Returns a function that removes it. */
export async function drawLineChart(container: HTMLElement, chart: LineChart): Promise<() => void> {
  const UPlot = await load();
  container.replaceChildren();
  if (!container.isConnected) return () => undefined;
  const { line, text, grid } = colours(container);
  const x = chart.labels.map((_, i) => i);
  const data: uPlot.AlignedData = [x, ...chart.series.map((s) => s.values)];
  const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
  const width = () => Math.max(240, Math.floor(container.clientWidth || 480));
  const plot = new UPlot(
    {
      width: width(),
      height: 220,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false }, y: { range: [0, 1] } },
      series: [
        {},
        ...chart.series.map((s, i) => ({ label: s.label, stroke: line[i % line.length], width: 2, points: { show: x.length < 40 } })),
      ],
      axes: [
        { ...axis, values: (_u: uPlot, ticks: number[]) => ticks.map((t) => (Number.isInteger(t) ? (chart.labels[t] ?? '') : '')) },
        { ...axis, size: 56, values: (_u: uPlot, ticks: number[]) => ticks.map((t) => chart.formatY(t)) },
      ],
    },
    data,
    container,
  );
  const resize = new ResizeObserver(() => plot.setSize({ width: width(), height: 220 }));
  resize.observe(container);
  return () => {
    resize.disconnect();
    plot.destroy();
  };
}
