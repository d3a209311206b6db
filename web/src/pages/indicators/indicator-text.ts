// Sentences built from the numbers: the text summaries every chart and card carries.
import type { IndicatorHeadline, IndicatorSummary, Ranking, Trajectory } from '../../api/indicator-types.ts';
import { currentLanguageTag } from '../../i18n/index.ts';
import { pluralKeys } from './plural-keys.ts';
import { formatList, formatNumber, formatSigned, formatTargetValue, formatValue } from './indicator-format.ts';

/** The `t` of react-i18next, narrowed to what these helpers use (so tests can pass i18n.t). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;
type Unit = IndicatorSummary['unit'];
type Direction = IndicatorSummary['direction'];
export type NamedSeries = { name: string; points: readonly { period: number; value: number }[] };

/** "+0,5 procentpunt": a difference of percentages is in percentage points. */
export function points(value: number, unit: Unit, t: Translate, signed = true): string {
  const number = signed ? formatSigned(value) : formatNumber(Math.abs(value));
  return unit === 'percent' ? t(pluralKeys.points, { count: Math.abs(value), value: number }) : number;
}

/** One sentence per series: where it started and where it ended. */
export function seriesSummary(series: readonly NamedSeries[], unit: Unit, t: Translate): string {
  return series
    .map(({ name, points: values }) => {
      const first = values[0];
      const last = values.at(-1);
      if (!first || !last) return t('indicators.summary.noValues', { name });
      if (first === last) return t('indicators.summary.single', { name, value: formatValue(last.value, unit), period: last.period });
      const trend = last.value > first.value ? 'rose' : last.value < first.value ? 'fell' : 'same';
      return t(`indicators.summary.${trend}`, {
        name,
        first: formatValue(first.value, unit),
        firstPeriod: first.period,
        last: formatValue(last.value, unit),
        lastPeriod: last.period,
      });
    })
    .join(' ');
}

/** What reaching a target takes, beside the pace of the past: the trajectory in words. */
export function trajectoryText(trajectory: Trajectory, unit: Unit, direction: Direction, name: string, t: Translate): string {
  const { target, from, requiredYearlyGain: required, historicalYearlyGain: historical } = trajectory;
  const goal = { name, target: formatTargetValue(target, unit), year: target.year, from: formatValue(from.value, unit), fromPeriod: from.period };
  const higher = direction === 'higher-is-better';
  if (higher ? required <= 0 : required >= 0) return t('indicators.trajectory.reached', goal);
  const need = t('indicators.trajectory.need', { ...goal, required: points(required, unit, t) });
  if (historical === null) return `${need} ${t('indicators.trajectory.noHistory')}`;
  const past = t('indicators.trajectory.past', {
    historicalFrom: trajectory.historicalFrom ?? from.period,
    fromPeriod: from.period,
    historical: points(historical, unit, t),
  });
  const onTrack = higher ? historical >= required : historical <= required;
  const ratio = historical !== 0 && Math.sign(historical) === Math.sign(required) ? Math.abs(required / historical) : null;
  const verdict = onTrack
    ? t('indicators.trajectory.onTrack')
    : ratio !== null
      ? t('indicators.trajectory.faster', { ratio: new Intl.NumberFormat(currentLanguageTag(), { maximumFractionDigits: 1 }).format(ratio) })
      : t('indicators.trajectory.wrongWay');
  return `${need} ${past} ${verdict}`;
}

/** The change since the previous value, with its sign and unit. */
export function changeText(headline: IndicatorHeadline, unit: Unit, t: Translate): string {
  if (headline.change === null || !headline.previous) return t('indicators.card.noPrevious');
  return t('indicators.card.change', {
    change: points(headline.change, unit, t),
    period: headline.previous.period,
    value: formatValue(headline.previous.value, unit),
  });
}

/** The distance to the nearest target ahead, or null when the indicator has none ahead. */
export function gapText(headline: IndicatorHeadline, unit: Unit, direction: Direction, t: Translate): string | null {
  const { target, gap } = headline;
  if (!target || gap === null) return null;
  const values = { target: formatTargetValue(target, unit), year: target.year, gap: points(gap, unit, t, false) };
  const toGo = direction === 'higher-is-better' ? gap > 0 : gap < 0;
  return t(toGo ? 'indicators.card.gapToGo' : 'indicators.card.gapReached', values);
}

/** Breaks in series explained in words ("Break in series in 2021: …"), or null without breaks. */
export function breakText(years: readonly number[], t: Translate): string | null {
  if (years.length === 0) return null;
  return t(pluralKeys.breakText, { count: years.length, years: formatList(years.map(String)) });
}

/** The low-reliability flag explained, for the periods that carry it. */
export function lowReliabilityText(periods: readonly number[], t: Translate): string | null {
  if (periods.length === 0) return null;
  return t(pluralKeys.lowReliabilityText, { count: periods.length, periods: formatList(periods.map(String)) });
}

/** The ranking in words: how many regions, the top and bottom, the home region's areas, the references. */
export function rankingSummary(ranking: Ranking, unit: Unit, t: Translate): string {
  const label = (row: { geo: string; name: string | null }) => row.name ?? row.geo;
  const top = ranking.rows[0];
  const bottom = ranking.rows.at(-1);
  if (!top || !bottom) return t('indicators.ranking.summaryEmpty', { year: ranking.year });
  const parts = [
    t(pluralKeys.summaryCount, { count: ranking.rows.length, year: ranking.year }),
    t('indicators.ranking.summaryRange', {
      top: label(top),
      topValue: formatValue(top.value, unit),
      bottom: label(bottom),
      bottomValue: formatValue(bottom.value, unit),
    }),
  ];
  const home = ranking.rows.filter((row) => row.highlighted);
  if (home.length > 0) {
    const list = home.map((row) =>
      t('indicators.ranking.summaryPlace', { name: label(row), rank: row.rank, value: formatValue(row.value, unit) }),
    );
    parts.push(t(pluralKeys.summaryHome, { count: home.length, list: formatList(list), total: ranking.rows.length }));
  }
  const references = ranking.references.filter((reference) => reference.value !== null);
  if (references.length > 0) {
    const list = references.map((reference) => `${label(reference)} ${formatValue(reference.value ?? 0, unit)}`);
    parts.push(t('indicators.ranking.summaryReferences', { list: formatList(list) }));
  }
  return parts.join(' ');
}
