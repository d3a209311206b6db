import { readCsv, type CsvProblem, type CsvRecord } from '../../platform/csv/read-csv.ts';
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
export type ParsedRow = CsvRecord<CsvColumn>;
export type { CsvProblem };

export function toCsv(rows: CsvRow[]): string {
  return stringify(rows, { header: true, columns: [...csvColumns], record_delimiter: '\r\n' });
}

/** Parses an uploaded file; returns rows or the problems that make the whole file unreadable. */
export function parseCsv(input: Buffer | string): { rows: ParsedRow[]; problems: CsvProblem[] } {
  return readCsv(input, { columns: csvColumns, required: ['reference', 'year'], unknownColumn: `unknown column (known: ${csvColumns.join(', ')})` });
}

export const splitList = (s: string) => s.split('|').map((x) => x.trim()).filter(Boolean);
