import { z } from 'zod';
import type { Breakdown, Dimension, Observation } from './indicators.schema.ts';
import { codePattern, geoPattern, isDimension, parseFlags, parsePeriod, type ObservationRow, type Parsed, type RowProblem } from './observation-rows.ts';

// JSON-stat 2.0 datasets (https://json-stat.org/format/): dimensions geo and time (or TIME_PERIOD),
// optional breakdown dimensions, values as an array or a sparse object, flags in `status`.

const categorySchema = z.object({
  index: z.union([z.array(z.string()), z.record(z.string(), z.number().int().min(0))]).optional(),
  label: z.record(z.string(), z.string()).optional(),
});
const datasetSchema = z.object({
  version: z.literal('2.0'),
  class: z.literal('dataset'),
  id: z.array(z.string()).min(1),
  size: z.array(z.number().int().min(1)),
  dimension: z.record(z.string(), z.object({ label: z.string().optional(), category: categorySchema })),
  value: z.union([z.array(z.number().nullable()), z.record(z.string(), z.number().nullable())]),
  status: z.union([z.string(), z.array(z.string().nullable()), z.record(z.string(), z.string())]).optional(),
});

const timeDims = new Set(['time', 'TIME_PERIOD']);
const datasetDims = new Set(['freq', 'unit', 'indicator']);

/** Category codes of a dimension in index order. */
function codes(category: z.infer<typeof categorySchema>): string[] {
  const { index, label } = category;
  if (Array.isArray(index)) return index;
  if (index) return Object.entries(index).sort(([, a], [, b]) => a - b).map(([code]) => code);
  return Object.keys(label ?? {}); // a single-category dimension may give labels only
}

export function parseJsonStat(text: string, breakdowns: readonly Dimension[]): Parsed {
  const problems: RowProblem[] = [];
  const rows: ObservationRow[] = [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { rows, problems: [{ line: 1, column: '-', reason: `not JSON: ${(error as Error).message}` }] };
  }
  const parsed = datasetSchema.safeParse(json);
  if (!parsed.success) {
    return { rows, problems: parsed.error.issues.map((i) => ({ line: 1, column: i.path.join('.') || '-', reason: `not a JSON-stat 2.0 dataset: ${i.message}` })) };
  }
  const ds = parsed.data;
  const fail = (column: string, reason: string) => ({ rows, problems: [...problems, { line: 1, column, reason }] });
  if (ds.id.length !== ds.size.length) return fail('size', `${ds.size.length} sizes for ${ds.id.length} dimensions`);
  const cats = ds.id.map((id) => (ds.dimension[id] ? codes(ds.dimension[id].category) : null));
  for (const [i, id] of ds.id.entries()) {
    if (!cats[i]) return fail(`dimension.${id}`, `dimension "${id}" is listed in id but not described`);
    if (cats[i].length !== ds.size[i]) return fail(`size`, `dimension "${id}" has ${cats[i].length} categories but size says ${ds.size[i]}`);
    if (id !== 'geo' && !timeDims.has(id) && !datasetDims.has(id) && !isDimension(id)) return fail(`dimension.${id}`, `unknown dimension "${id}"`);
    if (!isDimension(id) && id !== 'geo' && !timeDims.has(id) && ds.size[i] !== 1) return fail(`dimension.${id}`, `"${id}" must have one category`);
    if (isDimension(id) && !breakdowns.includes(id) && ds.size[i] !== 1) return fail(`dimension.${id}`, `the indicator has no ${id} breakdown, so "${id}" must have one category`);
  }
  const geoAt = ds.id.indexOf('geo');
  const timeAt = ds.id.findIndex((id) => timeDims.has(id));
  if (geoAt < 0 || timeAt < 0) return fail('id', 'the dataset needs a geo and a time (or TIME_PERIOD) dimension');
  const total = ds.size.reduce((a, b) => a * b, 1);
  if (Array.isArray(ds.value) && ds.value.length !== total) return fail('value', `${ds.value.length} values where the sizes give ${total} cells`);
  const status = (i: number): string => {
    if (typeof ds.status === 'string') return ds.status;
    if (Array.isArray(ds.status)) return ds.status[i] ?? '';
    return ds.status?.[String(i)] ?? '';
  };

  const cells = Array.isArray(ds.value) ? ds.value.map((v, i) => [i, v] as const) : Object.entries(ds.value).map(([k, v]) => [Number(k), v] as const);
  for (const [index, value] of cells) {
    if (!Number.isInteger(index) || index < 0 || index >= total) {
      problems.push({ line: 1, column: `value.${index}`, reason: `index outside the ${total} cells the sizes give` });
      continue;
    }
    // row-major position → one category per dimension (the last dimension varies fastest)
    let rest = index;
    const at = new Array<string>(ds.id.length);
    for (let d = ds.id.length - 1; d >= 0; d--) {
      at[d] = cats[d]![rest % ds.size[d]!]!;
      rest = Math.floor(rest / ds.size[d]!);
    }
    const { flags, unknown } = parseFlags(status(index));
    if (unknown.length) problems.push({ line: 1, column: `status.${index}`, reason: `unknown flag "${unknown.join('')}"` });
    if (value === null && !flags.length) continue;
    const geo = at[geoAt]!;
    const period = parsePeriod(at[timeAt]!);
    if (!geoPattern.test(geo)) problems.push({ line: 1, column: `value.${index}`, reason: `"${geo}" is not a valid geo code` });
    if (period === null) problems.push({ line: 1, column: `value.${index}`, reason: `"${at[timeAt]}" is not a year` });
    const breakdown: Breakdown = {};
    ds.id.forEach((id, d) => {
      if (isDimension(id) && breakdowns.includes(id)) {
        if (!codePattern.test(at[d]!)) problems.push({ line: 1, column: `dimension.${id}`, reason: `"${at[d]}" is not a valid code` });
        breakdown[id] = at[d]!;
      }
    });
    if (period !== null && geoPattern.test(geo)) rows.push({ line: 1, geo, period, breakdown, value, flags });
  }
  return { rows, problems };
}

