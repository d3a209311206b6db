import { describe, expect, it } from 'vitest';
import { en, fr, nl } from '../../i18n/locales/index.ts';
import { languages } from '../../i18n/index.ts';
import { filterKeys } from './action-query.ts';

// Keys the plan pages build at run time (t(`plan.roles.${role}`) ...), which the locale test
// cannot find in the code: every one must exist in every language.
const built = [
  ...filterKeys.map((key) => `plan.filters.${key}`),
  ...['lead', 'partner', 'funder'].map((role) => `plan.roles.${role}`),
  ...['low', 'medium', 'high'].map((severity) => `plan.severity.${severity}`),
  ...languages.flatMap((language) => [`plan.languageNames.${language}`, `plan.reportForm.narrativeIn.${language}`]),
  ...['url', 'title'].map((part) => `plan.reportForm.errors.link.${part}`),
  ...['text', 'severity', 'owner', 'resolved'].map((part) => `plan.reportForm.errors.obstacle.${part}`),
  ...['theme', 'flagship'].flatMap((by) => [`plan.matrix.by.${by}`, `plan.matrix.caption.${by}`, `plan.matrix.corner.${by}`]),
];

function lookup(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree);
}

describe('plan translation keys built at run time', () => {
  for (const [name, locale] of Object.entries({ nl, fr, en })) {
    it(`exist in ${name}`, () => {
      expect(built.filter((key) => typeof lookup(locale, key) !== 'string')).toEqual([]);
    });
  }
});
