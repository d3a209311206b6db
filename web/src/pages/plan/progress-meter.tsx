import { useTranslation } from 'react-i18next';
import { formatPercent } from './plan-format.ts';

/** A progress bar with its value as text, or a plain "no progress reported". */
export function ProgressMeter({ progress, label }: { progress: number | null; /** accessible name of the bar */ label: string }) {
  const { t } = useTranslation();
  if (progress === null) return <p className="progress progress--none">{t('plan.progress.none')}</p>;
  const value = Math.min(100, Math.max(0, progress));
  return (
    <p className="progress">
      <span className="progress__label">{t('plan.progress.label')}</span>{' '}
      <progress className="progress__bar" max={100} value={value} aria-label={label}>
        {formatPercent(value)}
      </progress>{' '}
      <span className="progress__value">{formatPercent(value)}</span>
    </p>
  );
}
