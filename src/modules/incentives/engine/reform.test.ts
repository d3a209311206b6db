import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { RuleFileError } from './load-rules.ts';
import { applyReform } from './reform.ts';
import { flemishRules } from '../flemish-rules.test-support.ts';

const vov = (rules = flemishRules) => rules.filter((r) => r.id === 'vlaams-opleidingsverlof');
const person = { employmentStatus: 'employee', sector: 'private', workplaceRegion: 'flanders', employmentFractionMarch: 1, weeklyHours: 38 } as const;
const training = { inIncentivesDatabase: true, contactHours: 300, studyCredits: 0, degreeKind: 'none', initiative: 'own' } as const;

function errorsOf(reform: unknown): string[] {
  try {
    applyReform(flemishRules, reform, 'reform.yaml');
  } catch (e) {
    if (e instanceof RuleFileError) return e.errors;
    throw e;
  }
  return [];
}

describe('applyReform', () => {
  it('changes a parameter from a date on, leaving earlier dates alone', () => {
    const reformed = applyReform(flemishRules, { name: 'fewer hours', parameters: { 'vlaams-opleidingsverlof.maxHoursFullTime': { value: 100, from: '2025-09-01' } } });
    const before = evaluate(vov(reformed), { person: { ...person, employmentFractionMarch: 1 }, training }, '2025-08-31')[0]!;
    const after = evaluate(vov(reformed), { person: { ...person, employmentFractionMarch: 1 }, training }, '2025-09-01')[0]!;
    expect(before.hours).toBe(125);
    expect(after.hours).toBe(100);
    expect(after.parameters.find((p) => p.name === 'maxHoursFullTime')).toMatchObject({ value: 100, validFrom: '2025-09-01', confidence: 'low' });
    // the original rules are untouched
    expect(evaluate(vov(), { person, training }, '2025-09-01')[0]!.hours).toBe(125);
  });

  it('changes a parameter for all dates', () => {
    const reformed = applyReform(flemishRules, { name: 'x', parameters: { 'vlaams-opleidingsverlof.minEmploymentFraction': 0.3 } });
    const r = evaluate(vov(reformed), { person: { ...person, employmentFractionMarch: 0.4 }, training }, '2024-10-01')[0]!;
    expect(r.status).toBe('eligible');
    expect(r.hours).toBe(50);
  });

  it('replaces a labelled condition and keeps its explanation', () => {
    const reformed = applyReform(flemishRules, {
      name: 'fraction from 30 %',
      conditions: [{ incentive: 'vlaams-opleidingsverlof', condition: 'employment-fraction', replace: { compare: { fact: 'person.employmentFractionMarch', op: '>=', value: 0.3 } } }],
    });
    const r = evaluate(vov(reformed), { person: { ...person, employmentFractionMarch: 0.3 }, training }, '2025-10-01')[0]!;
    expect(r.status).toBe('eligible');
    expect(r.trace.find((t) => t.id === 'employment-fraction')?.status).toBe('met');
  });

  it('names an unknown parameter, incentive or condition', () => {
    expect(errorsOf({ name: 'x', parameters: { 'vlaams-opleidingsverlof.foo': 1 } })).toEqual([
      expect.stringMatching(/^reform\.yaml: parameters\.vlaams-opleidingsverlof\.foo: unknown parameter "foo" of incentive "vlaams-opleidingsverlof" \(has: /),
    ]);
    expect(errorsOf({ name: 'x', parameters: { 'nope.rate': 1 } })).toEqual(['reform.yaml: parameters.nope.rate: unknown incentive "nope"']);
    expect(errorsOf({ name: 'x', conditions: [{ incentive: 'opleidingscheques', condition: 'nope', replace: { known: 'person.birthDate' } }] })).toEqual([
      'reform.yaml: conditions[0].condition: incentive "opleidingscheques" has no condition "nope"',
    ]);
    expect(errorsOf({ name: 'x', conditions: [{ incentive: 'opleidingscheques', condition: 'residence', replace: { known: 'person.foo' } }] })).toEqual([
      'reform.yaml: conditions[0].replace.known: unknown fact "person.foo"',
    ]);
  });

  it('rejects a value of the wrong type and malformed reforms', () => {
    expect(errorsOf({ name: 'x', parameters: { 'opleidingscheques.cap': true } })).toEqual(['reform.yaml: parameters.opleidingscheques.cap: must be a number, like the current value']);
    expect(errorsOf({ parameters: {} })[0]).toMatch(/^reform\.yaml: name: /);
  });
});
