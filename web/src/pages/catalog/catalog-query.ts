import { withQuery } from '../../api/client.ts';
import type { FacetName } from '../../api/catalog-types.ts';

// The whole search state lives in the URL query, in the API's own parameter names, so a search
// page's address is shareable and the back and forward buttons step through searches.

/** Filters that take several values (repeated keys, like the API). */
export const multiKeys = ['format', 'level', 'lang', 'schedule', 'province', 'region', 'price', 'incentive', 'providerKind'] as const;
/** Filters that take one value. */
export const singleKeys = ['startWithin', 'shortage'] as const;
export type MultiKey = (typeof multiKeys)[number];
export type SingleKey = (typeof singleKeys)[number];
export type FilterKey = MultiKey | SingleKey;

export const sorts = ['relevance', 'start', 'distance', 'price'] as const;
export type Sort = (typeof sorts)[number];
export const kmChoices = [5, 10, 20, 50, 100] as const;
export const defaultKm = 20;
export const pageSize = 20;

export type SearchState = {
  q: string;
  near: string;
  km: number;
  sort: Sort | '';
  page: number;
  multi: Record<MultiKey, string[]>;
  single: Record<SingleKey, string>;
};

/** The facet the server counts for each URL filter (`lang` is counted as `language`, `price` as `priceBand`). */
export const facetOf: Record<FilterKey, FacetName> = {
  format: 'format',
  level: 'level',
  lang: 'language',
  schedule: 'schedule',
  province: 'province',
  region: 'region',
  price: 'priceBand',
  incentive: 'incentive',
  providerKind: 'providerKind',
  startWithin: 'startWithin',
  shortage: 'shortage',
};

/** Filter groups in the order the page shows them. */
export const filterOrder: readonly FilterKey[] = ['format', 'incentive', 'startWithin', 'schedule', 'price', 'level', 'lang', 'region', 'province', 'providerKind', 'shortage'];

const emptyMulti = (): Record<MultiKey, string[]> => Object.fromEntries(multiKeys.map((key) => [key, []])) as unknown as Record<MultiKey, string[]>;

export function emptyState(): SearchState {
  return { q: '', near: '', km: defaultKm, sort: '', page: 1, multi: emptyMulti(), single: { startWithin: '', shortage: '' } };
}

const isSort = (value: string): value is Sort => (sorts as readonly string[]).includes(value);

/** Reads a search from the URL; values the page cannot show (a bad page, km or sort) fall back to the defaults. */
export function stateFromParams(params: URLSearchParams): SearchState {
  const state = emptyState();
  state.q = (params.get('q') ?? '').trim();
  state.near = (params.get('near') ?? '').trim();
  const km = Number(params.get('km'));
  if (params.has('km') && Number.isFinite(km) && km >= 1 && km <= 300) state.km = km;
  const sort = params.get('sort') ?? '';
  state.sort = isSort(sort) ? sort : '';
  const page = Number(params.get('page'));
  state.page = Number.isInteger(page) && page >= 1 ? page : 1;
  for (const key of multiKeys) {
    const values = params.getAll(key).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
    state.multi[key] = [...new Set(values)];
  }
  for (const key of singleKeys) state.single[key] = (params.get(key) ?? '').trim();
  return state;
}

/** The state as query parameters, in a fixed order; defaults are left out so addresses stay short. */
export function paramsFromState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  if (state.near.trim()) {
    params.set('near', state.near.trim());
    if (state.km !== defaultKm) params.set('km', String(state.km));
  }
  for (const key of multiKeys) for (const value of [...state.multi[key]].sort()) params.append(key, value);
  for (const key of singleKeys) if (state.single[key]) params.set(key, state.single[key]);
  if (state.sort) params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  return params;
}

export function searchHref(state: SearchState): string {
  const query = paramsFromState(state).toString();
  return query ? `/catalog?${query}` : '/catalog';
}

/** GET path of the search API for a state. */
export function searchApiPath(state: SearchState): string {
  const params = paramsFromState(state);
  params.set('pageSize', String(pageSize));
  // The API's own default is 20 km; say it explicitly so the answer's `near.km` is the one chosen.
  if (state.near.trim()) params.set('km', String(state.km));
  return `/api/v1/catalog/offers?${params.toString()}`;
}

export function suggestApiPath(q: string, lang: string): string {
  return withQuery('/api/v1/catalog/suggest', { q: q.trim(), lang });
}

/** True when a filter value is chosen. */
export function isChosen(state: SearchState, key: FilterKey, value: string): boolean {
  return (multiKeys as readonly string[]).includes(key) ? state.multi[key as MultiKey].includes(value) : state.single[key as SingleKey] === value;
}

/** The state with a value ticked or unticked (a single-valued filter holds one value); back to page 1. */
export function toggleFilter(state: SearchState, key: FilterKey, value: string, on: boolean): SearchState {
  const next: SearchState = { ...state, page: 1, multi: { ...state.multi }, single: { ...state.single } };
  if ((multiKeys as readonly string[]).includes(key)) {
    const k = key as MultiKey;
    const rest = next.multi[k].filter((v) => v !== value);
    next.multi[k] = on ? [...rest, value] : rest;
  } else {
    next.single[key as SingleKey] = on ? value : '';
  }
  return next;
}

/** What relaxing a suggestion means: a filter dropped, the radius widened, the place or the words left out. */
export function relaxState(state: SearchState, relax: string, km?: number): SearchState {
  const next: SearchState = { ...state, page: 1, multi: { ...state.multi }, single: { ...state.single } };
  if (relax === 'km') next.km = km ?? Math.min(300, state.km * 2);
  else if (relax === 'near') {
    next.near = '';
    next.km = defaultKm;
    if (next.sort === 'distance') next.sort = '';
  } else if (relax === 'q') next.q = '';
  else if ((multiKeys as readonly string[]).includes(relax)) next.multi[relax as MultiKey] = [];
  else if ((singleKeys as readonly string[]).includes(relax)) next.single[relax as SingleKey] = '';
  return next;
}

export function hasAnyFilter(state: SearchState): boolean {
  return multiKeys.some((key) => state.multi[key].length > 0) || singleKeys.some((key) => state.single[key] !== '');
}

/** Number of pages for a total (at least 1). */
export function pageCount(total: number, size = pageSize): number {
  return Math.max(1, Math.ceil(total / Math.max(1, size)));
}
