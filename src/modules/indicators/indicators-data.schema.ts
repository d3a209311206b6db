import { z } from 'zod';
import { dimensionSchema } from './indicators.schema.ts';

// The layout of data/<region>/indicators/indicators.yaml. Loading fails with the file and the path inside it.
const texts = z
  .object({ nl: z.string().min(1), fr: z.string().min(1), en: z.string().min(1) })
  .partial()
  .refine((t) => Object.keys(t).length > 0, 'needs at least one language');
const source = z.object({ name: z.string().min(1), url: z.url() });
const geo = z.string().regex(/^[A-Za-z0-9_-]{1,20}$/, 'must be a geo code such as BE2 or EU27_2020');

const targetData = z.object({
  kind: z.enum(['target', 'benchmark']),
  value: z.number(),
  year: z.number().int().min(1900).max(2100),
  appliesTo: geo.nullable(),
  label: texts,
  source,
});

export const indicatorData = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be a kebab-case id'),
  name: texts,
  shortName: texts,
  definition: texts,
  methodology: texts,
  unit: z.enum(['percent', 'number']),
  direction: z.enum(['higher-is-better', 'lower-is-better']),
  referencePeriod: z.enum(['4-weeks', '12-months']),
  population: z.string().regex(/^\d+-\d+$/),
  source: source.extend({ dataset: z.string().nullable() }),
  breakdowns: z.array(dimensionSchema),
  goals: z.array(z.string().regex(/^[a-z]$/)),
  goalsAssignedBy: z.enum(['source', 'koers-editors']),
  notes: z.array(z.object({ text: texts, source: source.nullable() })).default([]),
  targets: z.array(targetData),
  data: z.array(z.object({ file: z.string().min(1), format: z.enum(['eurostat-tsv', 'jsonstat', 'csv']), source: z.string().min(1) })),
});
export type IndicatorData = z.infer<typeof indicatorData>;

export const indicatorsFile = z.object({
  homeGeo: geo,
  defaultGeos: z.array(geo).min(1),
  geoNames: z.string().min(1),
  indicators: z.array(indicatorData).min(1),
});
export type IndicatorsFile = z.infer<typeof indicatorsFile>;
