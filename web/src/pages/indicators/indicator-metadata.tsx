import { useTranslation } from 'react-i18next';
import type { Flag, IndicatorDetail } from '../../api/indicator-types.ts';
import { PlanParagraphs, PlanText } from '../plan/plan-text.tsx';
import { FlagsLegend } from './flag-letters.tsx';
import { formatList, geoLabel } from './indicator-format.ts';
import { breakText } from './indicator-text.ts';

/** Definition, population, source, methodology, notes, flags and breaks in series. */
export function IndicatorMetadata({ detail, flags, legendId }: { detail: IndicatorDetail; flags: Flag[]; legendId: string }) {
  const { t } = useTranslation();
  const breakGeos = [...new Set(detail.breaks.map((b) => b.geo))];
  return (
    <section aria-labelledby="indicator-metadata">
      <h2 id="indicator-metadata">{t('indicators.metadata.heading')}</h2>
      <dl className="facts">
        <div className="facts__row">
          <dt>{t('indicators.metadata.definition')}</dt>
          <dd>
            <PlanParagraphs text={detail.definition} fallback={t('indicators.metadata.notGiven')} />
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('indicators.metadata.population')}</dt>
          <dd>{t('indicators.population', { population: detail.population })}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('indicators.metadata.referencePeriod')}</dt>
          <dd>{t(`indicators.referencePeriod.${detail.referencePeriod}`)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('indicators.metadata.unit')}</dt>
          <dd>{t(`indicators.unitNames.${detail.unit}`)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('indicators.metadata.source')}</dt>
          <dd>
            <a href={detail.source.url}>{detail.source.name}</a>
            {detail.source.dataset && (
              <>
                {' '}
                {t('indicators.metadata.dataset')} <code>{detail.source.dataset}</code>
              </>
            )}
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('indicators.metadata.methodology')}</dt>
          <dd>
            <PlanParagraphs text={detail.methodology} fallback={t('indicators.metadata.notGiven')} />
          </dd>
        </div>
        {detail.goals.length > 0 && (
          <div className="facts__row">
            <dt>{t('indicators.metadata.goals')}</dt>
            <dd>{formatList(detail.goals)}</dd>
          </div>
        )}
      </dl>

      {detail.notes.length > 0 && (
        <>
          <h3>{t('indicators.metadata.notes')}</h3>
          <ul className="plain-list">
            {detail.notes.map((note, index) => (
              <li key={index}>
                <PlanText text={note.text} />
                {note.source && (
                  <>
                    {' '}
                    (<a href={note.source.url}>{note.source.name}</a>)
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}

      <h3>{t('indicators.metadata.breaks')}</h3>
      {breakGeos.length === 0 ? (
        <p>{t('indicators.metadata.noBreaks')}</p>
      ) : (
        <ul className="plain-list breaks-list">
          {breakGeos.map((geo) => (
            <li key={geo}>
              <strong>{geoLabel(detail.geos, geo)}</strong>: {breakText(detail.breaks.filter((b) => b.geo === geo).map((b) => b.period), t)}
            </li>
          ))}
        </ul>
      )}

      <h3 id={`${legendId}-heading`}>{t('indicators.metadata.flags')}</h3>
      {flags.length === 0 ? <p>{t('indicators.metadata.noFlags')}</p> : <FlagsLegend flags={flags} id={legendId} />}
    </section>
  );
}
