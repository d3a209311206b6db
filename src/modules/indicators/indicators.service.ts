import type { Db } from '../../platform/db/database.ts';
import { HttpProblem } from '../../platform/errors/problem.ts';
import type { Breakdown, Dimension, IndicatorDetail, IndicatorSummary, Observation, ObservationQuery, ObservationsResponse, Ranking, Target, Texts } from './indicators.schema.ts';
import { indicatorRepository as repo, levelOf, type StoredObservation } from './indicators.repository.ts';
import { breakdownKey, totals } from './observation-rows.ts';
import { toObservationCsv } from './observation-csv.ts';
import { toJsonStat } from './jsonstat.ts';

// The dashboard's rules: headlines, trajectories to targets, rankings and exports.

type IndicatorRow = NonNullable<Awaited<ReturnType<typeof repo.getIndicator>>>;
type TargetRow = Awaited<ReturnType<typeof repo.targets>>[number];

const HISTORY_YEARS = 10; // the window of the "historical average gain" beside a trajectory

function toTarget(t: TargetRow): Target {
  return { value: t.value, year: t.year, kind: t.kind, label: t.label as Texts, appliesTo: t.applies_to, source: { name: t.source_name, url: t.source_url } };
}

/** The breakdown a request means: each dimension the indicator has, defaulting to its total. */
function breakdownFor(row: IndicatorRow, query: Partial<Record<Dimension, string | undefined>> = {}): Breakdown {
  const breakdown: Breakdown = {};
  for (const dim of row.breakdowns as Dimension[]) breakdown[dim] = query[dim] ?? totals[dim];
  return breakdown;
}

async function requireIndicator(db: Db, id: string): Promise<IndicatorRow> {
  const row = await repo.getIndicator(db, id);
  if (!row) throw new HttpProblem(404, 'not-found', `No indicator "${id}".`);
  return row;
}

async function nameMap(db: Db, codes?: string[]) {
  return new Map((await repo.geoNames(db, codes)).map((g) => [g.code, g.name] as const));
}

/** Targets ahead of a period that apply to a geo (null = any geo). */
function targetsAhead(targets: Target[], geo: string, period: number): Target[] {
  return targets.filter((t) => t.kind === 'target' && t.year > period && (t.appliesTo === null || t.appliesTo === geo));
}

const valued = (series: StoredObservation[]) => series.filter((o): o is StoredObservation & { value: number } => o.value !== null);

function headline(row: IndicatorRow, targets: Target[], series: StoredObservation[], geoName: string | null): IndicatorSummary['headline'] {
  const points = valued(series);
  const last = points.at(-1);
  if (!last) return null;
  const prev = points.at(-2) ?? null;
  const target = targetsAhead(targets, row.home_geo, last.period)[0] ?? null;
  return {
    geo: row.home_geo,
    geoName,
    period: last.period,
    value: last.value,
    flags: last.flags,
    previous: prev ? { period: prev.period, value: prev.value } : null,
    change: prev ? round(last.value - prev.value) : null,
    target,
    gap: target ? round(target.value - last.value) : null,
    sparkline: points.map((p) => ({ period: p.period, value: p.value })),
  };
}

const round = (n: number, digits = 6) => Number(n.toFixed(digits));

function summary(row: IndicatorRow, targets: Target[], head: IndicatorSummary['headline']): IndicatorSummary {
  return {
    id: row.id,
    name: row.name as Texts,
    shortName: row.short_name as Texts,
    unit: row.unit,
    direction: row.direction,
    referencePeriod: row.reference_period,
    population: row.population,
    source: { name: row.source_name, url: row.source_url, dataset: row.dataset_code },
    breakdowns: row.breakdowns as Dimension[],
    goals: row.goal_codes,
    goalsAssignedBy: row.goals_assigned_by,
    targets,
    headline: head,
  };
}

