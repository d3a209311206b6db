import { useTranslation } from 'react-i18next';
import type { IndicatorSummary, Ranking } from '../../api/indicator-types.ts';
import { FlagLetters } from './flag-letters.tsx';
import { countryName, formatNumber } from './indicator-format.ts';

/** Every ranked region: rank, name (or code), country, value, flags; the home region's areas marked. */
export function RankingTable({ ranking, unit, caption, legendId }: { ranking: Ranking; unit: IndicatorSummary['unit']; caption: string; legendId?: string }) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll ranking-table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="table table--compact ranking-table" aria-describedby={legendId}>
        <caption>
          {caption} ({t(`indicators.units.${unit}`)})
        </caption>
        <thead>
          <tr>
            <th scope="col" className="numeric">
              {t('indicators.ranking.rank')}
            </th>
            <th scope="col">{t('indicators.ranking.region')}</th>
            <th scope="col">{t('indicators.ranking.country')}</th>
            <th scope="col" className="numeric">
              {t('indicators.ranking.value')}
            </th>
          </tr>
        </thead>
        <tbody>
          {ranking.rows.map((row) => (
            <tr key={row.geo} className={row.highlighted ? 'ranking-row--home' : undefined} data-geo={row.geo}>
              <td className="numeric">{row.rank}</td>
              <th scope="row">
                {row.name ?? <code>{row.geo}</code>}
                {row.highlighted && (
                  <>
                    {' '}
                    <span className="badge badge--home">{t('indicators.ranking.homeBadge')}</span>
                  </>
                )}
              </th>
              <td>{countryName(row.country)}</td>
              <td className="numeric">
                {formatNumber(row.value)}
                {row.flags.length > 0 && (
                  <>
                    {' '}
                    <FlagLetters flags={row.flags} />
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** EU-27, the country and its regions: the marks the regions are compared with. */
export function ReferenceTable({ ranking, unit, caption }: { ranking: Ranking; unit: IndicatorSummary['unit']; caption: string }) {
  const { t } = useTranslation();
  if (ranking.references.length === 0) return null;
  return (
    <div className="table-scroll">
      <table className="table table--compact reference-table">
        <caption>
          {caption} ({t(`indicators.units.${unit}`)})
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('indicators.ranking.reference')}</th>
            <th scope="col" className="numeric">
              {t('indicators.ranking.value')}
            </th>
          </tr>
        </thead>
        <tbody>
          {ranking.references.map((reference) => (
            <tr key={reference.geo} data-geo={reference.geo}>
              <th scope="row">{reference.name ?? <code>{reference.geo}</code>}</th>
              <td className="numeric">
                {reference.value === null ? t('indicators.table.noValue') : formatNumber(reference.value)}
                {reference.flags.length > 0 && (
                  <>
                    {' '}
                    <FlagLetters flags={reference.flags} />
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
