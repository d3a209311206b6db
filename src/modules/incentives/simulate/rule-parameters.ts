import { selectParameterValue } from '../engine/params.ts';
import type { IncentiveRule, RuleException } from '../engine/rule.schema.ts';
import { num, other, type Val } from '../engine/values.ts';

// What both compilers (vectorised and SQL) read from a rule before compiling: a parameter's value on
// the reference date, and the exceptions that swap it for another.

/** A raw parameter on the reference date (no exception substitution); unknown when unverified. */
export function parameterOn(rule: IncentiveRule, name: string, date: string): Val {
  const p = rule.parameters[name];
  const v = p ? selectParameterValue(p, date) : undefined;
  if (!v || v.value === null) return undefined;
  return typeof v.value === 'number' ? num(v.value) : other(v.value);
}

/** The exceptions that replace this parameter, in rank order. */
export function exceptionsSwapping(rule: IncentiveRule, name: string): RuleException[] {
  return rule.exceptions.filter((x) => 'param' in x.effect && x.effect.param === name);
}
