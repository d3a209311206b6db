import { z } from 'zod';

// Public shapes of the plan API. Texts are partial {nl?, fr?, en?}: a source may give one language.
export const textsSchema = z.object({ nl: z.string(), fr: z.string(), en: z.string() }).partial().meta({ id: 'PlanTexts' });
export type Texts = z.infer<typeof textsSchema>;

export const sourceSchema = z
  .object({ id: z.string(), title: z.string(), publisher: z.string().nullable(), url: z.string(), date: z.string().nullable() })
  .meta({ id: 'PlanSource' });

const coded = { code: z.string(), title: textsSchema, sources: z.array(z.string()), note: z.string().nullable() };
export const goalSchema = z.object({ ...coded, progress: z.number().nullable(), actionCount: z.number().int() }).meta({ id: 'PlanGoal' });
export const flagshipSchema = z.object({ ...coded, progress: z.number().nullable(), actionCount: z.number().int() }).meta({ id: 'PlanFlagship' });
export const targetGroupSchema = z.object({ code: z.string(), title: textsSchema, sources: z.array(z.string()) });
export const themeSchema = z.object({ code: z.string(), title: textsSchema });
export const statusSchema = z
  .object({ key: z.string(), name: z.object({ nl: z.string(), fr: z.string(), en: z.string() }), defaultProgress: z.number().int().nullable() })
  .meta({ id: 'PlanStatus' });
export const stakeholderSchema = z
  .object({ id: z.string(), name: z.string(), abbreviation: z.string().nullable(), kind: z.string(), sources: z.array(z.string()) })
  .meta({ id: 'PlanStakeholder' });

export const planSchema = z.object({
  announcedActionCount: z.number().int(),
  recordedActionCount: z.number().int(),
  adopted: z.string().nullable(),
  period: z.object({ from: z.number().int(), to: z.number().int() }),
  goals: z.array(goalSchema),
  flagships: z.array(flagshipSchema),
  targetGroups: z.array(targetGroupSchema),
  themes: z.array(themeSchema),
  statuses: z.array(statusSchema),
  stakeholders: z.array(stakeholderSchema),
  sources: z.array(sourceSchema),
});
export type Plan = z.infer<typeof planSchema>;

export const yearSchema = z.coerce.number().int().min(2000).max(2100);
const list = (name: string) =>
  z
    .string()
    .max(500)
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .optional()
    .describe(`one or more ${name}, comma-separated`);

/** Filter value for "none recorded": actions without a flagship, target group or theme (the matrix's margins). */
export const NONE = 'none';

