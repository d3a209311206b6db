import type { CompareOp } from './rule.schema.ts';

// Values during evaluation. Truth is three-valued (true, false, undefined = unknown, Kleene logic).
// Numbers are intervals so that a result that depends only on an unanswered exception or branch can
// still be given as a range; an unanswered fact inside arithmetic makes the value unknown.

export type Tri = boolean | undefined;
export type Val = { num: true; lo: number; hi: number } | { num: false; v: string | boolean } | undefined;

export const num = (lo: number, hi = lo): Val => ({ num: true, lo, hi });
export const other = (v: string | boolean): Val => ({ num: false, v });

/** Kleene conjunction: false wins over unknown. */
export function and(values: readonly Tri[]): Tri {
  if (values.includes(false)) return false;
  return values.includes(undefined) ? undefined : true;
}
/** Kleene disjunction: true wins over unknown. */
export function or(values: readonly Tri[]): Tri {
  if (values.includes(true)) return true;
  return values.includes(undefined) ? undefined : false;
}
export const not = (v: Tri): Tri => (v === undefined ? undefined : !v);

/** The smallest value covering both (a branch or exception that is still unknown). */
export function hull(a: Val, b: Val): Val {
  if (!a || !b) return undefined;
  if (a.num && b.num) return num(Math.min(a.lo, b.lo), Math.max(a.hi, b.hi));
  if (!a.num && !b.num && a.v === b.v) return a;
  return undefined;
}

export function arith(kind: 'add' | 'sub' | 'mul' | 'div' | 'min' | 'max', a: Val, b: Val): Val {
  if (!a?.num || !b?.num) return undefined;
  switch (kind) {
    case 'add': return num(a.lo + b.lo, a.hi + b.hi);
    case 'sub': return num(a.lo - b.hi, a.hi - b.lo);
    case 'min': return num(Math.min(a.lo, b.lo), Math.min(a.hi, b.hi));
    case 'max': return num(Math.max(a.lo, b.lo), Math.max(a.hi, b.hi));
    case 'mul': {
      const p = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi];
      return num(Math.min(...p), Math.max(...p));
    }
    case 'div': {
      if (b.lo <= 0 && b.hi >= 0) return undefined; // division by a value that may be 0
      const p = [a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi];
      return num(Math.min(...p), Math.max(...p));
    }
  }
}

export function roundTo(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round((x + Number.EPSILON * Math.sign(x)) * f) / f;
}

export function compare(op: CompareOp, a: Val, b: Val): Tri {
  if (!a || !b) return undefined;
  if (a.num && b.num) {
    switch (op) {
      case '<': return a.hi < b.lo ? true : a.lo >= b.hi ? false : undefined;
      case '<=': return a.hi <= b.lo ? true : a.lo > b.hi ? false : undefined;
      case '>': return a.lo > b.hi ? true : a.hi <= b.lo ? false : undefined;
      case '>=': return a.lo >= b.hi ? true : a.hi < b.lo ? false : undefined;
      case '=': case '!=': {
        const eq = a.lo === a.hi && b.lo === b.hi && a.lo === b.lo ? true : a.hi < b.lo || a.lo > b.hi ? false : undefined;
        return op === '=' ? eq : not(eq);
      }
    }
  }
  if (a.num || b.num) return undefined;
  switch (op) {
    case '=': return a.v === b.v;
    case '!=': return a.v !== b.v;
    // dates as ISO strings order correctly
    case '<': return a.v < b.v;
    case '<=': return a.v <= b.v;
    case '>': return a.v > b.v;
    case '>=': return a.v >= b.v;
  }
}
