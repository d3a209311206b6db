import type { IndicatorSummary, IndicatorTarget, Trajectory } from '../../api/indicator-types.ts';
import type { SeriesStyle } from './chart-style.ts';
import { spreadLabels } from './chart-style.ts';
import type { PlotModule } from './plot-chart.tsx';

export type ChartSeries = { geo: string; name: string; points: { period: number; value: number }[]; style: SeriesStyle };
export type SeriesChartInput = {
  series: ChartSeries[];
  /** The indicator's own targets and benchmarks: never another indicator's. */
  targets: IndicatorTarget[];
  trajectories: Trajectory[];
  breaks: number[];
  unit: IndicatorSummary['unit'];
  formatTick: (value: number) => string;
  targetLabel: (target: IndicatorTarget) => string;
};

const width = 820;
const height = 420;
const margin = { top: 28, right: 150, bottom: 32, left: 52 };

/** The line chart of the indicator page, drawn with Plot: lines, direct labels, targets, trajectories. */
export function renderSeriesChart(Plot: PlotModule, input: SeriesChartInput): SVGSVGElement | HTMLElement {
  const { series, targets, trajectories, breaks } = input;
  const all = series.flatMap((s) => s.points);
  const periods = [...all.map((p) => p.period), ...targets.map((target) => target.year)];
  const xMin = Math.min(...periods);
  const xMax = Math.max(...periods);
  const yMax = Math.max(1, ...all.map((p) => p.value), ...targets.map((target) => target.value)) * 1.08;
  const styleOf = new Map(series.map((s) => [s.geo, s.style]));

  const ends = series.filter((s) => s.points.length > 0);
  const labelGap = (yMax / (height - margin.top - margin.bottom)) * 15;
  const labelY = spreadLabels(ends.map((s) => s.points.at(-1)!.value), labelGap);
  const labels = ends.map((s, index) => ({ name: s.name, value: labelY[index]!, colour: s.style.colour }));

  const marks = [
    Plot.gridY({ stroke: '#d4d6da', strokeOpacity: 1 }),
    Plot.ruleY([0], { stroke: '#767676' }),
    Plot.ruleX(breaks, { stroke: '#767676', strokeDasharray: '1 3' }),
    Plot.text(breaks, { x: (d: number) => d, frameAnchor: 'top', dy: -14, text: () => 'b', fill: '#4a4a4a' }),
    ...series.map((s) =>
      Plot.line(s.points, { x: 'period', y: 'value', stroke: s.style.colour, strokeWidth: 2.5, strokeDasharray: s.style.dash === 'none' ? undefined : s.style.dash }),
    ),
    ...series.map((s) => Plot.dot(s.points, { x: 'period', y: 'value', fill: s.style.colour, r: 2.5 })),
    ...trajectories.map((trajectory) =>
      Plot.line(
        [
          { period: trajectory.from.period, value: trajectory.from.value },
          { period: trajectory.target.year, value: trajectory.target.value },
        ],
        { x: 'period', y: 'value', stroke: styleOf.get(trajectory.geo)?.colour ?? '#1a1a1a', strokeWidth: 1.5, strokeDasharray: '4 4' },
      ),
    ),
    Plot.dot(targets, {
      x: 'year',
      y: 'value',
      symbol: (target: IndicatorTarget) => (target.kind === 'target' ? 'diamond' : 'square'),
      r: 6,
      fill: '#ffffff',
      stroke: '#1a1a1a',
      strokeWidth: 2,
    }),
    Plot.text(targets, { x: 'year', y: 'value', text: input.targetLabel, dy: -14, fill: '#1a1a1a', fontWeight: 'bold' }),
    Plot.text(labels, {
      x: () => xMax,
      y: 'value',
      text: 'name',
      fill: 'colour',
      dx: 10,
      textAnchor: 'start',
      lineWidth: 13,
      textOverflow: 'ellipsis',
      fontWeight: 'bold',
    }),
  ];

  return Plot.plot({
    className: 'ind-plot',
    width,
    height,
    marginTop: margin.top,
    marginRight: margin.right,
    marginBottom: margin.bottom,
    marginLeft: margin.left,
    x: { domain: [xMin, xMax], tickFormat: (year: number) => (Number.isInteger(year) ? String(year) : ''), label: null, ticks: Math.min(12, xMax - xMin) },
    y: { domain: [0, yMax], tickFormat: input.formatTick, label: null, ticks: 6 },
    marks,
  });
}
