import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { PlanStakeholder } from '../../api/plan-types.ts';
import type { Role, SessionUser } from '../../api/types.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SelectField, TextField } from '../../components/form-fields.tsx';
import type { ErrorMapper } from './admin-form-errors.ts';
import { useAdminForm } from './use-admin-form.ts';

export const roles = ['admin', 'editor', 'analyst', 'provider'] as const satisfies readonly Role[];
/** The server's rule (passwordSchema in src/platform/auth/auth.schema.ts), shown beside the field. */
export const passwordMinLength = 12;

export const userFieldIds = { email: 'user-email', password: 'user-password', role: 'user-role', organisationId: 'user-organisation', providerId: 'user-provider' } as const;
const order = Object.values(userFieldIds);
type Field = keyof typeof userFieldIds;
const isField = (name: string | undefined): name is Field => name !== undefined && name in userFieldIds;

/** The body of POST /api/v1/users: only the binding the role has, the password as typed. */
export function userInput(draft: { email: string; password: string; role: Role; organisationId: string; providerId: string }) {
  return {
    email: draft.email,
    password: draft.password,
    role: draft.role,
    ...(draft.role === 'editor' ? { organisationId: draft.organisationId } : {}),
    ...(draft.role === 'provider' ? { providerId: draft.providerId } : {}),
  };
}

type Props = { stakeholders: readonly PlanStakeholder[]; onCreated: (user: SessionUser) => void };

/** A new account → POST /api/v1/users. The password is sent once and never shown again. */
export function UserForm({ stakeholders, onCreated }: Props) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [organisationId, setOrganisationId] = useState('');
  const [providerId, setProviderId] = useState('');
  const map: ErrorMapper = ([field], error) =>
    isField(field) ? { fieldId: userFieldIds[field], message: t(`admin.users.errors.${field}`, { min: passwordMinLength }) } : { message: t('admin.errors.other', { field: error.field, reason: error.reason }) };
  const form = useAdminForm(map, order, { fieldId: userFieldIds.email, message: t('admin.users.errors.taken') });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (form.busy) return;
    let created: SessionUser | null = null;
    const ok = await form.run(async () => {
      created = await api.post<SessionUser>('/api/v1/users', userInput({ email, password, role, organisationId, providerId }));
    });
    if (!ok || !created) return;
    setEmail('');
    setPassword('');
    setOrganisationId('');
    setProviderId('');
    onCreated(created);
  }

  const organisations = [
    { value: '', label: t('admin.users.chooseOrganisation') },
    ...[...stakeholders].sort((a, b) => a.name.localeCompare(b.name)).map((s) => ({ value: s.id, label: s.abbreviation ? `${s.name} (${s.abbreviation})` : s.name })),
  ];

  return (
    <section aria-labelledby="user-form-title" className="admin-form">
      <h2 id="user-form-title">{t('admin.users.newTitle')}</h2>
      <ErrorSummary errors={form.summary} />
      <form noValidate className="form" onSubmit={(event) => void submit(event)}>
        <TextField
          id={userFieldIds.email}
          name="email"
          type="email"
          label={t('admin.users.email')}
          value={email}
          maxLength={320}
          autoComplete="off"
          spellCheck={false}
          error={form.fields[userFieldIds.email]}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          id={userFieldIds.password}
          name="password"
          type="password"
          label={t('admin.users.password')}
          hint={t('admin.users.passwordHint', { min: passwordMinLength })}
          value={password}
          maxLength={1024}
          autoComplete="new-password"
          error={form.fields[userFieldIds.password]}
          onChange={(event) => setPassword(event.target.value)}
        />
        <SelectField
          id={userFieldIds.role}
          name="role"
          label={t('admin.users.role')}
          hint={t('admin.users.roleHint')}
          options={roles.map((value) => ({ value, label: t(`admin.roles.${value}`) }))}
          value={role}
          error={form.fields[userFieldIds.role]}
          onChange={(event) => setRole(event.target.value as Role)}
        />
        {role === 'editor' && (
          <SelectField
            id={userFieldIds.organisationId}
            name="organisationId"
            label={t('admin.users.organisation')}
            hint={t('admin.users.organisationHint')}
            options={organisations}
            value={organisationId}
            error={form.fields[userFieldIds.organisationId]}
            onChange={(event) => setOrganisationId(event.target.value)}
          />
        )}
        {role === 'provider' && (
          <TextField
            id={userFieldIds.providerId}
            name="providerId"
            label={t('admin.users.provider')}
            hint={t('admin.users.providerHint')}
            value={providerId}
            maxLength={100}
            autoComplete="off"
            error={form.fields[userFieldIds.providerId]}
            onChange={(event) => setProviderId(event.target.value)}
          />
        )}
        <div className="button-row">
          <button type="submit" className="button" disabled={form.busy}>
            {form.busy ? t('admin.saving') : t('admin.users.create')}
          </button>
        </div>
      </form>
    </section>
  );
}
