import { z } from 'zod';
import { employerFactsSchema, factCatalogue, personFactsSchema, trainingFactsSchema, type FactValue } from './facts.schema.ts';

// Probe answers used to score questions: every enumeration value, true/false, the lowest and highest
// allowed number, a very old date and the reference date. Extremes decide threshold conditions.

const bounds = new Map<string, { min?: number; max?: number }>();
for (const [entity, schema] of Object.entries({ person: personFactsSchema, employer: employerFactsSchema, training: trainingFactsSchema })) {
  const js = z.toJSONSchema(schema, { io: 'input' }) as { properties: Record<string, { minimum?: number; maximum?: number }> };
  for (const [k, p] of Object.entries(js.properties)) bounds.set(`${entity}.${k}`, { min: p.minimum, max: p.maximum });
}

export function factProbes(path: string, referenceDate: string): FactValue[] {
  const f = factCatalogue.get(path);
  if (!f) return [];
  switch (f.kind) {
    case 'enum': return [...(f.values ?? [])];
    case 'boolean': return [true, false];
    case 'date': return ['1900-01-01', referenceDate];
    case 'string': return [];
    default: {
      const b = bounds.get(path) ?? {};
      return [b.min ?? 0, b.max ?? 1e9];
    }
  }
}
