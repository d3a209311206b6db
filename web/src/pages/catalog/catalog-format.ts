import type { TFunction } from 'i18next';
import type { FacetValue } from '../../api/catalog-types.ts';
import { facetOf, type FilterKey } from './catalog-query.ts';

// Pure formatting for the catalogue pages: prices, distances, dates, hours and facet labels.

/** "€ 250", "€ 1.250,50" (nl-BE); free when 0; null when no price is given. */
export function formatPrice(eur: number | null, locale: string, t: TFunction): string {
  if (eur === null) return t('catalog.price.unknown');
  if (eur === 0) return t('catalog.price.free');
  const whole = Number.isInteger(eur);
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 }).format(eur);
}

/** "3,4 km" with one decimal under 10 km, whole kilometres from 10 km. */
export function formatDistance(km: number | null, locale: string): string | null {
  if (km === null || !Number.isFinite(km)) return null;
  const digits = km < 10 ? 1 : 0;
  return `${new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(km)} km`;
}

/** A date of the form YYYY-MM-DD in words, read as a calendar date (no time-zone shift). */
export function formatDate(iso: string, locale: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return iso;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}

/** Translation key of a facet value's label; null when the value is shown as it is (province names). */
export function facetValueKey(key: FilterKey, value: string): string | null {
  switch (key) {
    case 'province':
      return null;
    case 'level':
      return 'catalog.levelValue';
    default:
      return `catalog.values.${facetOf[key]}.${value}`;
  }
}

/** The label of one facet value, without its count. */
export function facetValueLabel(key: FilterKey, value: string, t: TFunction): string {
  const k = facetValueKey(key, value);
  if (k === null) return value;
  if (key === 'level') return t(k, { level: value });
  // An unknown value (a new one on the server) shows as it is rather than as a missing key.
  return t(k, { defaultValue: value });
}

/** "Online (120)": the label a checkbox of a facet shows. */
export function facetOptionLabel(label: string, count: number, locale: string): string {
  return `${label} (${new Intl.NumberFormat(locale).format(count)})`;
}

/**
 * The values a facet group shows: the server's values that match something, in a stable order for
 * closed lists (the order of `order`), plus chosen values even at count 0, so they can be unticked.
 */
export function facetOptions(values: readonly FacetValue[], chosen: readonly string[], order?: readonly string[]): FacetValue[] {
  const out = values.filter((v) => v.count > 0 || chosen.includes(v.value)).map((v) => ({ value: v.value, count: v.count }));
  for (const value of chosen) if (!out.some((v) => v.value === value)) out.push({ value, count: 0 });
  if (order) out.sort((a, b) => rank(order, a.value) - rank(order, b.value));
  return out;
}

const rank = (order: readonly string[], value: string) => {
  const i = order.indexOf(value);
  return i === -1 ? order.length : i;
};

/** Fixed orders of the closed facet lists (the server sorts by count; a fixed order is easier to scan). */
export const facetOrder: Partial<Record<FilterKey, readonly string[]>> = {
  format: ['in-person', 'online', 'blended'],
  incentive: ['vov', 'vouchers', 'training-credit', 'kmo'],
  startWithin: ['4', '8', '12', '26'],
  schedule: ['day', 'evening', 'weekend'],
  price: ['free', 'lt-100', '100-500', '500-1000', 'gte-1000', 'unknown'],
  level: ['1', '2', '3', '4', '5', '6', '7', '8'],
  lang: ['nl', 'fr', 'en', 'de'],
  region: ['flanders', 'brussels', 'wallonia'],
  shortage: ['true', 'false'],
};

/** Picks the text in the page's language, else Dutch, English, French; with the language it is in. */
export function pickText(texts: { nl?: string; fr?: string; en?: string }, language: string): { text: string; lang: string } | null {
  const order = [language, 'nl', 'en', 'fr'] as const;
  for (const lang of order) {
    const text = texts[lang as 'nl' | 'fr' | 'en'];
    if (text && text.trim()) return { text, lang };
  }
  return null;
}
