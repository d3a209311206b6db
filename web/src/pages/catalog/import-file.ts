/** The content type to send a chosen file as: JSON by its name or type, CSV likewise; null for anything else. */
export function importContentType(file: { name: string; type: string }): 'text/csv' | 'application/json' | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.json') || file.type === 'application/json') return 'application/json';
  if (name.endsWith('.csv') || file.type === 'text/csv') return 'text/csv';
  return null;
}

export type ImportErrorLine = { key: string; line: number; externalId: string; column: string | null; reason: string };

/** Each error of each row on its own line, for the "rows with errors" table. */
export function importErrorLines(rows: ReadonlyArray<{ line: number; externalId: string; errors: ReadonlyArray<{ column: string | null; reason: string }> }>): ImportErrorLine[] {
  return rows.flatMap((row) => row.errors.map((error, index) => ({ key: `${row.line}-${index}`, line: row.line, externalId: row.externalId, column: error.column, reason: error.reason })));
}
