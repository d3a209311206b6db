import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SearchHit } from '../../api/catalog-types.ts';
import { currentLanguage, currentLanguageTag } from '../../i18n/index.ts';
import { formatDate, formatDistance, formatPrice, pickText } from './catalog-format.ts';
import { hitIncentives } from './catalog-incentives.ts';

/** One result: title (link), provider, place and distance, next start, price and badges. */
export function SearchHitItem({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation();
  const locale = currentLanguageTag();
  const title = pickText(hit.title, currentLanguage());
  const summary = pickText(hit.summary, currentLanguage());
  const distance = formatDistance(hit.distanceKm, locale);
  const incentives = hitIncentives(hit);
  return (
    <li className="offer-hit">
      <article aria-labelledby={`hit-${hit.id}`}>
        <h3 className="offer-hit__title" id={`hit-${hit.id}`}>
          <Link to={`/catalog/offers/${hit.id}`} lang={title && title.lang !== currentLanguage() ? title.lang : undefined}>
            {title?.text ?? t('catalog.offer.untitled')}
          </Link>
        </h3>
        <p className="offer-hit__meta">
          {hit.provider.name}
          {hit.place && (
            <>
              {' · '}
              {hit.place.postalCode} {hit.place.name}
            </>
          )}
          {distance && (
            <>
              {' · '}
              {t('catalog.hit.distance', { distance })}
            </>
          )}
        </p>
        {summary && (
          <p className="offer-hit__summary" lang={summary.lang !== currentLanguage() ? summary.lang : undefined}>
            {summary.text}
          </p>
        )}
        <dl className="offer-hit__facts">
          <div>
            <dt>{t('catalog.hit.nextStart')}</dt>
            <dd>
              {hit.nextSession
                ? t('catalog.hit.session', { date: formatDate(hit.nextSession.startsOn, locale), schedule: t(`catalog.values.schedule.${hit.nextSession.schedule}`, { defaultValue: hit.nextSession.schedule }) })
                : t('catalog.hit.noSession')}
            </dd>
          </div>
          <div>
            <dt>{t('catalog.hit.price')}</dt>
            <dd>{formatPrice(hit.priceEur, locale, t)}</dd>
          </div>
          <div>
            <dt>{t('catalog.hit.format')}</dt>
            <dd>{t(`catalog.values.format.${hit.format}`, { defaultValue: hit.format })}</dd>
          </div>
          {hit.level !== null && (
            <div>
              <dt>{t('catalog.hit.level')}</dt>
              <dd>{t('catalog.levelValue', { level: hit.level })}</dd>
            </div>
          )}
        </dl>
        {(incentives.length > 0 || hit.shortage || hit.synthetic) && (
          <ul className="inline-list badges" aria-label={t('catalog.hit.badges')}>
            {incentives.map((key) => (
              <li key={key} className="badge badge--incentive">
                {t(`catalog.values.incentive.${key}`)}
              </li>
            ))}
            {hit.shortage && <li className="badge badge--shortage">{t('catalog.hit.shortage')}</li>}
            {hit.synthetic && <li className="badge badge--synthetic">{t('catalog.synthetic.badge')}</li>}
          </ul>
        )}
      </article>
    </li>
  );
}
