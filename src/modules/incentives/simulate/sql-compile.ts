import type { Cond, Expr, IncentiveRule, OutputKey, RuleException } from '../engine/rule.schema.ts';
import { outputKeys } from '../engine/rule.schema.ts';
import { compare as compareVals, num, other, type Val } from '../engine/values.ts';
import type { Column, ColumnStore } from './columns.ts';
import { exceptionsSwapping, parameterOn } from './rule-parameters.ts';

// The same rule trees compiled to SQL (DuckDB dialect), for the P1 comparison and the agreement test.
// NULL is unknown and SQL's AND/OR/NOT are Kleene, so conditions map one to one. Numbers are
// intervals like values.ts: a node that may be a range becomes two columns (lo, hi); LEAST/GREATEST
// skip NULLs in DuckDB, so they are guarded. Sub-expressions used more than once are computed once in
// a chain of projections (l0 … lN). The table `pop` holds one column per fact path: DOUBLE for
// numbers, DATE for dates, BOOLEAN for yes/no facts, USMALLINT dictionary codes for enumerations
// and codes (the same codes as the typed arrays), NULL where a fact is absent, plus `row_id`.

export class SqlUnsupported extends Error {}

interface Frag { s: string; l: number }
interface NumFrag { lo: Frag; hi: Frag; pt: boolean }

