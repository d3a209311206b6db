// P2: weighted means and proportions with linearised standard errors for 3 breakdowns over
// SYNTHETIC survey microdata (seeded, generated here; not real data) of 1 and 10 million rows,
// Koers' estimator against DuckDB computing the same point estimates and variances in SQL over
// the same data. Both read columns already in memory: the load (typed arrays → DuckDB through its
// appender) is timed apart and left out. The two must agree to 1e-9 before any time is printed.
// BENCH_P2_ROWS=1e6,1e7 chooses the sizes; BENCH_REPEAT the timed runs (median is reported).
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Microdata } from '../src/modules/indicators/survey/microdata-csv.ts';
import { designOf, estimateColumns, resolveOptions } from '../src/modules/indicators/survey/survey.service.ts';
import type { EstimateRow } from '../src/modules/indicators/survey/survey.schema.ts';
import { log, median, report } from './bench-support.ts';
import { mulberry32 } from '../src/platform/random.ts';

const sizes = (process.env.BENCH_P2_ROWS ?? '1e6,1e7').split(',').map((s) => Math.round(Number(s)));
const repeat = Math.max(1, Math.round(Number(process.env.BENCH_REPEAT) || 3));
const H = 20; // strata
const PSU_PER_STRATUM = 50;
const POP_PSU_PER_STRATUM = 400; // fpc: population size in PSUs
const breakdowns = { region: ['BE1', 'BE2', 'BE3', 'FR1', 'NL3'], sex: ['F', 'M'], age: ['25-34', '35-44', '45-54', '55-64', '65-74', '75+'] };
type By = keyof typeof breakdowns;

const rng = mulberry32; // seeded: the same synthetic sample in every run

interface Synthetic {
  n: number;
  h: Int32Array;
  psu: Int32Array;
  fpc: Float64Array;
  w: Float64Array;
  y: Float64Array; // NaN = missing (2 %)
  z: Int32Array; // 0 no, 1 yes, −1 missing (1 %)
  by: Record<By, Int32Array>;
}

// Rows come grouped by stratum and PSU, as survey files usually are.
function synthesise(n: number): Synthetic {
  const r = rng(20250401 + n);
  const G = H * PSU_PER_STRATUM;
  const d: Synthetic = {
    n,
    h: new Int32Array(n),
    psu: new Int32Array(n),
    fpc: new Float64Array(n),
    w: new Float64Array(n),
    y: new Float64Array(n),
    z: new Int32Array(n),
    by: { region: new Int32Array(n), sex: new Int32Array(n), age: new Int32Array(n) },
  };
  const psuEffect = Float64Array.from({ length: G }, () => (r() - 0.5) * 20);
  for (let i = 0; i < n; i++) {
    const g = Math.floor((i * G) / n);
    const h = Math.floor(g / PSU_PER_STRATUM);
    d.h[i] = h;
    d.psu[i] = g;
    d.fpc[i] = POP_PSU_PER_STRATUM;
    d.w[i] = 20 + 180 * r();
    const age = Math.floor(r() * 6);
    d.by.region[i] = Math.floor(r() * 5);
    d.by.sex[i] = r() < 0.5 ? 0 : 1;
    d.by.age[i] = age;
    d.y[i] = r() < 0.02 ? NaN : 40 + h + psuEffect[g]! - 3 * age + 25 * (r() + r() + r() - 1.5);
    d.z[i] = r() < 0.01 ? -1 : r() < 0.2 + 0.02 * h + 0.03 * age ? 1 : 0;
  }
  return d;
}

function microdata(s: Synthetic): Microdata {
  const names = (k: number, f: (i: number) => string) => Array.from({ length: k }, (_, i) => f(i));
  const cat = (codes: Int32Array, levels: string[]) => ({ codes, levels });
  return {
    n: s.n,
    numeric: new Map([
      ['w', s.w],
      ['fpc', s.fpc],
      ['y', s.y],
    ]),
    categorical: new Map([
      ['h', cat(s.h, names(H, (i) => `h${i}`))],
      ['psu', cat(s.psu, names(H * PSU_PER_STRATUM, (i) => `p${i}`))],
      ['z', cat(s.z, ['no', 'yes'])],
      ['region', cat(s.by.region, breakdowns.region)],
      ['sex', cat(s.by.sex, breakdowns.sex)],
      ['age', cat(s.by.age, breakdowns.age)],
    ]),
  };
}

