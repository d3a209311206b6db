import { describe, expect, it } from 'vitest';
import { importErrorLines } from './import-error-lines.ts';

describe('importErrorLines', () => {
  it('puts each error of each row on its own line, leaving out rows without errors', () => {
    const rows = [
      { line: 2, reference: 'K-01', errors: [] },
      { line: 3, reference: 'K-02', errors: [{ column: 'status', reason: 'unknown status "x"' }, { column: null, reason: 'bad' }] },
    ];
    expect(importErrorLines(rows)).toEqual([
      { key: '3-0', row: rows[1], column: 'status', reason: 'unknown status "x"' },
      { key: '3-1', row: rows[1], column: null, reason: 'bad' },
    ]);
  });
});
