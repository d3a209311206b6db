import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { factCatalogue, validateFacts, type Facts, type FactInfo } from './facts.schema.ts';
import { flemishRules } from '../flemish-rules.test-support.ts';

// Property tests over the bundled rules: evaluation never throws on partial facts, and answering one
// more question never turns a decided result back into "undetermined" (nor flips it).

const dateArb = fc.integer({ min: 1950, max: 2018 }).chain((y) => fc.constantFrom(`${y}-01-15`, `${y}-09-01`, `${y}-12-31`));
const numberArb: Record<string, fc.Arbitrary<number>> = {
  '1': fc.oneof(fc.constantFrom(0, 0.19, 0.2, 0.25, 0.49, 0.5, 0.74, 0.75, 0.79, 0.8, 1), fc.double({ min: 0, max: 1, noNaN: true })),
  'hour/week': fc.constantFrom(0, 19, 27, 28, 38),
  year: fc.constantFrom(0, 6.9, 7, 20),
  voucher: fc.integer({ min: 0, max: 3 }),
  employee: fc.constantFrom(0, 9, 10, 19, 20, 49, 50, 249, 250),
  EUR: fc.constantFrom(0, 100, 5000, 10_000_000, 12_000_000, 60_000_000),
  hour: fc.constantFrom(0, 31, 32, 40, 300),
  credit: fc.constantFrom(0, 2, 3, 30),
};
function valueArb(f: FactInfo): fc.Arbitrary<string | number | boolean> {
  if (f.kind === 'boolean') return fc.boolean();
  if (f.kind === 'enum') return fc.constantFrom(...f.values!);
  if (f.kind === 'date') return dateArb;
  if (f.path.endsWith('jointCommittee')) return fc.constantFrom('200', '124');
  if (f.path === 'employer.naceCode') return fc.constantFrom('01.11', '62.01');
  if (f.path === 'training.vksLevel') return fc.integer({ min: 1, max: 8 });
  return numberArb[f.unit] ?? fc.constantFrom(0, 1, 5);
}
const facts = [...factCatalogue.values()];
const profileArb = fc.tuple(...facts.map((f) => fc.option(valueArb(f), { nil: undefined, freq: 2 })));
const refDateArb = fc.constantFrom('2019-10-01', '2021-08-31', '2021-09-01', '2023-05-01', '2024-10-01', '2025-08-31', '2025-09-01', '2025-10-15', '2027-02-01');

function toFacts(values: readonly (string | number | boolean | undefined)[]): Facts {
  const out: Record<string, Record<string, unknown>> = {};
  values.forEach((v, i) => {
    if (v === undefined) return;
    const [entity, key] = facts[i]!.path.split('.') as [string, string];
    (out[entity] ??= {})[key] = v;
  });
  // the only cross-fact check: weekly hours with a zero employment fraction is impossible
  if (out.person?.employmentFraction === 0) delete out.person.weeklyHours;
  return out as Facts;
}

describe('engine properties', () => {
  it('never throws on arbitrary partial (valid) facts', () => {
    fc.assert(
      fc.property(profileArb, refDateArb, (values, date) => {
        const input = validateFacts({ referenceDate: date, facts: toFacts(values) });
        const results = evaluate(flemishRules, input.facts, input.referenceDate);
        expect(results).toHaveLength(flemishRules.length);
        for (const r of results) if (r.status !== 'undetermined') expect(r.missingFacts.every((f) => factCatalogue.has(f))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws even on values of the wrong type', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...facts.map((f) => f.path)), fc.jsonValue()), refDateArb, (dict, date) => {
        const f: Record<string, Record<string, unknown>> = {};
        for (const [p, v] of Object.entries(dict)) {
          const [e, k] = p.split('.') as [string, string];
          (f[e] ??= {})[k] = v;
        }
        evaluate(flemishRules, f as Facts, date);
      }),
      { numRuns: 200 },
    );
  });

  it('adding a fact never turns a determined result undetermined, nor changes it', () => {
    fc.assert(
      fc.property(profileArb, refDateArb, fc.nat(), (values, date, pick) => {
        const missing = values.map((v, i) => (v === undefined ? i : -1)).filter((i) => i >= 0);
        fc.pre(missing.length > 0);
        const i = missing[pick % missing.length]!;
        const value = fc.sample(valueArb(facts[i]!), { numRuns: 1, seed: pick })[0]!;
        const more = [...values];
        more[i] = value;
        const before = evaluate(flemishRules, validateFacts({ referenceDate: date, facts: toFacts(values) }).facts, date);
        const after = evaluate(flemishRules, validateFacts({ referenceDate: date, facts: toFacts(more) }).facts, date);
        before.forEach((b, k) => {
          if (b.status !== 'undetermined') expect(after[k]!.status, `${b.incentive} after adding ${facts[i]!.path}=${String(value)}`).toBe(b.status);
        });
      }),
      { numRuns: 400 },
    );
  });
});
