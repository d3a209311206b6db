import type { Breakdown, Dimension } from './indicators.schema.ts';
import { codePattern, geoPattern, isDimension, parseFlags, parsePeriod, parseValue, type ObservationRow, type Parsed, type RowProblem } from './observation-rows.ts';

// Eurostat's bulk TSV: a header "freq,unit,sex,age,geo\TIME_PERIOD<TAB>2000 <TAB>…", then one row
// per series "A,PC,F,Y25-64,AT<TAB>7.4 <TAB>12.3 b<TAB>: …". A cell is a value or ':' followed by a
// space and zero or more flag letters.

/** Dimensions that describe the whole dataset and must hold one value per file. */
const datasetDims = new Set(['freq', 'unit']);

export function parseEurostatTsv(text: string, breakdowns: readonly Dimension[]): Parsed {
  const problems: RowProblem[] = [];
  const rows: ObservationRow[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length && lines.at(-1) === '') lines.pop();
  const header = lines[0]?.split('\t') ?? [];
  const [dimPart, timeName] = (header[0] ?? '').split('\\');
  if (!dimPart || timeName?.trim() !== 'TIME_PERIOD') {
    return { rows, problems: [{ line: 1, column: 'A', reason: 'not a Eurostat TSV: the first cell must read like "freq,unit,sex,age,geo\\TIME_PERIOD"' }] };
  }
  const dims = dimPart.split(',').map((d) => d.trim());
  const geoIndex = dims.indexOf('geo');
  if (geoIndex < 0) problems.push({ line: 1, column: 'A', reason: 'the header names no geo dimension' });
  for (const dim of dims) {
    if (dim !== 'geo' && !datasetDims.has(dim) && !isDimension(dim)) problems.push({ line: 1, column: 'A', reason: `unknown dimension "${dim}" (known: freq, unit, geo, sex, age, isced11, wstatus)` });
  }
  const periods = header.slice(1).map((label, i) => ({ period: parsePeriod(label), label: label.trim(), column: i + 2 }));
  for (const p of periods) if (p.period === null) problems.push({ line: 1, column: String(p.column), reason: `"${p.label}" is not a year (annual data only)` });
  if (problems.length) return { rows, problems };

  const constant = new Map<string, string>(); // dimension → its one value, for dimensions the indicator does not break down by
  for (let i = 1; i < lines.length; i++) {
    const line = i + 1;
    const cells = lines[i]!.split('\t');
    if (cells.length !== header.length) {
      problems.push({ line, column: '-', reason: `${cells.length} fields where the header has ${header.length}` });
      continue;
    }
    const keys = cells[0]!.split(',').map((k) => k.trim());
    if (keys.length !== dims.length) {
      problems.push({ line, column: '1', reason: `${keys.length} codes where the header names ${dims.length} dimensions` });
      continue;
    }
    const breakdown: Breakdown = {};
    let bad = false;
    keys.forEach((code, d) => {
      const dim = dims[d]!;
      if (!(dim === 'geo' ? geoPattern : codePattern).test(code)) {
        problems.push({ line, column: '1', reason: `"${code}" is not a valid ${dim} code` });
        bad = true;
      } else if (dim !== 'geo' && breakdowns.includes(dim as Dimension)) breakdown[dim as Dimension] = code;
      else if (dim !== 'geo') {
        const seen = constant.get(dim);
        if (seen === undefined) constant.set(dim, code);
        else if (seen !== code) {
          problems.push({ line, column: '1', reason: `${dim} is "${code}" here but "${seen}" above: the indicator has no ${dim} breakdown, so the file must hold one ${dim}` });
          bad = true;
        }
      }
    });
    if (bad) continue;
    const geo = keys[geoIndex]!;
    periods.forEach(({ period, column }, p) => {
      const cell = cells[p + 1]!;
      const space = cell.indexOf(' ');
      const raw = space < 0 ? cell : cell.slice(0, space);
      const { flags, unknown } = parseFlags(space < 0 ? '' : cell.slice(space + 1));
      if (unknown.length) {
        problems.push({ line, column: String(column), reason: `unknown flag "${unknown.join('')}" (known: b, u, e, p, c, d, n, r, s, z)` });
        return;
      }
      if (raw.trim() === ':') {
        if (flags.length) rows.push({ line, geo, period: period!, breakdown, value: null, flags });
        return; // not available and unflagged: nothing to store
      }
      const value = parseValue(raw);
      if (value === null) problems.push({ line, column: String(column), reason: `"${cell.trim()}" is not a number or ":"` });
      else rows.push({ line, geo, period: period!, breakdown, value, flags });
    });
  }
  return { rows, problems };
}
