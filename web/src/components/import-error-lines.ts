type ErrorRow = { line: number; errors: ReadonlyArray<{ column: string | null; reason: string }> };

/** Each error of each row on its own line (rows without errors left out), for the "rows with errors" table. */
export function importErrorLines<R extends ErrorRow>(rows: readonly R[]): Array<{ key: string; row: R; column: string | null; reason: string }> {
  return rows.flatMap((row) => row.errors.map((error, index) => ({ key: `${row.line}-${index}`, row, column: error.column, reason: error.reason })));
}
