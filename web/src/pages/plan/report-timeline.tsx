import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Plan, PlanReport } from '../../api/plan-types.ts';
import { formatDateTime } from '../../format.ts';
import { PlanParagraphs } from './plan-text.tsx';
import { ProgressMeter } from './progress-meter.tsx';
import { ReportStatus } from './report-status.tsx';
import { SourceLinks } from './source-links.tsx';

/** What an admin may do with approvals on this page; null for everyone else. */
export type ApprovalControls = {
  approve: (year: number) => void;
  /** The year being approved right now, if any. */
  busyYear: number | null;
  /** Why the last approval failed, shown at its report. */
  error: { year: number; message: string } | null;
};

type Props = {
  reports: readonly PlanReport[];
  plan: Plan;
  /** The form of a year's report, when the signed-in user may edit; null otherwise. */
  editPath: ((year: number) => string) | null;
  approval?: ApprovalControls | null;
};

/** The action's yearly reports, oldest first. */
export function ReportTimeline({ reports, plan, editPath, approval = null }: Props) {
  const { t } = useTranslation();
  if (reports.length === 0) return <p>{t('plan.report.noReports')}</p>;
  const sorted = [...reports].sort((a, b) => a.year - b.year);
  return (
    <ol className="timeline">
      {sorted.map((report) => {
        const headingId = `report-${report.year}`;
        return (
          <li key={report.year} className="timeline__item">
            <article aria-labelledby={headingId}>
              <h3 id={headingId} className="timeline__year">
                {t('plan.report.heading', { year: report.year })}
              </h3>
              <p className="timeline__status">
                <span className="timeline__term">{t('plan.report.status')}</span> <ReportStatus status={report.status} statuses={plan.statuses} />
              </p>
              <ProgressMeter progress={report.progress} label={t('plan.progress.ofReport', { year: report.year })} />
              <PlanParagraphs text={report.narrative} fallback={t('plan.report.noNarrative')} />

              {report.evidenceLinks.length > 0 && (
                <>
                  <h4>{t('plan.report.evidence')}</h4>
                  <ul className="plain-list">
                    {report.evidenceLinks.map((link, index) => (
                      <li key={`${index}:${link.url}`}>
                        <a href={link.url} className="break-anywhere">
                          {link.title || link.url}
                        </a>
                      </li>
                    ))}
                  </ul>
                </>
              )}

              {report.obstacles.length > 0 && (
                <>
                  <h4>{t('plan.report.obstacles')}</h4>
                  <ul className="obstacles">
                    {report.obstacles.map((obstacle, index) => (
                      <li key={index} className="obstacle">
                        <p className="obstacle__text">{obstacle.text}</p>
                        <p className="obstacle__meta">
                          <span className={`severity severity--${obstacle.severity}`}>
                            {t('plan.report.severityIs', { severity: t(`plan.severity.${obstacle.severity}`) })}
                          </span>
                          {' · '}
                          {obstacle.owner ? t('plan.report.ownerIs', { owner: obstacle.owner }) : t('plan.report.noOwner')}
                          {' · '}
                          {obstacle.resolved ? t('plan.report.resolved') : t('plan.report.unresolved')}
                        </p>
                      </li>
                    ))}
                  </ul>
                </>
              )}

              <div className="timeline__sources">
                <p className="timeline__term">{t('plan.report.sources')}</p>
                <SourceLinks ids={report.sources} sources={plan.sources} />
              </div>
              <p className="muted timeline__meta">
                {t('plan.report.version', { version: report.version })}
                {report.submittedAt && (
                  <>
                    {' · '}
                    {t('plan.report.submittedAt', { at: formatDateTime(report.submittedAt) })}
                  </>
                )}
              </p>
              <p className="timeline__approval" id={`report-${report.year}-approval`} tabIndex={-1}>
                {report.approvedAt ? t('plan.report.approved', { at: formatDateTime(report.approvedAt) }) : t('plan.report.notApproved')}
              </p>
              {approval && !report.approvedAt && report.status !== null && (
                <p>
                  <button type="button" className="button" disabled={approval.busyYear !== null} onClick={() => approval.approve(report.year)}>
                    {approval.busyYear === report.year ? t('plan.report.approving', { year: report.year }) : t('plan.report.approve', { year: report.year })}
                  </button>
                </p>
              )}
              {approval?.error?.year === report.year && (
                <div role="alert" className="notice notice--error">
                  <p>{approval.error.message}</p>
                </div>
              )}
              {editPath && (
                <p>
                  <Link to={editPath(report.year)}>{t('plan.report.updateLink', { year: report.year })}</Link>
                </p>
              )}
            </article>
          </li>
        );
      })}
    </ol>
  );
}
