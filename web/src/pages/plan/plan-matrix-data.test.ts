import { describe, expect, it } from 'vitest';
import { cellCount, cellListPath, fullestCell, matrixByFromParams, type PlanMatrix } from './plan-matrix-data.ts';

const matrix: PlanMatrix = {
  by: 'flagship',
  rows: [{ code: 'individual', title: { en: 'the individual' } }],
  columns: [{ code: 'a', title: { en: 'knowledge agenda' } }],
  cells: [
    { row: 'individual', column: 'a', count: 2 },
    { row: 'individual', column: null, count: 0 },
    { row: null, column: 'a', count: 5 },
    { row: null, column: null, count: 5 },
  ],
  withoutRow: 10,
  withoutColumn: 5,
  recordedActionCount: 12,
  announcedActionCount: 47,
};

describe('plan matrix data', () => {
  it('reads the columns from the URL, themes unless flagships are asked for', () => {
    expect(matrixByFromParams(new URLSearchParams('by=flagship'))).toBe('flagship');
    expect(matrixByFromParams(new URLSearchParams('by=goal'))).toBe('theme');
    expect(matrixByFromParams(new URLSearchParams(''))).toBe('theme');
  });

  it('finds a cell, 0 when absent', () => {
    expect(cellCount(matrix, 'individual', 'a')).toBe(2);
    expect(cellCount(matrix, null, null)).toBe(5);
    expect(cellCount(matrix, 'society', 'a')).toBe(0);
  });

  it('links a cell to the action list filtered on it, "none" for the margins', () => {
    expect(cellListPath('flagship', 'individual', 'a')).toBe('/plan/actions?flagship=a&targetGroup=individual');
    expect(cellListPath('theme', null, 'skills')).toBe('/plan/actions?targetGroup=none&theme=skills');
    expect(cellListPath('theme', 'individual', null)).toBe('/plan/actions?targetGroup=individual&theme=none');
  });

  it('names the fullest cell, the first of equals', () => {
    expect(fullestCell(matrix)).toEqual({ row: null, column: 'a', count: 5 });
    expect(fullestCell({ ...matrix, cells: matrix.cells.map((c) => ({ ...c, count: 0 })) })).toBeNull();
  });
});
