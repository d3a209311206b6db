// P1: all incentives over SYNTHETIC adults (default 4,000,000; generated here, not real data): the
// Koers vectorised evaluator (rule trees compiled to loops over typed arrays) against the same rule
// trees compiled to SQL and run by DuckDB over the same columns. Both compute, per incentive, the
// counts per status and the totals of the outputs. The load into DuckDB (data chunks from the typed
// arrays) is timed apart and left out. Counts must agree exactly and sums to 1e-9 before any time is
// printed. BENCH_P1_ROWS sets the size, BENCH_REPEAT the timed runs (median), BENCH_P1_DATE the date.
import { DuckDBInstance } from '@duckdb/node-api';
import path from 'node:path';
import { readIncentiveRules } from '../src/modules/incentives/incentive-data.ts';
import { storeBytes } from '../src/modules/incentives/simulate/columns.ts';
import { aggregateSql, loadPopulation } from '../src/modules/incentives/simulate/duckdb-population.ts';
import { employerRows, syntheticPopulation } from '../src/modules/incentives/simulate/population.ts';
import { compileRulesSql } from '../src/modules/incentives/simulate/sql-compile.ts';
import { compileRules, type Aggregate } from '../src/modules/incentives/simulate/vector-evaluate.ts';
import { log, median, report, root } from './bench-support.ts';

const n = Math.round(Number(process.env.BENCH_P1_ROWS ?? 4e6));
const repeat = Math.max(1, Math.round(Number(process.env.BENCH_REPEAT) || 3));
const date = process.env.BENCH_P1_DATE ?? '2025-09-01';
const rules = readIncentiveRules(path.join(root, 'data/flanders'));
const scoped = rules.map((r) => r.beneficiary === 'employer');

async function timed<T>(fn: () => T | Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const v = await fn();
  return [v, performance.now() - t0];
}

const [pop, genMs] = await timed(() => syntheticPopulation({ n, seed: 42, referenceDate: date }));
const scope = employerRows(pop);
const instance = await DuckDBInstance.create(':memory:');
const con = await instance.connect();
const threads = (await con.runAndReadAll("SELECT current_setting('threads') AS t")).getRowObjectsJS()[0]!.t;
const [, loadMs] = await timed(() => loadPopulation(con, pop));
log(`P1 ${n.toLocaleString('en')} synthetic adults: generated in ${genMs.toFixed(0)} ms (${(storeBytes(pop) / 2 ** 20).toFixed(0)} MiB of columns), loaded into DuckDB in ${loadMs.toFixed(0)} ms (not timed below); DuckDB threads: ${threads}`);

// Compiling is part of each timed run on both sides (Koers: JS source + new Function; DuckDB: parse + plan).
const koers = () => compileRules(rules, pop, date).map((c, i) => c.aggregate(scoped[i] ? scope : null));
const duckdb = () => aggregateSql(con, compileRulesSql(rules, pop, date), scoped);

function check(k: Aggregate[], q: Aggregate[]): void {
  k.forEach((a, i) => {
    const b = q[i]!;
    const id = rules[i]!.id;
    if (a.eligible !== b.eligible || a.undetermined !== b.undetermined || a.notEligible !== b.notEligible || a.outOfScope !== b.outOfScope) {
      throw new Error(`P1 ${id}: Koers ${JSON.stringify(a)} vs DuckDB ${JSON.stringify(b)}`);
    }
    for (const [key, o] of Object.entries(a.outputs)) {
      const p = b.outputs[key as keyof typeof b.outputs]!;
      if (o.open !== p.open || Math.abs(o.sum - p.sum) > 1e-9 * Math.max(1, Math.abs(o.sum))) throw new Error(`P1 ${id} ${key}: Koers ${o.sum} (${o.open} open) vs DuckDB ${p.sum} (${p.open} open)`);
    }
  });
}

const [k] = await timed(koers); // warm-up, and the figures to compare
const [q] = await timed(duckdb);
check(k, q);
log(`P1: ${rules.length} incentives agree (counts exactly, totals to 1e-9); eligible: ${k.map((a, i) => `${rules[i]!.id} ${a.eligible.toLocaleString('en')}`).join(', ')}`);
const kt: number[] = [];
const qt: number[] = [];
for (let i = 0; i < repeat; i++) {
  kt.push((await timed(koers))[1]);
  qt.push((await timed(duckdb))[1]);
}
const km = median(kt);
const qm = median(qt);
log(`P1 ${n.toLocaleString('en')}: Koers ${km.toFixed(0)} ms (1 thread), DuckDB ${qm.toFixed(0)} ms (${threads} threads), ratio ${(km / qm).toFixed(2)} (goal ≤ 1.0); peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
report({
  figure: 'P1',
  label: `all ${rules.length} incentives over ${n.toLocaleString('en')} synthetic adults`,
  unit: 'ms',
  koers: km,
  peer: qm,
  peerLabel: `DuckDB SQL, ${threads} threads`,
  better: 'lower',
});
con.closeSync();
instance.closeSync();
