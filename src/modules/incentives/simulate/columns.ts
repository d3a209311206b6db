import { factCatalogue, type FactInfo, type Facts, type FactValue } from '../engine/facts.schema.ts';

// A population stored by column: one typed array per fact, as the vectorised evaluator and the
// DuckDB load read them. Numbers are Float64Array (or Int32Array for whole numbers), dates are day
// numbers since 1970-01-01 (Int32Array), enumerations, codes and booleans are small integer codes
// into a dictionary. `known` is a 0/1 mask where a fact may be absent (null = always known).

export type NumberArray = Float64Array | Int32Array;
export type CodeArray = Uint8Array | Uint16Array;

export type Column =
  | { kind: 'num'; values: NumberArray; known: Uint8Array | null }
  | { kind: 'date'; values: Int32Array; known: Uint8Array | null }
  | { kind: 'code'; values: CodeArray; dict: readonly (string | boolean)[]; known: Uint8Array | null };

export interface ColumnStore {
  n: number;
  /** keyed by fact path ("person.weeklyHours"); every path of the vocabulary is present */
  columns: Map<string, Column>;
}

/** The column kind a fact is stored as. */
export function columnKind(f: FactInfo): Column['kind'] {
  if (f.kind === 'number' || f.kind === 'integer') return 'num';
  return f.kind === 'date' ? 'date' : 'code';
}

/** The fixed dictionary of a fact, or undefined for open codes (joint committee, NACE) found in the data. */
export function fixedDict(f: FactInfo): readonly (string | boolean)[] | undefined {
  if (f.kind === 'boolean') return [false, true];
  return f.kind === 'enum' ? f.values : undefined;
}

// ---- Dates as day numbers, without time zones; years before 100 are handled (setUTCFullYear). ----

export function dayNumber(y: number, m: number, d: number): number {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return Math.round(t.getTime() / 86_400_000);
}

export function dayOfIso(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return dayNumber(y!, m!, d!);
}

export function isoOfDay(day: number): string {
  const t = new Date(day * 86_400_000);
  const y = t.getUTCFullYear();
  const ys = y < 0 ? `-${String(-y).padStart(6, '0')}` : String(y).padStart(4, '0');
  return `${ys}-${String(t.getUTCMonth() + 1).padStart(2, '0')}-${String(t.getUTCDate()).padStart(2, '0')}`;
}

// ---- Building a store from fact objects (scenarios, tests) and reading a row back ----

/** Columns from a list of profiles; every value must already be valid (validateFacts). */
export function storeFromFacts(rows: readonly Facts[]): ColumnStore {
  const n = rows.length;
  const columns = new Map<string, Column>();
  for (const f of factCatalogue.values()) {
    const [entity, key] = f.path.split('.') as [keyof Facts, string];
    const get = (i: number) => (rows[i]![entity] as Record<string, FactValue | undefined> | undefined)?.[key];
    const known = new Uint8Array(n);
    const kind = columnKind(f);
    if (kind === 'num' || kind === 'date') {
      const values = kind === 'num' ? new Float64Array(n) : new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const v = get(i);
        if (v === undefined) continue;
        known[i] = 1;
        values[i] = kind === 'num' ? (v as number) : dayOfIso(v as string);
      }
      columns.set(f.path, kind === 'num' ? { kind, values, known } : { kind, values: values as Int32Array, known });
    } else {
      const dict: (string | boolean)[] = [...(fixedDict(f) ?? [])];
      const codes = new Map(dict.map((v, c) => [v, c]));
      const values = new Uint16Array(n);
      for (let i = 0; i < n; i++) {
        const v = get(i) as string | boolean | undefined; // codes and booleans (validated facts)
        if (v === undefined) continue;
        let c = codes.get(v);
        if (c === undefined) {
          c = dict.length;
          dict.push(v);
          codes.set(v, c);
        }
        known[i] = 1;
        values[i] = c;
      }
      columns.set(f.path, { kind: 'code', values, dict, known });
    }
  }
  return { n, columns };
}

/** The value of one fact in row i, or undefined when absent. */
export function cellValue(col: Column, i: number): FactValue | undefined {
  if (col.known && !col.known[i]) return undefined;
  if (col.kind === 'num') return col.values[i]!;
  if (col.kind === 'date') return isoOfDay(col.values[i]!);
  return col.dict[col.values[i]!];
}

/** Row i as a facts object, for the scalar engine. */
export function factsOfRow(store: ColumnStore, i: number): Facts {
  const out: Record<string, Record<string, FactValue>> = {};
  for (const [path, col] of store.columns) {
    const v = cellValue(col, i);
    if (v === undefined) continue;
    const [entity, key] = path.split('.') as [string, string];
    (out[entity] ??= {})[key] = v;
  }
  return out as Facts;
}

/** Bytes held by the columns (values and masks). */
export function storeBytes(store: ColumnStore): number {
  let b = 0;
  for (const c of store.columns.values()) b += c.values.byteLength + (c.known?.byteLength ?? 0);
  return b;
}
