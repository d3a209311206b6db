import { useTranslation } from 'react-i18next';
import type { IndicatorList } from '../../api/indicator-types.ts';
import { useApi } from '../../api/use-api.ts';
import { LoadStatus } from '../../components/load-status.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { IndicatorCard } from './indicator-card.tsx';

/** The dashboard: one card per indicator. */
export function IndicatorsPage() {
  const { t } = useTranslation();
  const list = useApi<IndicatorList>('/api/v1/indicators');
  return (
    <>
      <PageHeading>{t('indicators.dashboard.title')}</PageHeading>
      <p className="lead">{t('indicators.dashboard.intro')}</p>
      {list.state !== 'ready' ? (
        <LoadStatus state={list.state} onRetry={list.reload} />
      ) : list.data.indicators.length === 0 ? (
        <p>{t('indicators.dashboard.empty')}</p>
      ) : (
        <ul className="indicator-cards">
          {list.data.indicators.map((indicator) => (
            <IndicatorCard key={indicator.id} indicator={indicator} />
          ))}
        </ul>
      )}
      <p className="muted">{t('indicators.dashboard.targetsNote')}</p>
    </>
  );
}
