import { useTranslation } from 'react-i18next';
import type { PlanStatus } from '../../api/plan-types.ts';
import { statusName } from './plan-format.ts';

/** A report's status as a badge, or "no status reported" (most source reports give none). */
export function ReportStatus({ status, statuses }: { status: string | null; statuses: readonly PlanStatus[] }) {
  const { t } = useTranslation();
  if (status === null) return <span className="status status--none">{t('plan.report.noStatus')}</span>;
  return <span className={`status status--${status.replace(/[^a-z0-9-]/g, '')}`}>{statusName(statuses, status)}</span>;
}
