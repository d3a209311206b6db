import { z } from 'zod';

// Public shapes of the indicators API (the web app's types are inferred from these too).
export const textsSchema = z.object({ nl: z.string(), fr: z.string(), en: z.string() }).partial().meta({ id: 'IndicatorTexts' });
export type Texts = z.infer<typeof textsSchema>;

/** Eurostat observation flags kept with every value. */
export const flagCodes = ['b', 'u', 'e', 'p', 'c', 'd', 'n', 'r', 's', 'z'] as const;
export const flagSchema = z.enum(flagCodes);
export type Flag = z.infer<typeof flagSchema>;

/** Breakdown dimensions, with Eurostat's codes as values (sex T/F/M; age Y25-64; isced11 ED0-2 …; wstatus EMP …). */
export const dimensions = ['sex', 'age', 'isced11', 'wstatus'] as const;
export const dimensionSchema = z.enum(dimensions);
export type Dimension = z.infer<typeof dimensionSchema>;
export type Breakdown = Partial<Record<Dimension, string>>;
export const breakdownSchema = z.partialRecord(dimensionSchema, z.string()).meta({ id: 'IndicatorBreakdown' });

export const sourceRefSchema = z.object({ name: z.string(), url: z.string(), dataset: z.string().nullable() }).meta({ id: 'IndicatorSource' });

export const targetSchema = z
  .object({
    value: z.number(),
    year: z.number().int(),
    kind: z.enum(['target', 'benchmark']).describe('target: a goal still ahead; benchmark: a historical reference line'),
    label: textsSchema,
    appliesTo: z.string().nullable().describe('geo code the target is set for (EU27_2020 for EU-wide targets), null for any'),
    source: z.object({ name: z.string(), url: z.string() }),
  })
  .meta({ id: 'IndicatorTarget' });
export type Target = z.infer<typeof targetSchema>;

export const pointSchema = z.object({ period: z.number().int(), value: z.number() });

export const headlineSchema = z
  .object({
    geo: z.string(),
    geoName: z.string().nullable(),
    period: z.number().int(),
    value: z.number(),
    flags: z.array(flagSchema),
    previous: pointSchema.nullable(),
    change: z.number().nullable().describe('value minus the previous available value, in percentage points'),
    target: targetSchema.nullable().describe('the nearest target ahead of the latest period'),
    gap: z.number().nullable().describe('target value minus the latest value'),
    sparkline: z.array(pointSchema),
  })
  .meta({ id: 'IndicatorHeadline' });

export const indicatorSummarySchema = z
  .object({
    id: z.string(),
    name: textsSchema,
    shortName: textsSchema,
    unit: z.enum(['percent', 'number']),
    direction: z.enum(['higher-is-better', 'lower-is-better']),
    referencePeriod: z.enum(['4-weeks', '12-months']),
    population: z.string().describe('age band, e.g. 25-64'),
    source: sourceRefSchema,
    breakdowns: z.array(dimensionSchema),
    goals: z.array(z.string()).describe('codes of the plan goals this indicator informs'),
    goalsAssignedBy: z.enum(['source', 'koers-editors']).describe('who linked the indicator to those goals'),
    targets: z.array(targetSchema),
    headline: headlineSchema.nullable().describe("the region's own series (e.g. BE2), total breakdown"),
  })
  .meta({ id: 'IndicatorSummary' });
export type IndicatorSummary = z.infer<typeof indicatorSummarySchema>;

export const geoSchema = z
  .object({ code: z.string(), name: z.string().nullable(), level: z.number().int().nullable().describe('0 country, 1 NUTS 1, 2 NUTS 2; null for aggregates'), country: z.string().nullable() })
  .meta({ id: 'IndicatorGeo' });

