import { describe, expect, it } from 'vitest';
import { actionsApiPath, emptyFilters, filtersFromParams, hasFilters, pageCount, pageFromParams, paramsFromFilters } from './action-query.ts';

describe('action list query', () => {
  it('reads filters from the URL, trimmed, with missing ones empty', () => {
    const filters = filtersFromParams(new URLSearchParams('q=%20dashboard%20&flagship=a,b&year=2023&other=x'));
    expect(filters).toEqual({ ...emptyFilters, q: 'dashboard', flagship: 'a,b', year: '2023' });
    expect(hasFilters(filters)).toBe(true);
    expect(hasFilters(filtersFromParams(new URLSearchParams('page=2')))).toBe(false);
  });

  it('reads only a whole page number from 1', () => {
    for (const [query, page] of [['page=3', 3], ['page=0', 1], ['page=-2', 1], ['page=1.5', 1], ['page=x', 1], ['', 1]] as const) {
      expect(pageFromParams(new URLSearchParams(query)), query).toBe(page);
    }
  });

  it('writes a short URL: no empty filters, no page 1', () => {
    expect(paramsFromFilters({ ...emptyFilters, q: ' skills ', goal: 'c' }).toString()).toBe('q=skills&goal=c');
    expect(paramsFromFilters({ ...emptyFilters, status: 'realised' }, 2).toString()).toBe('status=realised&page=2');
    expect(paramsFromFilters(emptyFilters).toString()).toBe('');
  });

  it('asks the API for one page with the filters', () => {
    expect(actionsApiPath({ ...emptyFilters, q: 'VDAB', targetGroup: 'individual' }, 2)).toBe(
      '/api/v1/plan/actions?page=2&pageSize=20&q=VDAB&targetGroup=individual',
    );
    expect(actionsApiPath({ goal: 'a' }, 1, 5)).toBe('/api/v1/plan/actions?page=1&pageSize=5&goal=a');
    expect(actionsApiPath({ targetGroup: 'none', theme: 'skills' }, 1)).toBe('/api/v1/plan/actions?page=1&pageSize=20&targetGroup=none&theme=skills');
  });

  it('counts pages, at least one', () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(20, 20)).toBe(1);
    expect(pageCount(27, 20)).toBe(2);
  });
});