export async function listIndicators(db: Db, filter: { goal?: string } = {}): Promise<IndicatorSummary[]> {
  const rows = (await repo.listIndicators(db)).filter((r) => !filter.goal || r.goal_codes.includes(filter.goal));
  const targets = await repo.targets(db, rows.map((r) => r.id));
  const names = await nameMap(db, [...new Set(rows.map((r) => r.home_geo))]);
  return Promise.all(
    rows.map(async (row) => {
      const own = targets.filter((t) => t.indicator_id === row.id).map(toTarget);
      const series = await repo.observations(db, row.id, { geos: [row.home_geo], breakdownKey: breakdownKey(breakdownFor(row)) });
      return summary(row, own, headline(row, own, series, names.get(row.home_geo) ?? null));
    }),
  );
}

export async function getIndicator(db: Db, id: string): Promise<IndicatorDetail> {
  const row = await requireIndicator(db, id);
  const targets = (await repo.targets(db, [id])).map(toTarget);
  const total = breakdownKey(breakdownFor(row));
  const [series, geoCodes, keys, range, defaults] = await Promise.all([
    repo.observations(db, id, { geos: [row.home_geo], breakdownKey: total }),
    repo.observedGeos(db, id),
    repo.breakdownKeys(db, id),
    repo.periodRange(db, id),
    repo.observations(db, id, { geos: row.default_geos, breakdownKey: total }),
  ]);
  const geos = await repo.geoNames(db, geoCodes);
  const known = new Map(geos.map((g) => [g.code, g]));
  const breakdownValues: IndicatorDetail['breakdownValues'] = {};
  for (const dim of row.breakdowns as Dimension[]) {
    breakdownValues[dim] = [...new Set(keys.map((k) => (k.breakdown as Breakdown)[dim]).filter((v): v is string => !!v))].sort();
  }
  return {
    ...summary(row, targets, headline(row, targets, series, known.get(row.home_geo)?.name ?? null)),
    definition: row.definition as Texts,
    methodology: row.methodology as Texts,
    notes: row.notes as IndicatorDetail['notes'],
    homeGeo: row.home_geo,
    defaultGeos: row.default_geos,
    geos: geoCodes.map((code) => ({ code, name: known.get(code)?.name ?? null, level: levelOf(code), country: known.get(code)?.country ?? (levelOf(code) === null ? null : code.slice(0, 2)) })),
    breakdownValues,
    periods: range?.from != null && range.to != null ? { from: Number(range.from), to: Number(range.to) } : null,
    breaks: defaults.filter((o) => o.flags.includes('b')).map((o) => ({ geo: o.geo, period: o.period })),
  };
}

/** Straight line from the latest value to each target ahead, beside the gain of the last ten years. */
function trajectories(targets: Target[], geo: string, series: StoredObservation[]): ObservationsResponse['trajectories'] {
  const points = valued(series);
  const last = points.at(-1);
  if (!last) return [];
  const window = points.filter((p) => p.period >= last.period - HISTORY_YEARS);
  const first = window[0]!;
  const historical = first.period < last.period ? round((last.value - first.value) / (last.period - first.period)) : null;
  return targetsAhead(targets, geo, last.period).map((target) => ({
    geo,
    target,
    from: { period: last.period, value: last.value },
    requiredYearlyGain: round((target.value - last.value) / (target.year - last.period)),
    historicalYearlyGain: historical,
    historicalFrom: historical === null ? null : first.period,
  }));
}

