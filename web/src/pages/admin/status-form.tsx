import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { PlanStatus } from '../../api/plan-types.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { TextField } from '../../components/form-fields.tsx';
import { isLanguage, languages, languageTags } from '../../i18n/index.ts';
import type { ErrorMapper } from './admin-form-errors.ts';
import { FormHeading } from './admin-notice.tsx';
import { useAdminForm } from './use-admin-form.ts';

export const statusFieldIds = {
  key: 'status-key',
  name: (language: string) => `status-name-${language}`,
  defaultProgress: 'status-default-progress',
} as const;
const order = [statusFieldIds.key, ...languages.map(statusFieldIds.name), statusFieldIds.defaultProgress];

/** A number field's text as the API wants it: empty → null, a number → that number, else as typed (the API names the error). */
export function numberOrNull(text: string): number | string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : trimmed;
}

type Props = { status: PlanStatus | null; onSaved: (key: string) => void; onCancel: () => void };

/** Create (status null) or change one status of the catalogue → PUT /api/v1/plan/statuses/{key}. */
export function StatusForm({ status, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const [key, setKey] = useState(status?.key ?? '');
  const [name, setName] = useState({ nl: status?.name.nl ?? '', fr: status?.name.fr ?? '', en: status?.name.en ?? '' });
  const [progress, setProgress] = useState(status?.defaultProgress == null ? '' : String(status.defaultProgress));
  const map: ErrorMapper = ([field, language], error) => {
    if (field === 'key') return { fieldId: statusFieldIds.key, message: t('admin.statuses.errors.key') };
    if (field === 'name') {
      const lang = isLanguage(language) ? language : 'nl';
      return { fieldId: statusFieldIds.name(lang), message: t('admin.statuses.errors.name', { language: t(`plan.languageNames.${lang}`) }) };
    }
    if (field === 'defaultProgress') return { fieldId: statusFieldIds.defaultProgress, message: t('admin.statuses.errors.defaultProgress') };
    return { message: t('admin.errors.other', { field: error.field, reason: error.reason }) };
  };
  const form = useAdminForm(map, order);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (form.busy) return;
    const trimmedKey = key.trim();
    // the key is part of the address: an empty one cannot be sent
    if (!trimmedKey) return form.report([{ fieldId: statusFieldIds.key, message: t('admin.statuses.errors.key') }]);
    const ok = await form.run(() => api.put(`/api/v1/plan/statuses/${encodeURIComponent(trimmedKey)}`, { name, defaultProgress: numberOrNull(progress) }));
    if (ok) onSaved(trimmedKey);
  }

  return (
    <section aria-labelledby="status-form-title" className="admin-form">
      <FormHeading id="status-form-title">{status ? t('admin.statuses.editTitle', { key: status.key }) : t('admin.statuses.newTitle')}</FormHeading>
      <ErrorSummary errors={form.summary} />
      <form noValidate className="form" onSubmit={(event) => void submit(event)}>
        {!status && (
          <TextField
            id={statusFieldIds.key}
            name="key"
            label={t('admin.statuses.key')}
            hint={t('admin.statuses.keyHint')}
            value={key}
            maxLength={40}
            autoComplete="off"
            error={form.fields[statusFieldIds.key]}
            onChange={(event) => setKey(event.target.value)}
          />
        )}
        <fieldset className="fieldset">
          <legend className="fieldset__legend">{t('admin.statuses.name')}</legend>
          {languages.map((language) => (
            <TextField
              key={language}
              id={statusFieldIds.name(language)}
              name={`name.${language}`}
              lang={languageTags[language]}
              label={t(`admin.inLanguage.${language}`)}
              value={name[language]}
              maxLength={100}
              error={form.fields[statusFieldIds.name(language)]}
              onChange={(event) => setName({ ...name, [language]: event.target.value })}
            />
          ))}
        </fieldset>
        <TextField
          id={statusFieldIds.defaultProgress}
          name="defaultProgress"
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          step={1}
          className="field__input field__input--short"
          label={t('admin.statuses.defaultProgress')}
          hint={t('admin.statuses.defaultProgressHint')}
          value={progress}
          error={form.fields[statusFieldIds.defaultProgress]}
          onChange={(event) => setProgress(event.target.value)}
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
