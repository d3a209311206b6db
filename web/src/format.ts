import { currentLanguageTag } from './i18n/index.ts';

/** A calendar date (YYYY-MM-DD) in the current language, read as a date without time zone. */
export function formatDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return new Intl.DateTimeFormat(currentLanguageTag(), { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** An instant in the reader's time zone, date and time. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(currentLanguageTag(), { dateStyle: 'medium', timeStyle: 'medium' }).format(date);
}

/** "30 seconden" / "1 seconde" / "30 secondes": Intl handles the plural. */
export function formatSeconds(seconds: number): string {
  return new Intl.NumberFormat(currentLanguageTag(), { style: 'unit', unit: 'second', unitDisplay: 'long' }).format(
    seconds,
  );
}
