import type { IndicatorGeo, IndicatorSummary, IndicatorTarget } from '../../api/indicator-types.ts';
import { currentLanguageTag } from '../../i18n/index.ts';

type Unit = IndicatorSummary['unit'];

/** A value with one decimal, as the sources publish it: "11,2" in Dutch, "11.2" in English. */
export function formatNumber(value: number, tag = currentLanguageTag()): string {
  return new Intl.NumberFormat(tag, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

/** A value with its unit: "11,2%" (nl), "11,2 %" (fr), "11.2%" (en); plain numbers for counts. */
export function formatValue(value: number, unit: Unit, tag = currentLanguageTag()): string {
  if (unit === 'number') return new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }).format(value);
  return new Intl.NumberFormat(tag, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value / 100);
}

/** A change with its sign, one decimal: "+0,5", "−1,2", "0,0". */
export function formatSigned(value: number, tag = currentLanguageTag()): string {
  return new Intl.NumberFormat(tag, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(value);
}

/** A target's value the way targets are written: "47%", "15%" (no decimals unless it has them). */
export function formatTargetValue(target: Pick<IndicatorTarget, 'value'>, unit: Unit, tag = currentLanguageTag()): string {
  if (unit === 'number') return new Intl.NumberFormat(tag).format(target.value);
  return new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 }).format(target.value / 100);
}

/** "2004, 2006 en 2021" in the current language. */
export function formatList(items: readonly string[], tag = currentLanguageTag()): string {
  return new Intl.ListFormat(tag, { style: 'long', type: 'conjunction' }).format(items);
}

/** The geo's name from the API, or its code when the API has no name for it. */
export function geoLabel(geos: readonly Pick<IndicatorGeo, 'code' | 'name'>[], code: string): string {
  return geos.find((geo) => geo.code === code)?.name ?? code;
}

// Eurostat writes Greece as EL and the United Kingdom as UK; ISO 3166 (and Intl) as GR and GB.
const isoCountry: Record<string, string> = { EL: 'GR', UK: 'GB' };

/** A Eurostat country code as a country name in the current language ("BE" → "België"), else the code. */
export function countryName(code: string | null, tag = currentLanguageTag()): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([tag], { type: 'region', fallback: 'code' }).of(isoCountry[code] ?? code) ?? code;
  } catch {
    return code; // not a region code Intl knows
  }
}
