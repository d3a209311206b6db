import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../api/plan-types.ts';
import { useApi } from '../../api/use-api.ts';
import { AdminOnly } from '../../components/admin-only.tsx';
import { LoadStatus } from '../../components/load-status.tsx';
import { AdminNotice } from './admin-notice.tsx';
import { StakeholderForm } from './stakeholder-form.tsx';

/** The stakeholder organisations of the plan (editors are bound to one), editable by admins. */
export function AdminStakeholdersPage() {
  const { t } = useTranslation();
  return (
    <AdminOnly title={t('admin.stakeholders.title')} forbiddenText={(email) => t('admin.forbiddenText', { email })}>
      <Stakeholders />
    </AdminOnly>
  );
}

function Stakeholders() {
  const { t } = useTranslation();
  const plan = useApi<Plan>('/api/v1/plan');
  // the id being edited, '' for a new organisation, null when no form is open
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  if (plan.state !== 'ready') return <LoadStatus state={plan.state} onRetry={plan.reload} />;
  const stakeholders = [...plan.data.stakeholders].sort((a, b) => a.name.localeCompare(b.name));
  const open = (id: string) => {
    setSaved(null);
    setEditing(id);
  };
  const form =
    editing === null ? null : (
      <StakeholderForm
        key={editing}
        stakeholder={stakeholders.find((s) => s.id === editing) ?? null}
        onCancel={() => setEditing(null)}
        onSaved={(name) => {
          setEditing(null);
          setSaved(t('admin.stakeholders.saved', { name }));
          plan.refresh();
        }}
      />
    );

  return (
    <>
      <p className="lead">{t('admin.stakeholders.intro')}</p>
      <AdminNotice message={saved} />
      {/* the form comes first: with some fifty organisations, one below the table is far away */}
      {form ?? (
        <p>
          <button type="button" className="button" onClick={() => open('')}>
            {t('admin.stakeholders.add')}
          </button>
        </p>
      )}
      <div className="table-scroll" role="region" aria-labelledby="admin-stakeholders-caption" tabIndex={0}>
        <table className="table table--compact">
          <caption id="admin-stakeholders-caption">{t('admin.stakeholders.caption', { n: stakeholders.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.stakeholders.name')}</th>
              <th scope="col">{t('admin.stakeholders.abbreviation')}</th>
              <th scope="col">{t('admin.stakeholders.kind')}</th>
              <th scope="col">{t('admin.stakeholders.id')}</th>
              <th scope="col">{t('admin.actionsColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {stakeholders.map((s) => (
              <tr key={s.id}>
                <th scope="row">{s.name}</th>
                <td>{s.abbreviation ?? ''}</td>
                <td>{t(`admin.kinds.${s.kind}`, { defaultValue: s.kind })}</td>
                <td>
                  <code>{s.id}</code>
                </td>
                <td>
                  <button type="button" className="button button--secondary button--small" onClick={() => open(s.id)}>
                    {t('admin.edit')}
                    <span className="visually-hidden"> {s.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