export const actionQuerySchema = z.object({
  flagship: list('flagship codes; `none` for actions without a flagship'),
  goal: list('goal codes'),
  status: list('status keys (latest report)'),
  stakeholder: list('stakeholder ids'),
  targetGroup: list('target-group codes; `none` for actions without a target group'),
  theme: list('theme codes; `none` for actions without a theme'),
  year: yearSchema.optional().describe('only actions with a report for this year; status filters that year'),
  q: z.string().max(200).optional().describe('text search in reference, title and description'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ActionQuery = z.infer<typeof actionQuerySchema>;

const reportBrief = z.object({ year: z.number().int(), status: z.string().nullable(), progress: z.number().nullable() });
export const actionSummarySchema = z
  .object({
    reference: z.string(),
    title: textsSchema,
    flagship: z.object({ code: z.string(), assignedBy: z.enum(['source', 'koers-editors']) }).nullable(),
    goals: z.array(z.string()),
    targetGroups: z.array(z.string()),
    themes: z.array(z.string()),
    stakeholders: z.array(z.object({ id: z.string(), role: z.enum(['lead', 'partner', 'funder']) })),
    latestReport: reportBrief.nullable(),
  })
  .meta({ id: 'PlanActionSummary' });
export const actionPageSchema = z.object({ items: z.array(actionSummarySchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

const noMarkup = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !/<\s*\/?\s*[a-z!]/i.test(s), 'must be plain text, without HTML tags');

export const linkSchema = z.object({ url: z.url().max(2000).refine((u) => /^https?:\/\//.test(u), 'must be an http(s) address'), title: noMarkup(300).optional() });
export const obstacleSchema = z.object({
  text: noMarkup(2000).pipe(z.string().min(1)),
  severity: z.enum(['low', 'medium', 'high']),
  owner: noMarkup(200).nullable().default(null),
  resolved: z.boolean().default(false),
});
export const reportSchema = z
  .object({
    year: z.number().int(),
    status: z.string().nullable(),
    progress: z.number().nullable(),
    narrative: textsSchema,
    evidenceLinks: z.array(linkSchema),
    obstacles: z.array(obstacleSchema),
    sources: z.array(z.string()),
    submittedAt: z.string().nullable(),
    approvedAt: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'PlanReport' });
export type Report = z.infer<typeof reportSchema>;

export const actionDetailSchema = actionSummarySchema
  .extend({
    description: textsSchema,
    startsOn: z.string().nullable(),
    endsOn: z.string().nullable(),
    weight: z.number(),
    links: z.array(linkSchema),
    sources: z.array(z.string()),
    reports: z.array(reportSchema),
    milestones: z.array(z.object({ date: z.string(), title: textsSchema, description: textsSchema, link: z.string().nullable() })),
    history: z.array(z.object({ year: z.number().int(), version: z.number().int(), changedAt: z.string(), changedBy: z.string() })),
  })
  .meta({ id: 'PlanAction' });
export type ActionDetail = z.infer<typeof actionDetailSchema>;

export const reportInputSchema = z.object({
  status: z.string().min(1).max(40),
  progress: z.number().int().min(0).max(100).optional().describe("0–100; defaults to the status's default progress"),
  narrative: z.object({ nl: noMarkup(10_000), fr: noMarkup(10_000), en: noMarkup(10_000) }).partial(),
  evidenceLinks: z.array(linkSchema).max(50).default([]),
  obstacles: z.array(obstacleSchema).max(50).default([]),
});
export type ReportInput = z.infer<typeof reportInputSchema>;

export const statusCountsSchema = z.object({
  year: z.number().int(),
  announcedActionCount: z.number().int(),
  recorded: z.object({ counts: z.record(z.string(), z.number().int()), withoutStatus: z.number().int(), actions: z.number().int() }),
  official: z
    .object({ counts: z.record(z.string(), z.number().int()), total: z.number().int().nullable(), sources: z.array(z.string()), verification: z.string().nullable(), note: z.string().nullable() })
    .nullable(),
});
export type StatusCounts = z.infer<typeof statusCountsSchema>;

export const importReportSchema = z
  .object({
    ok: z.boolean(),
    dryRun: z.boolean(),
    summary: z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int(), error: z.number().int() }),
    problems: z.array(z.object({ line: z.number().int(), column: z.string().nullable(), reason: z.string() })).describe('problems with the file as a whole'),
    rows: z.array(
      z.object({
        line: z.number().int(),
        reference: z.string(),
        year: z.number().int().nullable(),
        outcome: z.enum(['create', 'update', 'unchanged', 'error']),
        errors: z.array(z.object({ column: z.string().nullable(), reason: z.string() })),
      }),
    ),
  })
  .meta({ id: 'PlanImportReport' });

export const statusInputSchema = z.object({
  name: z.object({ nl: noMarkup(100).pipe(z.string().min(1)), fr: noMarkup(100).pipe(z.string().min(1)), en: noMarkup(100).pipe(z.string().min(1)) }),
  defaultProgress: z.number().int().min(0).max(100).nullable(),
});
export type StatusInput = z.infer<typeof statusInputSchema>;

export const stakeholderInputSchema = z.object({
  name: noMarkup(300).pipe(z.string().min(1)),
  abbreviation: noMarkup(40).nullable().default(null),
  kind: z.enum(['government', 'social-partner', 'education-provider', 'training-provider', 'advisory-council', 'research', 'other']),
});
export type StakeholderInput = z.infer<typeof stakeholderInputSchema>;

export const milestoneInputSchema = z.object({
  date: z.iso.date(),
  title: z.object({ nl: noMarkup(300), fr: noMarkup(300), en: noMarkup(300) }).partial().refine((t) => Object.values(t).some(Boolean), 'needs a title in at least one language'),
  description: z.object({ nl: noMarkup(5000), fr: noMarkup(5000), en: noMarkup(5000) }).partial().default({}),
  link: linkSchema.shape.url.nullable().default(null),
});
export type MilestoneInput = z.infer<typeof milestoneInputSchema>;

export const matrixQuerySchema = z.object({
  by: z.enum(['theme', 'flagship']).default('theme').describe('the columns: themes (the plan\'s own matrix) or flagships'),
});
const axisSchema = z.array(z.object({ code: z.string(), title: textsSchema }));
export const matrixSchema = z
  .object({
    by: z.enum(['theme', 'flagship']),
    rows: axisSchema.describe('the target groups'),
    columns: axisSchema.describe('the themes or the flagships'),
    cells: z
      .array(z.object({ row: z.string().nullable(), column: z.string().nullable(), count: z.number().int() }))
      .describe('every row x column, plus null for "none recorded"; an action with two target groups counts in both rows'),
    withoutRow: z.number().int().describe('recorded actions without a target group'),
    withoutColumn: z.number().int().describe('recorded actions without a theme (or flagship)'),
    recordedActionCount: z.number().int(),
    announcedActionCount: z.number().int(),
  })
  .meta({ id: 'PlanMatrix' });
export type PlanMatrix = z.infer<typeof matrixSchema>;
