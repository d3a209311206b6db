import type { IndicatorPoint } from '../../api/indicator-types.ts';

const width = 160;
const height = 40;
const pad = 3;

/** The polyline points of a sparkline in a width × height box, or '' with fewer than two points. */
export function sparklinePath(points: readonly IndicatorPoint[], box = { width, height, pad }): string {
  if (points.length < 2) return '';
  const periods = points.map((point) => point.period);
  const values = points.map((point) => point.value);
  const [x0, x1] = [Math.min(...periods), Math.max(...periods)];
  const [y0, y1] = [Math.min(...values), Math.max(...values)];
  const x = (period: number) => box.pad + ((period - x0) / Math.max(1, x1 - x0)) * (box.width - 2 * box.pad);
  const y = (value: number) => box.height - box.pad - ((value - y0) / (y1 - y0 || 1)) * (box.height - 2 * box.pad);
  return points.map((point) => `${x(point.period).toFixed(1)},${y(point.value).toFixed(1)}`).join(' ');
}

/** A decorative line of the series (the card says the numbers in text, and lists them). */
export function Sparkline({ points }: { points: readonly IndicatorPoint[] }) {
  const path = sparklinePath(points);
  if (!path) return null;
  const last = path.split(' ').at(-1)?.split(',') ?? ['0', '0'];
  return (
    <svg className="sparkline" viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
      <polyline points={path} className="sparkline__line" />
      <circle cx={last[0]} cy={last[1]} r="3" className="sparkline__end" />
    </svg>
  );
}
