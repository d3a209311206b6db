import { describe, expect, it } from 'vitest';
import { loadRuleSet, parseRuleFile, RuleFileError } from './load-rules.ts';

// A minimal valid rule file; tests break one thing at a time and read the message.
const texts = '{ nl: x, fr: x, en: x }';
const base = (eligibility: string, extra = '') => `
id: test-rule
name: ${texts}
authority: Test
level: flemish
beneficiary: person
summary: ${texts}
apply: { how: ${texts}, url: 'https://example.org/apply' }
period: { kind: school-year }
parameters:
  minHours:
    description: minimum
    unit: hour
    values:
      - { value: 32, validFrom: 2019-09-01, source: 'https://example.org/law', confidence: high }
eligibility:
${eligibility}
${extra}
sources: [{ title: Law, url: 'https://example.org/law' }]
`;
const explain = `explain: { met: ${texts}, notMet: ${texts} }`;
const okCond = `  all:
    - id: size
      compare: { fact: training.contactHours, op: '>=', param: minHours }
      ${explain}`;

function errorsOf(text: string, file = 'test-rule.yaml'): string[] {
  try {
    parseRuleFile(file, text);
  } catch (e) {
    if (e instanceof RuleFileError) return e.errors;
    throw e;
  }
  return [];
}

describe('rule file loader', () => {
  it('accepts a well-formed file', () => {
    expect(errorsOf(base(okCond))).toEqual([]);
  });

  it('names the file and the path of an unknown fact', () => {
    const text = base(`  all:
    - id: a
      compare: { fact: training.contactHours, op: '>=', param: minHours }
      ${explain}
    - id: b
      compare: { fact: training.contactHours, op: '>=', value: 1 }
      ${explain}
    - id: c
      compare: { fact: person.foo, op: '=', value: 1 }
      ${explain}`);
    expect(errorsOf(text, 'opleidingscheques-test.yaml')).toContain(
      'opleidingscheques-test.yaml: eligibility.all[2].compare.fact: unknown fact "person.foo"',
    );
  });

  it('reports an unknown parameter with the declared ones', () => {
    const errs = errorsOf(base(`  id: a
  compare: { fact: training.contactHours, op: '>=', param: minHourz }
  ${explain}`));
    expect(errs.join('\n')).toContain('test-rule.yaml: eligibility.compare.param: unknown parameter "minHourz" (declared: minHours)');
  });

  it('rejects units that do not match', () => {
    const errs = errorsOf(base(`  id: a
  compare: { fact: training.costEur, op: '>=', param: minHours }
  ${explain}`));
    expect(errs.join('\n')).toContain('eligibility.compare.param: unit hour does not match EUR');
  });

  it('rejects an output formula in the wrong unit', () => {
    const errs = errorsOf(base(okCond, `outputs:\n  amountEur: { unit: EUR, formula: { param: minHours } }`));
    expect(errs.join('\n')).toContain('test-rule.yaml: outputs.amountEur.formula: computes hour but the output unit is EUR');
  });

  it('rejects an enumeration value the fact does not have', () => {
    const errs = errorsOf(base(`  id: a
  in: { fact: person.residenceRegion, values: [flanders, mars] }
  ${explain}`));
    expect(errs.join('\n')).toContain('eligibility.in.values[1]: "mars" is not a value of person.residenceRegion');
  });

  it('requires an explanation on every condition', () => {
    const errs = errorsOf(base(`  compare: { fact: training.contactHours, op: '>=', param: minHours }`));
    expect(errs.join('\n')).toContain('eligibility: this condition needs an id and an explanation');
  });

  it('reports malformed YAML with the file and line', () => {
    const errs = errorsOf('id: [unclosed\nname: x');
    expect(errs[0]).toMatch(/^test-rule\.yaml: line \d+: /);
  });

  it('reports schema errors with their path', () => {
    const errs = errorsOf(base(okCond).replace('confidence: high', 'confidence: certain'));
    expect(errs.join('\n')).toMatch(/test-rule\.yaml: parameters\.minHours\.values\[0\]\.confidence: /);
    const noNote = errorsOf(base(okCond).replace('confidence: high', 'confidence: low, toVerify: true'));
    expect(noNote.join('\n')).toContain('parameters.minHours.values[0].note: a value marked toVerify needs a note');
  });

  it('rejects overlapping dated values and unused parameters', () => {
    const overlap = base(okCond).replace(
      "confidence: high }",
      "confidence: high, validUntil: 2026-01-01 }\n      - { value: 40, validFrom: 2025-09-01, source: 'https://example.org/law', confidence: high }",
    );
    expect(errorsOf(overlap).join('\n')).toContain('parameters.minHours.values[1].validFrom: overlaps the previous value');
    const unused = base(`  id: a
  compare: { fact: training.contactHours, op: '>=', value: 32 }
  ${explain}`);
    expect(errorsOf(unused)).toContain('test-rule.yaml: parameters.minHours: declared but never used');
  });

  it('rejects duplicate ranks and unknown parameters in exceptions', () => {
    const x = (id: string, rank: number, use: string) => `  - id: ${id}
    rank: ${rank}
    when: { compare: { fact: person.unemploymentBenefit, op: '=', value: true } }
    effect: { param: minHours, use: ${use} }
    ${explain}
    sources: ['https://example.org/law']`;
    const errs = errorsOf(base(okCond, `exceptions:\n${x('x1', 1, 'minHours')}\n${x('x2', 1, 'nope')}`));
    expect(errs.join('\n')).toContain('exceptions[1].rank: rank 1 is already used for minHours by exceptions[0]');
    expect(errs.join('\n')).toContain('exceptions[1].effect.use: unknown parameter "nope"');
  });

  it('checks that the id matches the file name and is unique in a set', () => {
    expect(errorsOf(base(okCond), 'other.yaml')).toContain('other.yaml: id: "test-rule" does not match the file name');
    expect(() => loadRuleSet([{ file: 'test-rule.yaml', text: base(okCond) }, { file: 'x/test-rule.yaml', text: base(okCond) }])).toThrow(
      /incentive "test-rule" is defined twice/,
    );
  });
});
