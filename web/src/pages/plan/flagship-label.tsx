import { useTranslation } from 'react-i18next';
import type { ActionSummary, PlanFlagship } from '../../api/plan-types.ts';
import { PlanText } from './plan-text.tsx';

/** "(a) knowledge agenda for LLL", marked when Koers editors, not the source, made the link. */
export function FlagshipLabel({ flagship, flagships }: { flagship: ActionSummary['flagship']; flagships: readonly PlanFlagship[] }) {
  const { t } = useTranslation();
  if (!flagship) return <span className="muted">{t('plan.flagship.none')}</span>;
  const known = flagships.find((f) => f.code === flagship.code);
  return (
    <>
      <span className="code-label">{t('plan.flagship.code', { code: flagship.code })}</span>{' '}
      <PlanText text={known?.title} fallback={t('plan.flagship.unknown')} />
      {flagship.assignedBy === 'koers-editors' && <span className="assigned-mark">{t('plan.flagship.assignedByEditors')}</span>}
    </>
  );
}
