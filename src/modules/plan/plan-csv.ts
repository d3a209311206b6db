import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

// One CSV layout for export and import: one row per action and year (an action without reports has
// one row with an empty year). Lists use `|`; stakeholders are `id:role`. Spreadsheet-friendly:
// a UTF-8 BOM and `;` separators (Excel in Belgium) are accepted on import.
export const csvColumns = [
  'reference', 'flagship', 'flagship_assigned_by', 'title_nl', 'title_fr', 'title_en', 'description_nl', 'description_fr', 'description_en',
  'goals', 'target_groups', 'themes', 'stakeholders', 'starts_on', 'ends_on', 'weight',
  'year', 'status', 'progress', 'narrative_nl', 'narrative_fr', 'narrative_en',
] as const;
export type CsvColumn = (typeof csvColumns)[number];
export type CsvRow = Record<CsvColumn, string>;
export type ParsedRow = { line: number; cells: CsvRow };
export type CsvProblem = { line: number; column: string | null; reason: string };

export function toCsv(rows: CsvRow[]): string {
  return stringify(rows, { header: true, columns: [...csvColumns], record_delimiter: '\r\n' });
}

/** Parses an uploaded file; returns rows or the problems that make the whole file unreadable. */
export function parseCsv(input: Buffer | string): { rows: ParsedRow[]; problems: CsvProblem[] } {
  const buf = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  if (buf.includes(0)) return { rows: [], problems: [{ line: 1, column: null, reason: 'the file is binary, not a CSV text file' }] };
  const text = buf.toString('utf8');
  if (text.includes('\uFFFD')) return { rows: [], problems: [{ line: 1, column: null, reason: 'the file is not UTF-8 text (save it as "CSV UTF-8")' }] };
  const body = text.replace(/^\uFEFF/, '');
  const headerLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (headerLine.match(/;/g)?.length ?? 0) > (headerLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(body, { delimiter, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (err) {
    const e = err as { lines?: number; message: string };
    return { rows: [], problems: [{ line: e.lines ?? 1, column: null, reason: `the CSV cannot be read: ${e.message}` }] };
  }
  const [header, ...data] = records;
  if (!header) return { rows: [], problems: [{ line: 1, column: null, reason: 'the file is empty' }] };
  const names = header.record.map((h) => h.trim().toLowerCase());
  const problems: CsvProblem[] = [];
  for (const c of ['reference', 'year'] as const) if (!names.includes(c)) problems.push({ line: 1, column: c, reason: 'this column is required' });
  for (const n of names) if (n && !(csvColumns as readonly string[]).includes(n)) problems.push({ line: 1, column: n, reason: `unknown column (known: ${csvColumns.join(', ')})` });
  if (problems.length) return { rows: [], problems };
  let previousEnd = header.info.lines;
  const rows = data.map(({ record, info }) => {
    const cells = Object.fromEntries(csvColumns.map((c) => [c, ''])) as CsvRow;
    names.forEach((n, i) => {
      if (n) cells[n as CsvColumn] = (record[i] ?? '').trim();
    });
    const line = previousEnd + 1;
    previousEnd = info.lines;
    if (record.length > names.length && record.slice(names.length).some((v) => v.trim())) problems.push({ line, column: null, reason: `has ${record.length} cells, the header ${names.length}` });
    return { line, cells };
  });
  return { rows, problems };
}

export const splitList = (s: string) => s.split('|').map((x) => x.trim()).filter(Boolean);
