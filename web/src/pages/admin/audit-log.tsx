import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { api, ApiError, withQuery } from '../../api/client.ts';
import type { AuditEntry, AuditPage } from '../../api/types.ts';
import { loginPathFor } from '../../auth/login-path.ts';
import { useSession } from '../../auth/session.tsx';
import { Forbidden } from '../../components/forbidden.tsx';
import { LoadStatus } from '../../components/load-status.tsx';
import { AuditFilters } from './audit-filters.tsx';
import { AuditTable } from './audit-table.tsx';

const pageSize = 50;

type LogState = {
  items: AuditEntry[];
  nextCursor: string | null;
  status: 'loading' | 'ready' | 'error' | 'loadingMore';
  error: unknown;
  /** index of the first row of the last "load more", to move focus there */
  firstNew: number | null;
};

export function AuditLog() {
  const { t } = useTranslation();
  const { user } = useSession();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const entityType = params.get('entityType') ?? '';
  const actorEmail = params.get('actorEmail') ?? '';
  const [log, setLog] = useState<LogState>({ items: [], nextCursor: null, status: 'loading', error: null, firstNew: null });
  const [attempt, setAttempt] = useState(0);
  const live = useRef(0); // replies to an older filter are dropped

  const load = useCallback(
    (cursor: string | null) => {
      const request = cursor ? live.current : ++live.current;
      setLog((prev) => (cursor ? { ...prev, status: 'loadingMore' } : { items: [], nextCursor: null, status: 'loading', error: null, firstNew: null }));
      const path = withQuery('/api/v1/audit', { limit: pageSize, cursor, entityType, actorEmail });
      api.get<AuditPage>(path).then(
        (page) => {
          if (request !== live.current) return;
          setLog((prev) => ({
            items: cursor ? [...prev.items, ...page.items] : page.items,
            nextCursor: page.nextCursor,
            status: 'ready',
            error: null,
            firstNew: cursor ? prev.items.length : null,
          }));
        },
        (error: unknown) => {
          if (request !== live.current) return;
          setLog((prev) => ({ ...prev, status: 'error', error }));
        },
      );
    },
    [entityType, actorEmail],
  );

  useEffect(() => load(null), [load, attempt]);

  if (log.error instanceof ApiError && log.error.status === 401) return <Navigate to={loginPathFor(location)} replace />;
  if (log.error instanceof ApiError && log.error.status === 403) return <Forbidden email={user?.email ?? ''} />;

  return (
    <>
      <p className="lead">{t('audit.intro')}</p>
      <AuditFilters
        entityType={entityType}
        actorEmail={actorEmail}
        onApply={(filters) => setParams(Object.fromEntries(Object.entries(filters).filter(([, value]) => value)))}
      />
      {log.status === 'loading' ? (
        <LoadStatus state="loading" />
      ) : log.items.length === 0 && log.status === 'error' ? (
        <LoadStatus state="error" onRetry={() => setAttempt((n) => n + 1)} />
      ) : log.items.length === 0 ? (
        <p role="status">{t('audit.empty')}</p>
      ) : (
        <>
          <AuditTable items={log.items} focusRow={log.firstNew} />
          <p role="status" className="muted">
            {t('audit.shown', { n: log.items.length })}
          </p>
          {log.status === 'error' && <LoadStatus state="error" onRetry={() => load(log.nextCursor)} />}
          {log.nextCursor && log.status !== 'error' && (
            <button
              type="button"
              className="button button--secondary"
              disabled={log.status === 'loadingMore'}
              onClick={() => load(log.nextCursor)}
            >
              {log.status === 'loadingMore' ? t('common.loading') : t('audit.loadMore')}
            </button>
          )}
        </>
      )}
    </>
  );
}
