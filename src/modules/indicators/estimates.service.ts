import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/audit/audit.schema.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { HttpProblem } from '../../platform/errors/problem.ts';
import { dimensions, type Breakdown, type Dimension, type Flag } from './indicators.schema.ts';
import { indicatorRepository as repo } from './indicators.repository.ts';
import { codePattern, totals, type ObservationRow } from './observation-rows.ts';
import type { EstimateRow } from './survey/survey.schema.ts';

// Stores weighted survey estimates as observations of an indicator. The microdata never leaves
// the request: only the estimates are kept, with the upload named as their source.

export type SaveTarget = { indicator: string; geo: string; period: number; category?: string; source: string };

const problem = (field: string, reason: string) => new HttpProblem(400, 'validation', `Cannot store the estimates: ${reason}.`, [{ field, reason }]);

export async function saveEstimates(db: Db, actor: Actor, rows: EstimateRow[], target: SaveTarget) {
  const indicator = await repo.getIndicator(db, target.indicator);
  if (!indicator) throw problem('saveTo', `no indicator "${target.indicator}"`);
  const breakdowns = indicator.breakdowns as Dimension[];
  const chosen = rows.filter((r) => r.stat !== 'proportion' || r.category === target.category);
  if (rows.some((r) => r.stat === 'proportion') && !chosen.length) throw problem('category', 'name the category whose proportion is the indicator value');
  if (rows.some((r) => r.stat === 'total' || r.stat === 'ratio') && indicator.unit === 'percent') throw problem('stat', `${indicator.id} is a percentage: store a mean of a 0/1 variable or a proportion`);

  const observations: ObservationRow[] = chosen.map((r, i) => {
    const breakdown: Breakdown = {};
    for (const [column, value] of Object.entries(r.by)) {
      if (!(dimensions as readonly string[]).includes(column) || !breakdowns.includes(column as Dimension)) throw problem('by', `"${column}" is not a breakdown of ${indicator.id} (${breakdowns.join(', ') || 'none'})`);
      if (!codePattern.test(value)) throw problem('by', `"${value}" is not a valid ${column} code`);
      breakdown[column as Dimension] = value;
    }
    for (const dim of breakdowns) breakdown[dim] ??= totals[dim]; // no "by" on a dimension: the total
    const value = indicator.unit === 'percent' ? r.estimate * 100 : r.estimate;
    return { line: i + 1, geo: target.geo, period: target.period, breakdown, value: Number(value.toFixed(6)), flags: r.flags.filter((f): f is Flag => f === 'u') };
  });
  return db.transaction().execute(async (trx) => {
    const counts = await repo.upsertObservations(trx, indicator.id, observations, () => target.source);
    await recordAudit(trx, { actor, action: 'store-estimates', entityType: 'indicator', entityId: indicator.id, before: null, after: { geo: target.geo, period: target.period, source: target.source, ...counts } });
    return { indicator: indicator.id, stored: observations.length, ...counts };
  });
}
