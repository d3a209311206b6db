import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PlanGoal } from '../../api/plan-types.ts';
import { idFrom } from './plan-format.ts';
import { goalPath } from './plan-paths.ts';
import { PlanText, plainText } from './plan-text.tsx';
import { ProgressMeter } from './progress-meter.tsx';

/** The compass: the plan's goals, each with its number of actions and rolled-up progress. */
export function GoalCompass({ goals }: { goals: readonly PlanGoal[] }) {
  const { t } = useTranslation();
  if (goals.length === 0) return <p>{t('plan.compass.empty')}</p>;
  return (
    <ol className="compass">
      {goals.map((goal) => {
        const headingId = idFrom('goal', goal.code);
        return (
          <li key={goal.code} className="compass__goal">
            <h3 id={headingId} className="compass__title">
              <span className="code-label">{t('plan.goal.code', { code: goal.code })}</span>{' '}
              <Link to={goalPath(goal.code)}>
                <PlanText text={goal.title} fallback={t('plan.goal.untitled')} />
              </Link>
            </h3>
            <p className="compass__count">{t('plan.actionCount', { n: goal.actionCount })}</p>
            <ProgressMeter progress={goal.progress} label={t('plan.progress.of', { name: plainText(goal.title, goal.code) })} />
          </li>
        );
      })}
    </ol>
  );
}
