import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { IndicatorSummary } from '../../api/indicator-types.ts';
import { useApi } from '../../api/use-api.ts';
import { LoadStatus } from '../../components/load-status.tsx';
import { formatValue } from '../indicators/indicator-format.ts';
import { indicatorPath } from '../indicators/indicator-paths.ts';
import { PlanText } from './plan-text.tsx';

/** The dashboard indicators linked to a goal, with their latest value for the region. */
export function GoalIndicators({ code }: { code: string }) {
  const { t } = useTranslation();
  const result = useApi<{ indicators: IndicatorSummary[] }>(`/api/v1/indicators?goal=${encodeURIComponent(code)}`);
  if (result.state !== 'ready') return <LoadStatus state={result.state} onRetry={result.reload} />;
  const { indicators } = result.data;
  if (!indicators.length) return <p>{t('plan.goal.noIndicators')}</p>;
  return (
    <>
      <ul>
        {indicators.map((indicator) => (
          <li key={indicator.id}>
            <Link to={indicatorPath(indicator.id)}>
              <PlanText text={indicator.name} fallback={indicator.id} />
            </Link>
            {indicator.headline && (
              <span>
                {' — '}
                {t('plan.goal.indicatorLatest', {
                  value: formatValue(indicator.headline.value, indicator.unit),
                  geo: indicator.headline.geoName ?? indicator.headline.geo,
                  year: indicator.headline.period,
                })}
              </span>
            )}
          </li>
        ))}
      </ul>
      {indicators.some((i) => i.goalsAssignedBy === 'koers-editors') && <p className="muted">{t('plan.goal.indicatorLinksByEditors')}</p>}
    </>
  );
}
