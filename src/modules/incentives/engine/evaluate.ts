import { factCatalogue, factValue, type FactValue, type Facts } from './facts.schema.ts';
import { selectParameterValue } from './params.ts';
import { periodOf, wholeYears, type Period } from './periods.ts';
import type { Cond, Confidence, Expr, IncentiveRule, OutputKey, RuleException, Texts } from './rule.schema.ts';
import { and, arith, compare, hull, not, num, or, other, roundTo, type Tri, type Val } from './values.ts';

// Evaluates one incentive for one profile on one reference date. Pure and deterministic: the same
// code runs on the server and in the browser. Never throws on partial facts: what is not answered is
// unknown and makes the result "undetermined" only when it matters (Kleene logic).

export type Status = 'eligible' | 'not-eligible' | 'undetermined';

export interface ParameterUse {
  name: string;
  description: string;
  value: number | boolean | string | null;
  unit: string;
  validFrom: string;
  validUntil?: string;
  source: string;
  confidence: Confidence;
  toVerify: boolean;
  note?: string;
}

export interface ConditionTrace {
  id: string;
  kind: 'condition' | 'exception';
  /** met = the condition holds (for an exception: the exception applies) */
  status: 'met' | 'not-met' | 'unknown';
  /** whether this condition decided the result (see explanation) */
  deciding: boolean;
  /** plain-language text for this status; for unknown, the condition as it would be met */
  text: Texts;
  facts: Record<string, FactValue | null>;
  parameters: string[];
  sources: string[];
}

export interface IncentiveResult {
  incentive: string;
  name: Texts;
  level: IncentiveRule['level'];
  beneficiary: IncentiveRule['beneficiary'];
  authority: string;
  status: Status;
  referenceDate: string;
  period: Period;
  amountEur?: number;
  hours?: number;
  days?: number;
  costToBeneficiaryEur?: number;
  /** a range when only an unanswered exception or branch is left open */
  ranges: Partial<Record<OutputKey, { min: number; max: number }>>;
  units: Partial<Record<OutputKey, string>>;
  /** facts the status (undetermined) or, once eligible, the amounts still depend on */
  missingFacts: string[];
  unknownParameters: { name: string; reason: string }[];
  /** the deciding conditions, in rule order */
  explanation: ConditionTrace[];
  /** every labelled condition and exception */
  trace: ConditionTrace[];
  parameters: ParameterUse[];
  /** true when a value used is marked toVerify or has low confidence */
  usesUnverifiedValues: boolean;
  apply: IncentiveRule['apply'];
  sources: IncentiveRule['sources'];
}

class Run {
  readonly condValues = new Map<Cond, Tri>();
  readonly paramUses = new Map<string, ParameterUse>();
  readonly unknownParams = new Map<string, string>();
  private readonly collectors: { facts: Map<string, FactValue | null>; params: Set<string> }[] = [];
  private readonly exceptionMemo = new Map<RuleException, Tri>();

  constructor(readonly rule: IncentiveRule, readonly facts: Facts, readonly date: string) {}

  fact(path: string): FactValue | undefined {
    const v = factValue(this.facts, path);
    for (const c of this.collectors) c.facts.set(path, v ?? null);
    return v;
  }

  private rawParam(name: string): Val {
    for (const c of this.collectors) c.params.add(name);
    const p = this.rule.parameters[name];
    if (!p) return undefined;
    const v = selectParameterValue(p, this.date);
    if (!v) { this.unknownParams.set(name, `no value valid on ${this.date}`); return undefined; }
    this.paramUses.set(name, {
      name, description: p.description, value: v.value, unit: p.unit, validFrom: v.validFrom,
      ...(v.validUntil ? { validUntil: v.validUntil } : {}),
      source: v.source, confidence: v.confidence, toVerify: v.toVerify, ...(v.note ? { note: v.note } : {}),
    });
    if (v.value === null) { this.unknownParams.set(name, 'value not verified'); return undefined; }
    return typeof v.value === 'number' ? num(v.value) : other(v.value);
  }

