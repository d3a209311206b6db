import { evaluateIncentive } from '../engine/evaluate.ts';
import { wholeYears } from '../engine/periods.ts';
import type { Cond, Expr, IncentiveRule, OutputKey, RuleException } from '../engine/rule.schema.ts';
import { outputKeys } from '../engine/rule.schema.ts';
import { compare as compareVals, num, other, type Val } from '../engine/values.ts';
import { dayOfIso, factsOfRow, isoOfDay, type Column, type ColumnStore } from './columns.ts';
import { exceptionsSwapping, parameterOn } from './rule-parameters.ts';

// The vectorised evaluator: each rule (eligibility tree, ranked exceptions, output formulas) is
// compiled once per reference date and column layout into one JavaScript loop over the typed arrays
// (generated source, run through `new Function`). Parameters are resolved at compile time; truth is
// a small integer (0 = false, 1 = unknown, 2 = true) so Kleene AND/OR are min/max; numbers are
// intervals [lo, hi] exactly as in values.ts, with NaN for unknown. The result must equal the
// scalar `evaluate` row for row — the agreement test checks it. Constructs the fast paths do not
// cover (a date compared with a date, two codes compared, parameters whose value type changes) fall
// back to the scalar engine for that condition, row by row: slower but still exact.

export const F = 0;
export const U = 1;
export const T = 2;

export interface RowResults {
  /** 0 not-eligible, 1 undetermined, 2 eligible */
  status: Uint8Array;
  /** per output key: the value (rounded to 2 digits) when eligible and a single number, else NaN */
  outputs: Partial<Record<OutputKey, Float64Array>>;
}

export interface Aggregate {
  eligible: number;
  undetermined: number;
  notEligible: number;
  /** rows outside the scope (employer incentives: adults without an employer) */
  outOfScope: number;
  /** per output: sum over eligible rows with a single value; `open` counts eligible rows without one (a range) */
  outputs: Partial<Record<OutputKey, { sum: number; open: number }>>;
}

export interface CompiledRule {
  rule: IncentiveRule;
  outputKeys: OutputKey[];
  /** the generated loop, for inspection */
  source: string;
  rows(from?: number, to?: number): RowResults;
  aggregate(scope?: Uint8Array | null): Aggregate;
}

const EPS = String(Number.EPSILON);
const numLit = (v: number) => (Object.is(v, -0) ? '(-0)' : Number.isNaN(v) ? 'NaN' : v < 0 ? `(${v})` : String(v));
type Side = { t: 'num' } | { t: 'const'; v: Val } | { t: 'code'; path: string } | { t: 'generic' };
interface NumRef { lo: string; hi: string; pt: boolean }

class Gen {
  private out: string[] = [];
  private n = 0;
  readonly consts: unknown[] = [];
  private readonly colIndex = new Map<string, number>();
  readonly cols: Column[] = [];
  readonly excVar = new Map<RuleException, string>();
  private readonly ys: (day: number) => number;

  constructor(readonly rule: IncentiveRule, readonly store: ColumnStore, readonly date: string) {
    rule.exceptions.forEach((x, j) => this.excVar.set(x, `xe${j}`));
    this.ys = yearsSinceFn(date);
  }

  emit(line: string): void { this.out.push(line); }
  tmp(): string { return `t${this.n++}`; }
  code(): string { return this.out.join('\n'); }

  konst(v: unknown): string {
    this.consts.push(v);
    return `K${this.consts.length - 1}`;
  }

  col(path: string): { c: string; k: string | null; col: Column } {
    const col = this.store.columns.get(path);
    if (!col) throw new Error(`vectorised evaluator: the population has no column for ${path}`);
    let j = this.colIndex.get(path);
    if (j === undefined) {
      j = this.cols.length;
      this.cols.push(col);
      this.colIndex.set(path, j);
    }
    return { c: `c${j}`, k: col.known ? `k${j}` : null, col };
  }

  raw(name: string): Val {
    return parameterOn(this.rule, name, this.date);
  }

  chain(name: string): RuleException[] {
    return exceptionsSwapping(this.rule, name);
  }

  side(e: Expr): Side {
    switch (e.kind) {
      case 'lit': return typeof e.value === 'number' ? { t: 'num' } : { t: 'const', v: other(e.value) };
      case 'fact': {
        const col = this.col(e.path).col;
        return col.kind === 'num' ? { t: 'num' } : col.kind === 'code' ? { t: 'code', path: e.path } : { t: 'generic' };
      }
      case 'param': {
        const names = [e.name, ...this.chain(e.name).map((x) => (x.effect as { use: string }).use)];
        const vals = names.map((n) => this.raw(n));
        if (vals.every((v) => v === undefined || v.num)) return { t: 'num' };
        if (names.length === 1) return { t: 'const', v: vals[0] };
        return { t: 'generic' };
      }
      default: return { t: 'num' };
    }
  }