function koers(data: Microdata): EstimateRow[] {
  const base = { weight: 'w', strata: 'h', cluster: 'psu', fpc: 'fpc', minN: 30 };
  const design = designOf(data, resolveOptions({ ...base, variable: 'y' }));
  const out: EstimateRow[] = [];
  for (const b of Object.keys(breakdowns)) {
    out.push(...estimateColumns(data, resolveOptions({ ...base, variable: 'y', stat: 'mean', by: [b] }), design));
    out.push(...estimateColumns(data, resolveOptions({ ...base, variable: 'z', stat: 'proportion', by: [b] }), design));
  }
  return out;
}

async function load(con: DuckDBConnection, s: Synthetic) {
  await con.run('DROP TABLE IF EXISTS t');
  await con.run('CREATE TABLE t (h INTEGER, psu INTEGER, fpc DOUBLE, w DOUBLE, y DOUBLE, z INTEGER, region INTEGER, sex INTEGER, age INTEGER)');
  const app = await con.createAppender('t');
  for (let i = 0; i < s.n; i++) {
    app.appendInteger(s.h[i]!);
    app.appendInteger(s.psu[i]!);
    app.appendDouble(s.fpc[i]!);
    app.appendDouble(s.w[i]!);
    if (Number.isNaN(s.y[i]!)) app.appendNull();
    else app.appendDouble(s.y[i]!);
    if (s.z[i]! < 0) app.appendNull();
    else app.appendInteger(s.z[i]!);
    app.appendInteger(s.by.region[i]!);
    app.appendInteger(s.by.sex[i]!);
    app.appendInteger(s.by.age[i]!);
    app.endRow();
  }
  app.closeSync();
}

// The same estimator in SQL: a domain mean or category share θ = Σw·a / Σw; per PSU the sums
// Σw·a and Σw give its score total z = (Σw·a − θ Σw) / Σ_domain w; then
// V = Σ_h (1 − n_h/N_h) n_h/(n_h − 1) (Σz² − (Σz)²/n_h) over the PSUs of stratum h (a domain's absent
// PSUs are zero totals, hence n_h of the design). The design table is built once per run.
const designSql = 'CREATE OR REPLACE TEMP TABLE design AS SELECT h, count(DISTINCT psu) AS nh, any_value(fpc) AS big_n FROM t GROUP BY h';
const varianceSql = `strat AS (SELECT d, k, h, sum(z) AS s1, sum(z * z) AS s2 FROM psus GROUP BY d, k, h)
  SELECT dom.d, dom.k, dom.theta, sqrt(sum((1 - design.nh / design.big_n) * design.nh / (design.nh - 1) * (s2 - s1 * s1 / design.nh))) AS se, dom.n
  FROM strat JOIN design USING (h) JOIN dom USING (d, k) GROUP BY dom.d, dom.k, dom.theta, dom.n ORDER BY dom.d, dom.k`;
const meanSql = (b: By) => `WITH
  p AS (SELECT ${b} AS d, h, psu, sum(w * y) AS swa, sum(w) AS sw, count(*) AS n FROM t WHERE y IS NOT NULL GROUP BY ${b}, h, psu),
  dom AS (SELECT d, 0 AS k, sum(swa) / sum(sw) AS theta, sum(sw) AS big_b, sum(n) AS n FROM p GROUP BY d),
  psus AS (SELECT p.d, 0 AS k, p.h, (p.swa - dom.theta * p.sw) / dom.big_b AS z FROM p JOIN dom USING (d)),
  ${varianceSql}`;
const proportionSql = (b: By) => `WITH
  pz AS (SELECT ${b} AS d, h, psu, z AS k, sum(w) AS sw, count(*) AS n FROM t WHERE z IS NOT NULL GROUP BY ${b}, h, psu, z),
  p AS (SELECT d, h, psu, sum(sw) AS sw, sum(n) AS n FROM pz GROUP BY d, h, psu),
  cats AS (SELECT DISTINCT k FROM pz),
  base AS (SELECT d, sum(sw) AS big_b, sum(n) AS n FROM p GROUP BY d),
  dk AS (SELECT d, k, sum(sw) AS swk FROM pz GROUP BY d, k),
  dom AS (SELECT base.d, cats.k, coalesce(dk.swk, 0) / base.big_b AS theta, base.big_b, base.n
          FROM base CROSS JOIN cats LEFT JOIN dk ON dk.d = base.d AND dk.k = cats.k),
  psus AS (SELECT p.d, dom.k, p.h, (coalesce(pz.sw, 0) - dom.theta * p.sw) / dom.big_b AS z
           FROM p JOIN dom ON dom.d = p.d LEFT JOIN pz ON pz.d = p.d AND pz.h = p.h AND pz.psu = p.psu AND pz.k = dom.k),
  ${varianceSql}`;