const q = (path: string) => `"${path}"`;
const dbl = (v: number) => (Number.isNaN(v) ? 'CAST(NULL AS DOUBLE)' : `CAST('${Object.is(v, -0) ? '-0.0' : String(v)}' AS DOUBLE)`);
const NULL_B = 'CAST(NULL AS BOOLEAN)';
const EPS = dbl(Number.EPSILON);
const simple = (s: string) => /^[a-z_][a-z0-9_]*$/i.test(s) || /^"[^"]+"$/.test(s) || s.startsWith("CAST('") || s === NULL_B || s === 'TRUE' || s === 'FALSE';
const lv = (...fs: Frag[]) => Math.max(0, ...fs.map((f) => f.l));

export class SqlGen {
  readonly layers: string[][] = [];
  private k = 0;
  private readonly seen = new Map<string, Frag>();
  constructor(readonly store: ColumnStore) {}

  /** Computes a fragment once, as a column of its layer, when it is not already a name or a literal. */
  mat(f: Frag, prefix = 'v'): Frag {
    if (simple(f.s)) return f;
    const known = this.seen.get(f.s);
    if (known) return known;
    const name = `${prefix}${this.k++}`;
    (this.layers[f.l] ??= []).push(`${f.s} AS ${name}`);
    const out = { s: name, l: f.l + 1 };
    this.seen.set(f.s, out);
    return out;
  }

  /** WITH l0 AS (…), … SELECT <items> FROM lN */
  query(items: Frag[], tail = ''): string {
    const top = lv(...items);
    const ctes: string[] = [];
    for (let l = 0; l < top; l++) ctes.push(`l${l} AS (SELECT *${(this.layers[l] ?? []).map((s) => `, ${s}`).join('')} FROM ${l ? `l${l - 1}` : 'pop'})`);
    return `${ctes.length ? `WITH ${ctes.join(',\n')}\n` : ''}SELECT ${items.map((i) => i.s).join(', ')} FROM ${top ? `l${top - 1}` : 'pop'}${tail}`;
  }
}

class RuleSql {
  private readonly exc = new Map<RuleException, Frag>();
  constructor(readonly g: SqlGen, readonly rule: IncentiveRule, readonly date: string, readonly tag: string) {}

  col(path: string): Column {
    const c = this.g.store.columns.get(path);
    if (!c) throw new SqlUnsupported(`no column for ${path}`);
    return c;
  }

  raw(name: string): Val {
    return parameterOn(this.rule, name, this.date);
  }

  chain(name: string): RuleException[] {
    return exceptionsSwapping(this.rule, name);
  }

  exception(x: RuleException): Frag {
    let f = this.exc.get(x);
    if (!f) {
      f = this.g.mat(this.cond(x.when), `${this.tag}x`);
      this.exc.set(x, f);
    }
    return f;
  }

  private member(path: string, test: (d: string | boolean) => boolean | undefined): Frag {
    const col = this.col(path);
    if (col.kind !== 'code') throw new SqlUnsupported(`${path} is not a code column`);
    const lits: string[] = [];
    let unknowns = false;
    col.dict.forEach((d, code) => {
      const t = test(d);
      if (t === undefined) unknowns = true;
      if (t) lits.push(typeof d === 'boolean' ? String(d).toUpperCase() : String(code));
    });
    if (unknowns) throw new SqlUnsupported(`${path}: comparison with an undecidable value`);
    if (!lits.length) return { s: `(CASE WHEN ${q(path)} IS NULL THEN ${NULL_B} ELSE FALSE END)`, l: 0 };
    return { s: `(${q(path)} IN (${lits.join(', ')}))`, l: 0 };
  }

  cond(c: Cond): Frag {
    switch (c.kind) {
      case 'all': case 'any': {
        const args = c.args.map((a) => this.cond(a));
        return { s: `(${args.map((a) => a.s).join(c.kind === 'all' ? ' AND ' : ' OR ')})`, l: lv(...args) };
      }
      case 'not': {
        const a = this.cond(c.arg);
        return { s: `(NOT ${a.s})`, l: a.l };
      }
      case 'known': return { s: `(${q(c.path)} IS NOT NULL)`, l: 0 };
      case 'in': return this.member(c.path, (d) => c.values.some((x) => (c.prefix ? String(d).startsWith(x) : d === x)));
      case 'compare': return this.compare(c);
    }
  }

  private side(e: Expr): 'num' | 'code' | 'generic' | { v: Val } {
    switch (e.kind) {
      case 'lit': return typeof e.value === 'number' ? 'num' : { v: other(e.value) };
      case 'fact': {
        const k = this.col(e.path).kind;
        return k === 'num' ? 'num' : k === 'code' ? 'code' : 'generic';
      }
      case 'param': {
        const names = [e.name, ...this.chain(e.name).map((x) => (x.effect as { use: string }).use)];
        const vals = names.map((n) => this.raw(n));
        if (vals.every((v) => v === undefined || v.num)) return 'num';
        return names.length === 1 ? { v: vals[0] } : 'generic';
      }
      default: return 'num';
    }
  }

  private compare(c: Extract<Cond, { kind: 'compare' }>): Frag {
    const ls = this.side(c.left);
    const rs = this.side(c.right);
    const lit = (v: boolean | undefined): Frag => ({ s: v === undefined ? NULL_B : v ? 'TRUE' : 'FALSE', l: 0 });
    if ((typeof ls === 'object' && ls.v === undefined) || (typeof rs === 'object' && rs.v === undefined)) return lit(undefined);
    if (ls === 'num' && rs === 'num') return this.numCompare(c.op, this.num(c.left), this.num(c.right));
    if ((ls === 'num' && (typeof rs === 'object' || rs === 'code')) || (rs === 'num' && (typeof ls === 'object' || ls === 'code'))) return lit(undefined);
    if (typeof ls === 'object' && typeof rs === 'object') return lit(compareVals(c.op, ls.v, rs.v));
    if (ls === 'code' && typeof rs === 'object' && c.left.kind === 'fact') return this.member(c.left.path, (d) => compareVals(c.op, other(d), rs.v));
    if (rs === 'code' && typeof ls === 'object' && c.right.kind === 'fact') return this.member(c.right.path, (d) => compareVals(c.op, ls.v, other(d)));
    throw new SqlUnsupported(`${this.rule.id}: ${c.at}: this comparison has no SQL form yet`);
  }

  private numCompare(op: string, a: NumFrag, b: NumFrag): Frag {
    const l = lv(a.lo, a.hi, b.lo, b.hi);
    if (a.pt && b.pt) return { s: `(${a.lo.s} ${op === '!=' ? '<>' : op} ${b.lo.s})`, l };
    const m = [a.lo, a.hi, b.lo, b.hi].map((f) => this.g.mat(f));
    const [alo, ahi, blo, bhi] = m.map((f) => f.s) as [string, string, string, string];
    const L = lv(...m);
    const cs = (t: string, f: string) => `(CASE WHEN ${t} THEN TRUE WHEN ${f} THEN FALSE ELSE ${NULL_B} END)`;
    switch (op) {
      case '<': return { s: cs(`${ahi} < ${blo}`, `${alo} >= ${bhi}`), l: L };
      case '<=': return { s: cs(`${ahi} <= ${blo}`, `${alo} > ${bhi}`), l: L };
      case '>': return { s: cs(`${alo} > ${bhi}`, `${ahi} <= ${blo}`), l: L };
      case '>=': return { s: cs(`${alo} >= ${bhi}`, `${ahi} < ${blo}`), l: L };
      default: {
        const eq = cs(`${alo} = ${ahi} AND ${blo} = ${bhi} AND ${alo} = ${blo}`, `${ahi} < ${blo} OR ${alo} > ${bhi}`);
        return { s: op === '=' ? eq : `(NOT ${eq})`, l: L };
      }
    }
  }

  private constNum(v: Val): NumFrag {
    const f = { s: dbl(v?.num ? v.lo : NaN), l: 0 };
    return { lo: f, hi: { s: dbl(v?.num ? v.hi : NaN), l: 0 }, pt: true };
  }

  /** SQL LEAST/GREATEST that give NULL when either side is unknown, as Math.min/max give NaN. */
  private guarded(fn: 'least' | 'greatest', a: Frag, b: Frag): Frag {
    const x = this.g.mat(a);
    const y = this.g.mat(b);
    return { s: `(CASE WHEN ${x.s} IS NULL OR ${y.s} IS NULL THEN CAST(NULL AS DOUBLE) ELSE ${fn}(${x.s}, ${y.s}) END)`, l: lv(x, y) };
  }

  private pair(lo: Frag, hi: Frag): NumFrag { return { lo, hi, pt: false }; }
  private point(f: Frag): NumFrag { return { lo: f, hi: f, pt: true }; }

  num(e: Expr): NumFrag {
    switch (e.kind) {
      case 'lit':
        if (typeof e.value !== 'number') throw new SqlUnsupported(`${this.rule.id}: text in arithmetic`);
        return this.constNum(num(e.value));
      case 'fact': {
        if (this.col(e.path).kind !== 'num') throw new SqlUnsupported(`${e.path} is not a number`);
        return this.point({ s: q(e.path), l: 0 });
      }
      case 'yearsSince': {
        const [y, m, d] = this.date.split('-').map(Number) as [number, number, number];
        const c = q(e.path);
        return this.point({ s: `CAST(${y} - year(${c}) - (CASE WHEN month(${c}) > ${m} OR (month(${c}) = ${m} AND day(${c}) > ${d}) THEN 1 ELSE 0 END) AS DOUBLE)`, l: 0 });
      }
      case 'param': {
        const chain = this.chain(e.name);
        if (!chain.length) return this.constNum(this.raw(e.name));
        const step = (j: number): NumFrag => {
          const x = chain[j];
          if (!x) return this.constNum(this.raw(e.name));
          const use = this.constNum(this.raw((x.effect as { use: string }).use));
          const xv = this.exception(x);
          const rest = step(j + 1);
          const lo = this.g.mat(rest.lo);
          const hi = rest.pt ? lo : this.g.mat(rest.hi);
          const pick = (u: Frag, r: Frag, fn: 'least' | 'greatest'): Frag => {
            const h = this.guarded(fn, u, r);
            return { s: `(CASE WHEN ${xv.s} THEN ${u.s} WHEN NOT ${xv.s} THEN ${r.s} ELSE ${h.s} END)`, l: lv(xv, r, h) };
          };
          return this.pair(pick(use.lo, lo, 'least'), pick(use.hi, hi, 'greatest'));
        };
        return step(0);
      }
      case 'add': case 'mul': case 'min': case 'max': case 'sub': case 'div': {
        let acc = this.num(e.args[0]!);
        for (const a of e.args.slice(1)) acc = this.arith(e.kind, acc, this.num(a));
        return acc;
      }
      case 'round': {
        const v = this.num(e.arg);
        const f = dbl(10 ** e.digits);
        const r = (x: Frag): Frag => {
          const xm = this.g.mat(x);
          const y = this.g.mat({ s: `((${xm.s} + ${EPS} * sign(${xm.s})) * ${f})`, l: xm.l });
          // Math.round: the nearest integer, halves towards +∞
          return { s: `((CASE WHEN ${y.s} - floor(${y.s}) >= 0.5 THEN ceil(${y.s}) ELSE floor(${y.s}) END) / ${f})`, l: y.l };
        };
        return v.pt ? this.point(r(v.lo)) : this.pair(r(v.lo), r(v.hi));
      }
      case 'if': {
        const c = this.g.mat(this.cond(e.cond));
        const th = this.num(e.then);
        const el = this.num(e.else);
        const pick = (a: Frag, b: Frag, fn: 'least' | 'greatest'): Frag => {
          const h = this.guarded(fn, a, b);
          const am = this.g.mat(a);
          const bm = this.g.mat(b);
          return { s: `(CASE WHEN ${c.s} THEN ${am.s} WHEN NOT ${c.s} THEN ${bm.s} ELSE ${h.s} END)`, l: lv(c, am, bm, h) };
        };
        return this.pair(pick(th.lo, el.lo, 'least'), pick(th.hi, el.hi, 'greatest'));
      }
    }
  }

  private arith(kind: 'add' | 'sub' | 'mul' | 'div' | 'min' | 'max', a: NumFrag, b: NumFrag): NumFrag {
    if (a.pt && b.pt) {
      if (kind === 'min' || kind === 'max') return this.point(this.guarded(kind === 'min' ? 'least' : 'greatest', a.lo, b.lo));
      if (kind === 'div') {
        const y = this.g.mat(b.lo);
        return this.point({ s: `(CASE WHEN ${y.s} = 0 THEN CAST(NULL AS DOUBLE) ELSE ${a.lo.s} / ${y.s} END)`, l: lv(a.lo, y) });
      }
      const op = kind === 'add' ? '+' : kind === 'sub' ? '-' : '*';
      return this.point({ s: `(${a.lo.s} ${op} ${b.lo.s})`, l: lv(a.lo, b.lo) });
    }
    const [alo, ahi, blo, bhi] = [a.lo, a.hi, b.lo, b.hi].map((f) => this.g.mat(f)) as [Frag, Frag, Frag, Frag];
    const l = lv(alo, ahi, blo, bhi);
    switch (kind) {
      case 'add': return this.pair({ s: `(${alo.s} + ${blo.s})`, l }, { s: `(${ahi.s} + ${bhi.s})`, l });
      case 'sub': return this.pair({ s: `(${alo.s} - ${bhi.s})`, l }, { s: `(${ahi.s} - ${blo.s})`, l });
      case 'min': return this.pair(this.guarded('least', alo, blo), this.guarded('least', ahi, bhi));
      case 'max': return this.pair(this.guarded('greatest', alo, blo), this.guarded('greatest', ahi, bhi));
      case 'mul': case 'div': {
        const o = kind === 'mul' ? '*' : '/';
        const p = `${alo.s} ${o} ${blo.s}, ${alo.s} ${o} ${bhi.s}, ${ahi.s} ${o} ${blo.s}, ${ahi.s} ${o} ${bhi.s}`;
        // all four products are NULL together, so LEAST/GREATEST need no guard here
        const zero = kind === 'div' ? `WHEN ${blo.s} <= 0 AND ${bhi.s} >= 0 THEN CAST(NULL AS DOUBLE) ` : '';
        return this.pair({ s: `(CASE ${zero}WHEN TRUE THEN least(${p}) END)`, l }, { s: `(CASE ${zero}WHEN TRUE THEN greatest(${p}) END)`, l });
      }
    }
  }

  /** Status (0 not eligible, 1 undetermined, 2 eligible) and the outputs (NULL unless eligible with one value). */
  compile(): { status: Frag; outputs: Partial<Record<OutputKey, Frag>> } {
    let s = this.g.mat(this.cond(this.rule.eligibility), `${this.tag}b`);
    const eligX = this.rule.exceptions.filter((x) => 'eligible' in x.effect);
    for (let j = eligX.length - 1; j >= 0; j--) {
      const x = eligX[j]!;
      const eff = (x.effect as { eligible: boolean }).eligible ? 'TRUE' : 'FALSE';
      const xv = this.exception(x);
      s = this.g.mat({ s: `(CASE WHEN ${xv.s} THEN ${eff} WHEN NOT ${xv.s} THEN ${s.s} WHEN ${s.s} = ${eff} THEN ${s.s} ELSE ${NULL_B} END)`, l: lv(xv, s) }, `${this.tag}e`);
    }
    const status = this.g.mat({ s: `(CASE WHEN ${s.s} THEN 2 WHEN NOT ${s.s} THEN 0 ELSE 1 END)`, l: s.l }, `${this.tag}s`);
    const outputs: Partial<Record<OutputKey, Frag>> = {};
    for (const key of outputKeys) {
      const o = this.rule.outputs[key];
      if (!o) continue;
      const v = this.num(o.formula);
      const lo = this.g.mat(v.lo);
      const hi = v.pt ? lo : this.g.mat(v.hi);
      const y = this.g.mat({ s: `((${lo.s} + ${EPS} * sign(${lo.s})) * ${dbl(100)})`, l: lo.l });
      const rounded = `((CASE WHEN ${y.s} - floor(${y.s}) >= 0.5 THEN ceil(${y.s}) ELSE floor(${y.s}) END) / ${dbl(100)})`;
      outputs[key] = { s: `(CASE WHEN ${status.s} = 2 AND ${lo.s} = ${hi.s} THEN ${rounded} END)`, l: lv(status, lo, hi, y) };
    }
    return { status, outputs };
  }
}

export interface CompiledSql {
  rules: { id: string; status: Frag; outputs: Partial<Record<OutputKey, Frag>> }[];
  gen: SqlGen;
}

export function compileRulesSql(rules: readonly IncentiveRule[], store: ColumnStore, date: string): CompiledSql {
  const gen = new SqlGen(store);
  return { gen, rules: rules.map((r, i) => ({ id: r.id, ...new RuleSql(gen, r, date, `r${i}_`).compile() })) };
}

/** One row per person: row_id, then per rule s<i> and its outputs o<i>_<key>, in row order. */
export function rowsQuery(c: CompiledSql, where = ''): string {
  const items: Frag[] = [{ s: 'row_id', l: 0 }];
  c.rules.forEach((r, i) => {
    items.push({ s: `${r.status.s} AS s${i}`, l: r.status.l });
    for (const [k, f] of Object.entries(r.outputs)) items.push({ s: `${f.s} AS o${i}_${k}`, l: f.l });
  });
  return c.gen.query(items, `${where ? ` WHERE ${where}` : ''} ORDER BY row_id`);
}

/**
 * The aggregate per rule, the same figures as the vectorised `aggregate`: counts per status, and per
 * output the sum over eligible rows with one value and the count of eligible rows without one.
 * `scoped` rules count only rows with an employer ("employer.region" present).
 */
export function aggregateQuery(c: CompiledSql, scoped: readonly boolean[]): string {
  const items: Frag[] = [];
  c.rules.forEach((r, i) => {
    const sc = scoped[i] ? `"employer.region" IS NOT NULL AND ` : '';
    const st = r.status;
    items.push({ s: `count(*) FILTER (WHERE ${sc}${st.s} = 2) AS e${i}`, l: st.l });
    items.push({ s: `count(*) FILTER (WHERE ${sc}${st.s} = 1) AS u${i}`, l: st.l });
    items.push({ s: `count(*) FILTER (WHERE ${sc}${st.s} = 0) AS n${i}`, l: st.l });
    items.push({ s: scoped[i] ? `count(*) FILTER (WHERE "employer.region" IS NULL) AS x${i}` : `0 AS x${i}`, l: 0 });
    for (const [k, f] of Object.entries(r.outputs)) {
      items.push({ s: `coalesce(sum(${f.s}) FILTER (WHERE ${sc}TRUE), 0) AS sum${i}_${k}`, l: f.l });
      items.push({ s: `count(*) FILTER (WHERE ${sc}${st.s} = 2 AND ${f.s} IS NULL) AS open${i}_${k}`, l: Math.max(f.l, st.l) });
    }
  });
  return c.gen.query(items);
}
