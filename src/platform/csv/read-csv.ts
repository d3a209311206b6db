import { parse } from 'csv-parse/sync';

// Reading an uploaded CSV file for an import, as spreadsheets write it: UTF-8 with or without a BOM,
// `,` or `;` as separator (Excel in Belgium writes `;`), quoted cells over several lines. Problems
// that make the whole file unreadable (binary, not UTF-8, broken quoting, unknown or missing columns)
// come back with the line they are on; each row keeps the line it starts on for the row report.

export type CsvProblem = { line: number; column: string | null; reason: string };
export type CsvRecord<C extends string> = { line: number; cells: Record<C, string> };

export type CsvLayout<C extends string> = {
  columns: readonly C[];
  required: readonly C[];
  /** why a column outside `columns` is refused (where to read the layout) */
  unknownColumn: string;
  /** further checks of the header's (lower-cased) column names */
  checkHeader?: (names: string[]) => CsvProblem[];
};

/** Decoded text of an uploaded file (without a BOM), or the problem that makes it no UTF-8 text file. */
export function decodeText(input: Buffer | string): { text: string } | { problem: string } {
  const buf = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  if (buf.includes(0)) return { problem: 'the file is binary, not a text file' };
  const text = buf.toString('utf8');
  if (text.includes('\uFFFD')) return { problem: 'the file is not UTF-8 text (a spreadsheet saves it as "CSV UTF-8")' };
  return { text: text.replace(/^\uFEFF/, '') };
}

export function readCsv<C extends string>(input: Buffer | string, layout: CsvLayout<C>): { rows: Array<CsvRecord<C>>; problems: CsvProblem[] } {
  const decoded = decodeText(input);
  if ('problem' in decoded) return { rows: [], problems: [{ line: 1, column: null, reason: decoded.problem }] };
  const body = decoded.text;
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
  const known = layout.columns as readonly string[];
  const problems: CsvProblem[] = [];
  for (const c of layout.required) if (!names.includes(c)) problems.push({ line: 1, column: c, reason: 'this column is required' });
  for (const n of names) if (n && !known.includes(n)) problems.push({ line: 1, column: n, reason: layout.unknownColumn });
  problems.push(...(layout.checkHeader?.(names) ?? []));
  if (problems.length) return { rows: [], problems };
  let previousEnd = header.info.lines;
  const rows = data.map(({ record, info }) => {
    const cells = Object.fromEntries(layout.columns.map((c) => [c, ''])) as Record<C, string>;
    names.forEach((n, i) => {
      if (n) cells[n as C] = (record[i] ?? '').trim();
    });
    const line = previousEnd + 1;
    previousEnd = info.lines;
    if (record.length > names.length && record.slice(names.length).some((v) => v.trim())) problems.push({ line, column: null, reason: `has ${record.length} cells, the header ${names.length}` });
    return { line, cells };
  });
  return { rows, problems };
}
