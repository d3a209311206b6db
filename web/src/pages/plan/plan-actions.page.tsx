import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Plan } from '../../api/plan-types.ts';
import { useApi } from '../../api/use-api.ts';
import { LoadStatus } from '../../components/load-status.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { ActionFiltersForm } from './action-filters.tsx';
import { filtersFromParams, hasFilters, pageFromParams, paramsFromFilters } from './action-query.ts';
import { ActionResults } from './action-results.tsx';

export function PlanActionsPage() {
  const { t } = useTranslation();
  const plan = useApi<Plan>('/api/v1/plan');
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const page = pageFromParams(params);
  const filtered = hasFilters(filters);

  return (
    <>
      <PageHeading>{t('plan.actions.title')}</PageHeading>
      <p className="lead">{t('plan.actions.intro')}</p>
      {plan.state === 'ready' && (
        <p>{t('plan.overview.recordedOfAnnounced', { recorded: plan.data.recordedActionCount, announced: plan.data.announcedActionCount })}</p>
      )}
      {plan.state !== 'ready' ? (
        <LoadStatus state={plan.state} onRetry={plan.reload} />
      ) : (
        <>
          <ActionFiltersForm
            plan={plan.data}
            applied={filters}
            onApply={(next) => setParams(paramsFromFilters(next))}
          />
          <ActionResults
            plan={plan.data}
            filters={filters}
            page={page}
            linkTo={(to) => `/plan/actions?${paramsFromFilters(filters, to).toString()}`.replace(/\?$/, '')}
            caption={filtered ? t('plan.actions.captionFiltered') : t('plan.actions.caption')}
            emptyText={filtered ? t('plan.actions.noneMatch') : t('plan.actions.none')}
          />
        </>
      )}
    </>
  );
}