export const indicatorDetailSchema = indicatorSummarySchema
  .extend({
    definition: textsSchema,
    methodology: textsSchema,
    notes: z.array(z.object({ text: textsSchema, source: z.object({ name: z.string(), url: z.string() }).nullable() })),
    homeGeo: z.string().describe("the region's own geo code"),
    defaultGeos: z.array(z.string()).describe('geos the chart shows by default'),
    geos: z.array(geoSchema).describe('every geo with at least one observation'),
    breakdownValues: z.partialRecord(dimensionSchema, z.array(z.string())),
    periods: z.object({ from: z.number().int(), to: z.number().int() }).nullable(),
    breaks: z.array(z.object({ geo: z.string(), period: z.number().int() })).describe('breaks in series (flag b) for the default geos'),
  })
  .meta({ id: 'IndicatorDetail' });
export type IndicatorDetail = z.infer<typeof indicatorDetailSchema>;

export const observationSchema = z
  .object({
    geo: z.string(),
    period: z.number().int(),
    breakdown: breakdownSchema,
    value: z.number().nullable().describe('null when the source publishes flags without a value'),
    flags: z.array(flagSchema),
    source: z.string().describe('URL or name of the source this value came from'),
  })
  .meta({ id: 'IndicatorObservation' });
export type Observation = z.infer<typeof observationSchema>;

const codeList = z
  .string()
  .max(2000)
  .regex(/^[A-Za-z0-9_,-]*$/, 'must be comma-separated geo codes such as BE2,BE,EU27_2020')
  .transform((s) => s.split(',').filter(Boolean));
const periodQuery = z.coerce.number().int().min(1900).max(2100);

export const observationQuerySchema = z.object({
  geo: codeList.optional().describe('geo codes; default: the indicator’s default geos'),
  from: periodQuery.optional(),
  to: periodQuery.optional(),
  sex: z.string().max(20).optional().describe('breakdown value; default T (total) where the indicator has this breakdown'),
  age: z.string().max(20).optional(),
  isced11: z.string().max(20).optional(),
  wstatus: z.string().max(20).optional(),
});
export type ObservationQuery = z.infer<typeof observationQuerySchema>;

export const trajectorySchema = z
  .object({
    geo: z.string(),
    target: targetSchema,
    from: pointSchema.describe('the latest observed value'),
    requiredYearlyGain: z.number().describe('percentage points per year on a straight line from the latest value to the target'),
    historicalYearlyGain: z.number().nullable().describe('average yearly change over the observed series (last value minus first, per year)'),
    historicalFrom: z.number().int().nullable(),
  })
  .meta({ id: 'IndicatorTrajectory' });

export const observationsResponseSchema = z
  .object({
    indicator: z.string(),
    breakdown: breakdownSchema,
    geos: z.array(geoSchema),
    observations: z.array(observationSchema),
    trajectories: z.array(trajectorySchema),
  })
  .meta({ id: 'IndicatorObservations' });
export type ObservationsResponse = z.infer<typeof observationsResponseSchema>;

export const rankingQuerySchema = z.object({
  year: periodQuery.optional().describe('default: the latest year with NUTS 2 values'),
  level: z.coerce.number().int().min(0).max(2).default(2).describe('0 countries, 1 NUTS 1, 2 NUTS 2'),
  sex: z.string().max(20).optional(),
});

export const rankingRowSchema = z.object({
  rank: z.number().int(),
  geo: z.string(),
  name: z.string().nullable(),
  country: z.string().nullable(),
  value: z.number(),
  flags: z.array(flagSchema),
  highlighted: z.boolean().describe("part of the region's own territory (e.g. a Flemish province)"),
});

export const rankingSchema = z
  .object({
    indicator: z.string(),
    year: z.number().int(),
    level: z.number().int(),
    years: z.array(z.number().int()).describe('years with values at this level'),
    homeGeo: z.string(),
    rows: z.array(rankingRowSchema),
    references: z.array(z.object({ geo: z.string(), name: z.string().nullable(), value: z.number().nullable(), flags: z.array(flagSchema) })).describe('EU-27, the country and its regions, for marking on the chart'),
    withoutValue: z.number().int().describe('regions at this level with no value that year'),
  })
  .meta({ id: 'IndicatorRanking' });
export type Ranking = z.infer<typeof rankingSchema>;
