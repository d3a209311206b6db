import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActionDetail, Plan } from '../../api/plan-types.ts';
import { formatDate } from '../../format.ts';
import { FlagshipLabel } from './flagship-label.tsx';
import { goalPath } from './plan-paths.ts';
import { PlanText } from './plan-text.tsx';
import { SourceLinks } from './source-links.tsx';

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="facts__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** What the action is linked to: flagship, goals, groups, stakeholders, links and sources. */
export function ActionFacts({ action, plan }: { action: ActionDetail; plan: Plan }) {
  const { t } = useTranslation();
  const none = (text: string) => <span className="muted">{text}</span>;
  const date = (value: string | null) => (value ? <time dateTime={value}>{formatDate(value)}</time> : t('plan.notKnown'));

  return (
    <dl className="facts">
      <Row term={t('plan.action.reference')}>
        <code>{action.reference}</code> <span className="muted">{t('plan.action.referenceNote')}</span>
      </Row>
      <Row term={t('plan.action.flagship')}>
        <FlagshipLabel flagship={action.flagship} flagships={plan.flagships} />
      </Row>
      <Row term={t('plan.action.goals')}>
        {action.goals.length === 0 ? (
          none(t('plan.action.noGoals'))
        ) : (
          <ul className="inline-list">
            {action.goals.map((code) => (
              <li key={code}>
                <Link to={goalPath(code)}>
                  <span className="code-label">{t('plan.goal.code', { code })}</span>{' '}
                  <PlanText text={plan.goals.find((g) => g.code === code)?.title} />
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Row>
      <Row term={t('plan.action.targetGroups')}>
        {action.targetGroups.length === 0 ? (
          none(t('plan.action.noTargetGroups'))
        ) : (
          <ul className="inline-list">
            {action.targetGroups.map((code) => (
              <li key={code}>
                <PlanText text={plan.targetGroups.find((g) => g.code === code)?.title} fallback={code} />
              </li>
            ))}
          </ul>
        )}
      </Row>
      {action.themes.length > 0 && (
        <Row term={t('plan.action.themes')}>
          <ul className="inline-list">
            {action.themes.map((code) => (
              <li key={code}>
                <PlanText text={plan.themes.find((theme) => theme.code === code)?.title} fallback={code} />
              </li>
            ))}
          </ul>
        </Row>
      )}
      <Row term={t('plan.action.period')}>
        {action.startsOn || action.endsOn ? (
          <>
            {date(action.startsOn)} – {date(action.endsOn)}
          </>
        ) : (
          none(t('plan.notKnown'))
        )}
      </Row>
      <Row term={t('plan.action.stakeholders')}>
        {action.stakeholders.length === 0 ? (
          none(t('plan.action.noStakeholders'))
        ) : (
          <ul className="plain-list">
            {action.stakeholders.map((s) => {
              const known = plan.stakeholders.find((k) => k.id === s.id);
              return (
                <li key={`${s.id}:${s.role}`}>
                  {known ? known.name : <code>{s.id}</code>}
                  {known?.abbreviation && ` (${known.abbreviation})`}{' '}
                  <span className={`role role--${s.role}`}>{t(`plan.roles.${s.role}`)}</span>
                </li>
              );
            })}
          </ul>
        )}
      </Row>
      <Row term={t('plan.action.links')}>
        {action.links.length === 0 ? (
          none(t('plan.action.noLinks'))
        ) : (
          <ul className="plain-list">
            {action.links.map((link) => (
              <li key={link.url}>
                <a href={link.url} className="break-anywhere">
                  {link.title || link.url}
                </a>
              </li>
            ))}
          </ul>
        )}
      </Row>
      <Row term={t('plan.action.sources')}>
        <SourceLinks ids={action.sources} sources={plan.sources} />
      </Row>
    </dl>
  );
}