  /** Ensures exception x is computed for this row; returns its variable. */
  exception(x: RuleException): string {
    const v = this.excVar.get(x)!;
    this.emit(`if (${v} === 3) {`);
    const c = this.cond(x.when);
    this.emit(`${v} = ${c};`);
    this.emit('}');
    return v;
  }

  cond(c: Cond): string {
    switch (c.kind) {
      case 'all': case 'any': {
        const t = this.tmp();
        const all = c.kind === 'all';
        this.emit(`let ${t} = ${all ? T : F};`);
        this.emit(`L${t}: {`);
        for (const a of c.args) {
          const v = this.cond(a);
          this.emit(all ? `if (${v} < ${t}) ${t} = ${v};` : `if (${v} > ${t}) ${t} = ${v};`);
          this.emit(`if (${t} === ${all ? F : T}) break L${t};`);
        }
        this.emit('}');
        return t;
      }
      case 'not': {
        const v = this.cond(c.arg);
        const t = this.tmp();
        this.emit(`const ${t} = 2 - ${v};`);
        return t;
      }
      case 'known': {
        const { k } = this.col(c.path);
        if (!k) return String(T);
        const t = this.tmp();
        this.emit(`const ${t} = ${k}[i] ? 2 : 0;`);
        return t;
      }
      case 'in': {
        const { c: cv, k, col } = this.col(c.path);
        if (col.kind !== 'code') return this.scalarCond(c);
        const table = Uint8Array.from(col.dict, (d) => (c.values.some((x) => (c.prefix ? String(d).startsWith(x) : d === x)) ? T : F));
        return this.lookup(cv, k, table);
      }
      case 'compare': return this.compare(c);
    }
  }

  private lookup(cv: string, k: string | null, table: Uint8Array): string {
    const tb = this.konst(table);
    const t = this.tmp();
    this.emit(k ? `const ${t} = ${k}[i] ? ${tb}[${cv}[i]] : 1;` : `const ${t} = ${tb}[${cv}[i]];`);
    return t;
  }

  private compare(c: Extract<Cond, { kind: 'compare' }>): string {
    const ls = this.side(c.left);
    const rs = this.side(c.right);
    const tri = (v: boolean | undefined) => String(v === undefined ? U : v ? T : F);
    if (ls.t === 'const' && ls.v === undefined) return String(U);
    if (rs.t === 'const' && rs.v === undefined) return String(U);
    if (ls.t === 'num' && rs.t === 'num') return this.numCompare(c.op, this.num(c.left), this.num(c.right));
    if ((ls.t === 'num' && (rs.t === 'const' || rs.t === 'code')) || (rs.t === 'num' && (ls.t === 'const' || ls.t === 'code'))) return String(U);
    if (ls.t === 'const' && rs.t === 'const') return tri(compareVals(c.op, ls.v, rs.v));
    if (ls.t === 'code' && rs.t === 'const') {
      const { c: cv, k, col } = this.col(ls.path);
      const dict = (col as Extract<Column, { kind: 'code' }>).dict;
      return this.lookup(cv, k, Uint8Array.from(dict, (d) => Number(tri(compareVals(c.op, other(d), rs.v)))));
    }
    if (ls.t === 'const' && rs.t === 'code') {
      const { c: cv, k, col } = this.col(rs.path);
      const dict = (col as Extract<Column, { kind: 'code' }>).dict;
      return this.lookup(cv, k, Uint8Array.from(dict, (d) => Number(tri(compareVals(c.op, ls.v, other(d))))));
    }
    return this.scalarCond(c);
  }

  /** Exact fallback: this condition through the scalar engine, row by row. */
  private scalarCond(c: Cond): string {
    const mini: IncentiveRule = { ...this.rule, eligibility: c, exceptions: this.rule.exceptions.filter((x) => 'param' in x.effect), outputs: {} };
    const store = this.store;
    const date = this.date;
    const fn = (i: number) => {
      const s = evaluateIncentive(mini, factsOfRow(store, i), date).status;
      return s === 'eligible' ? T : s === 'not-eligible' ? F : U;
    };
    const f = this.konst(fn);
    const t = this.tmp();
    this.emit(`const ${t} = ${f}(i);`);
    return t;
  }

