import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rootDir } from '../../../platform/config.ts';
import { evaluate } from '../engine/evaluate.ts';
import { validateFacts, type Facts } from '../engine/facts.schema.ts';
import { wholeYears } from '../engine/periods.ts';
import { outputKeys } from '../engine/rule.schema.ts';
import { flemishRules } from '../flemish-rules.test-support.ts';
import { readScenarioFiles } from '../incentive-data.ts';
import { dayOfIso, factsOfRow, storeFromFacts, type ColumnStore } from './columns.ts';
import { aggregateSql, loadPopulation } from './duckdb-population.ts';
import { employerRows, mulberry32, syntheticPopulation } from './population.ts';
import { compileRulesSql, rowsQuery } from './sql-compile.ts';
import { compileRules, yearsSinceFn } from './vector-evaluate.ts';

// The three evaluators — scalar (evaluate.ts), vectorised (typed arrays) and SQL (DuckDB) — must give
// the same status and the same amounts, hours and days (after rounding) for every row.

let instance: DuckDBInstance;
let con: DuckDBConnection;
beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  con = await instance.connect();
});
afterAll(() => {
  con?.closeSync();
  instance?.closeSync();
});

const statusCode = { 'not-eligible': 0, undetermined: 1, eligible: 2 } as const;
const norm = (v: number | null | undefined) => (v === null || v === undefined || Number.isNaN(v) ? null : v + 0); // -0 → 0

/** Compares the three evaluators on every row of a store; returns the number of rows checked. */
async function agree(store: ColumnStore, date: string, where: string): Promise<number> {
  const vector = compileRules(flemishRules, store, date).map((c) => c.rows());
  const sql = compileRulesSql(flemishRules, store, date);
  await loadPopulation(con, store);
  const sqlRows = (await con.runAndReadAll(rowsQuery(sql))).getRowObjectsJS();
  expect(sqlRows).toHaveLength(store.n);
  for (let i = 0; i < store.n; i++) {
    const facts = factsOfRow(store, i);
    validateFacts({ referenceDate: date, facts }); // the rows are valid input for the scalar engine
    evaluate(flemishRules, facts, date).forEach((r, j) => {
      const at = `${where}, row ${i}, ${r.incentive}: ${JSON.stringify(facts)}`;
      expect(vector[j]!.status[i], `vectorised status, ${at}`).toBe(statusCode[r.status]);
      expect(Number(sqlRows[i]![`s${j}`]), `SQL status, ${at}`).toBe(statusCode[r.status]);
      for (const k of outputKeys) {
        const col = vector[j]!.outputs[k];
        if (!col) { expect(r[k], at).toBeUndefined(); continue; }
        expect(norm(col[i]), `vectorised ${k}, ${at}`).toBe(norm(r[k]));
        expect(norm(sqlRows[i]![`o${j}_${k}`] as number | null), `SQL ${k}, ${at}`).toBe(norm(r[k]));
      }
    });
  }
  return store.n;
}

/** Forgets a share of the cells, so that partial profiles (unknowns, ranges) are exercised too. */
function forget(store: ColumnStore, share: number, seed: number): ColumnStore {
  const r = mulberry32(seed);
  for (const c of store.columns.values()) {
    if (!c.known) c.known = new Uint8Array(store.n).fill(1);
    for (let i = 0; i < store.n; i++) if (r() < share) c.known[i] = 0;
  }
  return store;
}

const dates = ['2019-09-01', '2021-08-31', '2021-09-01', '2024-12-31', '2025-01-01', '2025-08-31', '2025-09-01', '2025-10-15', '2026-02-01', '2027-01-01'];

describe('scalar, vectorised and SQL evaluation agree', { timeout: 240_000 }, () => {
  it('on samples of synthetic adults, complete and with facts left out', async () => {
    let rows = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 1_000_000 }), fc.constantFrom(...dates), fc.constantFrom(0, 0, 0.05, 0.3, 0.7), async (seed, date, share) => {
        const store = forget(syntheticPopulation({ n: 150, seed, referenceDate: date }), share, seed + 1);
        rows += await agree(store, date, `seed ${seed}, date ${date}, forgotten ${share}`);
      }),
      { numRuns: 24 },
    );
    expect(rows).toBe(24 * 150);
  });

  it('on the facts of every scenario, on its own date', async () => {
    const files = readScenarioFiles(path.join(rootDir, 'data/flanders'));
    const byDate = new Map<string, Facts[]>();
    for (const f of files) for (const s of f.scenarios) byDate.set(s.date, [...(byDate.get(s.date) ?? []), validateFacts({ referenceDate: s.date, facts: s.facts ?? {} }).facts]);
    let rows = 0;
    for (const [date, facts] of byDate) rows += await agree(storeFromFacts(facts), date, `scenarios on ${date}`);
    expect(rows).toBe(files.reduce((n, f) => n + f.scenarios.length, 0));
    expect(rows).toBeGreaterThan(100);
  });

  it('on the aggregates of a larger population (counts exactly, sums to 1e-9)', async () => {
    const date = '2025-09-01';
    const store = syntheticPopulation({ n: 20_000, seed: 7, referenceDate: date });
    const scoped = flemishRules.map((r) => r.beneficiary === 'employer');
    const scope = employerRows(store);
    const vector = compileRules(flemishRules, store, date).map((c, i) => c.aggregate(scoped[i] ? scope : null));
    await loadPopulation(con, store);
    const sql = await aggregateSql(con, compileRulesSql(flemishRules, store, date), scoped);
    vector.forEach((v, i) => {
      const s = sql[i]!;
      expect([s.eligible, s.undetermined, s.notEligible, s.outOfScope], flemishRules[i]!.id).toEqual([v.eligible, v.undetermined, v.notEligible, v.outOfScope]);
      for (const [k, o] of Object.entries(v.outputs)) {
        const so = s.outputs[k as keyof typeof s.outputs]!;
        expect(so.open).toBe(o.open);
        expect(Math.abs(so.sum - o.sum)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(o.sum)));
      }
    });
    expect(vector.some((v) => v.eligible > 0)).toBe(true);
  });
});

describe('the synthetic population', () => {
  it('is deterministic by seed and date, and differs with another seed', () => {
    const a = syntheticPopulation({ n: 500, seed: 42, referenceDate: '2025-09-01' });
    const b = syntheticPopulation({ n: 500, seed: 42, referenceDate: '2025-09-01' });
    const c = syntheticPopulation({ n: 500, seed: 43, referenceDate: '2025-09-01' });
    for (const [p, col] of a.columns) {
      expect(Buffer.from(col.values.buffer).equals(Buffer.from(b.columns.get(p)!.values.buffer)), p).toBe(true);
    }
    expect(Buffer.from(a.columns.get('person.birthDate')!.values.buffer).equals(Buffer.from(c.columns.get('person.birthDate')!.values.buffer))).toBe(false);
  });

  it('computes whole years exactly as the scalar engine, across leap days', () => {
    for (const ref of ['2025-09-01', '2024-02-29', '2025-02-28', '2025-03-01']) {
      const ys = yearsSinceFn(ref);
      for (const from of ['2000-02-29', '2001-02-28', '2001-03-01', '1960-09-01', '1960-09-02', '2025-09-01', '2025-09-02', '1900-01-01']) {
        expect(ys(dayOfIso(from)), `${from} → ${ref}`).toBe(wholeYears(from, ref));
      }
    }
  });
});
