import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import type { Plan } from '../../api/plan-types.ts';
import type { SessionUser } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { useSession } from '../../auth/session.tsx';
import { AdminOnly } from '../../components/admin-only.tsx';
import { LoadStatus } from '../../components/load-status.tsx';
import { formatDateTime } from '../../format.ts';
import { AdminNotice, FormHeading } from './admin-notice.tsx';
import { UserForm } from './user-form.tsx';

export type ListedUser = SessionUser & { disabled: boolean; createdAt: string };

/** Accounts: editors bound to a stakeholder organisation and the others; admins create and disable them. */
export function AdminUsersPage() {
  const { t } = useTranslation();
  return (
    <AdminOnly title={t('admin.users.title')} forbiddenText={(email) => t('admin.forbiddenText', { email })}>
      <Users />
    </AdminOnly>
  );
}

function Users() {
  const { t } = useTranslation();
  const { user: me } = useSession();
  const users = useApi<{ items: ListedUser[] }>('/api/v1/users');
  const plan = useApi<Plan>('/api/v1/plan');
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<ListedUser | null>(null);
  const [disableError, setDisableError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (users.state !== 'ready' || plan.state !== 'ready') {
    const failed = users.state === 'error' ? users : plan.state === 'error' ? plan : null;
    return <LoadStatus state={failed ? 'error' : 'loading'} onRetry={failed?.reload} />;
  }
  const stakeholders = plan.data.stakeholders;
  const organisationName = (id: string) => stakeholders.find((s) => s.id === id)?.name ?? id;

  async function disable(user: ListedUser) {
    setBusy(true);
    setDisableError(null);
    try {
      await api.post(`/api/v1/users/${encodeURIComponent(user.id)}/disable`);
      setConfirming(null);
      setNotice(t('admin.users.disabled', { email: user.email }));
      users.refresh();
    } catch (error) {
      const status = error instanceof ApiError ? error.status : 0;
      setDisableError(status === 404 ? t('admin.errors.notFound') : status === 403 || status === 401 ? t('admin.errors.forbidden') : t('admin.errors.server'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <p className="lead">{t('admin.users.intro')}</p>
      <AdminNotice message={notice} />
      {confirming && (
        <section key={confirming.id} aria-labelledby="user-disable-title" className="confirm-panel">
          <FormHeading id="user-disable-title">{t('admin.users.confirmTitle', { email: confirming.email })}</FormHeading>
          <p>{t('admin.users.confirmText')}</p>
          {disableError && (
            <p role="alert" className="notice notice--error">
              {disableError}
            </p>
          )}
          <div className="button-row">
            <button type="button" className="button button--danger" disabled={busy} onClick={() => void disable(confirming)}>
              {t('admin.users.confirmDisable')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirming(null)}>
              {t('admin.cancel')}
            </button>
          </div>
        </section>
      )}
      <div className="table-scroll" role="region" aria-labelledby="admin-users-caption" tabIndex={0}>
        <table className="table table--compact">
          <caption id="admin-users-caption">{t('admin.users.caption', { n: users.data.items.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.users.email')}</th>
              <th scope="col">{t('admin.users.role')}</th>
              <th scope="col">{t('admin.users.binding')}</th>
              <th scope="col">{t('admin.users.state')}</th>
              <th scope="col">{t('admin.users.createdAt')}</th>
              <th scope="col">{t('admin.actionsColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {users.data.items.map((user) => (
              <tr key={user.id}>
                <th scope="row" className="break-anywhere">
                  {user.email}
                </th>
                <td>{t(`admin.roles.${user.role}`)}</td>
                <td>
                  {user.organisationId
                    ? t('admin.users.boundOrganisation', { name: organisationName(user.organisationId) })
                    : user.providerId
                      ? t('admin.users.boundProvider', { id: user.providerId })
                      : ''}
                </td>
                <td>{user.disabled ? t('admin.users.stateDisabled') : t('admin.users.stateActive')}</td>
                <td>
                  <time dateTime={user.createdAt}>{formatDateTime(user.createdAt)}</time>
                </td>
                <td>
                  {!user.disabled && user.id !== me?.id && (
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() => {
                        setNotice(null);
                        setDisableError(null);
                        setConfirming(user);
                      }}
                    >
                      {t('admin.users.disable')}
                      <span className="visually-hidden"> {user.email}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <UserForm
        stakeholders={stakeholders}
        onCreated={(user) => {
          setNotice(t('admin.users.created', { email: user.email, role: t(`admin.roles.${user.role}`) }));
          users.refresh();
        }}
      />
    </>
  );
}
