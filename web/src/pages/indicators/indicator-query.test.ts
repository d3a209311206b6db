import { describe, expect, it } from 'vitest';
import { maxGeos, observationsApiPath, paramsFromState, stateFromParams, withGeo, type StateContext } from './indicator-query.ts';

const context: StateContext = {
  defaultGeos: ['BE2', 'BE', 'EU27_2020'],
  geos: ['BE2', 'BE', 'EU27_2020', 'BE21', 'FR', 'NL', 'DE', 'AT', 'IT', 'ES', 'SE'].map((code) => ({ code, name: null, level: null, country: null })),
  breakdowns: ['sex'],
  breakdownValues: { sex: ['T', 'F', 'M'] },
  periods: { from: 2000, to: 2023 },
};
const parse = (query: string) => stateFromParams(new URLSearchParams(query), context);

describe('stateFromParams', () => {
  it('gives the defaults for an empty query: home, country, EU-27, total, whole period', () => {
    expect(parse('')).toEqual({ geos: ['BE2', 'BE', 'EU27_2020'], breakdown: { sex: 'T' }, from: null, to: null });
  });

  it('reads geos in order, breakdown and years', () => {
    expect(parse('geo=BE21,FR&sex=F&from=2010&to=2020')).toEqual({ geos: ['BE21', 'FR'], breakdown: { sex: 'F' }, from: 2010, to: 2020 });
  });

  it('drops unknown or malformed geos and duplicates, and falls back when none is left', () => {
    expect(parse('geo=BE21,XX9,BE21,<script>').geos).toEqual(['BE21']);
    expect(parse('geo=XX9,,').geos).toEqual(['BE2', 'BE', 'EU27_2020']);
    const withoutHomeValues = { ...context, geos: context.geos.filter((geo) => geo.code !== 'BE2') };
    expect(stateFromParams(new URLSearchParams('geo=BE2,FR'), withoutHomeValues).geos).toEqual(['BE2', 'FR']);
  });

  it('ignores unknown breakdown values and years outside the data, and swaps from > to', () => {
    expect(parse('sex=X').breakdown).toEqual({ sex: 'T' });
    expect(parse('from=1990&to=abc')).toMatchObject({ from: null, to: null });
    expect(parse('from=2020&to=2010')).toMatchObject({ from: 2010, to: 2020 });
  });

  it('keeps at most the chart limit of geos', () => {
    expect(parse(`geo=${context.geos.map((geo) => geo.code).join(',')}`).geos).toHaveLength(maxGeos);
  });
});

describe('paramsFromState', () => {
  it('leaves defaults out and round-trips', () => {
    expect(paramsFromState(parse(''), context).toString()).toBe('');
    const state = { geos: ['BE2', 'FR'], breakdown: { sex: 'M' }, from: 2005, to: 2023 };
    const params = paramsFromState(state, context);
    expect(params.toString()).toBe('geo=BE2%2CFR&sex=M&from=2005');
    expect(stateFromParams(params, context)).toEqual({ ...state, to: null });
  });
});

describe('observationsApiPath and withGeo', () => {
  it('asks the API for the state, leaving out empty years', () => {
    expect(observationsApiPath('lfs-4w', parse('sex=F&from=2010'))).toBe('/api/v1/indicators/lfs-4w/observations?geo=BE2%2CBE%2CEU27_2020&from=2010&sex=F');
  });

  it('adds a geo once, removes one, and never removes the last', () => {
    const state = parse('geo=BE2');
    expect(withGeo(state, 'FR', true).geos).toEqual(['BE2', 'FR']);
    expect(withGeo(withGeo(state, 'FR', true), 'FR', true).geos).toEqual(['BE2', 'FR']);
    expect(withGeo(withGeo(state, 'FR', true), 'BE2', false).geos).toEqual(['FR']);
    expect(withGeo(state, 'BE2', false).geos).toEqual(['BE2']);
  });
});
