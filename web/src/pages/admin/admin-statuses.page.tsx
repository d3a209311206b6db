import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../api/plan-types.ts';
import { useApi } from '../../api/use-api.ts';
import { AdminOnly } from '../../components/admin-only.tsx';
import { LoadStatus } from '../../components/load-status.tsx';
import { languages, languageTags } from '../../i18n/index.ts';
import { AdminNotice } from './admin-notice.tsx';
import { StatusForm } from './status-form.tsx';

/** The status catalogue of the plan's yearly reports, editable by admins. */
export function AdminStatusesPage() {
  const { t } = useTranslation();
  return (
    <AdminOnly title={t('admin.statuses.title')} forbiddenText={(email) => t('admin.forbiddenText', { email })}>
      <Statuses />
    </AdminOnly>
  );
}

function Statuses() {
  const { t } = useTranslation();
  const plan = useApi<Plan>('/api/v1/plan');
  // the key being edited, '' for a new status, null when no form is open
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  if (plan.state !== 'ready') return <LoadStatus state={plan.state} onRetry={plan.reload} />;
  const statuses = plan.data.statuses;
  const open = (key: string) => {
    setSaved(null);
    setEditing(key);
  };

  return (
    <>
      <p className="lead">{t('admin.statuses.intro')}</p>
      <AdminNotice message={saved} />
      <div className="table-scroll" role="region" aria-labelledby="admin-statuses-caption" tabIndex={0}>
        <table className="table table--compact">
          <caption id="admin-statuses-caption">{t('admin.statuses.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.statuses.key')}</th>
              {languages.map((language) => (
                <th scope="col" key={language}>
                  {t(`admin.inLanguage.${language}`)}
                </th>
              ))}
              <th scope="col" className="numeric">
                {t('admin.statuses.defaultProgress')}
              </th>
              <th scope="col">{t('admin.actionsColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {statuses.map((status) => (
              <tr key={status.key}>
                <th scope="row">
                  <code>{status.key}</code>
                </th>
                {languages.map((language) => (
                  <td key={language} lang={languageTags[language]}>
                    {status.name[language]}
                  </td>
                ))}
                <td className="numeric">{status.defaultProgress ?? t('admin.statuses.noDefault')}</td>
                <td>
                  <button type="button" className="button button--secondary button--small" onClick={() => open(status.key)}>
                    {t('admin.edit')}
                    <span className="visually-hidden"> {status.key}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editing === null ? (
        <p>
          <button type="button" className="button" onClick={() => open('')}>
            {t('admin.statuses.add')}
          </button>
        </p>
      ) : (
        <StatusForm
          key={editing}
          status={statuses.find((s) => s.key === editing) ?? null}
          onCancel={() => setEditing(null)}
          onSaved={(key) => {
            setEditing(null);
            setSaved(t('admin.statuses.saved', { key }));
            plan.refresh();
          }}
        />
      )}
    </>
  );
}
