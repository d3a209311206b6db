import { describe, expect, it } from 'vitest';
import { en, fr, nl } from '../../i18n/locales/index.ts';
import { seriesStyles } from './chart-style.ts';
import { flagOrder } from './flags.ts';
import { pluralKeys } from './plural-keys.ts';

// Keys the indicator pages build at run time (t(`indicators.flags.names.${flag}`) ...), which the
// locale test cannot find in the code: every one must exist in every language.
const built = [
  ...flagOrder.map((flag) => `indicators.flags.names.${flag}`),
  ...['sex', 'age', 'isced11', 'wstatus'].map((dimension) => `indicators.dimensions.${dimension}`),
  ...['T', 'F', 'M'].map((value) => `indicators.breakdownValues.sex.${value}`),
  ...['4-weeks', '12-months'].map((period) => `indicators.referencePeriod.${period}`),
  ...['percent', 'number'].flatMap((unit) => [`indicators.units.${unit}`, `indicators.unitNames.${unit}`]),
  ...['target', 'benchmark'].map((kind) => `indicators.targets.${kind}Value`),
  ...seriesStyles.map((style) => `indicators.chart.patterns.${style.pattern}`),
  ...['aggregates', 'countries', 'nuts1', 'nuts2'].map((group) => `indicators.geos.groups.${group}`),
  ...['rose', 'fell', 'same'].map((trend) => `indicators.summary.${trend}`),
  ...Object.values(pluralKeys).flatMap((key) => [`${key}_one`, `${key}_other`]),
];

function lookup(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree);
}

describe('indicator translation keys built at run time', () => {
  for (const [name, locale] of Object.entries({ nl, fr, en })) {
    it(`exist in ${name}`, () => {
      expect(built.filter((key) => typeof lookup(locale, key) !== 'string')).toEqual([]);
    });
  }
});
