import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Plan, PlanGoal } from '../../api/plan-types.ts';
import { useApi } from '../../api/use-api.ts';
import { LoadStatus } from '../../components/load-status.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { languages, languageTags } from '../../i18n/index.ts';
import { pageFromParams } from './action-query.ts';
import { ActionResults } from './action-results.tsx';
import { GoalIndicators } from './goal-indicators.tsx';
import { formatNumber } from './plan-format.ts';
import { goalPath } from './plan-paths.ts';
import { PlanHeading } from './plan-heading.tsx';
import { PlanNotFound } from './plan-not-found.tsx';
import { langFor, plainText } from './plan-text.tsx';
import { ProgressMeter } from './progress-meter.tsx';
import { SourceLinks } from './source-links.tsx';

export function PlanGoalPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const plan = useApi<Plan>('/api/v1/plan');

  if (plan.state !== 'ready') {
    return (
      <>
        <PageHeading>{t('plan.goal.loadingTitle', { code })}</PageHeading>
        <LoadStatus state={plan.state} onRetry={plan.reload} />
      </>
    );
  }
  const goal = plan.data.goals.find((g) => g.code === code);
  if (!goal) return <PlanNotFound title={t('plan.goal.notFoundTitle')} text={t('plan.goal.notFoundText', { code })} />;
  return <GoalView goal={goal} plan={plan.data} />;
}

function GoalView({ goal, plan }: { goal: PlanGoal; plan: Plan }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const page = pageFromParams(params);
  // The goal's wording in the languages the sources give (they are not translations of each other).
  const wordings = languages.filter((language) => goal.title[language]?.trim());

  return (
    <>
      <p className="breadcrumb">
        <Link to="/plan">{t('plan.overview.backLink')}</Link>
      </p>
      <p className="eyebrow">{t('plan.goal.eyebrow', { code: goal.code, n: plan.goals.length })}</p>
      <PlanHeading text={goal.title} fallback={t('plan.goal.code', { code: goal.code })} />

      <section aria-labelledby="goal-about">
        <h2 id="goal-about">{t('plan.goal.aboutHeading')}</h2>
        <dl className="facts">
          {wordings.length > 1 &&
            wordings.map((language) => (
              <div className="facts__row" key={language}>
                <dt>{t('plan.goal.wordingIn', { language: t(`plan.languageNames.${language}`) })}</dt>
                <dd lang={languageTags[language]}>{goal.title[language]}</dd>
              </div>
            ))}
          <div className="facts__row">
            <dt>{t('plan.goal.actions')}</dt>
            <dd>{formatNumber(goal.actionCount)}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('plan.progress.label')}</dt>
            <dd>
              <ProgressMeter progress={goal.progress} label={t('plan.progress.of', { name: plainText(goal.title, goal.code) })} />
            </dd>
          </div>
          {goal.note && (
            <div className="facts__row">
              <dt>{t('plan.goal.note')}</dt>
              <dd lang={langFor('en')}>{goal.note}</dd>
            </div>
          )}
          <div className="facts__row">
            <dt>{t('plan.action.sources')}</dt>
            <dd>
              <SourceLinks ids={goal.sources} sources={plan.sources} />
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="goal-indicators">
        <h2 id="goal-indicators">{t('plan.goal.indicatorsHeading')}</h2>
        <GoalIndicators code={goal.code} />
      </section>

      <section aria-labelledby="goal-actions">
        <h2 id="goal-actions">{t('plan.goal.actionsHeading')}</h2>
        <ActionResults
          plan={plan}
          filters={{ goal: goal.code }}
          page={page}
          linkTo={(to) => (to > 1 ? `${goalPath(goal.code)}?page=${to}` : goalPath(goal.code))}
          caption={t('plan.goal.actionsCaption', { code: goal.code })}
          emptyText={t('plan.goal.noActions')}
        />
      </section>
    </>
  );
}
