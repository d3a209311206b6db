import { parse as parseYaml, YAMLParseError } from 'yaml';
import { ParseContext, parseCond, parseExpr } from './rule-parse.ts';
import { ruleFileSchema, type Cond, type Expr, type IncentiveRule, type OutputKey, type RuleException } from './rule.schema.ts';
import { formatUnit, parseUnit, sameUnit, unify } from './units.ts';

// Loads rule files from text (the caller reads the disk, so this stays browser-safe). Every error
// names the file and the path inside it; all errors of a file are reported together.

export class RuleFileError extends Error {
  constructor(readonly errors: string[]) {
    super(errors.join('\n'));
    this.name = 'RuleFileError';
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), '');
}

const outputUnit: Record<OutputKey, string> = { amountEur: 'EUR', costToBeneficiaryEur: 'EUR', hours: 'hour', days: 'day' };

export function parseRuleFile(file: string, text: string): IncentiveRule {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    const msg = e instanceof YAMLParseError ? `line ${e.linePos?.[0]?.line ?? '?'}: ${e.message.split('\n')[0]}` : String(e);
    throw new RuleFileError([`${file}: ${msg}`]);
  }
  const top = ruleFileSchema.safeParse(raw);
  if (!top.success) throw new RuleFileError(top.error.issues.map((i) => `${file}: ${formatPath(i.path) || '(top)'}: ${i.message}`));
  const r = top.data;
  const ctx = new ParseContext(r.parameters);
  if (!file.endsWith(`${r.id}.yaml`)) ctx.error('id', `"${r.id}" does not match the file name`);

  for (const [name, p] of Object.entries(r.parameters)) {
    try { parseUnit(p.unit); } catch (e) { ctx.error(`parameters.${name}.unit`, (e as Error).message); }
    const vs = p.values;
    for (let i = 1; i < vs.length; i++) {
      const prev = vs[i - 1]!;
      const cur = vs[i]!;
      if (cur.validFrom <= prev.validFrom) ctx.error(`parameters.${name}.values[${i}].validFrom`, 'values must be in date order');
      else if (prev.validUntil && prev.validUntil >= cur.validFrom) ctx.error(`parameters.${name}.values[${i}].validFrom`, `overlaps the previous value (valid until ${prev.validUntil})`);
    }
  }

  const eligibility = parseCond(ctx, r.eligibility, 'eligibility', true);

  const outputs: IncentiveRule['outputs'] = {};
  for (const [key, o] of Object.entries(r.outputs) as [OutputKey, NonNullable<(typeof r.outputs)[OutputKey]>][]) {
    const at = `outputs.${key}`;
    let declared;
    try { declared = parseUnit(o.unit); } catch (e) { ctx.error(`${at}.unit`, (e as Error).message); continue; }
    if ((declared.get(outputUnit[key].replace(/\/.*/, '')) ?? 0) !== 1) ctx.error(`${at}.unit`, `${key} must be in ${outputUnit[key]} (per period allowed), not ${o.unit}`);
    const f = parseExpr(ctx, o.formula, `${at}.formula`);
    if (f && unify(f.unit, declared) === 'mismatch') ctx.error(`${at}.formula`, `computes ${formatUnit(f.unit)} but the output unit is ${o.unit}`);
    if (f) outputs[key] = { unit: o.unit, formula: f.expr, ...(o.explain ? { explain: o.explain } : {}) };
  }

  const exceptions: RuleException[] = [];
  const ranks = new Map<string, number>();
  r.exceptions.forEach((x, i) => {
    const at = `exceptions[${i}]`;
    const when = parseCond(ctx, x.when, `${at}.when`, false);
    const target = 'eligible' in x.effect ? 'eligibility' : x.effect.param;
    const rankKey = `${target}#${x.rank}`;
    if (ranks.has(rankKey)) ctx.error(`${at}.rank`, `rank ${x.rank} is already used for ${target} by exceptions[${ranks.get(rankKey)}]`);
    ranks.set(rankKey, i);
    if ('param' in x.effect) {
      for (const k of ['param', 'use'] as const) {
        if (!r.parameters[x.effect[k]]) ctx.error(`${at}.effect.${k}`, `unknown parameter "${x.effect[k]}"`);
      }
      const a = r.parameters[x.effect.param];
      const b = r.parameters[x.effect.use];
      if (a && b && !safeSame(a.unit, b.unit)) ctx.error(`${at}.effect.use`, `unit ${b.unit} does not match ${a.unit}`);
    }
    if (when) exceptions.push({ ...x, when });
  });
  exceptions.sort((a, b) => a.rank - b.rank);

  const ids = new Map<string, string>();
  const seeId = (id: string | undefined, at: string) => {
    if (!id) return;
    if (ids.has(id)) ctx.error(at, `id "${id}" is already used at ${ids.get(id)}`);
    ids.set(id, at);
  };
  if (eligibility) walkCond(eligibility, (c) => seeId(c.id, c.at));
  exceptions.forEach((x, i) => seeId(x.id, `exceptions[${i}]`));

  const used = new Set<string>();
  if (eligibility) walkCond(eligibility, (c) => paramsOfCond(c, used));
  for (const o of Object.values(outputs)) paramsOfExpr(o.formula, used);
  for (const x of exceptions) {
    walkCond(x.when, (c) => paramsOfCond(c, used));
    if ('param' in x.effect) { used.add(x.effect.param); used.add(x.effect.use); }
  }
  for (const name of Object.keys(r.parameters)) if (!used.has(name)) ctx.error(`parameters.${name}`, 'declared but never used');

  if (ctx.errors.length || !eligibility) throw new RuleFileError(ctx.errors.map((e) => `${file}: ${e}`));
  return { ...r, file, eligibility, outputs, exceptions };
}

