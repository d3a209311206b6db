import { z } from 'zod';

// The layout of data/<region>/incentives/<id>.yaml. The top level is checked by zod; the expression
// trees (eligibility, formulas, exception conditions) by rule-parse.ts, which keeps the YAML path for
// every message. The tree is a small closed set of node kinds so that it can be compiled later
// (vectorised evaluator, SQL).

export const texts = z.object({ nl: z.string().min(1), fr: z.string().min(1), en: z.string().min(1) }).strict();
export type Texts = z.infer<typeof texts>;
const isoDate = z.iso.date();
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a kebab-case id');
const paramName = z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'must be a camelCase parameter name');

export const confidences = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof confidences)[number];

export const parameterValueSchema = z
  .object({
    // null = the value is not verified: the engine treats it as unknown and says so.
    value: z.union([z.number(), z.boolean(), z.string(), z.null()]),
    validFrom: isoDate,
    validUntil: isoDate.optional(),
    source: z.url(),
    confidence: z.enum(confidences),
    toVerify: z.boolean().default(false),
    note: z.string().optional(),
  })
  .strict()
  .refine((v) => !v.validUntil || v.validUntil >= v.validFrom, { message: 'validUntil lies before validFrom', path: ['validUntil'] })
  .refine((v) => !v.toVerify || !!v.note, { message: 'a value marked toVerify needs a note saying what to verify', path: ['note'] });
export type ParameterValue = z.infer<typeof parameterValueSchema>;

export const parameterSchema = z
  .object({ description: z.string().min(1), unit: z.string().min(1), values: z.array(parameterValueSchema).min(1) })
  .strict();
export type Parameter = z.infer<typeof parameterSchema>;

export const periodSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('school-year') }).strict(), // 1 September – 31 August
  z.object({ kind: z.literal('calendar-year') }).strict(),
  z.object({ kind: z.literal('month') }).strict(),
  z.object({ kind: z.literal('rolling-window'), years: z.number().int().positive() }).strict(),
]);
export type PeriodSpec = z.infer<typeof periodSchema>;

export const explainSchema = z.object({ met: texts, notMet: texts }).strict();
export type Explain = z.infer<typeof explainSchema>;

export const outputKeys = ['amountEur', 'hours', 'days', 'costToBeneficiaryEur'] as const;
export type OutputKey = (typeof outputKeys)[number];

export const ruleFileSchema = z
  .object({
    id,
    name: texts,
    authority: z.string().min(1),
    level: z.enum(['flemish', 'federal', 'regional']),
    beneficiary: z.enum(['person', 'employer']),
    summary: texts,
    apply: z.object({ how: texts, url: z.url() }).strict(),
    period: periodSchema,
    parameters: z.record(paramName, parameterSchema).default({}),
    eligibility: z.unknown(),
    outputs: z
      .partialRecord(z.enum(outputKeys), z.object({ unit: z.string().min(1), formula: z.unknown(), explain: texts.optional() }).strict())
      .default({}),
    exceptions: z
      .array(
        z
          .object({
            id,
            rank: z.number().int().positive(),
            when: z.unknown(),
            effect: z.union([
              z.object({ eligible: z.boolean() }).strict(),
              z.object({ param: paramName, use: paramName }).strict(),
            ]),
            explain: explainSchema,
            sources: z.array(z.url()).min(1, 'every exception needs its legal source'),
          })
          .strict(),
      )
      .default([]),
    sources: z.array(z.object({ title: z.string().min(1), url: z.url(), date: isoDate.optional() }).strict()).min(1),
    notes: z.string().optional(),
  })
  .strict();
export type RuleFile = z.infer<typeof ruleFileSchema>;

// ---- The expression tree (normalised form produced by rule-parse.ts) ----

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';
export const compareOps: readonly CompareOp[] = ['=', '!=', '<', '<=', '>', '>='];

export type Expr =
  | { kind: 'lit'; value: number | string | boolean }
  | { kind: 'fact'; path: string }
  | { kind: 'param'; name: string }
  | { kind: 'yearsSince'; path: string } // whole years from a date fact to the reference date (age)
  | { kind: 'add' | 'mul' | 'min' | 'max'; args: Expr[] }
  | { kind: 'sub' | 'div'; args: [Expr, Expr] }
  | { kind: 'round'; arg: Expr; digits: number }
  | { kind: 'if'; cond: Cond; then: Expr; else: Expr };

export interface CondMeta { id?: string; explain?: Explain; sources?: string[]; at: string }
export type Cond = CondMeta &
  (
    | { kind: 'all'; args: Cond[] }
    | { kind: 'any'; args: Cond[] }
    | { kind: 'not'; arg: Cond }
    | { kind: 'compare'; op: CompareOp; left: Expr; right: Expr }
    | { kind: 'in'; path: string; values: string[]; prefix: boolean }
    | { kind: 'known'; path: string }
  );

export type ExceptionEffect = { eligible: boolean } | { param: string; use: string };
export interface RuleException {
  id: string;
  rank: number;
  when: Cond;
  effect: ExceptionEffect;
  explain: Explain;
  sources: string[];
}

export interface IncentiveRule extends Omit<RuleFile, 'eligibility' | 'outputs' | 'exceptions'> {
  file: string;
  eligibility: Cond;
  outputs: Partial<Record<OutputKey, { unit: string; formula: Expr; explain?: Texts }>>;
  /** sorted by rank: rank 1 is consulted first and wins over higher ranks */
  exceptions: RuleException[];
}
