import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { IndicatorDetail, IndicatorSummary } from '../../api/indicator-types.ts';
import { useApi } from '../../api/use-api.ts';
import { PlanText } from '../plan/plan-text.tsx';
import { FlagLetters } from './flag-letters.tsx';
import { formatValue } from './indicator-format.ts';
import { indicatorPath } from './indicator-paths.ts';
import { breakText, changeText, gapText, lowReliabilityText } from './indicator-text.ts';
import { Sparkline } from './sparkline.tsx';

/** One indicator on the dashboard: its latest value for the home region, the change, the target, its flags. */
export function IndicatorCard({ indicator }: { indicator: IndicatorSummary }) {
  const { t } = useTranslation();
  const headingId = `indicator-${indicator.id}`;
  // The breaks of the whole series come with the indicator's details (the list has the latest value only).
  const detail = useApi<IndicatorDetail>(`/api/v1/indicators/${encodeURIComponent(indicator.id)}`);
  const { headline, unit } = indicator;
  const homeGeo = detail.data?.homeGeo ?? headline?.geo;
  const breaks = (detail.data?.breaks ?? []).filter((b) => b.geo === homeGeo).map((b) => b.period);
  const breakSentence = breakText(breaks, t);
  const lowReliability = headline?.flags.includes('u') ? lowReliabilityText([headline.period], t) : null;
  const gap = headline ? gapText(headline, unit, indicator.direction, t) : null;
  const spark = headline?.sparkline ?? [];

  return (
    <li className="card indicator-card">
      <h2 id={headingId} className="card__title">
        <Link to={indicatorPath(indicator.id)}>
          <PlanText text={indicator.name} fallback={indicator.id} />
        </Link>
      </h2>
      <p className="muted indicator-card__meta">
        {t(`indicators.referencePeriod.${indicator.referencePeriod}`)} · {t('indicators.population', { population: indicator.population })}
      </p>
      {headline ? (
        <>
          <p className="indicator-card__value">
            <span className="indicator-card__geo">{t('indicators.card.latest', { geo: headline.geoName ?? headline.geo, period: headline.period })}</span>{' '}
            <strong className="indicator-card__number">{formatValue(headline.value, unit)}</strong> <FlagLetters flags={headline.flags} />
          </p>
          <p className="indicator-card__change">{changeText(headline, unit, t)}</p>
          {gap && <p className="indicator-card__gap">{gap}</p>}
          {breakSentence && <p className="indicator-card__flag">{breakSentence}</p>}
          {lowReliability && <p className="indicator-card__flag">{lowReliability}</p>}
          {spark.length > 1 && (
            <div className="indicator-card__spark">
              <Sparkline points={spark} />
              <details className="disclosure">
                <summary>
                  {t('indicators.card.sparkSummary', {
                    from: spark[0]!.period,
                    to: spark.at(-1)!.period,
                    first: formatValue(spark[0]!.value, unit),
                    last: formatValue(spark.at(-1)!.value, unit),
                  })}
                </summary>
                <ul className="inline-list spark-values">
                  {spark.map((point) => (
                    <li key={point.period}>
                      {point.period}: {formatValue(point.value, unit)}
                    </li>
                  ))}
                </ul>
              </details>
            </div>
          )}
        </>
      ) : (
        <p>{t('indicators.card.noValue')}</p>
      )}
      <p>
        <Link to={indicatorPath(indicator.id)} aria-describedby={headingId}>
          {t('indicators.card.open')}
        </Link>
      </p>
    </li>
  );
}