  private numCompare(op: string, a: NumRef, b: NumRef): string {
    const t = this.tmp();
    const unknown = `${a.lo} !== ${a.lo} || ${b.lo} !== ${b.lo}`;
    if (a.pt && b.pt) {
      const js = op === '=' ? '===' : op === '!=' ? '!==' : op;
      this.emit(`const ${t} = (${unknown}) ? 1 : ${a.lo} ${js} ${b.lo} ? 2 : 0;`);
      return t;
    }
    let body: string;
    switch (op) {
      case '<': body = `${a.hi} < ${b.lo} ? 2 : ${a.lo} >= ${b.hi} ? 0 : 1`; break;
      case '<=': body = `${a.hi} <= ${b.lo} ? 2 : ${a.lo} > ${b.hi} ? 0 : 1`; break;
      case '>': body = `${a.lo} > ${b.hi} ? 2 : ${a.hi} <= ${b.lo} ? 0 : 1`; break;
      case '>=': body = `${a.lo} >= ${b.hi} ? 2 : ${a.hi} < ${b.lo} ? 0 : 1`; break;
      default: {
        const eq = `(${a.lo} === ${a.hi} && ${b.lo} === ${b.hi} && ${a.lo} === ${b.lo} ? 2 : ${a.hi} < ${b.lo} || ${a.lo} > ${b.hi} ? 0 : 1)`;
        body = op === '=' ? eq : `2 - ${eq}`;
      }
    }
    this.emit(`const ${t} = (${unknown}) ? 1 : ${body};`);
    return t;
  }

  private constNum(v: Val): NumRef {
    const s = v?.num ? numLit(v.lo) : 'NaN';
    return { lo: s, hi: v?.num ? numLit(v.hi) : 'NaN', pt: true };
  }

  /** Emits code for a numeric expression; returns the names holding [lo, hi] (NaN = unknown). */
  num(e: Expr): NumRef {
    switch (e.kind) {
      case 'lit':
        if (typeof e.value !== 'number') throw new Error(`vectorised evaluator: a text in arithmetic at ${this.rule.id}`);
        return this.constNum(num(e.value));
      case 'fact': {
        const { c, k, col } = this.col(e.path);
        if (col.kind !== 'num') throw new Error(`vectorised evaluator: fact ${e.path} is not a number (${this.rule.id})`);
        const t = this.tmp();
        this.emit(k ? `const ${t} = ${k}[i] ? ${c}[i] : NaN;` : `const ${t} = ${c}[i];`);
        return { lo: t, hi: t, pt: true };
      }
      case 'yearsSince': {
        const { c, k, col } = this.col(e.path);
        if (col.kind !== 'date') throw new Error(`vectorised evaluator: fact ${e.path} is not a date (${this.rule.id})`);
        const f = this.konst(this.ys);
        const t = this.tmp();
        this.emit(k ? `const ${t} = ${k}[i] ? ${f}(${c}[i]) : NaN;` : `const ${t} = ${f}(${c}[i]);`);
        return { lo: t, hi: t, pt: true };
      }
      case 'param': {
        const chain = this.chain(e.name);
        for (const n of [e.name, ...chain.map((x) => (x.effect as { use: string }).use)]) {
          const v = this.raw(n);
          if (v && !v.num) throw new Error(`vectorised evaluator: parameter ${n} of ${this.rule.id} is not a number`);
        }
        if (!chain.length) return this.constNum(this.raw(e.name));
        const lo = this.tmp();
        const hi = this.tmp();
        this.emit(`let ${lo}, ${hi};`);
        const step = (j: number): void => {
          const x = chain[j];
          if (!x) {
            const r = this.constNum(this.raw(e.name));
            this.emit(`${lo} = ${r.lo}; ${hi} = ${r.hi};`);
            return;
          }
          const use = this.constNum(this.raw((x.effect as { use: string }).use));
          const xv = this.exception(x);
          this.emit(`if (${xv} === 2) { ${lo} = ${use.lo}; ${hi} = ${use.hi}; } else if (${xv} === 0) {`);
          step(j + 1);
          this.emit('} else {');
          step(j + 1);
          this.emit(`${lo} = Math.min(${use.lo}, ${lo}); ${hi} = Math.max(${use.hi}, ${hi});`);
          this.emit('}');
        };
        step(0);
        return { lo, hi, pt: false };
      }
      case 'add': case 'mul': case 'min': case 'max': case 'sub': case 'div': {
        let acc = this.num(e.args[0]!);
        for (const a of e.args.slice(1)) acc = this.arith(e.kind, acc, this.num(a));
        return acc;
      }
      case 'round': {
        const v = this.num(e.arg);
        const f = String(10 ** e.digits);
        const r = (x: string) => `Math.round((${x} + ${EPS} * Math.sign(${x})) * ${f}) / ${f}`;
        const lo = this.tmp();
        if (v.pt) {
          this.emit(`const ${lo} = ${r(v.lo)};`);
          return { lo, hi: lo, pt: true };
        }
        const hi = this.tmp();
        this.emit(`const ${lo} = ${r(v.lo)}, ${hi} = ${r(v.hi)};`);
        return { lo, hi, pt: false };
      }
      case 'if': {
        const c = this.cond(e.cond);
        const lo = this.tmp();
        const hi = this.tmp();
        this.emit(`let ${lo}, ${hi};`);
        this.emit(`if (${c} === 2) {`);
        const th = this.num(e.then);
        this.emit(`${lo} = ${th.lo}; ${hi} = ${th.hi};`);
        this.emit(`} else if (${c} === 0) {`);
        const el = this.num(e.else);
        this.emit(`${lo} = ${el.lo}; ${hi} = ${el.hi};`);
        this.emit('} else {');
        const th2 = this.num(e.then);
        const el2 = this.num(e.else);
        this.emit(`${lo} = Math.min(${th2.lo}, ${el2.lo}); ${hi} = Math.max(${th2.hi}, ${el2.hi});`);
        this.emit('}');
        return { lo, hi, pt: false };
      }
    }
  }

