import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActionSummary, Plan } from '../../api/plan-types.ts';
import { FlagshipLabel } from './flagship-label.tsx';
import { actionPath } from './plan-paths.ts';
import { PlanText } from './plan-text.tsx';
import { ReportStatus } from './report-status.tsx';

/** One row per action: reference, title (a link), flagship and the status of its latest report. */
export function ActionTable({ items, plan, caption }: { items: readonly ActionSummary[]; plan: Plan; caption: string }) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll" role="region" aria-labelledby="plan-actions-caption" tabIndex={0}>
      <table className="table action-table">
        <caption id="plan-actions-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('plan.actions.columns.reference')}</th>
            <th scope="col">{t('plan.actions.columns.title')}</th>
            <th scope="col">{t('plan.actions.columns.flagship')}</th>
            <th scope="col">{t('plan.actions.columns.latestReport')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((action) => (
            <tr key={action.reference}>
              <th scope="row">
                <code>{action.reference}</code>
              </th>
              <td>
                <Link to={actionPath(action.reference)}>
                  <PlanText text={action.title} fallback={action.reference} />
                </Link>
              </td>
              <td>
                <FlagshipLabel flagship={action.flagship} flagships={plan.flagships} />
              </td>
              <td>
                {action.latestReport ? (
                  <>
                    <ReportStatus status={action.latestReport.status} statuses={plan.statuses} />{' '}
                    <span className="muted">{t('plan.report.inYear', { year: action.latestReport.year })}</span>
                  </>
                ) : (
                  <span className="muted">{t('plan.report.noReports')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
