import { useTranslation } from 'react-i18next';
import type { ActionDetail } from '../../api/plan-types.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import { PlanParagraphs, PlanText } from './plan-text.tsx';

export function Milestones({ milestones }: { milestones: ActionDetail['milestones'] }) {
  const { t } = useTranslation();
  if (milestones.length === 0) return <p>{t('plan.milestones.none')}</p>;
  return (
    <ol className="milestones">
      {[...milestones]
        .sort((a, b) => a.date.localeCompare(b.date))
        .map((milestone, index) => (
          <li key={`${milestone.date}:${index}`} className="milestone">
            <p className="milestone__title">
              <time dateTime={milestone.date}>{formatDate(milestone.date)}</time>
              {' — '}
              <PlanText text={milestone.title} fallback={t('plan.milestones.untitled')} />
            </p>
            <PlanParagraphs text={milestone.description} />
            {milestone.link && (
              <p>
                <a href={milestone.link} className="break-anywhere">
                  {milestone.link}
                </a>
              </p>
            )}
          </li>
        ))}
    </ol>
  );
}

/** Who changed which year's report and when, most recent first. */
export function ChangeHistory({ history }: { history: ActionDetail['history'] }) {
  const { t } = useTranslation();
  if (history.length === 0) return <p>{t('plan.history.none')}</p>;
  const sorted = [...history].sort((a, b) => b.changedAt.localeCompare(a.changedAt));
  return (
    <div className="table-scroll" role="region" aria-labelledby="plan-history-caption" tabIndex={0}>
      <table className="table table--compact">
        <caption id="plan-history-caption">{t('plan.history.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('plan.history.changedAt')}</th>
            <th scope="col">{t('plan.history.year')}</th>
            <th scope="col">{t('plan.history.version')}</th>
            <th scope="col">{t('plan.history.changedBy')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((entry) => (
            <tr key={`${entry.year}:${entry.version}`}>
              <th scope="row">
                <time dateTime={entry.changedAt}>{formatDateTime(entry.changedAt)}</time>
              </th>
              <td>{entry.year}</td>
              <td>{entry.version}</td>
              <td className="break-anywhere">{entry.changedBy}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
