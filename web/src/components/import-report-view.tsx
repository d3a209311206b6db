import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from './error-summary.tsx';
import { importErrorLines } from './import-error-lines.ts';

// The answer of an all-or-nothing import (plan CSV, catalogue CSV/JSON): accepted or refused, the
// counts, the file's problems, each row error on its own line, and every row's outcome.

export type ImportOutcome = 'create' | 'update' | 'unchanged' | 'error';
type Problem = { line: number; column: string | null; reason: string };
type Row = { line: number; outcome: ImportOutcome; errors: ReadonlyArray<{ column: string | null; reason: string }> };
export type ImportReportShape<R extends Row> = { ok: boolean; dryRun: boolean; summary: Record<ImportOutcome, number>; problems: Problem[]; rows: R[] };

type Props<R extends Row> = {
  report: ImportReportShape<R>;
  /** the locale area whose `<area>.import.*` texts to use */
  area: 'plan' | 'catalog';
  /** the columns that say which record a row is (reference and year; the offer's own id) */
  idColumns: ReadonlyArray<{ header: string; cell: (row: R) => ReactNode }>;
  notGiven: string;
};

export function ImportReportView<R extends Row>({ report, area, idColumns, notGiven }: Props<R>) {
  const { t } = useTranslation();
  const k = (key: string, options?: Record<string, unknown>) => t(`${area}.import.${key}`, options ?? {});
  const id = `${area}-import`;
  const outcomes: Record<ImportOutcome, string> = {
    create: k(report.dryRun ? 'outcomes.wouldCreate' : 'outcomes.create'),
    update: k(report.dryRun ? 'outcomes.wouldUpdate' : 'outcomes.update'),
    unchanged: k('outcomes.unchanged'),
    error: k('outcomes.error'),
  };
  const errorLines = importErrorLines(report.rows);
  const column = (c: string | null) => (c ? <code>{c}</code> : notGiven);
  // Reasons come from the server in English (its validation messages).
  const table = (name: string, caption: string, className: string, headers: string[], body: ReactNode) => (
    <div className="table-scroll" role="region" aria-labelledby={`${id}-${name}`} tabIndex={0}>
      <table className={`table table--compact ${className}`}>
        <caption id={`${id}-${name}`}>{caption}</caption>
        <thead>
          <tr>
            {headers.map((h) => (
              <th scope="col" key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>{body}</tbody>
      </table>
    </div>
  );
  const ids = idColumns.map((c) => c.header);
  return (
    <section aria-labelledby={`${id}-result`}>
      <h2 id={`${id}-result`}>{k('resultHeading')}</h2>
      {report.ok ? (
        <div role="status" className="notice notice--success">
          <p>{k(report.dryRun ? 'okDryRun' : 'ok')}</p>
        </div>
      ) : (
        <ErrorSummary errors={[{ message: k('refused', { rows: report.summary.error, problems: report.problems.length }) }, { message: k('nothingImported') }]} />
      )}
      <dl className="facts import-counts">
        {(Object.keys(outcomes) as ImportOutcome[]).map((outcome) => (
          <div className="facts__row" key={outcome}>
            <dt>{outcomes[outcome]}</dt>
            <dd>{report.summary[outcome]}</dd>
          </div>
        ))}
      </dl>
      {report.problems.length > 0 &&
        table('problems', k('problemsCaption'), 'import-problems', [k('columns.line'), k('columns.column'), k('columns.reason')],
          report.problems.map((p, index) => (
            <tr key={`${p.line}-${index}`}>
              <td className="numeric">{p.line}</td>
              <td>{column(p.column)}</td>
              <td lang="en">{p.reason}</td>
            </tr>
          )))}
      {errorLines.length > 0 &&
        table('errors', k('errorsCaption'), 'import-errors', [k('columns.line'), ...ids, k('columns.column'), k('columns.reason')],
          errorLines.map((line) => (
            <tr key={line.key}>
              <td className="numeric">{line.row.line}</td>
              {idColumns.map((c) => <td key={c.header}>{c.cell(line.row)}</td>)}
              <td>{column(line.column)}</td>
              <td lang="en">{line.reason}</td>
            </tr>
          )))}
      {report.rows.length > 0 && (
        <details className="disclosure">
          <summary>{k('allRows', { n: report.rows.length })}</summary>
          {table('rows', k('rowsCaption'), 'import-rows', [k('columns.line'), ...ids, k('columns.outcome')],
            report.rows.map((row) => (
              <tr key={row.line}>
                <td className="numeric">{row.line}</td>
                {idColumns.map((c) => <td key={c.header}>{c.cell(row)}</td>)}
                <td>{outcomes[row.outcome]}</td>
              </tr>
            )))}
        </details>
      )}
    </section>
  );
}