  private arith(kind: 'add' | 'sub' | 'mul' | 'div' | 'min' | 'max', a: NumRef, b: NumRef): NumRef {
    const t = this.tmp();
    if (a.pt && b.pt) {
      const x = a.lo;
      const y = b.lo;
      const body = kind === 'add' ? `${x} + ${y}` : kind === 'sub' ? `${x} - ${y}` : kind === 'mul' ? `${x} * ${y}`
        : kind === 'div' ? `${y} === 0 ? NaN : ${x} / ${y}` : `Math.${kind}(${x}, ${y})`;
      this.emit(`const ${t} = ${body};`);
      return { lo: t, hi: t, pt: true };
    }
    const h = this.tmp();
    switch (kind) {
      case 'add': this.emit(`const ${t} = ${a.lo} + ${b.lo}, ${h} = ${a.hi} + ${b.hi};`); break;
      case 'sub': this.emit(`const ${t} = ${a.lo} - ${b.hi}, ${h} = ${a.hi} - ${b.lo};`); break;
      case 'min': case 'max': this.emit(`const ${t} = Math.${kind}(${a.lo}, ${b.lo}), ${h} = Math.${kind}(${a.hi}, ${b.hi});`); break;
      case 'mul': case 'div': {
        const o = kind === 'mul' ? '*' : '/';
        const p = `${a.lo} ${o} ${b.lo}, ${a.lo} ${o} ${b.hi}, ${a.hi} ${o} ${b.lo}, ${a.hi} ${o} ${b.hi}`;
        const zero = kind === 'div' ? `${b.lo} <= 0 && ${b.hi} >= 0` : 'false';
        this.emit(`const ${t} = ${zero} ? NaN : Math.min(${p}), ${h} = ${zero} ? NaN : Math.max(${p});`);
        break;
      }
    }
    return { lo: t, hi: h, pt: false };
  }
}

/** Whole years from a day number to the reference date, exactly as periods.wholeYears. */
export function yearsSinceFn(referenceDate: string): (day: number) => number {
  const [y, m, d] = referenceDate.split('-').map(Number) as [number, number, number];
  const OFF = 400;
  // anchor[k + OFF]: the last day on which someone born then has k whole years on the reference date
  const anchor = new Float64Array(2 * OFF + 1);
  for (let k = -OFF; k <= OFF; k++) {
    const yy = y - k;
    const last = new Date(Date.UTC(2000, m, 0)).getUTCDate(); // days in month m of a leap year
    const dim = m === 2 ? ((yy % 4 === 0 && yy % 100 !== 0) || yy % 400 === 0 ? 29 : 28) : last;
    anchor[k + OFF] = dayOfIso(`${String(yy).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, dim)).padStart(2, '0')}`);
  }
  const ref = anchor[OFF]!;
  return (day: number) => {
    let k = Math.floor((ref - day) / 365.2425);
    if (k <= -OFF || k >= OFF) return wholeYears(isoOfDay(day), referenceDate);
    while (k + 1 < OFF && day <= anchor[k + 1 + OFF]!) k++;
    while (k > -OFF && day > anchor[k + OFF]!) k--;
    return k;
  };
}

