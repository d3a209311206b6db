import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smallest } from './catalog-facet-index.ts';

describe('smallest (the page of a sort by start date or price)', () => {
  it('gives the first k in the order of the comparator, as a full sort would', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: -1e6, max: 1e6 }), { maxLength: 300 }), fc.nat(320), (xs, k0) => {
        const k = Math.min(k0, xs.length);
        const want = xs.map((_, i) => i).sort((a, b) => xs[a]! - xs[b]!).slice(0, k);
        expect(Array.from(smallest(xs.length, k, (a, b) => xs[a]! - xs[b]!))).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });
});
