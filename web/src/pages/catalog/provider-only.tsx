import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { SessionUser } from '../../api/types.ts';
import { loginPathFor } from '../../auth/login-path.ts';
import { useSession } from '../../auth/session.tsx';
import { Forbidden } from '../../components/forbidden.tsx';
import { LoadStatus } from '../../components/load-status.tsx';
import { PageHeading } from '../../components/page-heading.tsx';

/** True for accounts that manage offers: admins, and provider accounts bound to a provider. */
export function managesOffers(user: Pick<SessionUser, 'role' | 'providerId'> | null): boolean {
  return !!user && (user.role === 'admin' || (user.role === 'provider' && !!user.providerId));
}

/**
 * A page for provider accounts (their own offers) and admins: anonymous visitors go to the login
 * page and come back; other roles see why they may not. With `ownHeading`, the page draws its own h1
 * (it may turn out to be a forbidden page itself).
 */
export function ProviderOnly({ title, ownHeading = false, children }: { title: string; ownHeading?: boolean; children: (user: SessionUser) => ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  if (session.status === 'ready' && !session.user) return <Navigate to={loginPathFor(location)} replace />;
  if (session.user && !managesOffers(session.user)) return <Forbidden email={session.user.email} text={t('catalog.provider.forbidden', { email: session.user.email })} />;
  if (session.user && ownHeading) return children(session.user);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      {session.user ? children(session.user) : <LoadStatus state={session.status === 'error' ? 'error' : 'loading'} onRetry={() => void session.refresh()} />}
    </>
  );
}
