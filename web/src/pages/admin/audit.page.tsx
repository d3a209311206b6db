import { useTranslation } from 'react-i18next';
import { AdminOnly } from '../../components/admin-only.tsx';
import { AuditLog } from './audit-log.tsx';

export function AuditPage() {
  const { t } = useTranslation();
  return (
    <AdminOnly title={t('audit.title')}>
      <AuditLog />
    </AdminOnly>
  );
}
