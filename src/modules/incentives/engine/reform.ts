import { z } from 'zod';
import { formatPath, RuleFileError } from './load-rules.ts';
import { ParseContext, parseCond } from './rule-parse.ts';
import type { Cond, IncentiveRule, ParameterValue } from './rule.schema.ts';

// A reform changes parameter values (from a date, or for all dates) and/or replaces labelled
// conditions. The simulation compares the rules before and after. Errors name the reform file and path.

const paramChange = z.union([
  z.union([z.number(), z.boolean(), z.string()]),
  z.object({ value: z.union([z.number(), z.boolean(), z.string()]), from: z.iso.date() }).strict(),
]);
export const reformSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().optional(),
    /** keys are "<incentive>.<parameter>" */
    parameters: z.record(z.string().regex(/^[a-z0-9-]+\.[a-zA-Z0-9]+$/, 'must be "<incentive>.<parameter>"'), paramChange).default({}),
    conditions: z.array(z.object({ incentive: z.string(), condition: z.string(), replace: z.unknown() }).strict()).default([]),
  })
  .strict();
export type Reform = z.input<typeof reformSchema>;

const dayBefore = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

export function applyReform(rules: readonly IncentiveRule[], input: unknown, file = 'reform'): IncentiveRule[] {
  const parsed = reformSchema.safeParse(input);
  if (!parsed.success) throw new RuleFileError(parsed.error.issues.map((i) => `${file}: ${formatPath(i.path) || '(top)'}: ${i.message}`));
  const reform = parsed.data;
  const errors: string[] = [];
  const out = new Map(rules.map((r) => [r.id, { ...r, parameters: { ...r.parameters } }]));

  for (const [key, change] of Object.entries(reform.parameters)) {
    const [incentive = '', name = ''] = key.split('.');
    const at = `${file}: parameters.${key}`;
    const rule = out.get(incentive);
    if (!rule) { errors.push(`${at}: unknown incentive "${incentive}"`); continue; }
    const p = rule.parameters[name];
    if (!p) { errors.push(`${at}: unknown parameter "${name}" of incentive "${incentive}" (has: ${Object.keys(rule.parameters).join(', ')})`); continue; }
    const { value, from } = typeof change === 'object' ? change : { value: change, from: undefined };
    const known = p.values.find((v) => v.value !== null)?.value;
    if (known !== undefined && typeof known !== typeof value) { errors.push(`${at}: must be a ${typeof known}, like the current value`); continue; }
    const added: ParameterValue = {
      value, validFrom: from ?? '0001-01-01', source: `urn:koers:reform:${encodeURIComponent(reform.name)}`,
      confidence: 'low', toVerify: false, note: `hypothetical value from reform "${reform.name}"`,
    };
    const kept = from
      ? p.values.filter((v) => v.validFrom < from).map((v) => (!v.validUntil || v.validUntil >= from ? { ...v, validUntil: dayBefore(from) } : v))
      : [];
    rule.parameters[name] = { ...p, values: [...kept, added] };
  }

  reform.conditions.forEach((c, i) => {
    const at = `conditions[${i}]`;
    const rule = out.get(c.incentive);
    if (!rule) { errors.push(`${file}: ${at}.incentive: unknown incentive "${c.incentive}"`); return; }
    const ctx = new ParseContext(rule.parameters);
    const replacement = parseCond(ctx, c.replace, `${at}.replace`, false);
    if (ctx.errors.length || !replacement) { errors.push(...ctx.errors.map((e) => `${file}: ${e}`)); return; }
    let found = false;
    const swap = (n: Cond): Cond => {
      if (n.id === c.condition) { found = true; return { ...replacement, id: n.id, explain: replacement.explain ?? n.explain, sources: replacement.sources ?? n.sources } as Cond; }
      if (n.kind === 'all' || n.kind === 'any') return { ...n, args: n.args.map(swap) };
      if (n.kind === 'not') return { ...n, arg: swap(n.arg) };
      return n;
    };
    const eligibility = swap(rule.eligibility);
    if (!found) errors.push(`${file}: ${at}.condition: incentive "${c.incentive}" has no condition "${c.condition}"`);
    else rule.eligibility = eligibility;
  });

  if (errors.length) throw new RuleFileError(errors);
  return [...out.values()];
}