  /** A parameter read goes through the ranked exceptions that substitute it (rank 1 first). */
  param(name: string): Val {
    const chain = this.rule.exceptions.filter((x) => 'param' in x.effect && x.effect.param === name);
    const step = (i: number): Val => {
      const x = chain[i];
      if (!x || !('use' in x.effect)) return this.rawParam(name);
      const applies = this.exception(x);
      if (applies === true) return this.rawParam(x.effect.use);
      if (applies === false) return step(i + 1);
      return hull(this.rawParam(x.effect.use), step(i + 1));
    };
    return step(0);
  }

  exception(x: RuleException): Tri {
    if (!this.exceptionMemo.has(x)) this.exceptionMemo.set(x, this.cond(x.when));
    return this.exceptionMemo.get(x);
  }

  expr(e: Expr): Val {
    switch (e.kind) {
      case 'lit': return typeof e.value === 'number' ? num(e.value) : other(e.value);
      case 'fact': {
        const v = this.fact(e.path);
        return v === undefined ? undefined : typeof v === 'number' ? num(v) : other(v);
      }
      case 'param': return this.param(e.name);
      case 'yearsSince': {
        const v = this.fact(e.path);
        return typeof v === 'string' ? num(wholeYears(v, this.date)) : undefined;
      }
      case 'add': case 'mul': case 'min': case 'max': case 'sub': case 'div': {
        const vals = e.args.map((a) => this.expr(a));
        return vals.slice(1).reduce((acc, v) => arith(e.kind, acc, v), vals[0]);
      }
      case 'round': {
        const v = this.expr(e.arg);
        return v?.num ? num(roundTo(v.lo, e.digits), roundTo(v.hi, e.digits)) : undefined;
      }
      case 'if': {
        // only the branch taken is read, so that the parameters listed are the ones used
        const c = this.cond(e.cond);
        if (c === true) return this.expr(e.then);
        if (c === false) return this.expr(e.else);
        return hull(this.expr(e.then), this.expr(e.else));
      }
    }
  }

  cond(c: Cond): Tri {
    const labelled = c.id !== undefined;
    if (labelled) this.collectors.push({ facts: new Map(), params: new Set() });
    let v: Tri;
    switch (c.kind) {
      // evaluate every child (no short-circuit) so that the trace is complete
      case 'all': v = and(c.args.map((a) => this.cond(a))); break;
      case 'any': v = or(c.args.map((a) => this.cond(a))); break;
      case 'not': v = not(this.cond(c.arg)); break;
      case 'known': v = this.fact(c.path) !== undefined; break;
      case 'in': {
        const f = this.fact(c.path);
        v = f === undefined ? undefined : c.values.some((x) => (c.prefix ? String(f).startsWith(x) : f === x));
        break;
      }
      case 'compare': v = compare(c.op, this.expr(c.left), this.expr(c.right)); break;
    }
    this.condValues.set(c, v);
    if (labelled) this.labelTraces.set(c, this.collectors.pop()!);
    return v;
  }

  readonly labelTraces = new Map<Cond, { facts: Map<string, FactValue | null>; params: Set<string> }>();
}

const statusOf = (v: Tri): ConditionTrace['status'] => (v === true ? 'met' : v === false ? 'not-met' : 'unknown');

/** The labelled conditions that decided `value` for this node. */
function deciding(run: Run, c: Cond, value: Tri): Cond[] {
  if (c.id) return [c];
  const kids = c.kind === 'all' || c.kind === 'any' ? c.args : c.kind === 'not' ? [c.arg] : [];
  if (c.kind === 'not') return deciding(run, c.arg, not(value));
  const pick = (k: Cond) => {
    const kv = run.condValues.get(k);
    if (value === undefined) return kv === undefined;
    if (c.kind === 'all') return value ? true : kv === false;
    return value ? kv === true : true; // any
  };
  return kids.filter(pick).flatMap((k) => deciding(run, k, run.condValues.get(k)));
}

