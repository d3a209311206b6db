import type { Parameter, ParameterValue } from './rule.schema.ts';

// Dated parameters: the value in force on the reference date. A value without validUntil runs until
// the day before the next value's validFrom (OpenFisca style); a gap between values gives no value.

export function selectParameterValue(p: Parameter, date: string): ParameterValue | undefined {
  for (let i = p.values.length - 1; i >= 0; i--) {
    const v = p.values[i]!;
    if (v.validFrom > date) continue;
    if (v.validUntil && v.validUntil < date) return undefined;
    return v;
  }
  return undefined;
}
