import { describe, expect, it } from 'vitest';
import { emptyState, hasAnyFilter, isChosen, pageCount, paramsFromState, relaxState, searchApiPath, searchHref, stateFromParams, toggleFilter } from './catalog-query.ts';

const parse = (query: string) => stateFromParams(new URLSearchParams(query));

describe('catalogue search state in the URL', () => {
  it('reads every part of a search, repeated keys and commas alike', () => {
    const s = parse('q=lassen&near=9000&km=50&format=online&format=blended&incentive=vov,kmo&startWithin=8&shortage=true&sort=distance&page=3');
    expect(s.q).toBe('lassen');
    expect(s.near).toBe('9000');
    expect(s.km).toBe(50);
    expect(s.multi.format).toEqual(['online', 'blended']);
    expect(s.multi.incentive).toEqual(['vov', 'kmo']);
    expect(s.single).toEqual({ startWithin: '8', shortage: 'true' });
    expect(s.sort).toBe('distance');
    expect(s.page).toBe(3);
  });

  it('falls back to the defaults for values the page cannot use', () => {
    const s = parse('km=-4&page=0&sort=cheapest&format=');
    expect(s.km).toBe(20);
    expect(s.page).toBe(1);
    expect(s.sort).toBe('');
    expect(s.multi.format).toEqual([]);
    expect(parse('page=2.5').page).toBe(1);
    expect(parse('km=abc').km).toBe(20);
  });

  it('writes a short, stable address: defaults left out, values sorted, round trip exact', () => {
    expect(searchHref(emptyState())).toBe('/catalog');
    const s = parse('format=online&format=blended&near=Gent&km=20&q=lassen');
    expect(paramsFromState(s).toString()).toBe('q=lassen&near=Gent&format=blended&format=online');
    const canonical = stateFromParams(paramsFromState(s));
    expect(canonical.multi.format).toEqual(['blended', 'online']);
    expect(stateFromParams(paramsFromState(canonical))).toEqual(canonical);
    expect(paramsFromState(canonical).toString()).toBe(paramsFromState(s).toString());
    // km only means something with a place
    expect(paramsFromState({ ...emptyState(), km: 50 }).toString()).toBe('');
    expect(paramsFromState({ ...emptyState(), near: '9000', km: 50 }).toString()).toBe('near=9000&km=50');
  });

  it('asks the API for the same search, with the radius and page size spelled out', () => {
    const s = parse('q=lassen&near=9000&incentive=vov&page=2');
    expect(searchApiPath(s)).toBe('/api/v1/catalog/offers?q=lassen&near=9000&incentive=vov&page=2&pageSize=20&km=20');
    expect(searchApiPath(emptyState())).toBe('/api/v1/catalog/offers?pageSize=20');
  });

  it('ticks and unticks facet values, back to page 1', () => {
    const s = { ...parse('format=online'), page: 4 };
    const more = toggleFilter(s, 'format', 'blended', true);
    expect(more.multi.format).toEqual(['online', 'blended']);
    expect(more.page).toBe(1);
    expect(isChosen(more, 'format', 'blended')).toBe(true);
    expect(toggleFilter(more, 'format', 'online', false).multi.format).toEqual(['blended']);
    const within = toggleFilter(s, 'startWithin', '4', true);
    expect(within.single.startWithin).toBe('4');
    expect(toggleFilter(within, 'startWithin', '8', true).single.startWithin).toBe('8');
    expect(toggleFilter(within, 'startWithin', '', false).single.startWithin).toBe('');
    // the original state is left as it was
    expect(s.multi.format).toEqual(['online']);
    expect(hasAnyFilter(emptyState())).toBe(false);
    expect(hasAnyFilter(within)).toBe(true);
  });

  it("relaxes what the server's zero-result suggestions name", () => {
    const s = parse('q=lassen&near=9000&km=10&format=online&shortage=true&sort=distance&page=2');
    expect(relaxState(s, 'format').multi.format).toEqual([]);
    expect(relaxState(s, 'shortage').single.shortage).toBe('');
    expect(relaxState(s, 'km', 20).km).toBe(20);
    expect(relaxState(s, 'km').km).toBe(20);
    const nowhere = relaxState(s, 'near');
    expect([nowhere.near, nowhere.sort]).toEqual(['', '']);
    expect(relaxState(s, 'q').q).toBe('');
    expect(relaxState(s, 'format').page).toBe(1);
    expect(relaxState(s, 'unknown-filter')).toEqual({ ...s, page: 1 });
  });

  it('counts pages, at least one', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(20)).toBe(1);
    expect(pageCount(21)).toBe(2);
  });
});
