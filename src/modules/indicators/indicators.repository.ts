import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Breakdown, Flag } from './indicators.schema.ts';
import { breakdownKey, type ObservationRow } from './observation-rows.ts';

// SQL for the tables this module owns. Nothing outside src/modules/indicators uses them.

const j = (v: unknown) => JSON.stringify(v ?? null);
export type StoredObservation = { geo: string; period: number; breakdown: Breakdown; value: number | null; flags: Flag[]; source: string };
const toFlags = (s: string) => [...s] as Flag[];

/**
 * NUTS level from the code's shape: countries have 2 letters, NUTS 1 one more character, NUTS 2 two
 * more. EU and EA codes (EU27_2020, EA20, EU28) are aggregates, not regions.
 */
const levelPattern = ['^[A-Z]{2}$', '^[A-Z]{2}[A-Z0-9]$', '^[A-Z]{2}[A-Z0-9]{2}$'].map((p) => p.replace('^', '^(?!EU|EA)'));
const levelRegex = levelPattern.map((p) => new RegExp(p));
export const levelOf = (code: string): number | null => {
  const level = levelRegex.findIndex((r) => r.test(code));
  return level < 0 ? null : level;
};

export const indicatorRepository = {
  async listIndicators(db: Db) {
    return db.selectFrom('indicator').selectAll().orderBy('position').orderBy('id').execute();
  },

  async getIndicator(db: Db, id: string) {
    return db.selectFrom('indicator').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async targets(db: Db, ids: string[]) {
    if (!ids.length) return [];
    return db.selectFrom('indicator_target').selectAll().where('indicator_id', 'in', ids).orderBy('year').orderBy('value').execute();
  },

  async geoNames(db: Db, codes?: string[]) {
    let q = db.selectFrom('indicator_geo').select(['code', 'name', 'level', 'country']);
    if (codes) {
      if (!codes.length) return [];
      q = q.where('code', 'in', codes);
    }
    return q.execute();
  },

  async observations(db: Db, id: string, opts: { geos?: string[]; from?: number; to?: number; breakdownKey?: string }): Promise<StoredObservation[]> {
    let q = db.selectFrom('indicator_observation').select(['geo', 'period', 'breakdown', 'value', 'flags', 'source']).where('indicator_id', '=', id);
    if (opts.geos) q = q.where('geo', 'in', opts.geos.length ? opts.geos : ['']);
    if (opts.from !== undefined) q = q.where('period', '>=', opts.from);
    if (opts.to !== undefined) q = q.where('period', '<=', opts.to);
    if (opts.breakdownKey !== undefined) q = q.where('breakdown_key', '=', opts.breakdownKey);
    const rows = await q.orderBy('breakdown_key').orderBy('geo').orderBy('period').execute();
    return rows.map((r) => ({ ...r, breakdown: r.breakdown as Breakdown, flags: toFlags(r.flags) }));
  },

  async observedGeos(db: Db, id: string): Promise<string[]> {
    const rows = await db.selectFrom('indicator_observation').select('geo').distinct().where('indicator_id', '=', id).orderBy('geo').execute();
    return rows.map((r) => r.geo);
  },

  async breakdownKeys(db: Db, id: string) {
    return db.selectFrom('indicator_observation').select(['breakdown_key', 'breakdown']).distinct().where('indicator_id', '=', id).execute();
  },

  async periodRange(db: Db, id: string) {
    return db.selectFrom('indicator_observation').select((eb) => [eb.fn.min('period').as('from'), eb.fn.max('period').as('to')]).where('indicator_id', '=', id).executeTakeFirst();
  },

  /** Values of one breakdown at one NUTS level for a year, highest first. */
  async atLevel(db: Db, id: string, bk: string, level: number, year: number) {
    return db
      .selectFrom('indicator_observation')
      .select(['geo', 'value', 'flags'])
      .where('indicator_id', '=', id)
      .where('breakdown_key', '=', bk)
      .where('period', '=', year)
      .where(sql<boolean>`geo ~ ${levelPattern[level]!}`)
      .orderBy('value', (ob) => ob.desc().nullsLast())
      .orderBy('geo')
      .execute();
  },

  async yearsAtLevel(db: Db, id: string, bk: string, level: number): Promise<number[]> {
    const rows = await db
      .selectFrom('indicator_observation')
      .select('period')
      .distinct()
      .where('indicator_id', '=', id)
      .where('breakdown_key', '=', bk)
      .where('value', 'is not', null)
      .where(sql<boolean>`geo ~ ${levelPattern[level]!}`)
      .orderBy('period')
      .execute();
    return rows.map((r) => r.period);
  },

  async isImported(db: Db, sha256: string): Promise<boolean> {
    return !!(await db.selectFrom('indicator_import').select('sha256').where('sha256', '=', sha256).executeTakeFirst());
  },

  async recordImport(db: Db, row: { sha256: string; fileName: string; format: string; observations: number }) {
    await db
      .insertInto('indicator_import')
      .values({ sha256: row.sha256, file_name: row.fileName, format: row.format, observations: row.observations })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
  },

  /**
   * Inserts new observations and updates changed ones, in batches; returns how many of each.
   * `xmax = 0` tells a freshly inserted row from an updated one; unchanged rows are not touched.
   */
  async upsertObservations(db: Db, indicatorId: string, rows: ObservationRow[], sourceOf: (row: ObservationRow) => string) {
    let inserted = 0;
    let updated = 0;
    const batch = 1000;
    for (let i = 0; i < rows.length; i += batch) {
      const values = rows.slice(i, i + batch).map((r) => ({
        indicator_id: indicatorId,
        geo: r.geo,
        period: r.period,
        breakdown_key: breakdownKey(r.breakdown),
        breakdown: j(r.breakdown),
        value: r.value,
        flags: r.flags.join(''),
        source: sourceOf(r),
      }));
      const result = await db
        .insertInto('indicator_observation')
        .values(values)
        .onConflict((oc) =>
          oc
            .columns(['indicator_id', 'breakdown_key', 'geo', 'period'])
            .doUpdateSet((eb) => ({ value: eb.ref('excluded.value'), flags: eb.ref('excluded.flags'), source: eb.ref('excluded.source'), updated_at: sql`now()` }))
            .where(sql<boolean>`(indicator_observation.value, indicator_observation.flags, indicator_observation.source) IS DISTINCT FROM (excluded.value, excluded.flags, excluded.source)`),
        )
        .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
        .execute();
      for (const r of result) {
        if (r.inserted) inserted++;
        else updated++;
      }
    }
    return { inserted, updated, unchanged: rows.length - inserted - updated };
  },

  async insertIndicatorIfMissing(db: Db, row: Parameters<typeof insertIndicatorValues>[0]): Promise<boolean> {
    const res = await db.insertInto('indicator').values(insertIndicatorValues(row)).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
  },

  async insertTargetIfMissing(db: Db, t: { indicatorId: string; kind: 'target' | 'benchmark'; value: number; year: number; label: object; appliesTo: string | null; source: { name: string; url: string } }) {
    const res = await db
      .insertInto('indicator_target')
      .values({ indicator_id: t.indicatorId, kind: t.kind, value: t.value, year: t.year, label: j(t.label), applies_to: t.appliesTo, source_name: t.source.name, source_url: t.source.url })
      .onConflict((oc) => oc.columns(['indicator_id', 'kind', 'year', 'value']).doNothing())
      .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
  },

  /** Geo names come from a classification file: new codes are added, changed names updated. */
  async upsertGeos(db: Db, rows: Array<{ code: string; name: string; level: number | null; country: string | null; source: string }>) {
    let changed = 0;
    for (let i = 0; i < rows.length; i += 500) {
      const res = await db
        .insertInto('indicator_geo')
        .values(rows.slice(i, i + 500))
        .onConflict((oc) =>
          oc
            .column('code')
            .doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), level: eb.ref('excluded.level'), country: eb.ref('excluded.country'), source: eb.ref('excluded.source') }))
            .where(sql<boolean>`(indicator_geo.name, indicator_geo.level, indicator_geo.country, indicator_geo.source) IS DISTINCT FROM (excluded.name, excluded.level, excluded.country, excluded.source)`),
        )
        .executeTakeFirst();
      changed += Number(res.numInsertedOrUpdatedRows ?? 0);
    }
    return changed;
  },
};

function insertIndicatorValues(d: {
  id: string;
  position: number;
  name: object;
  shortName: object;
  definition: object;
  methodology: object;
  notes: object[];
  unit: 'percent' | 'number';
  direction: 'higher-is-better' | 'lower-is-better';
  referencePeriod: '4-weeks' | '12-months';
  population: string;
  source: { name: string; url: string; dataset: string | null };
  breakdowns: string[];
  goals: string[];
  goalsAssignedBy: 'source' | 'koers-editors';
  homeGeo: string;
  defaultGeos: string[];
}) {
  return {
    id: d.id,
    position: d.position,
    name: j(d.name),
    short_name: j(d.shortName),
    definition: j(d.definition),
    methodology: j(d.methodology),
    notes: j(d.notes),
    unit: d.unit,
    direction: d.direction,
    reference_period: d.referencePeriod,
    population: d.population,
    source_name: d.source.name,
    source_url: d.source.url,
    dataset_code: d.source.dataset,
    breakdowns: d.breakdowns,
    goal_codes: d.goals,
    goals_assigned_by: d.goalsAssignedBy,
    home_geo: d.homeGeo,
    default_geos: d.defaultGeos,
  };
}
