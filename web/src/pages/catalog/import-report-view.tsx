import { useTranslation } from 'react-i18next';
import type { CatalogImportReport } from '../../api/catalog-types.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { importErrorLines } from './import-file.ts';

type Outcome = CatalogImportReport['rows'][number]['outcome'];

/** The import's answer: accepted or refused, the counts, the file's problems and every row's outcome. */
export function ImportReportView({ report }: { report: CatalogImportReport }) {
  const { t } = useTranslation();
  const outcomes: Record<Outcome, string> = {
    create: report.dryRun ? t('catalog.import.outcomes.wouldCreate') : t('catalog.import.outcomes.create'),
    update: report.dryRun ? t('catalog.import.outcomes.wouldUpdate') : t('catalog.import.outcomes.update'),
    unchanged: t('catalog.import.outcomes.unchanged'),
    error: t('catalog.import.outcomes.error'),
  };
  const errorLines = importErrorLines(report.rows);
  const notGiven = t('catalog.offer.notGiven');
  return (
    <section aria-labelledby="catalog-import-result">
      <h2 id="catalog-import-result">{t('catalog.import.resultHeading')}</h2>
      {report.ok ? (
        <div role="status" className="notice notice--success">
          <p>{report.dryRun ? t('catalog.import.okDryRun') : t('catalog.import.ok')}</p>
        </div>
      ) : (
        <ErrorSummary errors={[{ message: t('catalog.import.refused', { rows: report.summary.error, problems: report.problems.length }) }, { message: t('catalog.import.nothingImported') }]} />
      )}
      <dl className="facts import-counts">
        {(Object.keys(outcomes) as Outcome[]).map((outcome) => (
          <div className="facts__row" key={outcome}>
            <dt>{outcomes[outcome]}</dt>
            <dd>{report.summary[outcome]}</dd>
          </div>
        ))}
      </dl>
      {report.problems.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby="catalog-import-problems" tabIndex={0}>
          <table className="table table--compact">
            <caption id="catalog-import-problems">{t('catalog.import.problemsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('catalog.import.columns.line')}</th>
                <th scope="col">{t('catalog.import.columns.column')}</th>
                <th scope="col">{t('catalog.import.columns.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.map((p, index) => (
                <tr key={`${p.line}-${index}`}>
                  <td className="numeric">{p.line}</td>
                  <td>{p.column ? <code>{p.column}</code> : notGiven}</td>
                  <td lang="en">{p.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {errorLines.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby="catalog-import-errors" tabIndex={0}>
          <table className="table table--compact">
            <caption id="catalog-import-errors">{t('catalog.import.errorsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('catalog.import.columns.line')}</th>
                <th scope="col">{t('catalog.import.columns.externalId')}</th>
                <th scope="col">{t('catalog.import.columns.column')}</th>
                <th scope="col">{t('catalog.import.columns.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {errorLines.map((line) => (
                <tr key={line.key}>
                  <td className="numeric">{line.line}</td>
                  <td>{line.externalId || notGiven}</td>
                  <td>{line.column ? <code>{line.column}</code> : notGiven}</td>
                  <td lang="en">{line.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {report.rows.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby="catalog-import-rows" tabIndex={0}>
          <table className="table table--compact catalog-import-rows">
            <caption id="catalog-import-rows">{t('catalog.import.rowsCaption', { n: report.rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('catalog.import.columns.line')}</th>
                <th scope="col">{t('catalog.import.columns.externalId')}</th>
                <th scope="col">{t('catalog.import.columns.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {report.rows.map((row) => (
                <tr key={row.line}>
                  <td className="numeric">{row.line}</td>
                  <td>{row.externalId || notGiven}</td>
                  <td>{outcomes[row.outcome]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
