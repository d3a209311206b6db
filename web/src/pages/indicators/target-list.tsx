import { useTranslation } from 'react-i18next';
import type { IndicatorSummary, IndicatorTarget } from '../../api/indicator-types.ts';
import { PlanText } from '../plan/plan-text.tsx';
import { formatTargetValue } from './indicator-format.ts';

/** The indicator's own targets and benchmarks, with their sources: the markers of the chart in words. */
export function TargetList({ targets, unit }: { targets: IndicatorTarget[]; unit: IndicatorSummary['unit'] }) {
  const { t } = useTranslation();
  if (targets.length === 0) return <p className="target-list--none">{t('indicators.targets.none')}</p>;
  return (
    <ul className="target-list">
      {targets.map((target) => (
        <li key={`${target.kind}-${target.year}-${target.value}`} className="target-list__item" data-kind={target.kind}>
          <span className="target-list__symbol" aria-hidden="true">
            {target.kind === 'target' ? '◇' : '□'}
          </span>{' '}
          <strong>{t(`indicators.targets.${target.kind}Value`, { value: formatTargetValue(target, unit), year: target.year })}</strong>
          {': '}
          <PlanText text={target.label} />
          {' — '}
          {t('indicators.targets.source')}{' '}
          <a href={target.source.url}>{target.source.name}</a>
        </li>
      ))}
    </ul>
  );
}
