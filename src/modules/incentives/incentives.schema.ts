import { z } from 'zod';
import { factsSchema, texts } from './engine/index.ts';

// API shapes of the incentives module (Signpost). The facts vocabulary itself lives in the engine
// (engine/facts.schema.ts) because the browser evaluates with the same code.

const isoDate = z.iso.date();
export const incentiveIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be an incentive id such as "opleidingscheques"');

export const evaluateBodySchema = z
  .object({
    referenceDate: isoDate.optional().describe('the date the rules and amounts apply to (default: today)'),
    facts: factsSchema.default({}),
    incentives: z.array(incentiveIdSchema).max(50).optional().describe('only these incentives (default: all)'),
    beneficiary: z.enum(['person', 'employer']).optional().describe('only the incentives for this beneficiary'),
  })
  .strict();
export type EvaluateBody = z.infer<typeof evaluateBodySchema>;

const factValue = z.union([z.string(), z.number(), z.boolean()]);
const conditionSchema = z.object({
  id: z.string(),
  kind: z.enum(['condition', 'exception']),
  status: z.enum(['met', 'not-met', 'unknown']),
  deciding: z.boolean(),
  text: texts,
  facts: z.record(z.string(), factValue.nullable()),
  parameters: z.array(z.string()),
  sources: z.array(z.string()),
});
const parameterUseSchema = z.object({
  name: z.string(),
  description: z.string(),
  value: z.union([z.number(), z.boolean(), z.string(), z.null()]),
  unit: z.string(),
  validFrom: z.string(),
  validUntil: z.string().optional(),
  source: z.string(),
  confidence: z.enum(['high', 'medium', 'low']),
  toVerify: z.boolean(),
  note: z.string().optional(),
});
const range = z.object({ min: z.number(), max: z.number() });

export const incentiveResultSchema = z
  .object({
    incentive: z.string(),
    name: texts,
    level: z.enum(['flemish', 'federal', 'regional']),
    beneficiary: z.enum(['person', 'employer']),
    authority: z.string(),
    status: z.enum(['eligible', 'not-eligible', 'undetermined']),
    referenceDate: z.string(),
    period: z.object({ start: z.string(), end: z.string() }),
    amountEur: z.number().optional(),
    hours: z.number().optional(),
    days: z.number().optional(),
    costToBeneficiaryEur: z.number().optional(),
    ranges: z.record(z.string(), range),
    units: z.record(z.string(), z.string()),
    missingFacts: z.array(z.string()),
    unknownParameters: z.array(z.object({ name: z.string(), reason: z.string() })),
    explanation: z.array(conditionSchema).describe('the conditions that decided the result, in rule order'),
    trace: z.array(conditionSchema).describe('every labelled condition and exception'),
    parameters: z.array(parameterUseSchema),
    usesUnverifiedValues: z.boolean(),
    apply: z.object({ how: texts, url: z.string() }),
    sources: z.array(z.object({ title: z.string(), url: z.string(), date: z.string().optional() })),
  })
  .meta({ id: 'IncentiveResult' });

export const nextQuestionSchema = z.object({
  fact: z.string(),
  decides: z.array(z.string()).describe('undetermined incentives that wait for this fact'),
  refines: z.array(z.string()).describe('eligible incentives whose amount, hours or days need it'),
  expectedDecided: z.number(),
  expectedDrop: z.number(),
});

export const evaluateReplySchema = z.object({
  referenceDate: z.string(),
  results: z.array(incentiveResultSchema),
  nextQuestions: z.array(nextQuestionSchema).describe('unanswered facts, most useful first'),
});

export const incentiveSummarySchema = z
  .object({
    id: z.string(),
    name: texts,
    summary: texts,
    authority: z.string(),
    level: z.enum(['flemish', 'federal', 'regional']),
    beneficiary: z.enum(['person', 'employer']),
    apply: z.object({ how: texts, url: z.string() }),
    /** the catalogue facet that lists offers this incentive can pay for */
    catalogIncentive: z.enum(['vov', 'vouchers', 'training-credit', 'kmo']).nullable(),
    sources: z.array(z.object({ title: z.string(), url: z.string(), date: z.string().optional() })),
  })
  .meta({ id: 'IncentiveSummary' });
export type IncentiveSummary = z.infer<typeof incentiveSummarySchema>;

export const offerFactsReplySchema = z.object({
  offer: z.object({ id: z.string(), title: z.record(z.string(), z.string()), provider: z.string(), synthetic: z.boolean() }),
  facts: z.object({ training: z.record(z.string(), factValue) }),
  derivedFrom: z.record(z.string(), z.string()).describe('for each training fact, the offer field it was read from'),
});
