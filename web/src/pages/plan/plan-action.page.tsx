import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { api, ApiError } from '../../api/client.ts';
import type { ActionDetail, Plan } from '../../api/plan-types.ts';
import { useApi } from '../../api/use-api.ts';
import { useSession } from '../../auth/session.tsx';
import { LoadStatus } from '../../components/load-status.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { ChangeHistory, Milestones } from './action-history.tsx';
import { ActionFacts } from './action-facts.tsx';
import { canEditReports } from './can-edit.ts';
import { MilestoneForm } from './milestone-form.tsx';
import { currentPlanYear } from './plan-format.ts';
import { PlanHeading } from './plan-heading.tsx';
import { reportFormPath, type SavedReportState } from './plan-paths.ts';
import { PlanNotFound } from './plan-not-found.tsx';
import { PlanParagraphs } from './plan-text.tsx';
import { ReportTimeline, type ApprovalControls } from './report-timeline.tsx';

export function PlanActionPage() {
  const { t } = useTranslation();
  const { reference = '' } = useParams();
  const action = useApi<ActionDetail>(`/api/v1/plan/actions/${encodeURIComponent(reference)}`);
  const plan = useApi<Plan>('/api/v1/plan');

  // 400: not a valid reference at all; 404: no such action.
  if (action.error instanceof ApiError && (action.error.status === 404 || action.error.status === 400)) {
    return <PlanNotFound title={t('plan.action.notFoundTitle')} text={t('plan.action.notFoundText', { reference })} />;
  }
  if (action.state !== 'ready' || plan.state !== 'ready') {
    const failed = action.state === 'error' ? action : plan.state === 'error' ? plan : null;
    return (
      <>
        <PageHeading>{t('plan.action.loadingTitle', { reference })}</PageHeading>
        <LoadStatus state={failed ? 'error' : 'loading'} onRetry={failed?.reload} />
      </>
    );
  }
  return <ActionView action={action.data} plan={plan.data} refresh={action.refresh} />;
}

/** An admin's approval of one yearly report: the request, the message it leaves and where focus goes. */
function useApproval(reference: string, action: ActionDetail, refresh: () => void, enabled: boolean): { controls: ApprovalControls | null; approvedYear: number | null } {
  const { t } = useTranslation();
  const [busyYear, setBusyYear] = useState<number | null>(null);
  const [error, setError] = useState<ApprovalControls['error']>(null);
  const [approvedYear, setApprovedYear] = useState<number | null>(null);
  const [focusYear, setFocusYear] = useState<number | null>(null);

  const approve = useCallback(
    (year: number) => {
      setBusyYear(year);
      setError(null);
      setApprovedYear(null);
      api.post(`/api/v1/plan/actions/${encodeURIComponent(reference)}/reports/${year}/approve`).then(
        () => {
          setBusyYear(null);
          setApprovedYear(year);
          setFocusYear(year);
          refresh();
        },
        (err: unknown) => {
          setBusyYear(null);
          const status = err instanceof ApiError ? err.status : 0;
          const key = status === 409 ? 'noStatus' : status === 403 || status === 401 ? 'forbidden' : status === 404 ? 'notFound' : 'server';
          setError({ year, message: t(`plan.report.approveErrors.${key}`, { year }) });
        },
      );
    },
    [reference, refresh, t],
  );

  // The button is gone once the report shows as approved: focus moves to the report's approval line.
  useEffect(() => {
    if (focusYear === null || !action.reports.some((r) => r.year === focusYear && r.approvedAt)) return;
    document.getElementById(`report-${focusYear}-approval`)?.focus();
    setFocusYear(null);
  }, [action.reports, focusYear]);

  return { controls: enabled ? { approve, busyYear, error } : null, approvedYear };
}

function ActionView({ action, plan, refresh }: { action: ActionDetail; plan: Plan; refresh: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const location = useLocation();
  const saved = (location.state as SavedReportState | null)?.savedReportYear;
  const editable = canEditReports(user, action);
  const approval = useApproval(action.reference, action, refresh, user?.role === 'admin');
  const thisYear = currentPlanYear(plan.period);
  const editPath = editable ? (year: number) => reportFormPath(action.reference, year) : null;
  const [milestoneAdded, setMilestoneAdded] = useState(false);

  return (
    <>
      <p className="breadcrumb">
        <Link to="/plan/actions">{t('plan.actions.backToList')}</Link>
      </p>
      <PlanHeading text={action.title} fallback={action.reference} />
      {saved !== undefined && (
        <div role="status" className="notice notice--success">
          <p>{t('plan.report.saved', { year: saved })}</p>
        </div>
      )}
      {editPath && (
        <p className="edit-link">
          <Link to={editPath(thisYear)} className="button">
            {t('plan.report.updateLink', { year: thisYear })}
          </Link>
        </p>
      )}

      <section aria-labelledby="action-description">
        <h2 id="action-description">{t('plan.action.description')}</h2>
        <PlanParagraphs text={action.description} fallback={t('plan.action.noDescription')} />
      </section>

      <section aria-labelledby="action-facts">
        <h2 id="action-facts">{t('plan.action.factsHeading')}</h2>
        <ActionFacts action={action} plan={plan} />
      </section>

      <section aria-labelledby="action-reports">
        <h2 id="action-reports">{t('plan.report.timelineHeading')}</h2>
        {/* Always in the page, so screen readers announce what is written into it. */}
        <div role="status" className={approval.approvedYear === null ? undefined : 'notice notice--success'}>
          {approval.approvedYear !== null && <p>{t('plan.report.approvedNotice', { year: approval.approvedYear })}</p>}
        </div>
        <ReportTimeline reports={action.reports} plan={plan} editPath={editPath} approval={approval.controls} />
      </section>

      <section aria-labelledby="action-milestones">
        <h2 id="action-milestones">{t('plan.milestones.heading')}</h2>
        <div role="status" className={milestoneAdded ? 'notice notice--success' : undefined}>
          {milestoneAdded && <p>{t('plan.milestoneForm.added')}</p>}
        </div>
        <Milestones milestones={action.milestones} />
        {user?.role === 'admin' && (
          <MilestoneForm
            reference={action.reference}
            onAdded={() => {
              setMilestoneAdded(true);
              refresh();
            }}
          />
        )}
      </section>

      <section aria-labelledby="action-history">
        <h2 id="action-history">{t('plan.history.heading')}</h2>
        <ChangeHistory history={action.history} />
      </section>
    </>
  );
}