/** Unanswered facts below a node whose value is still unknown. */
function missingBelow(run: Run, c: Cond, out: Set<string>): void {
  if (run.condValues.get(c) !== undefined) return;
  if (c.kind === 'all' || c.kind === 'any') c.args.forEach((a) => missingBelow(run, a, out));
  else if (c.kind === 'not') missingBelow(run, c.arg, out);
  else if (c.kind === 'known' || c.kind === 'in') { if (factValue(run.facts, c.path) === undefined) out.add(c.path); }
  else { missingInExpr(run, c.left, out); missingInExpr(run, c.right, out); }
}

function missingInExpr(run: Run, e: Expr, out: Set<string>): void {
  switch (e.kind) {
    case 'fact': case 'yearsSince': if (factValue(run.facts, e.path) === undefined) out.add(e.path); break;
    case 'add': case 'mul': case 'min': case 'max': case 'sub': case 'div': e.args.forEach((a) => missingInExpr(run, a, out)); break;
    case 'round': missingInExpr(run, e.arg, out); break;
    case 'if': {
      const c = run.condValues.get(e.cond);
      missingBelow(run, e.cond, out);
      if (c !== false) missingInExpr(run, e.then, out);
      if (c !== true) missingInExpr(run, e.else, out);
      break;
    }
    case 'param': {
      for (const x of run.rule.exceptions) {
        if ('param' in x.effect && x.effect.param === e.name && run.exception(x) === undefined) missingBelow(run, x.when, out);
      }
      break;
    }
    default: break;
  }
}

export function evaluateIncentive(rule: IncentiveRule, facts: Facts, referenceDate: string): IncentiveResult {
  const run = new Run(rule, facts, referenceDate);
  const base = run.cond(rule.eligibility);

  // Eligibility exceptions, rank 1 first: the first that applies decides (Catala-style default logic).
  const eligX = rule.exceptions.filter((x) => 'eligible' in x.effect);
  const chain = (i: number): Tri => {
    const x = eligX[i];
    if (!x || !('eligible' in x.effect)) return base;
    const applies = run.exception(x);
    const rest = chain(i + 1);
    if (applies === true) return x.effect.eligible;
    if (applies === false) return rest;
    return rest === x.effect.eligible ? rest : undefined;
  };
  const eligible = chain(0);
  const status: Status = eligible === true ? 'eligible' : eligible === false ? 'not-eligible' : 'undetermined';

  // Which exception (if any) decided: the first in rank order that applies.
  const decidingX = eligX.find((x) => run.exception(x) === true);

  const result: IncentiveResult = {
    incentive: rule.id, name: rule.name, level: rule.level, beneficiary: rule.beneficiary, authority: rule.authority,
    status, referenceDate, period: periodOf(rule.period, referenceDate),
    ranges: {}, units: {}, missingFacts: [], unknownParameters: [], explanation: [], trace: [], parameters: [],
    usesUnverifiedValues: false, apply: rule.apply, sources: rule.sources,
  };

  const missing = new Set<string>();
  if (status === 'undetermined') {
    if (base === undefined) missingBelow(run, rule.eligibility, missing);
    for (const x of eligX) {
      if (run.exception(x) === undefined && 'eligible' in x.effect && x.effect.eligible !== base) missingBelow(run, x.when, missing);
    }
  }

  if (status === 'eligible') {
    for (const [key, o] of Object.entries(rule.outputs) as [OutputKey, NonNullable<IncentiveRule['outputs'][OutputKey]>][]) {
      result.units[key] = o.unit;
      const v = run.expr(o.formula);
      if (v?.num && v.lo === v.hi) result[key] = roundTo(v.lo, 2);
      else if (v?.num) result.ranges[key] = { min: roundTo(v.lo, 2), max: roundTo(v.hi, 2) };
      if (!v?.num || v.lo !== v.hi) missingInExpr(run, o.formula, missing);
    }
    // parameter exceptions are evaluated for the amounts: make sure each appears in the trace
    for (const x of rule.exceptions) if ('param' in x.effect) run.exception(x);
  }

  // Trace: every labelled eligibility condition, then every exception that was evaluated.
  const decidingConds = new Set(
    decidingX ? [] : deciding(run, rule.eligibility, status === 'undetermined' ? (base === undefined ? undefined : base) : base),
  );
  for (const [c, t] of run.labelTraces) {
    const inEligibility = t && c.id && !rule.exceptions.some((x) => containsCond(x.when, c));
    if (!inEligibility || !c.id || !c.explain) continue;
    const v = run.condValues.get(c);
    result.trace.push({
      id: c.id, kind: 'condition', status: statusOf(v), deciding: decidingConds.has(c),
      text: fill(v === false ? c.explain.notMet : c.explain.met, run),
      facts: Object.fromEntries(t.facts), parameters: [...t.params], sources: c.sources ?? [],
    });
  }
  for (const x of rule.exceptions) {
    const v = run.exception(x);
    const isElig = 'eligible' in x.effect;
    const isDeciding = isElig
      ? x === decidingX || (status !== 'undetermined' && !decidingX && v === false && eligible !== (x.effect as { eligible: boolean }).eligible) || (status === 'undetermined' && v === undefined)
      : status === 'eligible';
    result.trace.push({
      id: x.id, kind: 'exception', status: statusOf(v), deciding: isDeciding,
      text: fill(v === true ? x.explain.met : x.explain.notMet, run),
      facts: Object.fromEntries(factsOfCond(run, x.when)), parameters: 'param' in x.effect ? [x.effect.param, x.effect.use] : [], sources: x.sources,
    });
  }
  result.explanation = result.trace.filter((t) => t.deciding);

  result.missingFacts = [...missing].sort(byVocabulary);
  result.parameters = [...run.paramUses.values()].sort((a, b) => a.name.localeCompare(b.name));
  result.unknownParameters = [...run.unknownParams].map(([name, reason]) => ({ name, reason }));
  result.usesUnverifiedValues = result.parameters.some((p) => p.toVerify || p.confidence === 'low');
  return result;
}

