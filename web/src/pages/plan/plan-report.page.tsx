import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import type { ActionDetail, Plan } from '../../api/plan-types.ts';
import { useApi } from '../../api/use-api.ts';
import { loginPathFor } from '../../auth/login-path.ts';
import { useSession } from '../../auth/session.tsx';
import { LoadStatus } from '../../components/load-status.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { canEditReports } from './can-edit.ts';
import { actionPath } from './plan-paths.ts';
import { PlanNotFound } from './plan-not-found.tsx';
import { PlanText } from './plan-text.tsx';
import { ReportForm } from './report-form.tsx';

/** The editor's form for one action's report of one year. Signed-in users only. */
export function PlanReportPage() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const { reference = '', year: yearParam = '' } = useParams();
  const year = /^\d{4}$/.test(yearParam) ? Number(yearParam) : null;
  const title = t('plan.reportForm.title', { year: year ?? yearParam });

  if (session.status === 'ready' && !session.user) return <Navigate to={loginPathFor(location)} replace />;
  if (!session.user) {
    return (
      <>
        <PageHeading>{title}</PageHeading>
        <LoadStatus state={session.status === 'error' ? 'error' : 'loading'} onRetry={() => void session.refresh()} />
      </>
    );
  }
  if (year === null) return <PlanNotFound title={t('plan.reportForm.badYearTitle')} text={t('plan.reportForm.badYearText', { year: yearParam })} />;
  return <ReportPage reference={reference} year={year} title={title} />;
}

function ReportPage({ reference, year, title }: { reference: string; year: number; title: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const action = useApi<ActionDetail>(`/api/v1/plan/actions/${encodeURIComponent(reference)}`);
  const plan = useApi<Plan>('/api/v1/plan');
  const [refused, setRefused] = useState(false);

  // 400: not a valid reference at all; 404: no such action.
  if (action.error instanceof ApiError && (action.error.status === 404 || action.error.status === 400)) {
    return <PlanNotFound title={t('plan.action.notFoundTitle')} text={t('plan.action.notFoundText', { reference })} />;
  }
  if (action.state !== 'ready' || plan.state !== 'ready') {
    const failed = action.state === 'error' ? action : plan.state === 'error' ? plan : null;
    return (
      <>
        <PageHeading>{title}</PageHeading>
        <LoadStatus state={failed ? 'error' : 'loading'} onRetry={failed?.reload} />
      </>
    );
  }

  const { period } = plan.data;
  const backLink = (
    <p>
      <Link to={actionPath(action.data.reference)}>{t('plan.reportForm.backToAction')}</Link>
    </p>
  );
  if (refused || !canEditReports(user, action.data)) {
    return (
      <>
        <PageHeading>{t('plan.reportForm.forbiddenTitle')}</PageHeading>
        <div className="notice notice--error" role={refused ? 'alert' : undefined}>
          <p>{t('plan.reportForm.forbiddenText', { email: user?.email ?? '', reference: action.data.reference })}</p>
        </div>
        {backLink}
      </>
    );
  }
  if (year < period.from || year > period.to) {
    return <PlanNotFound title={t('plan.reportForm.badYearTitle')} text={t('plan.reportForm.outOfPeriod', { year, from: period.from, to: period.to })} />;
  }

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="lead">
        <code>{action.data.reference}</code> <PlanText text={action.data.title} />
      </p>
      {backLink}
      <ReportForm action={action.data} plan={plan.data} year={year} onForbidden={() => setRefused(true)} />
    </>
  );
}