export async function getObservations(db: Db, id: string, query: ObservationQuery): Promise<ObservationsResponse> {
  const row = await requireIndicator(db, id);
  for (const dim of ['sex', 'age', 'isced11', 'wstatus'] as const) {
    if (query[dim] !== undefined && !(row.breakdowns as Dimension[]).includes(dim)) {
      throw new HttpProblem(400, 'validation', `Indicator "${id}" has no ${dim} breakdown.`, [{ field: dim, reason: `not a breakdown of ${id}` }]);
    }
  }
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
    throw new HttpProblem(400, 'validation', '"from" is after "to".', [{ field: 'from', reason: 'must not be after to' }]);
  }
  const geoCodes = query.geo?.length ? [...new Set(query.geo)].slice(0, 50) : row.default_geos;
  const breakdown = breakdownFor(row, query);
  const observations = await repo.observations(db, id, { geos: geoCodes, from: query.from, to: query.to, breakdownKey: breakdownKey(breakdown) });
  const targets = (await repo.targets(db, [id])).map(toTarget);
  const names = await repo.geoNames(db, geoCodes);
  const byCode = new Map(names.map((g) => [g.code, g]));
  return {
    indicator: id,
    breakdown,
    geos: geoCodes.map((code) => ({ code, name: byCode.get(code)?.name ?? null, level: levelOf(code), country: byCode.get(code)?.country ?? null })),
    observations,
    trajectories: geoCodes.flatMap((geo) => trajectories(targets, geo, observations.filter((o) => o.geo === geo))),
  };
}

export async function getRanking(db: Db, id: string, query: { year?: number; level: number; sex?: string }): Promise<Ranking> {
  const row = await requireIndicator(db, id);
  if (query.sex !== undefined && !(row.breakdowns as Dimension[]).includes('sex')) {
    throw new HttpProblem(400, 'validation', `Indicator "${id}" has no sex breakdown.`, [{ field: 'sex', reason: `not a breakdown of ${id}` }]);
  }
  const bk = breakdownKey(breakdownFor(row, { sex: query.sex }));
  const years = await repo.yearsAtLevel(db, id, bk, query.level);
  const year = query.year ?? years.at(-1);
  const country = row.home_geo.slice(0, 2);
  if (year === undefined) return { indicator: id, year: query.year ?? 0, level: query.level, years, homeGeo: row.home_geo, rows: [], references: [], withoutValue: 0 };
  const all = await repo.atLevel(db, id, bk, query.level, year);
  const ranked = all.filter((r): r is typeof r & { value: number } => r.value !== null);
  const referenceCodes = ['EU27_2020', country, ...(await repo.observedGeos(db, id)).filter((g) => levelOf(g) === 1 && g.startsWith(country))];
  const names = await nameMap(db, [...ranked.map((r) => r.geo), ...referenceCodes]);
  const refValues = await repo.observations(db, id, { geos: referenceCodes, from: year, to: year, breakdownKey: bk });
  let rank = 0;
  return {
    indicator: id,
    year,
    level: query.level,
    years,
    homeGeo: row.home_geo,
    // Competition ranking: equal values share a rank, the next rank skips ("1, 2, 2, 4").
    rows: ranked.map((r, i) => {
      if (i === 0 || r.value !== ranked[i - 1]!.value) rank = i + 1;
      return { rank, geo: r.geo, name: names.get(r.geo) ?? null, country: levelOf(r.geo) === null ? null : r.geo.slice(0, 2), value: r.value, flags: [...r.flags] as Observation['flags'], highlighted: r.geo.startsWith(row.home_geo) };
    }),
    references: referenceCodes.map((geo) => {
      const o = refValues.find((v) => v.geo === geo);
      return { geo, name: names.get(geo) ?? null, value: o?.value ?? null, flags: o?.flags ?? [] };
    }),
    withoutValue: all.length - ranked.length,
  };
}

export async function exportObservations(db: Db, id: string, format: 'csv' | 'jsonstat'): Promise<string> {
  const row = await requireIndicator(db, id);
  const observations = await repo.observations(db, id, {});
  const names = await nameMap(db);
  if (format === 'csv') return toObservationCsv(observations, names);
  const name = row.name as Texts;
  return JSON.stringify(
    toJsonStat({ id, label: name.en ?? name.nl ?? id, source: row.source_name, updated: new Date().toISOString().slice(0, 10), breakdowns: row.breakdowns as Dimension[], geoNames: names, observations }),
  );
}
