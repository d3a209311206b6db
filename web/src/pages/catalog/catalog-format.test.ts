import { beforeAll, describe, expect, it } from 'vitest';
import i18n from '../../i18n/index.ts';
import { facetOptionLabel, facetOptions, facetValueLabel, formatDate, formatDistance, formatPrice, pickText } from './catalog-format.ts';
import { hitIncentives, incentiveLabelKey, incentiveReason } from './catalog-incentives.ts';
import { importContentType } from './import-file.ts';

const t = i18n.t;
beforeAll(() => i18n.changeLanguage('en'));
const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('catalogue formatting', () => {
  it('formats prices: free, not given, whole euros and cents', () => {
    expect(formatPrice(0, 'en', t)).toBe('Free');
    expect(formatPrice(null, 'en', t)).toBe('Price not given');
    expect(formatPrice(250, 'en', t)).toBe('€250');
    expect(nbsp(formatPrice(1250.5, 'nl-BE', t))).toBe('€ 1.250,50');
  });

  it('formats distances with one decimal below 10 km', () => {
    expect(formatDistance(3.44, 'nl-BE')).toBe('3,4 km');
    expect(formatDistance(12.6, 'en')).toBe('13 km');
    expect(formatDistance(null, 'en')).toBeNull();
  });

  it('formats calendar dates without a time-zone shift', () => {
    expect(formatDate('2027-01-01', 'en')).toBe('January 1, 2027');
    expect(formatDate('2026-12-31T10:00:00.000Z', 'nl-BE')).toBe('31 december 2026');
  });

  it('labels facet values with their counts', () => {
    expect(facetOptionLabel(facetValueLabel('format', 'online', t), 120, 'en')).toBe('Online (120)');
    expect(facetOptionLabel(facetValueLabel('incentive', 'vov', t), 1234, 'nl-BE')).toBe('Flemish training leave (VOV) (1.234)');
    expect(facetValueLabel('level', '4', t)).toBe('Level 4 (EQF)');
    expect(facetValueLabel('province', 'Oost-Vlaanderen', t)).toBe('Oost-Vlaanderen');
    expect(facetValueLabel('price', 'lt-100', t)).toBe('Under €100');
    expect(facetValueLabel('lang', 'fr', t)).toBe('French');
    // a value the page does not know yet shows as it is
    expect(facetValueLabel('format', 'hologram', t)).toBe('hologram');
  });

  it('orders closed facet lists and keeps chosen values the server did not count', () => {
    const values = [
      { value: 'online', count: 30 },
      { value: 'in-person', count: 10 },
    ];
    // a value that matches nothing is left out, unless it is ticked
    expect(facetOptions([...values, { value: 'blended', count: 0 }], [])).toEqual(values);
    expect(facetOptions([{ value: 'blended', count: 0 }], ['blended'])).toEqual([{ value: 'blended', count: 0 }]);
    expect(facetOptions(values, ['blended'], ['in-person', 'online', 'blended'])).toEqual([
      { value: 'in-person', count: 10 },
      { value: 'online', count: 30 },
      { value: 'blended', count: 0 },
    ]);
    expect(facetOptions(values, ['online'])).toEqual(values);
  });

  it('picks a text in the page language, else Dutch, English, French, with its language', () => {
    expect(pickText({ nl: 'Lassen', en: 'Welding' }, 'en')).toEqual({ text: 'Welding', lang: 'en' });
    expect(pickText({ nl: 'Lassen', en: 'Welding' }, 'fr')).toEqual({ text: 'Lassen', lang: 'nl' });
    expect(pickText({ fr: 'Soudage' }, 'nl')).toEqual({ text: 'Soudage', lang: 'fr' });
    expect(pickText({ nl: ' ' }, 'nl')).toBeNull();
  });
});

describe('catalogue incentives', () => {
  const provider = { kmoRegistered: true } as Parameters<typeof incentiveReason>[1]['provider'];
  it('lists the incentives a hit unlocks in a fixed order', () => {
    expect(hitIncentives({ incentives: { vov: true, vouchers: true, trainingCredit: false, kmo: true } })).toEqual(['vov', 'vouchers', 'kmo']);
    expect(incentiveLabelKey('kmo-portefeuille')).toBe('catalog.values.incentive.kmo');
  });

  it("explains each incentive from the offer's facts, in the page's language", () => {
    const offer = { incentiveDb: { id: 'OD-1', validFrom: '2026-01-01', validUntil: '2027-06-30' }, trainingCredit: false, provider };
    const flag = (key: 'vov' | 'training-credit' | 'kmo-portefeuille') => ({ key, unlocked: true, reason: 'server' });
    expect(incentiveReason(flag('vov'), offer, 'en', '2026-11-29', t).text).toBe('in the incentives database (OD-1), valid until June 30, 2027');
    expect(incentiveReason(flag('vov'), offer, 'en', '2025-11-29', t).text).toBe('in the incentives database (OD-1), but only from January 1, 2026');
    expect(incentiveReason(flag('vov'), offer, 'en', '2027-07-01', t).text).toBe('its registration in the incentives database (OD-1) ended on June 30, 2027');
    expect(incentiveReason(flag('vov'), { ...offer, incentiveDb: null }, 'en', '2026-11-29', t).text).toBe('not in the incentives database (Opleidingsdatabank)');
    expect(incentiveReason(flag('training-credit'), offer, 'en', '2026-11-29', t).text).toBe('not recognised for the training-credit premium');
    expect(incentiveReason(flag('kmo-portefeuille'), offer, 'en', '2026-11-29', t).text).toBe('the provider is registered for the KMO-portefeuille');
  });
});

describe('catalogue import file', () => {
  it('sends CSV and JSON files with their content type, and nothing else', () => {
    expect(importContentType({ name: 'offers.CSV', type: '' })).toBe('text/csv');
    expect(importContentType({ name: 'offers.json', type: '' })).toBe('application/json');
    expect(importContentType({ name: 'offers', type: 'application/json' })).toBe('application/json');
    expect(importContentType({ name: 'offers.xlsx', type: 'application/vnd.ms-excel' })).toBeNull();
  });
});