function safeSame(a: string, b: string): boolean {
  try { return sameUnit(parseUnit(a), parseUnit(b)); } catch { return false; }
}

export function walkCond(c: Cond, visit: (c: Cond) => void): void {
  visit(c);
  if (c.kind === 'all' || c.kind === 'any') c.args.forEach((a) => walkCond(a, visit));
  else if (c.kind === 'not') walkCond(c.arg, visit);
}

function paramsOfCond(c: Cond, out: Set<string>): void {
  if (c.kind === 'compare') { paramsOfExpr(c.left, out); paramsOfExpr(c.right, out); }
}

export function paramsOfExpr(e: Expr, out: Set<string>): void {
  switch (e.kind) {
    case 'param': out.add(e.name); break;
    case 'add': case 'mul': case 'min': case 'max': case 'sub': case 'div': e.args.forEach((a) => paramsOfExpr(a, out)); break;
    case 'round': paramsOfExpr(e.arg, out); break;
    case 'if': walkCond(e.cond, (c) => paramsOfCond(c, out)); paramsOfExpr(e.then, out); paramsOfExpr(e.else, out); break;
    default: break;
  }
}

/** Loads a whole rule set; incentive ids must be unique. Collects the errors of every file. */
export function loadRuleSet(files: readonly { file: string; text: string }[]): IncentiveRule[] {
  const errors: string[] = [];
  const rules: IncentiveRule[] = [];
  for (const f of files) {
    try { rules.push(parseRuleFile(f.file, f.text)); } catch (e) {
      if (e instanceof RuleFileError) errors.push(...e.errors); else throw e;
    }
  }
  const seen = new Set<string>();
  for (const r of rules) {
    if (seen.has(r.id)) errors.push(`${r.file}: id: incentive "${r.id}" is defined twice`);
    seen.add(r.id);
  }
  if (errors.length) throw new RuleFileError(errors);
  return rules.sort((a, b) => a.id.localeCompare(b.id));
}
