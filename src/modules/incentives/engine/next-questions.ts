import { factProbes } from './fact-probes.ts';
import type { Facts, FactValue } from './facts.schema.ts';
import { byVocabulary, evaluate, type IncentiveResult } from './evaluate.ts';
import type { IncentiveRule } from './rule.schema.ts';

// Which unanswered fact to ask next. Deterministic scoring, documented:
//  Candidates are the facts in the missingFacts of undetermined incentives (then, once every status is
//  decided, the facts that only refine an eligible amount). For each candidate the engine tries a few
//  "probe" answers (every enumeration value, true/false, the lowest and highest allowed number, a very
//  old date and the reference date) and re-evaluates. Ranking, best first:
//   1. `expectedDecided`: the average number of undetermined incentives a probe answer decides;
//   2. `expectedDrop`: the average number of missing facts (summed over incentives) a probe removes;
//   3. `decides`: how many undetermined incentives list the fact as missing;
//   4. `refines`: how many eligible incentives need it for their amount;
//   5. the order of the facts vocabulary.

export interface NextQuestion {
  fact: string;
  decides: string[];
  refines: string[];
  expectedDecided: number;
  expectedDrop: number;
}

function withFact(facts: Facts, path: string, value: FactValue): Facts {
  const [entity, key] = path.split('.') as [keyof Facts, string];
  return { ...facts, [entity]: { ...(facts[entity] ?? {}), [key]: value } };
}

const undetermined = (rs: readonly IncentiveResult[]) => rs.filter((r) => r.status === 'undetermined').length;
const missingTotal = (rs: readonly IncentiveResult[]) => rs.reduce((s, r) => s + (r.status === 'undetermined' ? r.missingFacts.length : 0), 0);

export function nextQuestions(rules: readonly IncentiveRule[], facts: Facts, referenceDate: string): NextQuestion[] {
  const results = evaluate(rules, facts, referenceDate);
  const by = new Map<string, NextQuestion>();
  const get = (fact: string) => {
    let q = by.get(fact);
    if (!q) by.set(fact, (q = { fact, decides: [], refines: [], expectedDecided: 0, expectedDrop: 0 }));
    return q;
  };
  for (const r of results) {
    for (const f of r.missingFacts) {
      if (r.status === 'undetermined') get(f).decides.push(r.incentive);
      else if (r.status === 'eligible') get(f).refines.push(r.incentive);
    }
  }
  for (const q of by.values()) {
    if (q.decides.length === 0) continue;
    const probes = factProbes(q.fact, referenceDate);
    const relevant = rules.filter((r) => q.decides.includes(r.id));
    const before = results.filter((r) => q.decides.includes(r.incentive));
    for (const v of probes) {
      const after = evaluate(relevant, withFact(facts, q.fact, v), referenceDate);
      q.expectedDecided += (undetermined(before) - undetermined(after)) / probes.length;
      q.expectedDrop += (missingTotal(before) - missingTotal(after)) / probes.length;
    }
  }
  return [...by.values()].sort(
    (a, b) =>
      b.expectedDecided - a.expectedDecided || b.expectedDrop - a.expectedDrop || b.decides.length - a.decides.length ||
      b.refines.length - a.refines.length || byVocabulary(a.fact, b.fact),
  );
}
