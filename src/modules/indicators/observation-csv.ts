import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { dimensions, type Breakdown, type Dimension, type Observation } from './indicators.schema.ts';
import { codePattern, geoPattern, parseFlags, parsePeriod, parseValue, type ObservationRow, type Parsed, type RowProblem } from './observation-rows.ts';

// Koers' own CSV layout for observations (documented in docs/indicators-csv.md):
//   geo,geo_name,period,sex,age,isced11,wstatus,value,flags,source
// One row per value. geo_name is informative (ignored on import); breakdown columns that the
// indicator does not use stay empty; value is a decimal with a point, empty when only flags are
// published; flags are Eurostat letters (b, u, e, p, c …). A UTF-8 BOM and ';' separators are accepted.
export const csvColumns = ['geo', 'geo_name', 'period', ...dimensions, 'value', 'flags', 'source'] as const;
const required = ['geo', 'period', 'value'];

export function parseObservationCsv(text: string, breakdowns: readonly Dimension[]): Parsed & { sources: Map<number, string> } {
  const problems: RowProblem[] = [];
  const rows: ObservationRow[] = [];
  const sources = new Map<number, string>();
  const clean = text.replace(/^\uFEFF/, '');
  const firstLine = clean.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  let records: string[][];
  try {
    records = parse(clean, { delimiter, relax_column_count: true, skip_empty_lines: true });
  } catch (error) {
    return { rows, sources, problems: [{ line: 1, column: '-', reason: `not a readable CSV: ${(error as Error).message}` }] };
  }
  const header = (records[0] ?? []).map((h) => h.trim());
  const unknown = header.filter((h) => !(csvColumns as readonly string[]).includes(h));
  if (unknown.length) problems.push({ line: 1, column: unknown.join(', '), reason: `unknown column(s); the layout is ${csvColumns.join(',')}` });
  for (const name of required) if (!header.includes(name)) problems.push({ line: 1, column: name, reason: 'required column missing' });
  if (problems.length) return { rows, sources, problems };
  const col = (name: string) => header.indexOf(name);

  records.slice(1).forEach((record, i) => {
    const line = i + 2;
    if (record.length !== header.length) {
      problems.push({ line, column: '-', reason: `${record.length} cells where the header has ${header.length}` });
      return;
    }
    const cell = (name: string) => (col(name) >= 0 ? (record[col(name)] ?? '').trim() : '');
    const before = problems.length;
    const geo = cell('geo');
    if (!geoPattern.test(geo)) problems.push({ line, column: 'geo', reason: geo ? `"${geo}" is not a geo code` : 'required' });
    const period = parsePeriod(cell('period'));
    if (period === null) problems.push({ line, column: 'period', reason: `"${cell('period')}" is not a year between 1900 and 2100` });
    const breakdown: Breakdown = {};
    for (const dim of dimensions) {
      const code = cell(dim);
      if (!code) {
        if (breakdowns.includes(dim)) problems.push({ line, column: dim, reason: 'required: the indicator is broken down by this dimension' });
      } else if (!breakdowns.includes(dim)) problems.push({ line, column: dim, reason: `the indicator has no ${dim} breakdown; leave it empty` });
      else if (!codePattern.test(code)) problems.push({ line, column: dim, reason: `"${code}" is not a valid code` });
      else breakdown[dim] = code;
    }
    const { flags, unknown: badFlags } = parseFlags(cell('flags'));
    if (badFlags.length) problems.push({ line, column: 'flags', reason: `unknown flag "${badFlags.join('')}" (known: b, u, e, p, c, d, n, r, s, z)` });
    const raw = cell('value');
    const value = raw === '' ? null : parseValue(raw);
    if (raw !== '' && value === null) problems.push({ line, column: 'value', reason: `"${raw}" is not a number (use a decimal point)` });
    if (raw === '' && !flags.length) problems.push({ line, column: 'value', reason: 'required (or give flags for a value that is not published)' });
    const source = cell('source');
    if (source.length > 500) problems.push({ line, column: 'source', reason: 'longer than 500 characters' });
    if (/[<>]/.test(source)) problems.push({ line, column: 'source', reason: 'must not contain markup' });
    if (problems.length > before) return;
    rows.push({ line, geo, period: period!, breakdown, value, flags });
    if (source) sources.set(line, source);
  });
  return { rows, sources, problems };
}

export function toObservationCsv(observations: Observation[], geoNames: Map<string, string | null>): string {
  return stringify(
    observations.map((o) => ({
      geo: o.geo,
      geo_name: geoNames.get(o.geo) ?? '',
      period: o.period,
      ...Object.fromEntries(dimensions.map((d) => [d, o.breakdown[d] ?? ''])),
      value: o.value ?? '',
      flags: o.flags.join(''),
      source: o.source,
    })),
    { header: true, columns: [...csvColumns] },
  );
}
