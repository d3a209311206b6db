import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { withQuery } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { LoadStatus } from '../../components/load-status.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { matrixByFromParams, type MatrixBy, type PlanMatrix } from './plan-matrix-data.ts';
import { MatrixSummary, MatrixTable } from './plan-matrix-table.tsx';

/** The target-group x theme matrix (or x flagship): recorded actions per cell, each a way into the list. */
export function PlanMatrixPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const by = matrixByFromParams(params);
  const matrix = useApi<PlanMatrix>(withQuery('/api/v1/plan/matrix', { by }));

  return (
    <>
      <p className="breadcrumb">
        <Link to="/plan">{t('plan.overview.backLink')}</Link>
      </p>
      <PageHeading>{t('plan.matrix.title')}</PageHeading>
      <p className="lead">{t('plan.matrix.intro')}</p>
      <MatrixSwitch by={by} />
      {matrix.state !== 'ready' ? <LoadStatus state={matrix.state} onRetry={matrix.reload} /> : <MatrixView matrix={matrix.data} />}
    </>
  );
}

/** Two links, one per view: plain navigation that keeps the choice in the URL (shareable, back button). */
function MatrixSwitch({ by }: { by: MatrixBy }) {
  const { t } = useTranslation();
  const views: MatrixBy[] = ['theme', 'flagship'];
  return (
    <nav aria-label={t('plan.matrix.switchLabel')} className="matrix-switch">
      <ul className="matrix-switch__list">
        {views.map((view) => (
          <li key={view}>
            <Link to={view === 'theme' ? '/plan/matrix' : '/plan/matrix?by=flagship'} aria-current={view === by ? 'true' : undefined} className="matrix-switch__link">
              {t(`plan.matrix.by.${view}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function MatrixView({ matrix }: { matrix: PlanMatrix }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="recorded-count">{t('plan.overview.recordedOfAnnounced', { recorded: matrix.recordedActionCount, announced: matrix.announcedActionCount })}</p>
      {matrix.by === 'theme' && matrix.columns.length === 0 && <p className="notice">{t('plan.matrix.themesUnknown')}</p>}
      {matrix.recordedActionCount > 0 && matrix.withoutRow === matrix.recordedActionCount && <p className="notice">{t('plan.matrix.noTargetGroupsYet')}</p>}
      <MatrixSummary matrix={matrix} id="plan-matrix-summary" />
      <MatrixTable matrix={matrix} summaryId="plan-matrix-summary" />
      <p className="muted">{t('plan.matrix.linksExplained')}</p>
    </>
  );
}
