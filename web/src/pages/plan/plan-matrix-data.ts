// The matrix page's data and its drill-down links; the shape comes from the server's zod contract.
import type { z } from 'zod';
import type { matrixSchema } from '../../../../src/modules/plan/plan.schema.ts';
import { noneValue, paramsFromFilters } from './action-query.ts';

export type PlanMatrix = z.infer<typeof matrixSchema>;
export type MatrixBy = PlanMatrix['by'];

/** The columns asked for in the URL: themes (the plan's own matrix) unless flagships are asked for. */
export function matrixByFromParams(params: URLSearchParams): MatrixBy {
  return params.get('by') === 'flagship' ? 'flagship' : 'theme';
}

/** The count of one cell; null stands for "none recorded". */
export function cellCount(matrix: PlanMatrix, row: string | null, column: string | null): number {
  return matrix.cells.find((cell) => cell.row === row && cell.column === column)?.count ?? 0;
}

/** The action list filtered on one cell: its target group and its theme or flagship (or "none"). */
export function cellListPath(by: MatrixBy, row: string | null, column: string | null): string {
  const params = paramsFromFilters({ targetGroup: row ?? noneValue, [by]: column ?? noneValue });
  return `/plan/actions?${params.toString()}`;
}

/** The fullest cell (ties: the first in reading order), or null when every cell is empty. */
export function fullestCell(matrix: PlanMatrix): PlanMatrix['cells'][number] | null {
  return matrix.cells.reduce<PlanMatrix['cells'][number] | null>((best, cell) => (cell.count > (best?.count ?? 0) ? cell : best), null);
}
