// A tiny unit algebra for rule checking: "EUR", "hour/credit", "hour/week", "1" (dimensionless).
// Multiplying "hour/credit" by "credit" gives "hour"; adding "EUR" to "hour" is an error.
// `null` stands for a bare number literal, which takes the unit of whatever it meets.

export type Unit = ReadonlyMap<string, number> | null;

export const baseUnits = new Set(['EUR', 'hour', 'day', 'week', 'month', 'year', 'credit', 'employee', 'voucher', 'date']);

export function parseUnit(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const [num = '', den, extra] = text.split('/');
  if (extra !== undefined) throw new Error(`unit "${text}": at most one "/"`);
  const add = (part: string, sign: number) => {
    for (const u of part.split('*').map((s) => s.trim())) {
      if (u === '1' || u === '') continue;
      if (!baseUnits.has(u)) throw new Error(`unknown unit "${u}" (known: ${[...baseUnits].join(', ')}, 1)`);
      out.set(u, (out.get(u) ?? 0) + sign);
      if (out.get(u) === 0) out.delete(u);
    }
  };
  add(num, 1);
  if (den !== undefined) add(den, -1);
  return out;
}

export function formatUnit(u: Unit): string {
  if (u === null) return 'number';
  const num = [...u].filter(([, e]) => e > 0).flatMap(([k, e]) => Array<string>(e).fill(k));
  const den = [...u].filter(([, e]) => e < 0).flatMap(([k, e]) => Array<string>(-e).fill(k));
  return `${num.join('*') || '1'}${den.length ? `/${den.join('*')}` : ''}`;
}

export function sameUnit(a: Unit, b: Unit): boolean {
  if (a === null || b === null) return true;
  if (a.size !== b.size) return false;
  for (const [k, e] of a) if (b.get(k) !== e) return false;
  return true;
}

/** The unit of a sum/min/max/if: both sides must agree; a bare number adopts the other side's unit. */
export function unify(a: Unit, b: Unit): Unit | 'mismatch' {
  if (!sameUnit(a, b)) return 'mismatch';
  return a ?? b;
}

export function multiply(a: Unit, b: Unit, sign: 1 | -1): Unit {
  if (a === null && b === null) return null;
  const out = new Map(a ?? []);
  for (const [k, e] of b ?? []) {
    out.set(k, (out.get(k) ?? 0) + sign * e);
    if (out.get(k) === 0) out.delete(k);
  }
  return out;
}
