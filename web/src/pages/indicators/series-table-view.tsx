import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorSummary, Observation } from '../../api/indicator-types.ts';
import { FlagLetters } from './flag-letters.tsx';
import { formatNumber } from './indicator-format.ts';
import { defaultSort, nextSort, periodColumn, seriesRows, sortRows, type SortState } from './series-table.ts';

type Column = { key: string; label: string };

/** A column header whose button sorts the table; aria-sort says how it is sorted now. */
function SortHeader({ column, sort, onSort }: { column: Column; sort: SortState; onSort: (key: string) => void }) {
  const { t } = useTranslation();
  const active = sort.column === column.key;
  return (
    <th scope="col" aria-sort={active ? sort.direction : undefined} className={column.key === periodColumn ? undefined : 'numeric'}>
      <button type="button" className="sort-button" onClick={() => onSort(column.key)}>
        {column.label}
        <span className="sort-button__icon" aria-hidden="true">
          {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
        </span>
        <span className="visually-hidden"> {t('indicators.table.sortHint')}</span>
      </button>
    </th>
  );
}

/** The chart's numbers as a table: period rows × region columns, with flags; sortable on every column. */
export function SeriesTableView({
  observations,
  geos,
  unit,
  caption,
  legendId,
}: {
  observations: Observation[];
  geos: { code: string; name: string }[];
  unit: IndicatorSummary['unit'];
  caption: string;
  legendId: string | undefined;
}) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<SortState>(defaultSort);
  const rows = sortRows(seriesRows(observations), sort);
  const columns: Column[] = [{ key: periodColumn, label: t('indicators.table.period') }, ...geos.map((geo) => ({ key: geo.code, label: geo.name }))];
  if (rows.length === 0) return <p>{t('indicators.table.empty')}</p>;
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="table table--compact series-table" aria-describedby={legendId}>
        <caption>
          {caption} ({t(`indicators.units.${unit}`)})
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <SortHeader key={column.key} column={column} sort={sort} onSort={(key) => setSort(nextSort(sort, key))} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.period}>
              <th scope="row">{row.period}</th>
              {geos.map((geo) => {
                const cell = row.cells[geo.code];
                return (
                  <td key={geo.code} className="numeric" data-geo={geo.code}>
                    {cell?.value != null ? formatNumber(cell.value) : (
                      <>
                        <span aria-hidden="true">–</span>
                        <span className="visually-hidden">{t('indicators.table.noValue')}</span>
                      </>
                    )}
                    {cell && cell.flags.length > 0 && (
                      <>
                        {' '}
                        <FlagLetters flags={cell.flags} />
                      </>
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
