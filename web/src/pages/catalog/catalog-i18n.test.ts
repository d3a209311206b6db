import { describe, expect, it } from 'vitest';
import { en, fr, nl } from '../../i18n/locales/index.ts';
import { facetValueKey, facetOrder } from './catalog-format.ts';
import { filterOrder, sorts } from './catalog-query.ts';
import { offerFormats, offerKinds, offerLanguages, schedules } from './offer-draft.ts';

// Keys the catalogue pages build at run time, which the shared locale test cannot find in the code.
const providerKinds = ['adult-education-centre', 'syntra', 'university-college', 'university', 'public-employment-service', 'sector-fund', 'private', 'other'];
const built = [
  ...filterOrder.map((key) => `catalog.facets.${key}`),
  ...filterOrder.flatMap((key) => (facetOrder[key] ?? []).map((value) => facetValueKey(key, value)).filter((k): k is string => k !== null)),
  ...sorts.map((sort) => `catalog.sort.${sort}`),
  ...offerFormats.map((f) => `catalog.values.format.${f}`),
  ...offerKinds.map((k) => `catalog.values.kind.${k}`),
  ...offerLanguages.map((l) => `catalog.values.language.${l}`),
  ...schedules.map((s) => `catalog.values.schedule.${s}`),
  ...providerKinds.map((k) => `catalog.values.providerKind.${k}`),
  ...['draft', 'published', 'archived'].map((s) => `catalog.values.status.${s}`),
  ...['skills', 'occupations'].map((k) => `catalog.esco.search.${k}`),
  ...['tooLarge', 'type', 'forbidden'].map((k) => `catalog.import.errors.${k}`),
  ...['postalCode', 'place'].map((p) => `catalog.form.location.${p}`),
  ...['startsOn', 'endsOn', 'schedule', 'seatsLeft', 'postalCode'].map((p) => `catalog.form.session.${p}`),
  ...['externalId', 'kind', 'levelEqf', 'language', 'format', 'contactHours', 'studyCredits', 'priceEur', 'priceIncludes', 'vouchers', 'trainingCredit', 'skills', 'occupations', 'accessibility', 'url', 'status'].map((k) => `catalog.form.${k}`),
  ...['titleIn', 'summaryIn', 'descriptionIn', 'incentiveDbId', 'incentiveDbFrom', 'incentiveDbUntil', 'locations', 'sessions', 'otherField'].map((k) => `catalog.form.${k}`),
  'catalog.values.incentive.kmo',
];

function lookup(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree);
}

describe('catalog translation keys built at run time', () => {
  it('are many', () => expect(built.length).toBeGreaterThan(80));
  for (const [name, locale] of Object.entries({ nl, fr, en })) {
    it(`exist in ${name}`, () => {
      expect(built.filter((key) => typeof lookup(locale, key) !== 'string')).toEqual([]);
    });
  }
});
