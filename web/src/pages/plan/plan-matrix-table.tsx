import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { cellCount, cellListPath, fullestCell, type PlanMatrix } from './plan-matrix-data.ts';
import { formatNumber } from './plan-format.ts';
import { PlanText, plainText } from './plan-text.tsx';

type Axis = PlanMatrix['rows'];

/** Names of the rows and columns, "none recorded" for null; the flagship's code leads its title. */
function useNames(matrix: PlanMatrix) {
  const { t } = useTranslation();
  const rowName = (code: string | null) => (code === null ? t('plan.matrix.noTargetGroup') : plainText(matrix.rows.find((r) => r.code === code)?.title, code));
  const columnName = (code: string | null) => {
    if (code === null) return matrix.by === 'theme' ? t('plan.matrix.noTheme') : t('plan.flagship.none');
    const title = plainText(matrix.columns.find((c) => c.code === code)?.title, code);
    return matrix.by === 'flagship' ? `${t('plan.flagship.code', { code })} ${title}` : title;
  };
  return { rowName, columnName };
}

/** What the table shows, in words: read before the table, and its description. */
export function MatrixSummary({ matrix, id }: { matrix: PlanMatrix; id: string }) {
  const { t } = useTranslation();
  const { rowName, columnName } = useNames(matrix);
  const fullest = fullestCell(matrix);
  const recorded = matrix.recordedActionCount;
  return (
    <div id={id} className="matrix-summary">
      <p>
        {t('plan.matrix.summaryRows', { n: matrix.withoutRow, recorded })}{' '}
        {t(matrix.by === 'theme' ? 'plan.matrix.summaryNoTheme' : 'plan.matrix.summaryNoFlagship', { n: matrix.withoutColumn, recorded })}
      </p>
      <p>
        {fullest
          ? t('plan.matrix.summaryFullest', { n: fullest.count, row: rowName(fullest.row), column: columnName(fullest.column) })
          : t('plan.matrix.summaryEmpty')}{' '}
        {t('plan.matrix.summaryMultiple')}
      </p>
    </div>
  );
}

function Heading({ axis, code, none, prefix }: { axis: Axis; code: string | null; none: string; prefix?: string }) {
  if (code === null) return <span className="matrix-table__none">{none}</span>;
  return (
    <>
      {prefix && <span className="code-label">{prefix}</span>} <PlanText text={axis.find((a) => a.code === code)?.title} fallback={code} />
    </>
  );
}

/** The matrix as a data table: target groups in rows, themes or flagships in columns, a count per cell. */
export function MatrixTable({ matrix, summaryId }: { matrix: PlanMatrix; summaryId: string }) {
  const { t } = useTranslation();
  const { rowName, columnName } = useNames(matrix);
  const rows = [...matrix.rows.map((r) => r.code), null];
  const columns = [...matrix.columns.map((c) => c.code), null];
  const noColumn = matrix.by === 'theme' ? t('plan.matrix.noTheme') : t('plan.flagship.none');
  const captionId = 'plan-matrix-caption';
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="table matrix-table" aria-describedby={summaryId}>
        <caption id={captionId}>{t(`plan.matrix.caption.${matrix.by}`)}</caption>
        <thead>
          <tr>
            <th scope="col">{t(`plan.matrix.corner.${matrix.by}`)}</th>
            {columns.map((column) => (
              <th scope="col" key={column ?? '-'} className="numeric">
                <Heading axis={matrix.columns} code={column} none={noColumn} prefix={matrix.by === 'flagship' && column ? t('plan.flagship.code', { code: column }) : undefined} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row ?? '-'}>
              <th scope="row">
                <Heading axis={matrix.rows} code={row} none={t('plan.matrix.noTargetGroup')} />
              </th>
              {columns.map((column) => {
                const count = cellCount(matrix, row, column);
                return (
                  <td key={column ?? '-'} className={count > 0 ? 'numeric matrix-table__cell--filled' : 'numeric'}>
                    {count > 0 ? (
                      <Link to={cellListPath(matrix.by, row, column)}>
                        {formatNumber(count)}
                        <span className="visually-hidden"> {t('plan.matrix.cellLink', { row: rowName(row), column: columnName(column) })}</span>
                      </Link>
                    ) : (
                      formatNumber(0)
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
