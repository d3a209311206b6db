import { describe, expect, it } from 'vitest';
import { factCatalogue, factsJsonSchema, FactsError, validateFacts } from './facts.schema.ts';

function factErrors(input: unknown): { fact: string; reason: string }[] {
  try {
    validateFacts(input);
  } catch (e) {
    if (e instanceof FactsError) return e.errors;
    throw e;
  }
  return [];
}

describe('facts vocabulary', () => {
  it('accepts partial profiles', () => {
    expect(validateFacts({ referenceDate: '2025-01-01', facts: {} }).facts).toEqual({});
    expect(factErrors({ referenceDate: '2025-01-01', facts: { person: { qualificationLevel: 'low' } } })).toEqual([]);
  });

  it('names the fact for impossible values', () => {
    const errs = factErrors({
      referenceDate: '2025-01-01',
      facts: {
        person: { weeklyHours: -3, employmentFractionMarch: 1.2, birthDate: '2030-05-01', residenceRegion: 'mars' },
        training: { contactHours: -1 },
        employer: { foo: 1 },
      },
    });
    const byFact = Object.fromEntries(errs.map((e) => [e.fact, e.reason]));
    expect(byFact['person.weeklyHours']).toBe('must not be negative');
    expect(byFact['person.employmentFractionMarch']).toMatch(/at most 1/);
    expect(byFact['person.residenceRegion']).toMatch(/unknown value; expected one of flanders, brussels, wallonia, abroad/);
    expect(byFact['training.contactHours']).toBe('must not be negative');
    expect(byFact['employer.foo']).toBe('unknown fact');
  });

  it('rejects a birth date after the reference date', () => {
    expect(factErrors({ referenceDate: '2025-01-01', facts: { person: { birthDate: '2030-05-01' } } })).toEqual([
      { fact: 'person.birthDate', reason: 'lies after the reference date 2025-01-01' },
    ]);
  });

  it('publishes a JSON Schema with units and enumerations', () => {
    const js = factsJsonSchema() as { properties: { facts: { properties: { person: { properties: Record<string, Record<string, unknown>> } } } } };
    const person = js.properties.facts.properties.person.properties;
    expect(person.weeklyHours).toMatchObject({ type: 'number', minimum: 0, unit: 'hour/week' });
    expect(person.qualificationLevel).toMatchObject({ enum: ['low', 'medium', 'high'] });
    expect(JSON.parse(JSON.stringify(js))).toEqual(js);
  });

  it('lists every fact path with its kind', () => {
    expect(factCatalogue.get('person.employmentFractionMarch')).toMatchObject({ kind: 'number', unit: '1' });
    expect(factCatalogue.get('training.vksLevel')).toMatchObject({ kind: 'integer' });
    expect(factCatalogue.get('person.careerGuidanceDate')).toMatchObject({ kind: 'date' });
    expect(factCatalogue.get('employer.legalForm')?.values).toContain('vzw');
  });
});
