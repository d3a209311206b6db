import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import type { IndicatorDetail, ObservationsResponse } from '../../api/indicator-types.ts';
import { useApi } from '../../api/use-api.ts';
import { LoadStatus } from '../../components/load-status.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { plainText } from '../plan/plan-text.tsx';
import { seriesStyle } from './chart-style.ts';
import { flagsIn } from './flags.ts';
import { formatTargetValue, geoLabel } from './indicator-format.ts';
import { currentLanguageTag } from '../../i18n/index.ts';
import { indicatorsPath, rankingPath } from './indicator-paths.ts';
import { observationsApiPath, paramsFromState, stateFromParams, type SeriesState } from './indicator-query.ts';
import { IndicatorMetadata } from './indicator-metadata.tsx';
import { seriesSummary, trajectoryText } from './indicator-text.ts';
import { PlotChart, type PlotModule } from './plot-chart.tsx';
import { renderSeriesChart, type ChartSeries } from './series-chart.ts';
import { SeriesControls, useBreakdownLabel } from './series-controls.tsx';
import { breakYears, seriesPoints } from './series-table.ts';
import { SeriesTableView } from './series-table-view.tsx';
import { TargetList } from './target-list.tsx';
import { useKeptApi } from './use-kept-api.ts';

/** One indicator: chart with targets and trajectories, table, metadata and downloads; the view lives in the URL. */
export function IndicatorPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const detail = useApi<IndicatorDetail>(`/api/v1/indicators/${encodeURIComponent(id)}`);

  if (detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 400)) {
    return (
      <>
        <PageHeading>{t('indicators.notFound.title')}</PageHeading>
        <p>{t('indicators.notFound.text', { id })}</p>
        <p>
          <Link to={indicatorsPath}>{t('indicators.backToDashboard')}</Link>
        </p>
      </>
    );
  }
  if (detail.state !== 'ready') {
    return (
      <>
        <PageHeading>{t('indicators.indicator.loadingTitle')}</PageHeading>
        <LoadStatus state={detail.state} onRetry={detail.reload} />
      </>
    );
  }
  return <IndicatorView detail={detail.data} />;
}

