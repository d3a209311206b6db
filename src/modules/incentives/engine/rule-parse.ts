import { factCatalogue, type FactInfo } from './facts.schema.ts';
import { compareOps, explainSchema, type CompareOp, type Cond, type CondMeta, type Expr, type Parameter } from './rule.schema.ts';
import { formatUnit, multiply, parseUnit, unify, type Unit } from './units.ts';

// Turns the YAML expression trees into the normalised tree, checking every reference on the way:
// facts exist in the vocabulary, parameters exist in the rule, values fit the fact's type, units agree.
// Every message carries the YAML path, e.g. `eligibility.all[2].compare.fact: unknown fact "person.foo"`.

type ValueType = 'number' | 'boolean' | 'string' | 'date' | 'any';
interface Typed { expr: Expr; unit: Unit; type: ValueType; fact?: FactInfo; paramValues?: unknown[] }

export class ParseContext {
  readonly errors: string[] = [];
  constructor(readonly params: Record<string, Parameter>) {}
  error(at: string, message: string): void { this.errors.push(`${at}: ${message}`); }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const metaKeys = new Set(['id', 'explain', 'sources']);
const condOps = ['all', 'any', 'not', 'compare', 'in', 'known'];
const exprOps = ['fact', 'param', 'yearsSince', 'add', 'sub', 'mul', 'div', 'min', 'max', 'round', 'if'];

function factRef(ctx: ParseContext, v: unknown, at: string): FactInfo | undefined {
  if (typeof v !== 'string') { ctx.error(at, 'must be a fact path such as "person.weeklyHours"'); return undefined; }
  const f = factCatalogue.get(v);
  if (!f) ctx.error(at, `unknown fact "${v}"`);
  return f;
}

function paramRef(ctx: ParseContext, v: unknown, at: string): Typed | undefined {
  if (typeof v !== 'string' || !ctx.params[v]) {
    ctx.error(at, `unknown parameter "${String(v)}" (declared: ${Object.keys(ctx.params).join(', ') || 'none'})`);
    return undefined;
  }
  const p = ctx.params[v];
  const kinds = new Set(p.values.filter((x) => x.value !== null).map((x) => typeof x.value));
  if (kinds.size > 1) ctx.error(at, `parameter "${v}" mixes value types (${[...kinds].join(', ')})`);
  const t = [...kinds][0];
  let unit: Unit = null;
  try { unit = parseUnit(p.unit); } catch (e) { ctx.error(`parameters.${v}.unit`, (e as Error).message); }
  return { expr: { kind: 'param', name: v }, unit, type: t === 'number' || t === 'boolean' || t === 'string' ? t : 'any', paramValues: p.values.map((x) => x.value) };
}

function factTyped(f: FactInfo): Typed {
  const type: ValueType = f.kind === 'integer' || f.kind === 'number' ? 'number' : f.kind === 'boolean' ? 'boolean' : f.kind === 'date' ? 'date' : 'string';
  return { expr: { kind: 'fact', path: f.path }, unit: type === 'number' ? parseUnit(f.unit) : null, type, fact: f };
}

function one(ctx: ParseContext, node: Record<string, unknown>, ops: string[], at: string, allowed: string[] = []): string | undefined {
  const present = Object.keys(node).filter((k) => ops.includes(k));
  const stray = Object.keys(node).filter((k) => !ops.includes(k) && !allowed.includes(k));
  if (stray.length) ctx.error(`${at}.${stray[0]}`, `unknown key "${stray[0]}" (expected one of ${ops.join(', ')})`);
  if (present.length !== 1) { ctx.error(at, `needs exactly one of ${ops.join(', ')} (found ${present.join(', ') || 'none'})`); return undefined; }
  return present[0];
}

export function parseExpr(ctx: ParseContext, node: unknown, at: string): Typed | undefined {
  if (typeof node === 'number') return { expr: { kind: 'lit', value: node }, unit: null, type: 'number' };
  if (!isObj(node)) { ctx.error(at, 'must be a number or an expression such as {param: …}, {fact: …}, {min: […]}'); return undefined; }
  const op = one(ctx, node, exprOps, at, ['digits', 'then', 'else']);
  if (!op) return undefined;
  const here = `${at}.${op}`;
  const v = node[op];
  switch (op) {
    case 'fact': {
      const f = factRef(ctx, v, here);
      if (!f) return undefined;
      const t = factTyped(f);
      if (t.type !== 'number') ctx.error(here, `fact "${f.path}" is ${f.kind}, not a number`);
      return t;
    }
    case 'param': {
      const p = paramRef(ctx, v, here);
      if (p && p.type !== 'number' && p.type !== 'any') ctx.error(here, `parameter "${String(v)}" is not a number`);
      return p;
    }
    case 'yearsSince': {
      const f = factRef(ctx, v, here);
      if (f && f.kind !== 'date') ctx.error(here, `fact "${f.path}" is not a date`);
      return f ? { expr: { kind: 'yearsSince', path: f.path }, unit: parseUnit('year'), type: 'number' } : undefined;
    }
    case 'add': case 'mul': case 'min': case 'max': case 'sub': case 'div': {
      const binary = op === 'sub' || op === 'div';
      if (!Array.isArray(v) || v.length < 2 || (binary && v.length !== 2)) {
        ctx.error(here, binary ? 'needs a list of exactly 2 expressions' : 'needs a list of at least 2 expressions');
        return undefined;
      }
      const args = v.map((a, i) => parseExpr(ctx, a, `${here}[${i}]`));
      if (args.some((a) => !a)) return undefined;
      const typed = args as Typed[];
      let unit: Unit = typed[0]!.unit;
      for (let i = 1; i < typed.length; i++) {
        const u = typed[i]!.unit;
        if (op === 'mul' || op === 'div') unit = multiply(unit, u, op === 'div' ? -1 : 1);
        else {
          const r = unify(unit, u);
          if (r === 'mismatch') { ctx.error(`${here}[${i}]`, `unit ${formatUnit(u)} does not match ${formatUnit(unit)}`); return undefined; }
          unit = r;
        }
      }
      const exprs = typed.map((t) => t.expr);
      const expr: Expr = binary ? { kind: op, args: [exprs[0]!, exprs[1]!] } : { kind: op, args: exprs };
      return { expr, unit, type: 'number' };
    }
    case 'round': {
      const arg = parseExpr(ctx, v, here);
      const digits = node.digits ?? 0;
      if (typeof digits !== 'number' || !Number.isInteger(digits) || digits < 0 || digits > 6) ctx.error(`${at}.digits`, 'must be a whole number 0–6');
      return arg ? { expr: { kind: 'round', arg: arg.expr, digits: Number(digits) }, unit: arg.unit, type: 'number' } : undefined;
    }
    case 'if': {
      const cond = parseCond(ctx, v, here, false);
      const th = parseExpr(ctx, node.then, `${at}.then`);
      const el = parseExpr(ctx, node.else, `${at}.else`);
      if (!cond || !th || !el) return undefined;
      const u = unify(th.unit, el.unit);
      if (u === 'mismatch') { ctx.error(`${at}.else`, `unit ${formatUnit(el.unit)} does not match then-branch ${formatUnit(th.unit)}`); return undefined; }
      return { expr: { kind: 'if', cond, then: th.expr, else: el.expr }, unit: u, type: 'number' };
    }
  }
  return undefined;
}

function parseMeta(ctx: ParseContext, node: Record<string, unknown>, at: string): CondMeta {
  const meta: CondMeta = { at };
  if (node.id !== undefined) {
    if (typeof node.id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(node.id)) ctx.error(`${at}.id`, 'must be a kebab-case id');
    else meta.id = node.id;
  }
  if (node.explain !== undefined) {
    const r = explainSchema.safeParse(node.explain);
    if (!r.success) for (const i of r.error.issues) ctx.error([`${at}.explain`, ...i.path].join('.'), i.message);
    else meta.explain = r.data;
  }
  if (node.sources !== undefined) {
    if (!Array.isArray(node.sources) || node.sources.some((s) => typeof s !== 'string' || !/^https?:\/\//.test(s))) ctx.error(`${at}.sources`, 'must be a list of URLs');
    else meta.sources = node.sources as string[];
  }
  if (meta.id && !meta.explain) ctx.error(at, `condition "${meta.id}" needs explain.met and explain.notMet`);
  if (!meta.id && (meta.explain || meta.sources)) ctx.error(at, 'explain/sources need an id on the same condition');
  return meta;
}

/** `labelled`: whether an ancestor carries an explanation (every leaf of an eligibility tree must). */
export function parseCond(ctx: ParseContext, node: unknown, at: string, needLabel: boolean): Cond | undefined {
  if (!isObj(node)) { ctx.error(at, 'must be a condition such as {all: […]}, {compare: …}, {in: …}'); return undefined; }
  const op = one(ctx, node, condOps, at, [...metaKeys]);
  const meta = parseMeta(ctx, node, at);
  if (!op) return undefined;
  const here = `${at}.${op}`;
  const stillNeed = needLabel && !meta.id;
  const v = node[op];
  switch (op) {
    case 'all': case 'any': {
      if (!Array.isArray(v) || v.length === 0) { ctx.error(here, 'needs a non-empty list of conditions'); return undefined; }
      const args = v.map((c, i) => parseCond(ctx, c, `${here}[${i}]`, stillNeed));
      return args.every(Boolean) ? { ...meta, kind: op, args: args as Cond[] } : undefined;
    }
    case 'not': {
      const arg = parseCond(ctx, v, here, stillNeed);
      return arg ? { ...meta, kind: 'not', arg } : undefined;
    }
    case 'known': {
      if (stillNeed) ctx.error(at, 'this condition needs an id and an explanation (or an ancestor with one)');
      const f = factRef(ctx, v, here);
      return f ? { ...meta, kind: 'known', path: f.path } : undefined;
    }
    case 'in': {
      if (stillNeed) ctx.error(at, 'this condition needs an id and an explanation (or an ancestor with one)');
      if (!isObj(v)) { ctx.error(here, 'needs {fact: …, values: […]}'); return undefined; }
      const stray = Object.keys(v).filter((k) => !['fact', 'values', 'prefix'].includes(k));
      if (stray.length) ctx.error(`${here}.${stray[0]}`, `unknown key "${stray[0]}"`);
      const f = factRef(ctx, v.fact, `${here}.fact`);
      if (!Array.isArray(v.values) || v.values.length === 0 || v.values.some((x) => typeof x !== 'string')) {
        ctx.error(`${here}.values`, 'needs a non-empty list of strings');
        return undefined;
      }
      if (!f) return undefined;
      const prefix = v.prefix === true;
      if (f.kind !== 'enum' && f.kind !== 'string') ctx.error(`${here}.fact`, `fact "${f.path}" is ${f.kind}; "in" needs an enumeration or code`);
      if (prefix && f.kind !== 'string') ctx.error(`${here}.prefix`, 'prefix matching needs a code fact');
      v.values.forEach((x: string, i: number) => {
        if (f.values && !f.values.includes(x)) ctx.error(`${here}.values[${i}]`, `"${x}" is not a value of ${f.path} (${f.values.join(', ')})`);
      });
      return { ...meta, kind: 'in', path: f.path, values: v.values as string[], prefix };
    }
    case 'compare':
      if (stillNeed) ctx.error(at, 'this condition needs an id and an explanation (or an ancestor with one)');
      return parseCompare(ctx, v, here, meta);
  }
  return undefined;
}

function parseCompare(ctx: ParseContext, v: unknown, here: string, meta: CondMeta): Cond | undefined {
  if (!isObj(v)) { ctx.error(here, 'needs {fact|yearsSince|expr|param: …, op: …, value|param: …}'); return undefined; }
  const stray = Object.keys(v).filter((k) => !['fact', 'yearsSince', 'expr', 'param', 'op', 'value'].includes(k));
  if (stray.length) ctx.error(`${here}.${stray[0]}`, `unknown key "${stray[0]}"`);
  const op = v.op as CompareOp;
  if (!compareOps.includes(op)) ctx.error(`${here}.op`, `must be one of ${compareOps.join(' ')}`);
  const lefts = ['fact', 'yearsSince', 'expr'].filter((k) => k in v);
  if (lefts.length > 1) { ctx.error(here, `compares one thing: found ${lefts.join(' and ')}`); return undefined; }
  let left: Typed | undefined;
  let rightKey: 'value' | 'param';
  if (lefts.length === 1) {
    const k = lefts[0]!;
    if (k === 'fact') { const f = factRef(ctx, v.fact, `${here}.fact`); left = f ? factTyped(f) : undefined; }
    else if (k === 'yearsSince') left = parseExpr(ctx, { yearsSince: v.yearsSince }, here);
    else left = parseExpr(ctx, v.expr, `${here}.expr`);
    rightKey = 'param' in v ? 'param' : 'value';
    if ('param' in v && 'value' in v) ctx.error(here, 'compare with either value or param, not both');
  } else if ('param' in v) {
    left = paramRef(ctx, v.param, `${here}.param`);
    rightKey = 'value';
  } else { ctx.error(here, 'needs fact, yearsSince, expr or param on the left'); return undefined; }
  if (!(rightKey in v)) { ctx.error(here, `needs ${rightKey === 'value' ? 'a value' : 'a value or a param'} to compare with`); return undefined; }
  if (!left) return undefined;
  let right: Typed | undefined;
  if (rightKey === 'param') right = paramRef(ctx, v.param, `${here}.param`);
  else {
    const x = v.value;
    if (typeof x !== 'number' && typeof x !== 'string' && typeof x !== 'boolean') { ctx.error(`${here}.value`, 'must be a number, text or true/false'); return undefined; }
    right = { expr: { kind: 'lit', value: x }, unit: null, type: typeof x === 'number' ? 'number' : typeof x === 'boolean' ? 'boolean' : left.type === 'date' ? 'date' : 'string' };
  }
  if (!right) return undefined;
  const at = rightKey === 'param' ? `${here}.param` : `${here}.value`;
  if (left.type !== 'any' && right.type !== 'any' && left.type !== right.type) {
    ctx.error(at, `cannot compare ${left.type}${left.fact ? ` fact "${left.fact.path}"` : ''} with ${right.type}`);
  } else if (unify(left.unit, right.unit) === 'mismatch') {
    ctx.error(at, `unit ${formatUnit(right.unit)} does not match ${formatUnit(left.unit)}`);
  }
  if ((left.type === 'boolean' || left.type === 'string') && op !== '=' && op !== '!=') ctx.error(`${here}.op`, `${left.type} values compare only with = or !=`);
  if (left.fact?.values && right.expr.kind === 'lit' && !left.fact.values.includes(String(right.expr.value))) {
    ctx.error(at, `"${String(right.expr.value)}" is not a value of ${left.fact.path} (${left.fact.values.join(', ')})`);
  }
  if (left.type === 'date' && right.expr.kind === 'lit' && !/^\d{4}-\d{2}-\d{2}$/.test(String(right.expr.value))) ctx.error(at, 'must be a date YYYY-MM-DD');
  return { ...meta, kind: 'compare', op, left: left.expr, right: right.expr };
}
