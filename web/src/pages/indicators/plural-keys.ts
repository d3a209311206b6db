/**
 * Keys that i18next resolves by `count` to `<key>_one` / `<key>_other` (Intl plural rules: French
 * says "0,4 point", Dutch "0,4 procentpunt"). The shared locale test looks for literal keys only, so
 * these are listed here and indicators-i18n.test.ts checks both forms in every language.
 */
export const pluralKeys = {
  points: 'indicators.points',
  breakText: 'indicators.flags.breakText',
  lowReliabilityText: 'indicators.flags.lowReliabilityText',
  summaryCount: 'indicators.ranking.summaryCount',
  summaryHome: 'indicators.ranking.summaryHome',
  withoutValue: 'indicators.ranking.withoutValue',
  geosFull: 'indicators.geos.full',
} as const;
