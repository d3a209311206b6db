import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PlanFlagship } from '../../api/plan-types.ts';
import { idFrom } from './plan-format.ts';
import { PlanText, plainText } from './plan-text.tsx';
import { ProgressMeter } from './progress-meter.tsx';

/** One card per flagship with its rolled-up progress and a link to its actions. */
export function FlagshipCards({ flagships }: { flagships: readonly PlanFlagship[] }) {
  const { t } = useTranslation();
  if (flagships.length === 0) return <p>{t('plan.flagships.empty')}</p>;
  return (
    <ul className="tiles">
      {flagships.map((flagship) => {
        const headingId = idFrom('flagship', flagship.code);
        return (
          <li key={flagship.code}>
            <article className="card flagship-card" aria-labelledby={headingId}>
              <h3 id={headingId} className="card__title flagship-card__title">
                <span className="code-label">{t('plan.flagship.code', { code: flagship.code })}</span>{' '}
                <PlanText text={flagship.title} fallback={t('plan.flagship.unknown')} />
              </h3>
              <ProgressMeter progress={flagship.progress} label={t('plan.progress.of', { name: plainText(flagship.title, flagship.code) })} />
              <p className="flagship-card__actions">
                {flagship.actionCount > 0 ? (
                  <Link to={`/plan/actions?flagship=${encodeURIComponent(flagship.code)}`}>
                    {t('plan.flagships.actionsLink', { n: flagship.actionCount })}
                  </Link>
                ) : (
                  t('plan.flagships.noActions')
                )}
              </p>
            </article>
          </li>
        );
      })}
    </ul>
  );
}