function IndicatorView({ detail }: { detail: IndicatorDetail }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => stateFromParams(params, detail), [params, detail]);
  const apiPath = observationsApiPath(detail.id, state);
  const observations = useKeptApi<ObservationsResponse>(apiPath);
  const breakdownLabel = useBreakdownLabel();
  const name = plainText(detail.name, detail.id);
  const change = (next: SeriesState) => setParams(paramsFromState(next, detail));

  const data = observations.data;
  // Everything the chart draws, recomputed only when the data or the view changes (not on every render).
  const { geoNames, geos, shownObservations, series, homeBreaks, trajectories } = useMemo(() => {
    const geoNames = data ? [...data.geos, ...detail.geos] : detail.geos;
    const geos = state.geos.map((code) => ({ code, name: geoLabel(geoNames, code) }));
    const shownObservations = data?.observations ?? [];
    const series: ChartSeries[] = geos.map((geo, index) => ({ geo: geo.code, name: geo.name, points: seriesPoints(shownObservations, geo.code), style: seriesStyle(index) }));
    const homeBreaks = breakYears(shownObservations, state.geos.includes(detail.homeGeo) ? detail.homeGeo : (state.geos[0] ?? ''));
    const trajectories = (data?.trajectories ?? []).filter((trajectory) => state.geos.includes(trajectory.geo));
    return { geoNames, geos, shownObservations, series, homeBreaks, trajectories };
  }, [data, detail, state]);
  const shown = useMemo(() => ({ ...data?.breakdown, ...state.breakdown }), [data, state]);
  const breakdownText = detail.breakdowns
    .filter((dimension) => (detail.breakdownValues[dimension] ?? []).length > 1 && shown[dimension])
    .map((dimension) => breakdownLabel(dimension, shown[dimension]!))
    .join(', ');
  const periods = series.flatMap((s) => s.points.map((p) => p.period));
  const range = periods.length > 0 ? `${Math.min(...periods)}–${Math.max(...periods)}` : '';
  const chartTitle = [name, breakdownText, range].filter(Boolean).join(', ');
  const summary = seriesSummary(series, detail.unit, t);
  const flagsUsed = flagsIn(shownObservations);

  const render = useCallback(
    (Plot: PlotModule) =>
      renderSeriesChart(Plot, {
        series,
        targets: detail.targets,
        trajectories,
        breaks: homeBreaks,
        unit: detail.unit,
        formatTick: (value) =>
          detail.unit === 'percent'
            ? new Intl.NumberFormat(currentLanguageTag(), { style: 'percent', maximumFractionDigits: 0 }).format(value / 100)
            : String(value),
        targetLabel: (target) => t(`indicators.targets.${target.kind}Value`, { value: formatTargetValue(target, detail.unit), year: target.year }),
      }),
    [series, trajectories, homeBreaks, detail, t],
  );
  const legendId = flagsUsed.length > 0 ? 'flags-legend' : undefined;

  return (
    <>
      <p className="breadcrumb">
        <Link to={indicatorsPath}>{t('indicators.backToDashboard')}</Link>
      </p>
      <PageHeading>{name}</PageHeading>
      <div className="lead">
        <p>{plainText(detail.definition)}</p>
      </div>

      <section aria-labelledby="series-heading">
        <h2 id="series-heading">{t('indicators.series.heading')}</h2>
        <SeriesControls detail={detail} state={state} shown={shown} name={(code) => geoLabel(geoNames, code)} onChange={change} />
        <p role="status" className="visually-hidden">
          {observations.loading ? t('common.loading') : t('indicators.series.updated', { geos: geos.map((g) => g.name).join(', '), breakdown: breakdownText })}
        </p>
        {observations.error !== null && <LoadStatus state="error" />}

        <figure className="chart series-figure" aria-busy={observations.loading}>
          <h3 id="series-chart-title" className="chart__title">
            {chartTitle}
          </h3>
          <ul className="chart__legend series-legend">
            {series.map((s) => (
              <li key={s.geo}>
                <svg className="chart__swatch chart__swatch--line" viewBox="0 0 32 12" aria-hidden="true" focusable="false">
                  <line x1="0" y1="6" x2="32" y2="6" stroke={s.style.colour} strokeWidth="3" strokeDasharray={s.style.dash === 'none' ? undefined : s.style.dash} />
                </svg>
                {s.name} <span className="muted">({t(`indicators.chart.patterns.${s.style.pattern}`)})</span>
              </li>
            ))}
            {detail.targets.length > 0 && (
              <li>
                <span aria-hidden="true">◇ □</span> {t('indicators.chart.targetsLegend')}
              </li>
            )}
            {trajectories.length > 0 && <li>{t('indicators.chart.trajectoryLegend')}</li>}
            {homeBreaks.length > 0 && <li>{t('indicators.chart.breakLegend')}</li>}
          </ul>
          {data && (
            <div className="chart__scroll" role="region" aria-labelledby="series-chart-title" tabIndex={0}>
              <PlotChart render={render} labelledBy="series-chart-title series-chart-summary" />
            </div>
          )}
          <figcaption id="series-chart-summary" className="chart__summary">
            {data ? summary : t('common.loading')}
          </figcaption>
        </figure>

        <h3>{t('indicators.targets.heading')}</h3>
        <TargetList targets={detail.targets} unit={detail.unit} />
        {trajectories.length > 0 && (
          <>
            <h3>{t('indicators.trajectory.heading')}</h3>
            <ul className="plain-list trajectory-list">
              {trajectories.map((trajectory) => (
                <li key={`${trajectory.geo}-${trajectory.target.year}-${trajectory.target.value}`}>
                  {trajectoryText(trajectory, detail.unit, detail.direction, geoLabel(geoNames, trajectory.geo), t)}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="table-heading">
        <h2 id="table-heading">{t('indicators.table.heading')}</h2>
        <SeriesTableView observations={shownObservations} geos={geos} unit={detail.unit} caption={chartTitle} legendId={legendId} />
      </section>

      <IndicatorMetadata detail={detail} flags={flagsUsed} legendId="flags-legend" />

      <section aria-labelledby="downloads-heading">
        <h2 id="downloads-heading">{t('indicators.downloads.heading')}</h2>
        <p>{t('indicators.downloads.intro')}</p>
        <ul className="link-list downloads">
          <li>
            <a href={`/api/v1/indicators/${encodeURIComponent(detail.id)}/export.csv`} download>
              {t('indicators.downloads.csv')}
            </a>
          </li>
          <li>
            <a href={`/api/v1/indicators/${encodeURIComponent(detail.id)}/export.jsonstat`} download>
              {t('indicators.downloads.jsonstat')}
            </a>
          </li>
        </ul>
        <p>
          <Link to={rankingPath(detail.id)}>{t('indicators.ranking.link')}</Link>
        </p>
      </section>
    </>
  );
}
