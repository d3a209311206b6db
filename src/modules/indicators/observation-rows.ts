import { dimensions, flagCodes, type Breakdown, type Dimension, type Flag } from './indicators.schema.ts';

// The common shape every import format is parsed into, and the problems found on the way.
export type ObservationRow = { line: number; geo: string; period: number; breakdown: Breakdown; value: number | null; flags: Flag[] };
export type RowProblem = { line: number; column: string; reason: string };
export type Parsed = { rows: ObservationRow[]; problems: RowProblem[] };

/** The "total" code of each breakdown dimension: what a query without that dimension means. */
export const totals: Record<Dimension, string> = { sex: 'T', age: 'Y25-64', isced11: 'TOTAL', wstatus: 'POP' };

const flagSet = new Set<string>(flagCodes);
export const geoPattern = /^[A-Za-z0-9_-]{1,20}$/;
export const codePattern = /^[A-Za-z0-9_.+-]{1,20}$/;

export function isDimension(name: string): name is Dimension {
  return (dimensions as readonly string[]).includes(name);
}

/** Canonical key of a breakdown: "dim=value;…" sorted by dimension ('' for none). */
export function breakdownKey(breakdown: Breakdown): string {
  return Object.entries(breakdown)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join(';');
}

/** Parses flag letters ("bu"); returns the unknown letters too so the caller can report them. */
export function parseFlags(text: string): { flags: Flag[]; unknown: string[] } {
  const flags: Flag[] = [];
  const unknown: string[] = [];
  for (const letter of text.trim()) {
    if (flagSet.has(letter)) {
      if (!flags.includes(letter as Flag)) flags.push(letter as Flag);
    } else unknown.push(letter);
  }
  return { flags: flags.sort(), unknown };
}

/** A decimal number as published ("11.2", "-0.5"); anything else is refused rather than guessed. */
export function parseValue(text: string): number | null {
  const t = text.trim();
  if (!/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

export function parsePeriod(text: string): number | null {
  const t = text.trim();
  if (!/^\d{4}$/.test(t)) return null;
  const n = Number(t);
  return n >= 1900 && n <= 2100 ? n : null;
}

/** Rejects the same key twice in one file: a re-import updates, but one file must not contradict itself. */
export function findDuplicates(rows: ObservationRow[]): RowProblem[] {
  const seen = new Map<string, number>();
  const problems: RowProblem[] = [];
  for (const row of rows) {
    const key = `${row.geo}|${row.period}|${breakdownKey(row.breakdown)}`;
    const first = seen.get(key);
    if (first !== undefined) problems.push({ line: row.line, column: 'geo', reason: `same geo, period and breakdown as line ${first}` });
    else seen.set(key, row.line);
  }
  return problems;
}