interface SqlRow {
  by: By;
  stat: 'mean' | 'proportion';
  d: number;
  k: number;
  theta: number;
  se: number;
  n: number;
}
async function duckdb(con: DuckDBConnection): Promise<SqlRow[]> {
  const out: SqlRow[] = [];
  await con.run(designSql);
  for (const b of Object.keys(breakdowns) as By[]) {
    for (const [stat, sql] of [['mean', meanSql(b)], ['proportion', proportionSql(b)]] as const) {
      const res = await con.runAndReadAll(sql);
      for (const r of res.getRowObjectsJS()) out.push({ by: b, stat, d: Number(r.d), k: Number(r.k), theta: Number(r.theta), se: Number(r.se), n: Number(r.n) });
    }
  }
  return out;
}

function compare(k: EstimateRow[], s: SqlRow[]) {
  const rel = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));
  if (k.length !== s.length) throw new Error(`P2: Koers gave ${k.length} cells, DuckDB ${s.length}`);
  let worst = 0;
  for (const q of s) {
    const label = breakdowns[q.by][q.d]!;
    const cat = q.stat === 'proportion' ? ['no', 'yes'][q.k] : undefined;
    const row = k.find((r) => r.stat === q.stat && r.by[q.by] === label && r.category === cat);
    if (!row) throw new Error(`P2: no Koers cell for ${q.by}=${label} ${q.stat} ${cat ?? ''}`);
    const e = Math.max(rel(row.estimate, q.theta), rel(row.se, q.se));
    worst = Math.max(worst, e);
    if (e > 1e-9 || row.n !== q.n) throw new Error(`P2: ${q.by}=${label} ${q.stat} ${cat ?? ''}: Koers ${row.estimate} (${row.se}, n ${row.n}) vs DuckDB ${q.theta} (${q.se}, n ${q.n})`);
  }
  return worst;
}

async function timed<T>(fn: () => T | Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const v = await fn();
  return [v, performance.now() - t0];
}

const instance = await DuckDBInstance.create(':memory:');
const con = await instance.connect();
const threads = (await con.runAndReadAll("SELECT current_setting('threads') AS t")).getRowObjectsJS()[0]!.t;
for (const n of sizes) {
  const [s, genMs] = await timed(() => synthesise(n));
  const data = microdata(s);
  const [, loadMs] = await timed(() => load(con, s));
  log(`P2 ${n.toLocaleString('en')} synthetic rows: generated in ${genMs.toFixed(0)} ms, loaded into DuckDB in ${loadMs.toFixed(0)} ms (not timed below); DuckDB threads: ${threads}`);
  const [k] = await timed(() => koers(data)); // warm-up, and the numbers to compare
  const [q] = await timed(() => duckdb(con));
  const worst = compare(k, q);
  log(`P2 ${n.toLocaleString('en')}: ${k.length} cells agree, largest relative difference ${worst.toExponential(2)}`);
  const kt: number[] = [];
  const qt: number[] = [];
  for (let i = 0; i < repeat; i++) {
    kt.push((await timed(() => koers(data)))[1]);
    qt.push((await timed(() => duckdb(con)))[1]);
  }
  const km = median(kt);
  const qm = median(qt);
  log(`P2 ${n.toLocaleString('en')}: Koers ${km.toFixed(0)} ms, DuckDB ${qm.toFixed(0)} ms, ratio ${(km / qm).toFixed(2)} (goal ≤ 1.5)`);
  report({
    figure: 'P2',
    label: `means + proportions with SEs, 3 breakdowns, ${n.toLocaleString('en')} synthetic rows`,
    unit: 'ms',
    koers: km,
    peer: qm,
    peerLabel: `DuckDB SQL, ${threads} threads`,
    better: 'lower',
  });
  await con.run('DROP TABLE t');
}
con.closeSync();
instance.closeSync();
