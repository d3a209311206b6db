import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import { api, ApiError, withQuery } from '../../api/client.ts';
import type { CatalogImportReport } from '../../api/catalog-types.ts';
import type { SessionUser } from '../../api/types.ts';
import { loginPathFor } from '../../auth/login-path.ts';
import { ErrorSummary, type SummaryError } from '../../components/error-summary.tsx';
import { CheckboxField } from '../../components/form-fields.tsx';
import { importApiPath } from './catalog-paths.ts';
import { importContentType } from './import-file.ts';
import { FileField } from '../../components/file-field.tsx';
import { ImportReportView } from '../../components/import-report-view.tsx';
import { ProviderOnly } from './provider-only.tsx';
import { ProviderPicker } from './provider-picker.tsx';

const fileId = 'catalog-import-file';

/** /catalog/import: offers from CSV or JSON, all or nothing, with a dry run first. */
export function CatalogImportPage() {
  const { t } = useTranslation();
  return <ProviderOnly title={t('catalog.import.title')}>{(user) => <ImportForm user={user} />}</ProviderOnly>;
}

type Outcome = { kind: 'report'; report: CatalogImportReport } | { kind: 'message'; message: string } | { kind: 'signedOut' };

function ImportForm({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const location = useLocation();
  const [params] = useSearchParams();
  const [provider, setProvider] = useState(params.get('provider') ?? '');
  const [file, setFile] = useState<File | null>(null);
  // A dry run first, by default: the report shows what would happen, and nothing is written.
  const [dryRun, setDryRun] = useState(true);
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const problems: SummaryError[] = [];
    if (user.role === 'admin' && !provider) problems.push({ message: t('catalog.form.errors.provider'), fieldId: 'catalog-provider' });
    const type = file ? importContentType(file) : null;
    if (!file) problems.push({ message: t('catalog.import.errors.noFile'), fieldId: fileId });
    else if (!type) problems.push({ message: t('catalog.import.errors.type'), fieldId: fileId });
    setErrors(problems);
    if (problems.length || !file || !type) return;
    setPending(true);
    setOutcome(null);
    try {
      const path = withQuery(importApiPath, { dryRun: String(dryRun), provider: user.role === 'admin' ? provider : undefined });
      const report = await api.postRaw<CatalogImportReport>(path, file, type, { alsoOk: [422] });
      setOutcome({ kind: 'report', report });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setOutcome({ kind: 'signedOut' });
      else if (error instanceof ApiError) {
        const key = error.status === 413 ? 'tooLarge' : error.status === 415 ? 'type' : error.status === 403 ? 'forbidden' : null;
        setOutcome({ kind: 'message', message: key ? t(`catalog.import.errors.${key}`) : (error.problem.detail ?? t('catalog.form.errors.server')) });
      } else setOutcome({ kind: 'message', message: t('common.networkError') });
    } finally {
      setPending(false);
    }
  }

  if (outcome?.kind === 'signedOut') return <Navigate to={loginPathFor(location)} replace />;
  const fileError = errors.find((e) => e.fieldId === fileId)?.message;
  return (
    <>
      <section aria-labelledby="catalog-import-format">
        <h2 id="catalog-import-format">{t('catalog.import.formatHeading')}</h2>
        <p>{t('catalog.import.formatIntro')}</p>
        <ul>
          <li>{t('catalog.import.formatCsv')}</li>
          <li>{t('catalog.import.formatJson')}</li>
          <li>{t('catalog.import.formatUpsert')}</li>
        </ul>
        <p>
          <Link to="/catalog/my-offers">{t('catalog.form.backToList')}</Link>
        </p>
      </section>
      <section aria-labelledby="catalog-import-upload">
        <h2 id="catalog-import-upload">{t('catalog.import.uploadHeading')}</h2>
        <ErrorSummary errors={errors} />
        <form className="form" noValidate onSubmit={(event) => void submit(event)}>
          {user.role === 'admin' && <ProviderPicker value={provider} onChange={setProvider} error={errors.find((e) => e.fieldId === 'catalog-provider')?.message} />}
          <FileField
            id={fileId}
            label={t('catalog.import.fileLabel')}
            hint={t('catalog.import.fileHint')}
            error={fileError}
            accept=".csv,.json,text/csv,application/json"
            onFile={(chosen) => {
              setFile(chosen);
              setOutcome(null);
            }}
          />
          <CheckboxField id="catalog-import-dry-run" label={t('catalog.import.dryRunLabel')} checked={dryRun} onChange={(event) => setDryRun(event.target.checked)} />
          <div className="button-row">
            <button type="submit" className="button" disabled={pending}>
              {dryRun ? t('catalog.import.submitDryRun') : t('catalog.import.submit')}
            </button>
          </div>
          {pending && (
            <p role="status" className="muted">
              {t('catalog.import.sending')}
            </p>
          )}
        </form>
      </section>
      {outcome?.kind === 'message' && (
        <div className="notice notice--error" role="alert">
          <p>{outcome.message}</p>
          <p>{t('catalog.import.nothingImported')}</p>
        </div>
      )}
      {outcome?.kind === 'report' && (
        <ImportReportView report={outcome.report} area="catalog" notGiven={t('catalog.offer.notGiven')} idColumns={[{ header: t('catalog.import.columns.externalId'), cell: (row) => row.externalId || t('catalog.offer.notGiven') }]} />
      )}
    </>
  );
}
