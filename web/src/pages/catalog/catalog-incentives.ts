import type { TFunction } from 'i18next';
import type { CatalogOffer, IncentiveFlag, SearchHit } from '../../api/catalog-types.ts';
import { formatDate } from './catalog-format.ts';

/** The incentive keys of the search facet (`kmo`) that a hit unlocks, in a fixed order. */
export function hitIncentives(hit: Pick<SearchHit, 'incentives'>): Array<'vov' | 'vouchers' | 'training-credit' | 'kmo'> {
  const out: Array<'vov' | 'vouchers' | 'training-credit' | 'kmo'> = [];
  if (hit.incentives.vov) out.push('vov');
  if (hit.incentives.vouchers) out.push('vouchers');
  if (hit.incentives.trainingCredit) out.push('training-credit');
  if (hit.incentives.kmo) out.push('kmo');
  return out;
}

/** The offer API names the KMO-portefeuille `kmo-portefeuille`, the search facet `kmo`: one label key. */
export const incentiveLabelKey = (key: IncentiveFlag['key']) => `catalog.values.incentive.${key === 'kmo-portefeuille' ? 'kmo' : key}`;

/**
 * Why an offer does or does not unlock an incentive, in the page's language, from the offer's own
 * facts (the server's `reason` is English; it is the fallback for a case this does not know).
 */
export function incentiveReason(flag: IncentiveFlag, offer: Pick<CatalogOffer, 'incentiveDb' | 'trainingCredit' | 'provider'>, locale: string, today: string, t: TFunction): { text: string; lang?: string } {
  const db = offer.incentiveDb;
  switch (flag.key) {
    case 'vov':
    case 'vouchers':
      if (!db) return { text: t('catalog.reasons.notInDb') };
      if (db.validFrom > today) return { text: t('catalog.reasons.dbFrom', { id: db.id, date: formatDate(db.validFrom, locale) }) };
      if (db.validUntil && db.validUntil < today) return { text: t('catalog.reasons.dbEnded', { id: db.id, date: formatDate(db.validUntil, locale) }) };
      return db.validUntil
        ? { text: t('catalog.reasons.dbUntil', { id: db.id, date: formatDate(db.validUntil, locale) }) }
        : { text: t('catalog.reasons.dbOpen', { id: db.id }) };
    case 'training-credit':
      return { text: offer.trainingCredit ? t('catalog.reasons.creditYes') : t('catalog.reasons.creditNo') };
    case 'kmo-portefeuille':
      return { text: offer.provider.kmoRegistered ? t('catalog.reasons.kmoYes') : t('catalog.reasons.kmoNo') };
    default:
      return { text: flag.reason, lang: 'en' };
  }
}
