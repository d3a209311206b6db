import { z } from 'zod';

// Options of one weighted survey estimate; field names follow `koers indicators estimate`.
export const lonelyPsuSchema = z.enum(['fail', 'certainty', 'remove', 'adjust', 'average']);
export type LonelyPsu = z.infer<typeof lonelyPsuSchema>;

export const statSchema = z.enum(['mean', 'total', 'proportion', 'ratio']);
export type Stat = z.infer<typeof statSchema>;

const column = z.string().trim().min(1, 'name a column');

export const estimateOptionsSchema = z
  .object({
    weight: column.optional(),
    strata: column.optional(),
    cluster: column.optional(),
    fpc: column.optional(),
    variable: column,
    stat: statSchema.default('mean'),
    denominator: column.optional(),
    by: z.array(column).max(5).default([]),
    minN: z.coerce.number().int().min(0).default(30),
    lonelyPsu: lonelyPsuSchema.default('fail'),
  })
  .superRefine((o, ctx) => {
    if (!o.weight && !o.fpc) ctx.addIssue({ code: 'custom', path: ['weight'], message: 'give a weight column, or an fpc column to derive the weights from' });
    if (o.stat === 'ratio' && !o.denominator) ctx.addIssue({ code: 'custom', path: ['denominator'], message: 'a ratio needs a denominator column' });
    if (o.stat !== 'ratio' && o.denominator) ctx.addIssue({ code: 'custom', path: ['denominator'], message: 'only a ratio takes a denominator' });
  })
  .meta({ id: 'SurveyEstimateOptions' });
export type EstimateOptions = z.input<typeof estimateOptionsSchema>;
export type ResolvedEstimateOptions = z.output<typeof estimateOptionsSchema>;

export const estimateRowSchema = z
  .object({
    by: z.record(z.string(), z.string()),
    variable: z.string(),
    stat: statSchema,
    category: z.string().optional(),
    estimate: z.number(),
    se: z.number(),
    ci_low: z.number(),
    ci_high: z.number(),
    n: z.number().int().describe('unweighted respondents in the cell (for a proportion: in the domain, all categories)'),
    n_category: z.number().int().optional().describe('proportion only: respondents in this category'),
    flags: z.array(z.string()).describe('u: fewer than minN unweighted respondents'),
  })
  .meta({ id: 'SurveyEstimateRow' });
export type EstimateRow = z.infer<typeof estimateRowSchema>;
