import { barColours } from './chart-style.ts';
import type { PlotModule } from './plot-chart.tsx';
import type { RankingBar } from './ranking-bars.ts';

const barHeight = 13;
const margin = { top: 28, right: 70, bottom: 10, left: 260 };

/**
 * Every region as a horizontal bar, in rank order: grey bars for regions, blue ones with their value
 * printed for the home region's areas, outlined (dashed) bars for the references.
 */
export function renderRankingChart(
  Plot: PlotModule,
  input: { bars: RankingBar[]; formatValue: (value: number) => string; formatTick: (value: number) => string },
): SVGSVGElement | HTMLElement {
  const { bars } = input;
  const labelOf = new Map(bars.map((bar) => [bar.key, bar.kind === 'home' ? `▶ ${bar.label}` : bar.label]));
  const marked = bars.filter((bar) => bar.kind !== 'region');
  const xMax = Math.max(1, ...bars.map((bar) => bar.value)) * 1.05;
  return Plot.plot({
    className: 'ind-plot', // one class name only: Plot refuses more
    width: 760,
    height: margin.top + margin.bottom + bars.length * barHeight,
    marginTop: margin.top,
    marginRight: margin.right,
    marginBottom: margin.bottom,
    marginLeft: margin.left,
    x: { domain: [0, xMax], axis: 'top', grid: true, tickFormat: input.formatTick, label: null },
    y: { domain: bars.map((bar) => bar.key), label: null, padding: 0.2 },
    marks: [
      Plot.axisY({ tickFormat: (key: string) => labelOf.get(key) ?? key, lineWidth: 21, textOverflow: 'ellipsis', tickSize: 0 }),
      Plot.barX(
        bars.filter((bar) => bar.kind !== 'reference'),
        { x: 'value', y: 'key', fill: (bar: RankingBar) => (bar.kind === 'home' ? barColours.home : barColours.region) },
      ),
      Plot.barX(
        bars.filter((bar) => bar.kind === 'reference'),
        { x: 'value', y: 'key', fill: barColours.referenceFill, stroke: barColours.reference, strokeWidth: 1.5, strokeDasharray: '4 2' },
      ),
      Plot.text(marked, { x: 'value', y: 'key', text: (bar: RankingBar) => input.formatValue(bar.value), dx: 4, textAnchor: 'start', fontWeight: 'bold', fill: '#1a1a1a' }),
      Plot.ruleX([0], { stroke: '#1a1a1a' }),
    ],
  });
}