/** Compiles one rule for a reference date and a column layout. */
export function compileRule(rule: IncentiveRule, store: ColumnStore, date: string): CompiledRule {
  const keys = outputKeys.filter((k) => rule.outputs[k]);
  const g = new Gen(rule, store, date);

  // status
  const base = g.cond(rule.eligibility);
  g.emit(`let s = ${base};`);
  const eligX = rule.exceptions.filter((x) => 'eligible' in x.effect);
  const onlyFalse = eligX.every((x) => !(x.effect as { eligible: boolean }).eligible);
  if (eligX.length) {
    if (onlyFalse) g.emit('if (s !== 0) {'); // an exception that can only exclude leaves a "no" alone
    for (let j = eligX.length - 1; j >= 0; j--) {
      const x = eligX[j]!;
      const eff = (x.effect as { eligible: boolean }).eligible ? T : F;
      const xv = g.exception(x);
      g.emit(`s = ${xv} === 2 ? ${eff} : ${xv} === 0 ? s : s === ${eff} ? s : 1;`);
    }
    if (onlyFalse) g.emit('}');
  }
  // outputs, for eligible rows
  g.emit('if (s === 2) {');
  keys.forEach((key, j) => {
    const v = g.num(rule.outputs[key]!.formula);
    g.emit(`o${j} = ${v.lo} === ${v.hi} ? Math.round((${v.lo} + ${EPS} * Math.sign(${v.lo})) * 100) / 100 : NaN;`);
  });
  g.emit('}');
  const rowBody = g.code();

  const colDecl = g.cols.map((c, j) => `const c${j} = C[${j}].values${c.known ? `, k${j} = C[${j}].known` : ''};`).join('\n');
  const constDecl = g.consts.map((_, j) => `const K${j} = X[${j}];`).join('\n');
  const rowStart = [
    `let ${[...g.excVar.values()].map((v) => `${v} = 3`).join(', ') || '_ = 0'};`,
    keys.map((_, j) => `let o${j} = NaN;`).join(' '),
  ].join('\n');

  const rowsSource = `${colDecl}\n${constDecl}
for (let i = from; i < to; i++) {
${rowStart}
${rowBody}
S[i - from] = s;
${keys.map((_, j) => `O[${j}][i - from] = o${j};`).join('\n')}
}`;
  const aggSource = `${colDecl}\n${constDecl}
let nE = 0, nU = 0, nN = 0, nOut = 0;
${keys.map((_, j) => `let sum${j} = 0, open${j} = 0;`).join('\n')}
for (let i = 0; i < n; i++) {
if (scope !== null && scope[i] === 0) { nOut++; continue; }
${rowStart}
${rowBody}
if (s === 2) {
nE++;
${keys.map((_, j) => `if (o${j} === o${j}) sum${j} += o${j}; else open${j}++;`).join('\n')}
} else if (s === 1) nU++; else nN++;
}
return [nE, nU, nN, nOut${keys.map((_, j) => `, sum${j}, open${j}`).join('')}];`;

  // generated from the validated rule tree (never from input text): parameters and tables are passed in X
  const rowsFn = new Function('C', 'X', 'from', 'to', 'S', 'O', rowsSource) as (...a: unknown[]) => void;
  const aggFn = new Function('C', 'X', 'n', 'scope', aggSource) as (...a: unknown[]) => number[];

  return {
    rule,
    outputKeys: keys,
    source: aggSource,
    rows(from = 0, to = store.n) {
      const status = new Uint8Array(to - from);
      const outs = keys.map(() => new Float64Array(to - from));
      rowsFn(g.cols, g.consts, from, to, status, outs);
      return { status, outputs: Object.fromEntries(keys.map((k, j) => [k, outs[j]!])) };
    },
    aggregate(scope = null) {
      const r = aggFn(g.cols, g.consts, store.n, scope);
      return {
        eligible: r[0]!, undetermined: r[1]!, notEligible: r[2]!, outOfScope: r[3]!,
        outputs: Object.fromEntries(keys.map((k, j) => [k, { sum: r[4 + 2 * j]!, open: r[5 + 2 * j]! }])),
      };
    },
  };
}

export function compileRules(rules: readonly IncentiveRule[], store: ColumnStore, date: string): CompiledRule[] {
  return rules.map((r) => compileRule(r, store, date));
}
