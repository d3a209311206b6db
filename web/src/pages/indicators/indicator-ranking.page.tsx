import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError, withQuery } from '../../api/client.ts';
import type { IndicatorDetail, Ranking } from '../../api/indicator-types.ts';
import { useApi } from '../../api/use-api.ts';
import { LoadStatus } from '../../components/load-status.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { SelectField } from '../../components/form-fields.tsx';
import { currentLanguageTag } from '../../i18n/index.ts';
import { plainText } from '../plan/plan-text.tsx';
import { FlagsLegend } from './flag-letters.tsx';
import { flagsIn } from './flags.ts';
import { formatValue } from './indicator-format.ts';
import { indicatorPath, indicatorsPath } from './indicator-paths.ts';
import { rankingSummary } from './indicator-text.ts';
import { PlotChart, type PlotModule } from './plot-chart.tsx';
import { pluralKeys } from './plural-keys.ts';
import { rankingBars } from './ranking-bars.ts';
import { renderRankingChart } from './ranking-chart.ts';
import { RankingTable, ReferenceTable } from './ranking-table.tsx';
import { useKeptApi } from './use-kept-api.ts';

/** A year in the URL (?year=2023), else null: the API then picks the latest year. */
export function yearFromParams(params: URLSearchParams): number | null {
  const text = params.get('year') ?? '';
  return /^\d{4}$/.test(text) ? Number(text) : null;
}

/** Every NUTS 2 region for one year, ranked: bar chart, table, the home region highlighted. */
export function IndicatorRankingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const year = yearFromParams(params);
  const detail = useApi<IndicatorDetail>(`/api/v1/indicators/${encodeURIComponent(id)}`);
  const ranking = useKeptApi<Ranking>(withQuery(`/api/v1/indicators/${encodeURIComponent(id)}/ranking`, { year }));
  const name = detail.data ? plainText(detail.data.name, id) : id;

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

  return (
    <>
      <p className="breadcrumb">
        <Link to={indicatorsPath}>{t('indicators.backToDashboard')}</Link>
        {detail.data && (
          <>
            {' › '}
            <Link to={indicatorPath(id)}>{name}</Link>
          </>
        )}
      </p>
      <PageHeading>{t('indicators.ranking.title', { name })}</PageHeading>
      <p className="lead">{t('indicators.ranking.intro')}</p>
      {detail.state !== 'ready' || (!ranking.data && !ranking.error) ? (
        <LoadStatus state={detail.state === 'error' ? 'error' : 'loading'} onRetry={detail.reload} />
      ) : !ranking.data ? (
        <LoadStatus state="error" />
      ) : (
        <RankingView
          detail={detail.data}
          ranking={ranking.data}
          loading={ranking.loading}
          onYear={(next) => setParams(next === ranking.data?.years.at(-1) ? {} : { year: String(next) })}
        />
      )}
    </>
  );
}

function RankingView({ detail, ranking, loading, onYear }: { detail: IndicatorDetail; ranking: Ranking; loading: boolean; onYear: (year: number) => void }) {
  const { t } = useTranslation();
  const unit = detail.unit;
  const bars = useMemo(() => rankingBars(ranking, (name) => t('indicators.ranking.referenceLabel', { name })), [ranking, t]);
  const title = t('indicators.ranking.chartTitle', { name: plainText(detail.name, detail.id), year: ranking.year });
  const summary = rankingSummary(ranking, unit, t);
  const flags = flagsIn([...ranking.rows, ...ranking.references]);
  const render = useCallback(
    (Plot: PlotModule) =>
      renderRankingChart(Plot, {
        bars,
        formatValue: (value) => formatValue(value, unit),
        formatTick: (value) => new Intl.NumberFormat(currentLanguageTag(), { maximumFractionDigits: 0 }).format(value),
      }),
    [bars, unit],
  );

  return (
    <>
      <SelectField
        id="ranking-year"
        label={t('indicators.ranking.year')}
        options={[...ranking.years].reverse().map((year) => ({ value: String(year), label: String(year) }))}
        value={String(ranking.year)}
        onChange={(event) => onYear(Number(event.target.value))}
        className="field__input field__input--short"
      />
      <p role="status" className="visually-hidden">
        {loading ? t('common.loading') : t('indicators.ranking.updated', { year: ranking.year })}
      </p>

      <section aria-labelledby="ranking-chart-title">
        <figure className="chart ranking-figure" aria-busy={loading}>
          <h2 id="ranking-chart-title" className="chart__title">
            {title}
          </h2>
          <figcaption id="ranking-chart-summary" className="chart__summary">
            {summary}
            {ranking.withoutValue > 0 && <> {t(pluralKeys.withoutValue, { count: ranking.withoutValue })}</>}
          </figcaption>
          <ul className="chart__legend">
            <li>
              <span className="ranking-swatch ranking-swatch--region" aria-hidden="true" /> {t('indicators.ranking.legendRegion')}
            </li>
            <li>
              <span className="ranking-swatch ranking-swatch--home" aria-hidden="true" /> {t('indicators.ranking.legendHome')}
            </li>
            <li>
              <span className="ranking-swatch ranking-swatch--reference" aria-hidden="true" /> {t('indicators.ranking.legendReference')}
            </li>
          </ul>
          <div className="chart__scroll ranking-scroll" role="region" aria-labelledby="ranking-chart-title" tabIndex={0}>
            <PlotChart render={render} labelledBy="ranking-chart-title ranking-chart-summary" />
          </div>
        </figure>
      </section>

      <section aria-labelledby="ranking-references">
        <h2 id="ranking-references">{t('indicators.ranking.referencesHeading')}</h2>
        <ReferenceTable ranking={ranking} unit={unit} caption={t('indicators.ranking.referencesCaption', { year: ranking.year })} />
      </section>

      <section aria-labelledby="ranking-table-heading">
        <h2 id="ranking-table-heading">{t('indicators.ranking.tableHeading')}</h2>
        <RankingTable ranking={ranking} unit={unit} caption={title} legendId={flags.length > 0 ? 'ranking-flags' : undefined} />
        {flags.length > 0 && (
          <>
            <h3>{t('indicators.metadata.flags')}</h3>
            <FlagsLegend flags={flags} id="ranking-flags" />
          </>
        )}
      </section>
    </>
  );
}
