import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allRows, and, count, countAnd, fromRows, has, union } from './catalog-facet-bits.ts';

describe('row sets', () => {
  it('counts, intersects and unites as sets of row numbers do', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }).chain((n) => fc.tuple(fc.constant(n), fc.uniqueArray(fc.nat(n - 1)), fc.uniqueArray(fc.nat(n - 1)))), ([n, xs, ys]) => {
        const a = fromRows(n, xs);
        const b = fromRows(n, ys);
        const inBoth = xs.filter((x) => ys.includes(x));
        expect(count(a)).toBe(xs.length);
        expect(countAnd(a, b)).toBe(inBoth.length);
        expect(count(and(a, b))).toBe(inBoth.length);
        expect(count(union(n, [a, b]))).toBe(new Set([...xs, ...ys]).size);
        expect(count(allRows(n))).toBe(n);
        for (let r = 0; r < n; r++) expect(has(a, r)).toBe(xs.includes(r));
      }),
      { numRuns: 200 },
    );
  });
});
