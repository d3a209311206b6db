import { useTranslation } from 'react-i18next';
import { formatNumber } from './plan-format.ts';

export type ChartRow = {
  key: string;
  label: string;
  recorded: number;
  /** null: the official totals do not give it; undefined: official totals have no such category. */
  official?: number | null;
};

const width = 640;
const labelWidth = 200;
const valueWidth = 48;
const barHeight = 14;
const top = 8;

/** Splits a label into lines of at most `max` characters (SVG text does not wrap by itself). */
function lines(label: string, max = 24): string[] {
  const out: string[] = [];
  for (const word of label.split(/\s+/)) {
    const last = out.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= max) out[out.length - 1] = `${last} ${word}`;
    else out.push(word);
  }
  return out.slice(0, 2);
}

/**
 * Horizontal bars per status: recorded actions (solid) and official totals (hatched), side by side
 * and never stacked or added. An image to assistive technology, named by its title and described by
 * the text summary next to it (which says everything the bars show); the table below has the values.
 */
export function StatusChart({
  rows,
  titleId,
  title,
  summaryId,
  showOfficial,
}: {
  rows: ChartRow[];
  titleId: string;
  title: string;
  summaryId: string;
  /** false when there are no official totals for the year: the chart then has one series. */
  showOfficial: boolean;
}) {
  const { t } = useTranslation();
  const max = Math.max(1, ...rows.flatMap((row) => [row.recorded, row.official ?? 0]));
  const barArea = width - labelWidth - valueWidth;
  const scale = (value: number) => (value / max) * barArea;
  const rowHeight = showOfficial ? 48 : 30;
  const recordedY = showOfficial ? 8 : (rowHeight - barHeight) / 2;
  const officialY = recordedY + barHeight + 2;
  const height = top * 2 + rows.length * rowHeight;
  const patternId = `${titleId}-hatch`;

  return (
    <figure className="chart">
      <ul className="chart__legend">
        <li>
          <svg className="chart__swatch" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <rect width="16" height="16" className="chart__bar--recorded" />
          </svg>
          {t('plan.status.recordedSeries')}
        </li>
        {showOfficial && (
          <li>
            <svg className="chart__swatch" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <rect width="16" height="16" className="chart__bar--official" fill={`url(#${patternId})`} />
            </svg>
            {t('plan.status.officialSeries')}
          </li>
        )}
      </ul>
      {/* On narrow screens the chart keeps a readable size and scrolls sideways (by keyboard too). */}
      <div className="chart__scroll" role="region" aria-labelledby={titleId} tabIndex={0}>
        <svg
          className="chart__svg"
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-labelledby={`${titleId} ${summaryId}`}
          focusable="false"
        >
          <title id={titleId}>{title}</title>
          <defs>
            <pattern id={patternId} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
              <rect width="6" height="6" className="chart__hatch-base" />
              <line x1="0" y1="0" x2="0" y2="6" className="chart__hatch-line" />
            </pattern>
          </defs>
          <line x1={labelWidth} y1={top / 2} x2={labelWidth} y2={height - top / 2} className="chart__axis" />
          {rows.map((row, index) => {
            const y = top + index * rowHeight;
            const label = lines(row.label);
            return (
              <g key={row.key}>
                <text x={labelWidth - 8} y={y + rowHeight / 2 - (label.length - 1) * 8} className="chart__label" textAnchor="end" dominantBaseline="middle">
                  {label.map((line, n) => (
                    <tspan key={n} x={labelWidth - 8} dy={n === 0 ? 0 : 16}>
                      {line}
                    </tspan>
                  ))}
                </text>
                <rect x={labelWidth} y={y + recordedY} width={scale(row.recorded)} height={barHeight} className="chart__bar--recorded" />
                <text x={labelWidth + scale(row.recorded) + 6} y={y + recordedY + barHeight / 2} className="chart__value" dominantBaseline="middle">
                  {formatNumber(row.recorded)}
                </text>
                {!showOfficial || row.official === undefined ? null : row.official !== null ? (
                  <>
                    <rect
                      x={labelWidth}
                      y={y + officialY}
                      width={scale(row.official)}
                      height={barHeight}
                      className="chart__bar--official"
                      fill={`url(#${patternId})`}
                    />
                    <text x={labelWidth + scale(row.official) + 6} y={y + officialY + barHeight / 2} className="chart__value" dominantBaseline="middle">
                      {formatNumber(row.official)}
                    </text>
                  </>
                ) : (
                  <text x={labelWidth + 6} y={y + officialY + barHeight / 2} className="chart__value chart__value--none" dominantBaseline="middle">
                    {t('plan.status.notGivenShort')}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </div>
    </figure>
  );
}
