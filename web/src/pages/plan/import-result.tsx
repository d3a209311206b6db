import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { importErrorLines, type ImportOutcome, type ImportReport } from './import-report.ts';

/** The import's answer: a status or refusal, the counts, and the problems by line. */
export function ImportResult({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const outcomes: Record<ImportOutcome, string> = {
    create: report.dryRun ? t('plan.import.outcomes.wouldCreate') : t('plan.import.outcomes.create'),
    update: report.dryRun ? t('plan.import.outcomes.wouldUpdate') : t('plan.import.outcomes.update'),
    unchanged: t('plan.import.outcomes.unchanged'),
    error: t('plan.import.outcomes.error'),
  };
  const errorLines = importErrorLines(report);
  const notGiven = t('plan.import.notGiven');

  return (
    <section aria-labelledby="import-result">
      <h2 id="import-result">{t('plan.import.resultHeading')}</h2>
      {report.ok ? (
        <div role="status" className="notice notice--success">
          <p>{report.dryRun ? t('plan.import.okDryRun') : t('plan.import.ok')}</p>
        </div>
      ) : (
        <ErrorSummary
          errors={[
            { message: t('plan.import.refused', { rows: report.summary.error, problems: report.problems.length }) },
            { message: t('plan.import.nothingImported') },
          ]}
        />
      )}

      <dl className="facts import-counts">
        {(Object.keys(outcomes) as ImportOutcome[]).map((outcome) => (
          <div className="facts__row" key={outcome}>
            <dt>{outcomes[outcome]}</dt>
            <dd>{report.summary[outcome]}</dd>
          </div>
        ))}
      </dl>

      {report.problems.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby="import-problems-caption" tabIndex={0}>
          <table className="table table--compact import-problems">
            <caption id="import-problems-caption">{t('plan.import.problemsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plan.import.columns.line')}</th>
                <th scope="col">{t('plan.import.columns.column')}</th>
                <th scope="col">{t('plan.import.columns.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.map((problem, index) => (
                <tr key={`${problem.line}-${index}`}>
                  <td className="numeric">{problem.line}</td>
                  <td>{problem.column ? <code>{problem.column}</code> : notGiven}</td>
                  <td>{problem.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {errorLines.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby="import-errors-caption" tabIndex={0}>
          <table className="table table--compact import-errors">
            <caption id="import-errors-caption">{t('plan.import.errorsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plan.import.columns.line')}</th>
                <th scope="col">{t('plan.import.columns.reference')}</th>
                <th scope="col">{t('plan.import.columns.year')}</th>
                <th scope="col">{t('plan.import.columns.column')}</th>
                <th scope="col">{t('plan.import.columns.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {errorLines.map((line) => (
                <tr key={line.key}>
                  <td className="numeric">{line.line}</td>
                  <td>{line.reference || notGiven}</td>
                  <td>{line.year ?? notGiven}</td>
                  <td>{line.column ? <code>{line.column}</code> : notGiven}</td>
                  <td>{line.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {report.rows.length > 0 && (
        <details className="disclosure">
          <summary>{t('plan.import.allRows', { n: report.rows.length })}</summary>
          <div className="table-scroll" role="region" aria-labelledby="import-rows-caption" tabIndex={0}>
            <table className="table table--compact">
              <caption id="import-rows-caption">{t('plan.import.rowsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('plan.import.columns.line')}</th>
                  <th scope="col">{t('plan.import.columns.reference')}</th>
                  <th scope="col">{t('plan.import.columns.year')}</th>
                  <th scope="col">{t('plan.import.columns.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {report.rows.map((row) => (
                  <tr key={row.line}>
                    <td className="numeric">{row.line}</td>
                    <td>{row.reference || notGiven}</td>
                    <td>{row.year ?? notGiven}</td>
                    <td>{outcomes[row.outcome]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </section>
  );
}
