import { withQuery } from '../../api/client.ts';
import type { Breakdown, Dimension, IndicatorDetail } from '../../api/indicator-types.ts';

/** What the indicator page shows; the URL query holds it, so a view can be shared or bookmarked. */
export type SeriesState = {
  geos: string[];
  breakdown: Breakdown;
  /** null: from the first (to the last) period with data. */
  from: number | null;
  to: number | null;
};

/** The parts of an indicator the URL state is checked against. */
export type StateContext = Pick<IndicatorDetail, 'defaultGeos' | 'geos' | 'breakdowns' | 'breakdownValues' | 'periods'>;

const codePattern = /^[A-Za-z0-9_-]{1,40}$/;
/** The most regions one chart shows: beyond that the lines cannot be told apart. */
export const maxGeos = 8;

/** The breakdown value shown when the URL names none: the total, where the dimension has one. */
export function defaultBreakdownValue(context: StateContext, dimension: Dimension): string | undefined {
  const values = context.breakdownValues[dimension] ?? [];
  if (values.includes('T')) return 'T';
  if (values.includes('TOTAL')) return 'TOTAL';
  return undefined; // the server's own default
}

function year(text: string | null, periods: StateContext['periods']): number | null {
  if (!text || !/^\d{4}$/.test(text)) return null;
  const value = Number(text);
  if (periods && (value < periods.from || value > periods.to)) return null;
  return value;
}

/** Reads the state from the URL; unknown geos or values, bad years and duplicates fall back to defaults. */
export function stateFromParams(params: URLSearchParams, context: StateContext): SeriesState {
  // The default geos count as known even without values (the home region may have none for a survey).
  const known = new Set([...context.geos.map((geo) => geo.code), ...context.defaultGeos]);
  const geos: string[] = [];
  for (const code of (params.get('geo') ?? '').split(',')) {
    const trimmed = code.trim();
    if (codePattern.test(trimmed) && (known.size === 0 || known.has(trimmed)) && !geos.includes(trimmed)) geos.push(trimmed);
  }
  const breakdown: Breakdown = {};
  for (const dimension of context.breakdowns) {
    const value = params.get(dimension);
    const values = context.breakdownValues[dimension] ?? [];
    const chosen = value && values.includes(value) ? value : defaultBreakdownValue(context, dimension);
    if (chosen) breakdown[dimension] = chosen;
  }
  let from = year(params.get('from'), context.periods);
  let to = year(params.get('to'), context.periods);
  if (from !== null && to !== null && from > to) [from, to] = [to, from];
  return { geos: geos.length > 0 ? geos.slice(0, maxGeos) : [...context.defaultGeos], breakdown, from, to };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, index) => item === b[index]);

/** The URL query for a state: defaults are left out, so the plain page has a plain address. */
export function paramsFromState(state: SeriesState, context: StateContext): URLSearchParams {
  const params = new URLSearchParams();
  if (!sameList(state.geos, context.defaultGeos)) params.set('geo', state.geos.join(','));
  for (const dimension of context.breakdowns) {
    const value = state.breakdown[dimension];
    if (value && value !== defaultBreakdownValue(context, dimension)) params.set(dimension, value);
  }
  if (state.from !== null && state.from !== context.periods?.from) params.set('from', String(state.from));
  if (state.to !== null && state.to !== context.periods?.to) params.set('to', String(state.to));
  return params;
}

/** GET path of the observations for a state. */
export function observationsApiPath(id: string, state: SeriesState): string {
  return withQuery(`/api/v1/indicators/${encodeURIComponent(id)}/observations`, {
    geo: state.geos.join(','),
    from: state.from,
    to: state.to,
    ...state.breakdown,
  });
}

/** The state with a geo added (at the end) or removed; the last geo is kept, a chart needs one. */
export function withGeo(state: SeriesState, code: string, present: boolean): SeriesState {
  if (present) return state.geos.includes(code) || state.geos.length >= maxGeos ? state : { ...state, geos: [...state.geos, code] };
  const geos = state.geos.filter((geo) => geo !== code);
  return geos.length === 0 ? state : { ...state, geos };
}
