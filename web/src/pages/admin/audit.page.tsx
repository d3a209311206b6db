import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { loginPathFor } from '../../auth/login-path.ts';
import { useSession } from '../../auth/session.tsx';
import { Forbidden } from '../../components/forbidden.tsx';
import { LoadStatus } from '../../components/load-status.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { AuditLog } from './audit-log.tsx';

export function AuditPage() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();

  if (session.status === 'ready' && !session.user) return <Navigate to={loginPathFor(location)} replace />;
  if (session.user && session.user.role !== 'admin') return <Forbidden email={session.user.email} />;
  return (
    <>
      <PageHeading>{t('audit.title')}</PageHeading>
      {session.user ? (
        <AuditLog />
      ) : (
        <LoadStatus state={session.status === 'error' ? 'error' : 'loading'} onRetry={() => void session.refresh()} />
      )}
    </>
  );
}
