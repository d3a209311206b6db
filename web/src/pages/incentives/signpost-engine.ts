// The browser side of Signpost: the server's engine files, imported one by one so the bundle gets
// the evaluator without the YAML parser. Answers never leave the page.
import { evaluate } from '../../../../src/modules/incentives/engine/evaluate.ts';
import { factCatalogue, validateFacts, FactsError } from '../../../../src/modules/incentives/engine/facts.schema.ts';
import { nextQuestions } from '../../../../src/modules/incentives/engine/next-questions.ts';
import type { Facts, FactInfo, FactValue, IncentiveResult, IncentiveRule } from '../../api/incentive-types.ts';

export { evaluate, nextQuestions, factCatalogue };
export type Beneficiary = 'person' | 'employer';

export const factInfo = (path: string): FactInfo | undefined => factCatalogue.get(path);

/** A share of full time (or of ownership): asked in per cent, stored as a fraction. */
export const isFraction = (info: FactInfo) => info.kind === 'number' && info.unit === '1' && info.max === 1;

export function withFact(facts: Facts, path: string, value: FactValue | undefined): Facts {
  const [entity, key] = path.split('.') as [keyof Facts, string];
  const next = { ...(facts[entity] ?? {}) } as Record<string, FactValue>;
  if (value === undefined) delete next[key];
  else next[key] = value;
  return { ...facts, [entity]: next };
}

/** The engine's check of one new answer against the rest (e.g. a date after the reference date). */
export function answerProblem(facts: Facts, path: string, referenceDate: string): string | null {
  try {
    validateFacts({ referenceDate, facts });
    return null;
  } catch (err) {
    if (err instanceof FactsError) return err.errors.find((e) => e.fact === path)?.reason ?? null;
    throw err;
  }
}

/**
 * The employer page also shows the federal training right as an obligation: the days each full-time
 * employee is entitled to, evaluated for one full-time employee of this employer.
 */
export function employeeOfEmployer(facts: Facts): Facts {
  const e = facts.employer ?? {};
  return {
    person: {
      employmentStatus: 'employee', employmentFraction: 1,
      ...(e.headcount !== undefined ? { employerHeadcount: e.headcount } : {}),
      ...(e.jointCommittee !== undefined ? { jointCommittee: e.jointCommittee } : {}),
    },
  };
}

export function rulesFor(rules: IncentiveRule[], beneficiary: Beneficiary): IncentiveRule[] {
  return rules.filter((r) => r.beneficiary === beneficiary);
}

export const obligationRule = 'federaal-opleidingsrecht';

export type Outcome = {
  results: IncentiveResult[];
  /** unanswered facts that can still change a status, most useful first */
  deciding: string[];
  /** facts that only refine an amount, hours or days of an incentive already decided */
  refining: string[];
};

/** Results and the questions still worth asking, skipping what the user answered "I don't know". */
export function outcome(rules: IncentiveRule[], beneficiary: Beneficiary, facts: Facts, skipped: ReadonlySet<string>, date: string): Outcome {
  const own = rulesFor(rules, beneficiary);
  const results = evaluate(own, facts, date);
  const questions = nextQuestions(own, facts, date);
  const deciding = questions.filter((q) => q.decides.length > 0).map((q) => q.fact);
  const refining = questions.filter((q) => q.decides.length === 0).map((q) => q.fact);
  if (beneficiary === 'employer') {
    const obligation = evaluate(rules.filter((r) => r.id === obligationRule), employeeOfEmployer(facts), date);
    results.push(...obligation);
    // its open facts are the employer's headcount and joint committee
    for (const r of obligation.filter((x) => x.status !== 'not-eligible')) {
      for (const f of r.missingFacts) {
        const mapped = f === 'person.employerHeadcount' ? 'employer.headcount' : f === 'person.jointCommittee' ? 'employer.jointCommittee' : null;
        const list = r.status === 'undetermined' ? deciding : refining;
        if (mapped && !deciding.includes(mapped) && !refining.includes(mapped)) list.push(mapped);
      }
    }
  }
  const open = (f: string) => !skipped.has(f) && factCatalogue.has(f);
  return { results, deciding: deciding.filter(open), refining: refining.filter(open) };
}
