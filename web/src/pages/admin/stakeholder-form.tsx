import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { PlanStakeholder } from '../../api/plan-types.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SelectField, TextField } from '../../components/form-fields.tsx';
import type { z } from 'zod';
import type { stakeholderInputSchema } from '../../../../src/modules/plan/plan.schema.ts';
import type { ErrorMapper } from './admin-form-errors.ts';
import { FormHeading } from './admin-notice.tsx';
import { useAdminForm } from './use-admin-form.ts';

type Kind = z.infer<typeof stakeholderInputSchema>['kind'];
/** The kinds the API accepts (checked against its schema by the type). */
export const stakeholderKinds = ['government', 'social-partner', 'education-provider', 'training-provider', 'advisory-council', 'research', 'other'] as const satisfies readonly Kind[];

export const stakeholderFieldIds = { id: 'stakeholder-id', name: 'stakeholder-name', abbreviation: 'stakeholder-abbreviation', kind: 'stakeholder-kind' } as const;
const order = Object.values(stakeholderFieldIds);

/** A kebab-case id proposed from a name: "Syntra Vlaanderen" → "syntra-vlaanderen". */
export function idFromName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

type Props = { stakeholder: PlanStakeholder | null; onSaved: (name: string) => void; onCancel: () => void };

/** Create (stakeholder null) or change a stakeholder organisation → PUT /api/v1/plan/stakeholders/{id}. */
export function StakeholderForm({ stakeholder, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const [id, setId] = useState(stakeholder?.id ?? '');
  const [idTouched, setIdTouched] = useState(false);
  const [name, setName] = useState(stakeholder?.name ?? '');
  const [abbreviation, setAbbreviation] = useState(stakeholder?.abbreviation ?? '');
  const [kind, setKind] = useState<string>(stakeholder?.kind ?? 'other');
  const map: ErrorMapper = ([field], error) => {
    if (field === 'id' || field === 'name' || field === 'abbreviation' || field === 'kind') {
      return { fieldId: stakeholderFieldIds[field], message: t(`admin.stakeholders.errors.${field}`) };
    }
    return { message: t('admin.errors.other', { field: error.field, reason: error.reason }) };
  };
  const form = useAdminForm(map, order);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (form.busy) return;
    const trimmedId = id.trim();
    if (!trimmedId) return form.report([{ fieldId: stakeholderFieldIds.id, message: t('admin.stakeholders.errors.id') }]);
    const body = { name, abbreviation: abbreviation.trim() === '' ? null : abbreviation, kind };
    const ok = await form.run(() => api.put(`/api/v1/plan/stakeholders/${encodeURIComponent(trimmedId)}`, body));
    if (ok) onSaved(name.trim());
  }

  return (
    <section aria-labelledby="stakeholder-form-title" className="admin-form">
      <FormHeading id="stakeholder-form-title">
        {stakeholder ? t('admin.stakeholders.editTitle', { name: stakeholder.name }) : t('admin.stakeholders.newTitle')}
      </FormHeading>
      <ErrorSummary errors={form.summary} />
      <form noValidate className="form" onSubmit={(event) => void submit(event)}>
        <TextField
          id={stakeholderFieldIds.name}
          name="name"
          label={t('admin.stakeholders.name')}
          value={name}
          maxLength={300}
          autoComplete="organization"
          error={form.fields[stakeholderFieldIds.name]}
          onChange={(event) => {
            setName(event.target.value);
            if (!stakeholder && !idTouched) setId(idFromName(event.target.value));
          }}
        />
        {!stakeholder && (
          <TextField
            id={stakeholderFieldIds.id}
            name="id"
            label={t('admin.stakeholders.id')}
            hint={t('admin.stakeholders.idHint')}
            value={id}
            maxLength={40}
            autoComplete="off"
            error={form.fields[stakeholderFieldIds.id]}
            onChange={(event) => {
              setIdTouched(true);
              setId(event.target.value);
            }}
          />
        )}
        <TextField
          id={stakeholderFieldIds.abbreviation}
          name="abbreviation"
          label={t('admin.stakeholders.abbreviation')}
          hint={t('admin.optional')}
          value={abbreviation}
          maxLength={40}
          className="field__input field__input--short"
          error={form.fields[stakeholderFieldIds.abbreviation]}
          onChange={(event) => setAbbreviation(event.target.value)}
        />
        <SelectField
          id={stakeholderFieldIds.kind}
          name="kind"
          label={t('admin.stakeholders.kind')}
          options={stakeholderKinds.map((value) => ({ value, label: t(`admin.kinds.${value}`) }))}
          value={kind}
          error={form.fields[stakeholderFieldIds.kind]}
          onChange={(event) => setKind(event.target.value)}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={form.busy}>
            {form.busy ? t('admin.saving') : t('admin.save')}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('admin.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