/** "{minEmploymentFraction%}" → "80 %", "{cap}" → "250": the parameter value used on the reference date. */
function fill(t: Texts, run: Run): Texts {
  const sub = (s: string) =>
    s.replace(/\$([a-zA-Z][a-zA-Z0-9]*)(%?)/g, (_m, name: string, pct: string) => {
      const p = run.rule.parameters[name];
      const v = p ? selectParameterValue(p, run.date)?.value : undefined;
      if (typeof v !== 'number') return v === undefined || v === null ? '?' : String(v);
      return pct ? `${roundTo(v * 100, 2)} %` : String(v);
    });
  return { nl: sub(t.nl), fr: sub(t.fr), en: sub(t.en) };
}

function containsCond(root: Cond, target: Cond): boolean {
  if (root === target) return true;
  if (root.kind === 'all' || root.kind === 'any') return root.args.some((a) => containsCond(a, target));
  return root.kind === 'not' && containsCond(root.arg, target);
}

function factsOfCond(run: Run, c: Cond): Map<string, FactValue | null> {
  const out = new Map<string, FactValue | null>();
  const visitExpr = (e: Expr): void => {
    if (e.kind === 'fact' || e.kind === 'yearsSince') out.set(e.path, factValue(run.facts, e.path) ?? null);
    else if (e.kind === 'round') visitExpr(e.arg);
    else if (e.kind === 'if') { visit(e.cond); visitExpr(e.then); visitExpr(e.else); }
    else if ('args' in e) e.args.forEach(visitExpr);
  };
  const visit = (n: Cond): void => {
    if (n.kind === 'all' || n.kind === 'any') n.args.forEach(visit);
    else if (n.kind === 'not') visit(n.arg);
    else if (n.kind === 'compare') { visitExpr(n.left); visitExpr(n.right); }
    else out.set(n.path, factValue(run.facts, n.path) ?? null);
  };
  visit(c);
  return out;
}

const order = [...factCatalogue.keys()];
export const byVocabulary = (a: string, b: string): number => order.indexOf(a) - order.indexOf(b);

/** Evaluates every rule; facts should be validated first (validateFacts). */
export function evaluate(rules: readonly IncentiveRule[], facts: Facts, referenceDate: string): IncentiveResult[] {
  return rules.map((r) => evaluateIncentive(r, facts, referenceDate));
}
