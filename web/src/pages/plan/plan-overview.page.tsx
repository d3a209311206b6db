import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Plan, PortalWithPlan } from '../../api/plan-types.ts';
import { useApi } from '../../api/use-api.ts';
import { LoadStatus } from '../../components/load-status.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { formatDate } from '../../format.ts';
import { currentLanguage, pick } from '../../i18n/index.ts';
import { FlagshipCards } from './flagship-cards.tsx';
import { GoalCompass } from './goal-compass.tsx';
import { PlanDownloads } from './plan-downloads.tsx';
import { PlanText } from './plan-text.tsx';
import { SourceLinks } from './source-links.tsx';
import { StatusDistribution } from './status-distribution.tsx';

export function PlanOverviewPage() {
  const { t } = useTranslation();
  const plan = useApi<Plan>('/api/v1/plan');
  const portal = useApi<PortalWithPlan>('/api/v1/portal');

  return (
    <>
      <PageHeading>{t('plan.overview.title')}</PageHeading>
      {plan.state !== 'ready' ? <LoadStatus state={plan.state} onRetry={plan.reload} /> : <PlanOverview plan={plan.data} portal={portal.data} />}
    </>
  );
}

function PlanOverview({ plan, portal }: { plan: Plan; portal: PortalWithPlan | null }) {
  const { t } = useTranslation();
  const adopted = plan.adopted ?? portal?.plan.adopted ?? null;

  return (
    <>
      <section aria-labelledby="plan-summary">
        <h2 id="plan-summary" className="visually-hidden">
          {t('plan.overview.summaryHeading')}
        </h2>
        <p className="lead">
          {portal ? <cite className="plan-title">{pick(portal.plan.title)}</cite> : t('plan.overview.planFallback')}
        </p>
        {portal?.plan.translationNotes?.[currentLanguage()] && <p className="muted">{t('plan.overview.titleTranslated')}</p>}
        <dl className="facts">
          <div className="facts__row">
            <dt>{t('plan.overview.period')}</dt>
            <dd>{t('plan.overview.periodValue', { from: plan.period.from, to: plan.period.to })}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('plan.overview.adopted')}</dt>
            <dd>{adopted ? <time dateTime={adopted}>{formatDate(adopted)}</time> : t('plan.notKnown')}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="plan-recorded">
        <h2 id="plan-recorded">{t('plan.overview.actionsHeading')}</h2>
        <p className="recorded-count">
          {t('plan.overview.recordedOfAnnounced', { recorded: plan.recordedActionCount, announced: plan.announcedActionCount })}
        </p>
        <p>{t('plan.overview.recordedExplained', { announced: plan.announcedActionCount })}</p>
        <p>
          <Link to="/plan/actions">{t('plan.overview.allActionsLink')}</Link>
        </p>
      </section>

      <section aria-labelledby="plan-compass">
        <h2 id="plan-compass">{t('plan.compass.heading', { n: plan.goals.length })}</h2>
        <p>{t('plan.compass.intro')}</p>
        <GoalCompass goals={plan.goals} />
      </section>

      <section aria-labelledby="plan-status">
        <h2 id="plan-status">{t('plan.status.heading')}</h2>
        <p>{t('plan.status.intro')}</p>
        <StatusDistribution plan={plan} />
      </section>

      <section aria-labelledby="plan-flagships">
        <h2 id="plan-flagships">{t('plan.flagships.heading', { n: plan.flagships.length })}</h2>
        <p>{t('plan.flagships.intro')}</p>
        <FlagshipCards flagships={plan.flagships} />
      </section>

      <section aria-labelledby="plan-matrix">
        <h2 id="plan-matrix">{t('plan.matrix.heading')}</h2>
        <p>
          <Link to="/plan/matrix">{t('plan.matrix.overviewLink')}</Link>
        </p>
        <h3>{t('plan.matrix.targetGroups')}</h3>
        {plan.targetGroups.length > 0 ? (
          <ul className="link-list">
            {plan.targetGroups.map((group) => (
              <li key={group.code}>
                <Link to={`/plan/actions?targetGroup=${encodeURIComponent(group.code)}`}>
                  <PlanText text={group.title} fallback={group.code} />
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('plan.matrix.targetGroupsUnknown')}</p>
        )}
        <h3>{t('plan.matrix.themes')}</h3>
        {plan.themes.length > 0 ? (
          <ul className="link-list">
            {plan.themes.map((theme) => (
              <li key={theme.code}>
                <PlanText text={theme.title} fallback={theme.code} />
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('plan.matrix.themesUnknown')}</p>
        )}
      </section>

      <PlanDownloads period={plan.period} />

      <section aria-labelledby="plan-sources">
        <h2 id="plan-sources">{t('plan.sources.heading')}</h2>
        <details className="disclosure">
          <summary>{t('plan.sources.show', { n: plan.sources.length })}</summary>
          <SourceLinks ids={plan.sources.map((source) => source.id)} sources={plan.sources} />
        </details>
      </section>
    </>
  );
}
