import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { loginPathFor } from '../auth/login-path.ts';
import { useSession } from '../auth/session.tsx';
import { Forbidden } from './forbidden.tsx';
import { LoadStatus } from './load-status.tsx';
import { PageHeading } from './page-heading.tsx';

/**
 * A page for admins: anonymous visitors go to the login page (and come back), other roles see
 * why they may not (`forbiddenText`, or the general one).
 */
export function AdminOnly({ title, forbiddenText, children }: { title: string; forbiddenText?: (email: string) => string; children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'ready' && !session.user) return <Navigate to={loginPathFor(location)} replace />;
  if (session.user && session.user.role !== 'admin') return <Forbidden email={session.user.email} text={forbiddenText?.(session.user.email)} />;
  return (
    <>
      <PageHeading>{title}</PageHeading>
      {session.user ? children : <LoadStatus state={session.status === 'error' ? 'error' : 'loading'} onRetry={() => void session.refresh()} />}
    </>
  );
}