/** A JSON-stat 2.0 dataset of observations: dimensions geo, time and the indicator's breakdowns. */
export function toJsonStat(input: {
  id: string;
  label: string;
  source: string;
  updated: string;
  breakdowns: readonly Dimension[];
  geoNames: Map<string, string | null>;
  observations: Observation[];
}): object {
  const geos = [...new Set(input.observations.map((o) => o.geo))].sort();
  const times = [...new Set(input.observations.map((o) => String(o.period)))].sort();
  const dims = input.breakdowns.map((d) => ({ id: d, values: [...new Set(input.observations.map((o) => o.breakdown[d] ?? ''))].sort() }));
  const ids = [...dims.map((d) => d.id), 'geo', 'time'];
  const cats = [...dims.map((d) => d.values), geos, times];
  const size = cats.map((c) => c.length);
  const position = cats.map((c) => new Map(c.map((code, i) => [code, i])));
  const total = size.reduce((a, b) => a * b, 1);
  const value: (number | null)[] = new Array(total).fill(null);
  const status: Record<string, string> = {};
  for (const o of input.observations) {
    const keys = [...dims.map((d) => o.breakdown[d.id] ?? ''), o.geo, String(o.period)];
    const index = keys.reduce((acc, key, d) => acc * size[d]! + position[d]!.get(key)!, 0);
    value[index] = o.value;
    if (o.flags.length) status[String(index)] = o.flags.join('');
  }
  const dimension: Record<string, object> = {};
  ids.forEach((id, d) => {
    const label = id === 'geo' ? Object.fromEntries(cats[d]!.map((c) => [c, input.geoNames.get(c) ?? c])) : Object.fromEntries(cats[d]!.map((c) => [c, c]));
    dimension[id] = { label: id, category: { index: cats[d], label } };
  });
  return { version: '2.0', class: 'dataset', label: input.label, source: input.source, updated: input.updated, id: ids, size, dimension, value, status, role: { geo: ['geo'], time: ['time'] }, extension: { indicator: input.id } };
}
