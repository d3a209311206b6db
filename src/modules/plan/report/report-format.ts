import type { Locale } from '../../../platform/i18n/localized.ts';
import { fill, reportTexts } from './report-texts.ts';
import type { Shown } from './report-model.ts';

const tags: Record<Locale, string> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' };
// The plan is Flemish: dates are the calendar day in Brussels, wherever the server runs.
const TIME_ZONE = 'Europe/Brussels';

export const languageTag = (lang: Locale) => tags[lang];

export function formatDate(value: Date | string, lang: Locale): string {
  const d = typeof value === 'string' ? new Date(`${value.slice(0, 10)}T12:00:00Z`) : value;
  return new Intl.DateTimeFormat(tags[lang], { dateStyle: 'long', timeZone: TIME_ZONE }).format(d);
}

export function formatPercent(value: number | null, lang: Locale): string {
  if (value === null) return reportTexts[lang].noProgress;
  return new Intl.NumberFormat(tags[lang], { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
}

export function formatShare(count: number, total: number, lang: Locale): string {
  return total === 0 ? '–' : formatPercent(Math.round((count / total) * 1000) / 10, lang);
}

/** +2, −1 (a real minus sign), 0. */
export const formatDifference = (d: number) => (d > 0 ? `+${d}` : d < 0 ? `−${-d}` : '0');

/** "(Engels)" when a text is shown in another language than the report's, else ''. */
export function languageMark(shown: Shown | null, lang: Locale): string {
  if (!shown?.lang) return '';
  return `(${reportTexts[lang][`lang_${shown.lang}`]})`;
}

export const t = (lang: Locale, key: keyof (typeof reportTexts)['nl'], values: Record<string, string | number> = {}) => fill(reportTexts[lang][key], values);
