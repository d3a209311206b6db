import { describe, expect, it } from 'vitest';
import { evaluate, type IncentiveResult } from './evaluate.ts';
import { factValue, validateFacts, type Facts } from './facts.schema.ts';
import { nextQuestions } from './next-questions.ts';
import { flemishRules, lowQualified } from '../flemish-rules.test-support.ts';

// The "done" story, as a new user would meet it: an adaptive questionnaire asks the most
// useful unanswered fact until nothing is left to decide; the answers come from a hidden profile.

const personRules = flemishRules.filter((r) => r.beneficiary === 'person');
const date = '2025-03-01';

function interview(truth: Facts): { facts: Facts; asked: string[]; results: IncentiveResult[] } {
  const facts: Record<string, Record<string, unknown>> = {};
  const asked: string[] = [];
  const dontKnow = new Set<string>();
  for (;;) {
    const q = nextQuestions(personRules, facts as Facts, date).find((x) => !dontKnow.has(x.fact));
    if (!q) break;
    asked.push(q.fact);
    const answer = factValue(truth, q.fact);
    if (answer === undefined) { dontKnow.add(q.fact); continue; }
    const [entity, key] = q.fact.split('.') as [string, string];
    (facts[entity] ??= {})[key] = answer;
  }
  const input = validateFacts({ referenceDate: date, facts });
  return { facts: input.facts, asked, results: evaluate(personRules, input.facts, date) };
}

const byId = (rs: IncentiveResult[], id: string) => rs.find((r) => r.incentive === id)!;

describe('done story: Signpost for a citizen', () => {
  it('a low-qualified employee in Flanders with a recognised 40-hour course gets training leave and vouchers, with reasons and sources', () => {
    const { asked, results } = interview(lowQualified);
    const vov = byId(results, 'vlaams-opleidingsverlof');
    const cheques = byId(results, 'opleidingscheques');
    expect(vov.status).toBe('eligible');
    expect(vov.hours).toBe(40);
    expect(cheques.status).toBe('eligible');
    expect(cheques.amountEur).toBe(125);
    // every incentive is decided, in a bounded number of questions (fewer than the vocabulary)
    expect(results.filter((r) => r.status === 'undetermined')).toEqual([]);
    expect(asked.length).toBeLessThanOrEqual(20);
    expect(asked[0]).toBe('person.employmentStatus');
    expect(asked).not.toContain('person.careerGuidanceWithPop'); // irrelevant once "low" is known
    // reasons in three languages, each with its legal source
    for (const r of [vov, cheques]) {
      expect(r.explanation.length).toBeGreaterThan(0);
      for (const e of r.explanation) {
        expect(e.text.nl.length * e.text.fr.length * e.text.en.length).toBeGreaterThan(0);
        expect(e.sources.length, `${r.incentive}/${e.id} sources`).toBeGreaterThan(0);
      }
    }
    expect(vov.explanation.find((e) => e.id === 'employment-fraction')?.text.nl).toContain('50 %');
    // the parameters used, with value, date and source
    expect(vov.parameters.find((p) => p.name === 'maxHoursFullTime')).toMatchObject({ value: 125, validFrom: '2019-09-01', source: expect.stringMatching(/^https:/) });
    expect(cheques.parameters.find((p) => p.name === 'cap')).toMatchObject({ value: 250, toVerify: true });
    expect(cheques.usesUnverifiedValues).toBe(true);
    expect(cheques.period).toMatchObject({ start: '2024-09-01', end: '2025-08-31' });
  });

  it('a higher-educated employee without career guidance learns why vouchers are not possible', () => {
    const truth: Facts = { ...lowQualified, person: { ...lowQualified.person, qualificationLevel: 'high', careerGuidanceWithPop: false } };
    const { results } = interview(truth);
    const cheques = byId(results, 'opleidingscheques');
    expect(cheques.status).toBe('not-eligible');
    const why = cheques.explanation.find((e) => e.id === 'qualification');
    expect(why).toMatchObject({ status: 'not-met', deciding: true, facts: { 'person.qualificationLevel': 'high', 'person.careerGuidanceWithPop': false } });
    expect(why?.text.en).toBe('Higher-educated people only get training vouchers after career guidance with a personal development plan in the last 6 years.');
    expect(why?.sources).toContain('https://www.vlaanderen.be/opleidingscheques-voor-werknemers');
    // training leave does not depend on the qualification
    expect(byId(results, 'vlaams-opleidingsverlof')).toMatchObject({ status: 'eligible', hours: 40 });
  });
});

describe('nextQuestions', () => {
  it('asks first what decides the most incentives, deterministically', () => {
    const a = nextQuestions(personRules, {}, date);
    const b = nextQuestions(personRules, {}, date);
    expect(a).toEqual(b);
    expect(a[0]!.fact).toBe('person.employmentStatus');
    for (let i = 1; i < a.length; i++) expect(a[i - 1]!.expectedDecided).toBeGreaterThanOrEqual(a[i]!.expectedDecided);
  });
  it('asks nothing once everything is decided, except facts that refine an amount', () => {
    const qs = nextQuestions(personRules, lowQualified, date);
    expect(qs.every((q) => q.decides.length === 0)).toBe(true);
  });
});
