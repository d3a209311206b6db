import type { PeriodSpec } from './rule.schema.ts';

// Period arithmetic on ISO dates (YYYY-MM-DD) without time zones: the school year runs
// 1 September – 31 August, so 31 August and 1 September fall in different school years.

export interface Period { kind: PeriodSpec['kind']; start: string; end: string; label: string }

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function splitDate(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y!, m!, d!];
}

export function periodOf(spec: PeriodSpec, date: string): Period {
  const [y, m, d] = splitDate(date);
  switch (spec.kind) {
    case 'school-year': {
      const start = m >= 9 ? y : y - 1;
      return { kind: spec.kind, start: iso(start, 9, 1), end: iso(start + 1, 8, 31), label: `${start}-${start + 1}` };
    }
    case 'calendar-year':
      return { kind: spec.kind, start: iso(y, 1, 1), end: iso(y, 12, 31), label: String(y) };
    case 'month':
      return { kind: spec.kind, start: iso(y, m, 1), end: iso(y, m, daysIn(y, m)), label: `${y}-${pad(m)}` };
    case 'rolling-window': {
      // the N years that end on the reference date
      const sy = y - spec.years;
      const startDay = Math.min(d, daysIn(sy, m));
      const s = new Date(Date.UTC(sy, m - 1, startDay + 1));
      return { kind: spec.kind, start: s.toISOString().slice(0, 10), end: date, label: `${spec.years} years to ${date}` };
    }
  }
}

/** Whole years from `from` to `to` (an age): 2000-09-01 → 2025-08-31 is 24, → 2025-09-01 is 25. */
export function wholeYears(from: string, to: string): number {
  const [y1, m1, d1] = splitDate(from);
  const [y2, m2, d2] = splitDate(to);
  return y2 - y1 - (m2 < m1 || (m2 === m1 && d2 < d1) ? 1 : 0);
}
