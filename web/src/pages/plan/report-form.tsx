import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import type { ActionDetail, Plan } from '../../api/plan-types.ts';
import { loginPathFor } from '../../auth/login-path.ts';
import { useSession } from '../../auth/session.tsx';
import { ErrorSummary, type SummaryError } from '../../components/error-summary.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/form-fields.tsx';
import { languages, languageTags, pick } from '../../i18n/index.ts';
import { EvidenceLinksFieldset } from './evidence-links-fieldset.tsx';
import { ObstaclesFieldset } from './obstacles-fieldset.tsx';
import { formatPercent } from './plan-format.ts';
import { actionPath, type SavedReportState } from './plan-paths.ts';
import { draftFromReport, inputFromDraft, type ReportDraft } from './report-draft.ts';
import { reportFieldIds, reportSaveFailure } from './report-errors.ts';

type Props = { action: ActionDetail; plan: Plan; year: number; onForbidden: () => void };

/** The yearly report of one action: status, progress, narrative, evidence and obstacles → PUT. */
export function ReportForm({ action, plan, year, onForbidden }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { refresh } = useSession();
  const existing = action.reports.find((report) => report.year === year);
  const [draft, setDraft] = useState<ReportDraft>(() => draftFromReport(existing));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<SummaryError[]>([]);
  const [busy, setBusy] = useState(false);

  const status = plan.statuses.find((s) => s.key === draft.status);
  const statusOptions = [
    { value: '', label: t('plan.reportForm.chooseStatus') },
    ...plan.statuses.map((s) => ({ value: s.key, label: pick(s.name) })),
  ];

  function clearErrors() {
    setFieldErrors({});
    setSummary([]);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { input, linkRows, obstacleRows } = inputFromDraft(draft);
    setBusy(true);
    try {
      await api.put(`/api/v1/plan/actions/${encodeURIComponent(action.reference)}/reports/${year}`, input);
      const state: SavedReportState = { savedReportYear: year };
      navigate(actionPath(action.reference), { state });
    } catch (error) {
      const failure = reportSaveFailure(error, { linkRows, obstacleRows }, t);
      setBusy(false);
      if (failure.kind === 'signedOut') {
        await refresh();
        navigate(loginPathFor(location), { replace: true });
      } else if (failure.kind === 'forbidden') {
        onForbidden();
      } else if (failure.kind === 'fields') {
        setFieldErrors(failure.errors.fields);
        setSummary(failure.errors.summary);
      } else {
        setFieldErrors({});
        setSummary([{ message: failure.message }]);
      }
    }
  }

  return (
    <>
      <ErrorSummary errors={summary} />
      <form noValidate className="form form--wide" onSubmit={(event) => void submit(event)} aria-describedby="report-form-intro">
        <p id="report-form-intro">
          {existing ? t('plan.reportForm.introExisting', { year, version: existing.version }) : t('plan.reportForm.introNew', { year })}
        </p>

        <SelectField
          id={reportFieldIds.status}
          name="status"
          label={t('plan.reportForm.status')}
          hint={t('plan.reportForm.statusHint')}
          options={statusOptions}
          value={draft.status}
          aria-required="true"
          error={fieldErrors[reportFieldIds.status]}
          onChange={(event) => setDraft({ ...draft, status: event.target.value })}
        />

        <TextField
          id={reportFieldIds.progress}
          name="progress"
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          step={1}
          className="field__input field__input--short"
          label={t('plan.reportForm.progress')}
          hint={
            status?.defaultProgress != null
              ? t('plan.reportForm.progressHintDefault', { progress: formatPercent(status.defaultProgress) })
              : t('plan.reportForm.progressHint')
          }
          value={draft.progress}
          error={fieldErrors[reportFieldIds.progress]}
          onChange={(event) => setDraft({ ...draft, progress: event.target.value })}
        />

        <fieldset className="fieldset">
          <legend className="fieldset__legend">{t('plan.reportForm.narrative')}</legend>
          <p className="field__hint">{t('plan.reportForm.narrativeHint')}</p>
          {languages.map((language) => (
            <TextAreaField
              key={language}
              id={reportFieldIds.narrative(language)}
              name={`narrative.${language}`}
              lang={languageTags[language]}
              rows={6}
              label={t(`plan.reportForm.narrativeIn.${language}`)}
              value={draft.narrative[language]}
              error={fieldErrors[reportFieldIds.narrative(language)]}
              onChange={(event) => setDraft({ ...draft, narrative: { ...draft.narrative, [language]: event.target.value } })}
            />
          ))}
        </fieldset>

        <EvidenceLinksFieldset
          links={draft.evidenceLinks}
          errors={fieldErrors}
          onChange={(evidenceLinks) => {
            if (evidenceLinks.length < draft.evidenceLinks.length) clearErrors(); // row numbers shift
            setDraft({ ...draft, evidenceLinks });
          }}
        />
        <ObstaclesFieldset
          obstacles={draft.obstacles}
          errors={fieldErrors}
          onChange={(obstacles) => {
            if (obstacles.length < draft.obstacles.length) clearErrors();
            setDraft({ ...draft, obstacles });
          }}
        />

        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('plan.reportForm.saving') : t('plan.reportForm.save')}
          </button>
          <Link to={actionPath(action.reference)} className="button button--secondary">
            {t('plan.reportForm.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
