import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { api, withQuery } from '../../api/client.ts';
import { loginPathFor } from '../../auth/login-path.ts';
import { useSession } from '../../auth/session.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { AdminOnly } from '../../components/admin-only.tsx';
import { CheckboxField } from '../../components/form-fields.tsx';
import { importFailure, importPath, type ImportReport } from './import-report.ts';
import { FileField } from '../../components/file-field.tsx';
import { ImportReportView } from '../../components/import-report-view.tsx';

const fileId = 'import-file';

/** Import actions and yearly reports from CSV. Admins only. */
export function PlanImportPage() {
  const { t } = useTranslation();
  return (
    <AdminOnly title={t('plan.import.title')} forbiddenText={(email) => t('plan.import.forbiddenText', { email })}>
      <ImportPage />
    </AdminOnly>
  );
}

type Outcome = { kind: 'report'; report: ImportReport } | { kind: 'message'; message: string } | { kind: 'signedOut' } | { kind: 'forbidden' };

function ImportPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const location = useLocation();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const [missingFile, setMissingFile] = useState(false);
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    if (!file) {
      setMissingFile(true);
      setOutcome(null);
      return;
    }
    setMissingFile(false);
    setPending(true);
    setOutcome(null);
    try {
      // The file's bytes as they are: the server checks the encoding itself.
      const report = await api.postRaw<ImportReport>(withQuery(importPath, { dryRun: String(dryRun) }), file, 'text/csv', { alsoOk: [422] });
      setOutcome({ kind: 'report', report });
    } catch (error) {
      setOutcome(importFailure(error, t));
    } finally {
      setPending(false);
    }
  }

  if (outcome?.kind === 'signedOut') return <Navigate to={loginPathFor(location)} replace />;

  const fileError = missingFile ? t('plan.import.errors.noFile') : undefined;
  return (
    <>
      <section aria-labelledby="import-format">
        <h2 id="import-format">{t('plan.import.formatHeading')}</h2>
        <p>{t('plan.import.formatIntro')}</p>
        <ol>
          <li>
            {t('plan.import.stepExport')}{' '}
            <a href="/api/v1/plan/export.csv" download>
              {t('plan.downloads.csv')}
            </a>{' '}
            {t('plan.import.or')}{' '}
            <a href="/api/v1/plan/export.csv?separator=semicolon" download>
              {t('plan.downloads.csvExcel')}
            </a>
          </li>
          <li>{t('plan.import.stepEdit')}</li>
          <li>{t('plan.import.stepImport')}</li>
        </ol>
        <p>{t('plan.import.formatRules')}</p>
        <p>
          <Link to="/plan">{t('plan.overview.backLink')}</Link>
        </p>
      </section>

      <section aria-labelledby="import-upload">
        <h2 id="import-upload">{t('plan.import.uploadHeading')}</h2>
        {fileError && <ErrorSummary errors={[{ message: fileError, fieldId: fileId }]} />}
        <form className="form" noValidate onSubmit={(event) => void submit(event)}>
          <FileField
            id={fileId}
            label={t('plan.import.fileLabel')}
            hint={t('plan.import.fileHint')}
            error={fileError}
            accept=".csv,text/csv"
            onFile={(chosen) => {
              setFile(chosen);
              setOutcome(null);
            }}
          />
          <CheckboxField id="import-dry-run" label={t('plan.import.dryRunLabel')} checked={dryRun} onChange={(event) => setDryRun(event.target.checked)} />
          <div className="button-row">
            <button type="submit" className="button" disabled={pending}>
              {dryRun ? t('plan.import.submitDryRun') : t('plan.import.submit')}
            </button>
          </div>
          {pending && (
            <p role="status" className="muted">
              {t('plan.import.sending')}
            </p>
          )}
        </form>
      </section>

      {(outcome?.kind === 'message' || outcome?.kind === 'forbidden') && (
        <div className="notice notice--error" role="alert">
          <p>{outcome.kind === 'message' ? outcome.message : t('plan.import.forbiddenText', { email: user?.email ?? '' })}</p>
          <p>{t('plan.import.nothingImported')}</p>
        </div>
      )}
      {outcome?.kind === 'report' && (
        <ImportReportView
          report={outcome.report}
          area="plan"
          notGiven={t('plan.import.notGiven')}
          idColumns={[
            { header: t('plan.import.columns.reference'), cell: (row) => row.reference || t('plan.import.notGiven') },
            { header: t('plan.import.columns.year'), cell: (row) => row.year ?? t('plan.import.notGiven') },
          ]}
        />
      )}
    </>
  );
}
