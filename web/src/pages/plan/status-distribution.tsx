import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Plan, StatusCounts } from '../../api/plan-types.ts';
import { LoadStatus } from '../../components/load-status.tsx';
import { currentLanguageTag } from '../../i18n/index.ts';
import { formatNumber, planYears, statusName } from './plan-format.ts';
import { langFor } from './plan-text.tsx';
import { SourceLinks } from './source-links.tsx';
import { StatusChart, type ChartRow } from './status-chart.tsx';
import { defaultStatusYear, reportedCount, statusRows, unreportedCount } from './status-rows.ts';
import { useStatusCounts } from './use-status-counts.ts';

/** Where the status of the actions stands in a chosen year: recorded and official counts, apart. */
export function StatusDistribution({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const years = planYears(plan);
  const counts = useStatusCounts(years);
  const selectId = useId();

  if (counts.state !== 'ready') return <LoadStatus state={counts.state} onRetry={counts.reload} />;

  const asked = Number(params.get('year'));
  const year = years.includes(asked) ? asked : defaultStatusYear(counts.byYear, years);
  const current = year === null ? undefined : counts.byYear.get(year);
  const officialYears = years.filter((y) => counts.byYear.get(y)?.official);

  return (
    <>
      <div className="field field--inline">
        <label htmlFor={selectId} className="field__label">
          {t('plan.status.yearLabel')}
        </label>
        <p id={`${selectId}-hint`} className="field__hint">
          {officialYears.length > 0
            ? t('plan.status.yearHint', { years: new Intl.ListFormat(currentLanguageTag()).format(officialYears.map(String)) })
            : t('plan.status.yearHintNone')}
        </p>
        <select
          id={selectId}
          className="field__input field__input--short"
          value={year ?? ''}
          aria-describedby={`${selectId}-hint`}
          onChange={(event) => {
            const next = new URLSearchParams(params);
            next.set('year', event.target.value);
            setParams(next, { replace: true, preventScrollReset: true });
          }}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      {current && <YearCounts plan={plan} counts={current} />}
    </>
  );
}

function YearCounts({ plan, counts }: { plan: Plan; counts: StatusCounts }) {
  const { t } = useTranslation();
  const { year, recorded, official } = counts;
  const rows = statusRows(counts, plan.statuses);
  const name = (key: string) => statusName(plan.statuses, key);
  const list = (items: string[]) => new Intl.ListFormat(currentLanguageTag(), { type: 'conjunction' }).format(items);
  const chartRows: ChartRow[] = [
    ...rows.map((row) => ({ ...row, label: name(row.key) })),
    { key: '-none', label: t('plan.status.noStatus'), recorded: recorded.withoutStatus },
    { key: '-unreported', label: t('plan.status.noReport', { year }), recorded: unreportedCount(counts) },
  ];

  const unreported = unreportedCount(counts);
  const recordedText =
    recorded.actions === 0
      ? t('plan.status.summaryNoRecorded')
      : t('plan.status.summaryRecorded', {
          year,
          actions: recorded.actions,
          list: list([
            ...rows.filter((row) => row.recorded > 0).map((row) => `${formatNumber(row.recorded)} ${name(row.key)}`),
            ...(recorded.withoutStatus > 0 ? [t('plan.status.withoutStatusCount', { n: recorded.withoutStatus })] : []),
            ...(unreported > 0 ? [t('plan.status.withoutReportCount', { n: unreported })] : []),
          ]),
        });
  const officialText = official
    ? t('plan.status.summaryOfficial', {
        year,
        list: list(rows.filter((row) => row.official !== null).map((row) => `${formatNumber(row.official ?? 0)} ${name(row.key)}`)),
        total: official.total ?? t('plan.status.notGiven'),
      })
    : t('plan.status.summaryNoOfficial', { year });

  const titleId = `status-chart-title-${year}`;
  const summaryId = `status-chart-summary-${year}`;
  return (
    <div className="status-year">
      <p className="notice">{t('plan.status.neverAdded')}</p>
      <StatusChart
        rows={chartRows}
        titleId={titleId}
        summaryId={summaryId}
        title={t('plan.status.chartTitle', { year })}
        showOfficial={official !== null}
      />
      <p id={summaryId} className="chart__summary">
        {recordedText} {officialText}
      </p>

      <div className="table-scroll" role="region" aria-labelledby={`status-table-${year}`} tabIndex={0}>
        <table className="table table--compact">
          <caption id={`status-table-${year}`}>{t('plan.status.tableCaption', { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plan.status.columnStatus')}</th>
              <th scope="col" className="numeric">
                {t('plan.status.recordedSeries')}
              </th>
              <th scope="col" className="numeric">
                {t('plan.status.officialSeries')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{name(row.key)}</th>
                <td className="numeric">{formatNumber(row.recorded)}</td>
                <td className="numeric">{row.official === null ? <NotGiven /> : formatNumber(row.official)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('plan.status.noStatus')}</th>
              <td className="numeric">{formatNumber(recorded.withoutStatus)}</td>
              <td className="numeric">
                <NotGiven />
              </td>
            </tr>
            <tr>
              <th scope="row">{t('plan.status.noReport', { year })}</th>
              <td className="numeric">{formatNumber(unreported)}</td>
              <td className="numeric">
                <NotGiven />
              </td>
            </tr>
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('plan.status.totalRow')}</th>
              <td className="numeric">{formatNumber(recorded.actions)}</td>
              <td className="numeric">{official?.total == null ? <NotGiven /> : formatNumber(official.total)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="muted">{t('plan.status.recordedExplained', { year, actions: recorded.actions, reported: reportedCount(counts), announced: counts.announcedActionCount })}</p>

      {official ? (
        <div className="official-source">
          <h3>{t('plan.status.officialHeading', { year })}</h3>
          <p>
            {official.verification === 'unverified' ? (
              <span className="badge badge--unverified">{t('plan.status.unverified')}</span>
            ) : official.verification ? (
              <span className="badge badge--verified">{official.verification}</span>
            ) : null}{' '}
            {official.verification === 'unverified' && t('plan.status.unverifiedText')}
          </p>
          <p className="official-source__label">{t('plan.status.officialSource')}</p>
          <SourceLinks ids={official.sources} sources={plan.sources} />
          {official.note && (
            <p className="muted" lang={langFor('en')}>
              {official.note}
            </p>
          )}
        </div>
      ) : (
        <p>{t('plan.status.noOfficial', { year })}</p>
      )}
    </div>
  );
}

function NotGiven() {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t('plan.status.notGiven')}</span>
    </>
  );
}
