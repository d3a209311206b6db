// DuckDB side of the P1 comparison and the agreement test (DuckDB is a devDependency: only the bench
// and the tests import this file, never the CLI or the server).
import { BOOLEAN, DATE, DOUBLE, DuckDBDataChunk, DuckDBDateValue, INTEGER, USMALLINT, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import type { Column, ColumnStore } from './columns.ts';
import { aggregateQuery, type CompiledSql } from './sql-compile.ts';
import type { Aggregate } from './vector-evaluate.ts';

const sqlType = (c: Column) => (c.kind === 'num' ? 'DOUBLE' : c.kind === 'date' ? 'DATE' : typeof c.dict[0] === 'boolean' ? 'BOOLEAN' : 'USMALLINT');
const chunkType = (c: Column): DuckDBType => (c.kind === 'num' ? DOUBLE : c.kind === 'date' ? DATE : typeof c.dict[0] === 'boolean' ? BOOLEAN : USMALLINT);

/** Creates table `pop` (one column per fact, plus row_id) and appends the columns chunk by chunk. */
export async function loadPopulation(con: DuckDBConnection, store: ColumnStore, table = 'pop'): Promise<void> {
  const cols = [...store.columns];
  await con.run(`DROP TABLE IF EXISTS ${table}`);
  await con.run(`CREATE TABLE ${table} (row_id INTEGER, ${cols.map(([p, c]) => `"${p}" ${sqlType(c)}`).join(', ')})`);
  const app = await con.createAppender(table);
  const types = [INTEGER, ...cols.map(([, c]) => chunkType(c))];
  const size = 2048;
  const buf: DuckDBValue[][] = types.map(() => new Array<DuckDBValue>(size));
  for (let start = 0; start < store.n; start += size) {
    const m = Math.min(size, store.n - start);
    const chunk = DuckDBDataChunk.create(types, m);
    const ids = buf[0]!;
    ids.length = m;
    for (let i = 0; i < m; i++) ids[i] = start + i;
    chunk.setColumnValues(0, ids);
    cols.forEach(([, c], j) => {
      const out = buf[j + 1]!;
      out.length = m;
      const k = c.known;
      for (let i = 0; i < m; i++) {
        const r = start + i;
        if (k && !k[r]) out[i] = null;
        else if (c.kind === 'num') out[i] = c.values[r]!;
        else if (c.kind === 'date') out[i] = new DuckDBDateValue(c.values[r]!);
        else out[i] = typeof c.dict[0] === 'boolean' ? c.values[r] === 1 : c.values[r]!;
      }
      chunk.setColumnValues(j + 1, out);
    });
    app.appendDataChunk(chunk);
  }
  app.closeSync();
}

/** Runs the aggregate query; the same shape as the vectorised `aggregate`. */
export async function aggregateSql(con: DuckDBConnection, compiled: CompiledSql, scoped: readonly boolean[]): Promise<Aggregate[]> {
  const res = await con.runAndReadAll(aggregateQuery(compiled, scoped));
  const row = res.getRowObjectsJS()[0]!;
  const n = (v: unknown) => Number(v);
  return compiled.rules.map((r, i) => ({
    eligible: n(row[`e${i}`]), undetermined: n(row[`u${i}`]), notEligible: n(row[`n${i}`]), outOfScope: n(row[`x${i}`]),
    outputs: Object.fromEntries(Object.keys(r.outputs).map((k) => [k, { sum: n(row[`sum${i}_${k}`]), open: n(row[`open${i}_${k}`]) }])) as Aggregate['outputs'],
  }));
}
