import { withQuery } from '../../api/client.ts';

/** The filters of the action list, in the order of the form; the URL query holds them. */
export const filterKeys = ['q', 'flagship', 'goal', 'status', 'stakeholder', 'targetGroup', 'theme', 'year'] as const;
export type FilterKey = (typeof filterKeys)[number];
export type ActionFilters = Record<FilterKey, string>;

export const emptyFilters: ActionFilters = { q: '', flagship: '', goal: '', status: '', stakeholder: '', targetGroup: '', theme: '', year: '' };

/** The filter value for "none recorded" (no flagship, target group or theme): the matrix's margins. */
export const noneValue = 'none';

/** Rows per page of the list. */
export const actionPageSize = 20;

export function filtersFromParams(params: URLSearchParams): ActionFilters {
  const filters = { ...emptyFilters };
  for (const key of filterKeys) filters[key] = (params.get(key) ?? '').trim();
  return filters;
}

/** The page number in the URL: a whole number from 1, else 1. */
export function pageFromParams(params: URLSearchParams): number {
  const page = Number(params.get('page'));
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** The URL query for filters and a page: empty filters and page 1 are left out (short, shareable). */
export function paramsFromFilters(filters: Partial<ActionFilters>, page = 1): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of filterKeys) {
    const value = filters[key]?.trim();
    if (value) params.set(key, value);
  }
  if (page > 1) params.set('page', String(page));
  return params;
}

export function hasFilters(filters: ActionFilters): boolean {
  return filterKeys.some((key) => filters[key] !== '');
}

/** GET path of the actions API for these filters and page. */
export function actionsApiPath(filters: Partial<ActionFilters>, page: number, pageSize = actionPageSize): string {
  const query: Record<string, string | number> = { page, pageSize };
  for (const key of filterKeys) {
    const value = filters[key]?.trim();
    if (value) query[key] = value;
  }
  return withQuery('/api/v1/plan/actions', query);
}

/** Number of pages for a total (at least 1, so "page 1 of 1" for an empty list). */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
}
