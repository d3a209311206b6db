import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { TextAreaField, TextField } from '../../components/form-fields.tsx';
import { isLanguage, languages, languageTags, type Language } from '../../i18n/index.ts';
import type { ErrorMapper } from '../admin/admin-form-errors.ts';
import { useAdminForm } from '../admin/use-admin-form.ts';

type Texts = Record<Language, string>;
const emptyTexts: Texts = { nl: '', fr: '', en: '' };

export const milestoneFieldIds = {
  date: 'milestone-date',
  title: (language: string) => `milestone-title-${language}`,
  description: (language: string) => `milestone-description-${language}`,
  link: 'milestone-link',
} as const;
const order = [milestoneFieldIds.date, ...languages.map(milestoneFieldIds.title), ...languages.map(milestoneFieldIds.description), milestoneFieldIds.link];

/** Only the languages that have text; no link is null. */
export function milestoneInput(draft: { date: string; title: Texts; description: Texts; link: string }) {
  const filled = (texts: Texts) => Object.fromEntries(Object.entries(texts).filter(([, text]) => text.trim() !== ''));
  return { date: draft.date, title: filled(draft.title), description: filled(draft.description), link: draft.link.trim() === '' ? null : draft.link.trim() };
}

/** An admin adds a milestone (date, title, description, link) to an action → POST …/milestones. */
export function MilestoneForm({ reference, onAdded }: { reference: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState('');
  const [title, setTitle] = useState<Texts>(emptyTexts);
  const [description, setDescription] = useState<Texts>(emptyTexts);
  const [link, setLink] = useState('');
  const map: ErrorMapper = ([field, language], error) => {
    const lang = isLanguage(language) ? language : 'nl';
    switch (field) {
      case 'date':
        return { fieldId: milestoneFieldIds.date, message: t('plan.milestoneForm.errors.date') };
      case 'title':
        // without a language: no title at all, said at the first title field
        return { fieldId: milestoneFieldIds.title(lang), message: language ? t('plan.milestoneForm.errors.titleText', { language: t(`plan.languageNames.${lang}`) }) : t('plan.milestoneForm.errors.title') };
      case 'description':
        return { fieldId: milestoneFieldIds.description(lang), message: t('plan.milestoneForm.errors.description', { language: t(`plan.languageNames.${lang}`) }) };
      case 'link':
        return { fieldId: milestoneFieldIds.link, message: t('plan.milestoneForm.errors.link') };
      default:
        return { message: t('admin.errors.other', { field: error.field, reason: error.reason }) };
    }
  };
  const form = useAdminForm(map, order);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (form.busy) return;
    const ok = await form.run(() => api.post(`/api/v1/plan/actions/${encodeURIComponent(reference)}/milestones`, milestoneInput({ date, title, description, link })));
    if (!ok) return;
    setDate('');
    setTitle(emptyTexts);
    setDescription(emptyTexts);
    setLink('');
    onAdded();
  }

  return (
    <section aria-labelledby="milestone-form-title" className="admin-form">
      <h3 id="milestone-form-title">{t('plan.milestoneForm.title')}</h3>
      <ErrorSummary errors={form.summary} />
      <form noValidate className="form form--wide" onSubmit={(event) => void submit(event)}>
        <TextField
          id={milestoneFieldIds.date}
          name="date"
          type="date"
          className="field__input field__input--short"
          label={t('plan.milestoneForm.date')}
          hint={t('plan.milestoneForm.dateHint')}
          value={date}
          error={form.fields[milestoneFieldIds.date]}
          onChange={(event) => setDate(event.target.value)}
        />
        <fieldset className="fieldset">
          <legend className="fieldset__legend">{t('plan.milestoneForm.titleLegend')}</legend>
          <p className="field__hint">{t('plan.milestoneForm.titleHint')}</p>
          {languages.map((language) => (
            <TextField
              key={language}
              id={milestoneFieldIds.title(language)}
              name={`title.${language}`}
              lang={languageTags[language]}
              label={t(`plan.reportForm.narrativeIn.${language}`)}
              value={title[language]}
              maxLength={300}
              error={form.fields[milestoneFieldIds.title(language)]}
              onChange={(event) => setTitle({ ...title, [language]: event.target.value })}
            />
          ))}
        </fieldset>
        <fieldset className="fieldset">
          <legend className="fieldset__legend">{t('plan.milestoneForm.descriptionLegend')}</legend>
          {languages.map((language) => (
            <TextAreaField
              key={language}
              id={milestoneFieldIds.description(language)}
              name={`description.${language}`}
              lang={languageTags[language]}
              rows={3}
              label={t(`plan.reportForm.narrativeIn.${language}`)}
              value={description[language]}
              maxLength={5000}
              error={form.fields[milestoneFieldIds.description(language)]}
              onChange={(event) => setDescription({ ...description, [language]: event.target.value })}
            />
          ))}
        </fieldset>
        <TextField
          id={milestoneFieldIds.link}
          name="link"
          type="url"
          label={t('plan.milestoneForm.link')}
          hint={t('plan.milestoneForm.linkHint')}
          value={link}
          maxLength={2000}
          error={form.fields[milestoneFieldIds.link]}
          onChange={(event) => setLink(event.target.value)}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={form.busy}>
            {form.busy ? t('plan.milestoneForm.adding') : t('plan.milestoneForm.add')}
          </button>
        </div>
      </form>
    </section>
  );
}
