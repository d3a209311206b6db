import type { PGlite, Results } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

// Kysely's PostgresDialect expects a pg-style pool. PGlite is a single connection, so the pool
// hands it to one holder at a time (a transaction keeps it until release) and queues the rest.
export class PGlitePool implements PostgresPool {
  private busy = false;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly pg: PGlite) {}

  async connect(): Promise<PostgresPoolClient> {
    if (this.busy) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.busy = true;
    let released = false;
    const pg = this.pg;
    return {
      query: (async (sql: string, parameters?: readonly unknown[]) => {
        const result = await runQuery(pg, sql, parameters);
        return toPgResult(result);
      }) as PostgresPoolClient['query'],
      release: () => {
        if (released) return;
        released = true;
        const next = this.waiting.shift();
        if (next) next();
        else this.busy = false;
      },
    };
  }

  async end(): Promise<void> {
    await this.pg.close();
  }
}

async function runQuery(pg: PGlite, sql: string, parameters?: readonly unknown[]): Promise<Results> {
  // Migrations send several statements in one string; only the simple protocol (exec) allows that.
  if (!parameters || parameters.length === 0) {
    const results = await pg.exec(sql);
    return results[results.length - 1] ?? { rows: [], fields: [] };
  }
  return pg.query(sql, parameters as unknown[]);
}

function toPgResult(result: Results): PostgresQueryResult<unknown> {
  return {
    command: (result.command ?? 'SELECT') as PostgresQueryResult<unknown>['command'],
    rowCount: result.rowCount ?? result.affectedRows ?? result.rows.length,
    rows: result.rows,
  };
}
