import { z } from 'zod';

// The facts vocabulary Signpost reasons about. Every fact is optional: a partly answered profile is
// normal and the engine answers "undetermined" with the facts it still needs. Units (meta.unit) are
// checked against rule parameters when rule files load. Pure: runs in the browser too.

export const regions = ['flanders', 'brussels', 'wallonia', 'abroad'] as const;
export const employmentStatuses = [
  'employee', // under an employment contract, incl. temporarily unemployed and self-employed as a side job
  'temp-agency-worker',
  'self-employed', // main activity
  'jobseeker',
  'student',
  'inactive',
  'retired',
] as const;
/**
 * low = no secondary-education diploma; medium = a secondary-education diploma (incl. the 7th year of
 * vocational secondary and the old "gebrevetteerd verpleegkundige" of 4th grade BSO, issued up to 2008-09);
 * high = any higher-education diploma (HBO5/graduaat, bachelor, master, doctorate).
 * low + medium = "kort-/middengeschoold", high = "hooggeschoold" in the Flemish rules.
 */
export const qualificationLevels = ['low', 'medium', 'high'] as const;
export const degreeKinds = ['none', 'secondary', 'graduaat', 'bachelor', 'master', 'postgraduate', 'other'] as const;
export const trainingCategories = ['basic-skills', 'dutch-second-language', 'secondary-diploma', 'other'] as const;
export const trainingInitiatives = ['own', 'joint', 'employer'] as const;
export const timeCreditReductions = ['full', 'half', 'one-fifth'] as const;
export const legalForms = ['bv', 'nv', 'cv', 'vof', 'commv', 'sole-proprietorship', 'maatschap', 'vzw', 'public-body', 'other'] as const;
export const trainingThemes = [
  'cybersecurity',
  'sustainability-energy-efficiency',
  'sustainability',
  'business-strategy',
  'job-specific-competences',
  'digitalisation',
  'other-future-oriented',
  'other',
] as const;

const date = z.iso.date();
const fraction = z.number().min(0, 'must be at least 0').max(1, 'must be at most 1 (a fraction, 0.8 = 80 %)');
const nonNegative = z.number().min(0, 'must not be negative');
const meta = (unit: string, title: string) => ({ unit, title });

export const personFactsSchema = z
  .object({
    birthDate: date.meta(meta('date', 'Birth date')),
    residenceRegion: z.enum(regions).meta(meta('1', 'Region of residence')),
    residenceInEuEea: z.boolean().meta(meta('1', 'Lives in an EU/EEA country (relevant when residence is abroad)')),
    workplaceRegion: z.enum(regions).meta(meta('1', "Region of the workplace (the employer's establishment unit)")),
    employmentStatus: z.enum(employmentStatuses).meta(meta('1', 'Employment status')),
    sector: z.enum(['private', 'public']).meta(meta('1', 'Private or public sector')),
    employmentFraction: fraction.meta(meta('1', 'Current contractual employment fraction (1 = full time)')),
    employmentFractionMarch: fraction.meta(meta('1', 'Employment fraction in March before the school year (DmfA)')),
    weeklyHours: nonNegative.max(168, 'cannot exceed 168 hours a week').meta(meta('hour/week', 'Contractual weekly working hours')),
    qualificationLevel: z.enum(qualificationLevels).meta(meta('1', 'Highest qualification: low, medium (secondary diploma) or high (higher education)')),
    careerGuidanceWithPop: z.boolean().meta(meta('1', 'Followed career guidance ending with a personal development plan (POP)')),
    careerGuidanceDate: date.meta(meta('date', 'Date of the career-guidance attest')),
    workExperienceYears: nonNegative.max(80, 'cannot exceed 80 years').meta(meta('year', 'Years of work experience over the whole career')),
    careerVouchersUsedLast6Years: z.number().int('must be a whole number').min(0, 'must not be negative').meta(meta('voucher', 'Career vouchers used in the last 6 years')),
    careerVouchersEverUsed: z.boolean().meta(meta('1', 'Ever used a career voucher')),
    employerHeadcount: nonNegative.meta(meta('employee', "Employer's average number of employees (FTE)")),
    jointCommittee: z.string().regex(/^\d{3}(\.\d{1,2})?$/, 'must be a joint committee code such as "200" or "124.01"').meta(meta('1', 'Joint committee (paritair comité) code')),
    unemploymentBenefit: z.boolean().meta(meta('1', 'Receives an unemployment benefit')),
    timeCreditForTraining: z.boolean().meta(meta('1', 'On federal time credit with the training motive')),
    timeCreditReduction: z.enum(timeCreditReductions).meta(meta('1', 'Time credit: full, half-time or one-fifth reduction')),
    employmentFractionBeforeTimeCredit: fraction.meta(meta('1', 'Employment fraction before the time credit')),
    livesAlone: z.boolean().meta(meta('1', 'Lives alone (single-person household)')),
  })
  .partial()
  .strict();

export const employerFactsSchema = z
  .object({
    headcount: nonNegative.meta(meta('employee', 'Number of employees (FTE, incl. partner and linked enterprises for the EU SME test)')),
    turnoverEur: nonNegative.meta(meta('EUR', 'Annual turnover')),
    balanceTotalEur: nonNegative.meta(meta('EUR', 'Balance-sheet total')),
    region: z.enum(regions).meta(meta('1', 'Region of establishment')),
    naceCode: z.string().regex(/^\d{2}(\.?\d{1,3}){0,2}$/, 'must be a NACE code such as "62.01"').meta(meta('1', 'NACE code of the main activity')),
    legalForm: z.enum(legalForms).meta(meta('1', 'Legal form')),
    publicParticipation: fraction.meta(meta('1', 'Share held by public bodies (0.25 = 25 %)')),
    jointCommittee: z.string().regex(/^\d{3}(\.\d{1,2})?$/, 'must be a joint committee code such as "200"').meta(meta('1', 'Joint committee (paritair comité) code')),
  })
  .partial()
  .strict();

export const trainingFactsSchema = z
  .object({
    inIncentivesDatabase: z.boolean().meta(meta('1', 'Registered in the Opleidingsdatabank Vlaamse opleidingsincentives')),
    inPersonalDevelopmentPlan: z.boolean().meta(meta('1', 'Listed in the personal development plan from career guidance')),
    contactHours: nonNegative.max(5000, 'cannot exceed 5000 hours').meta(meta('hour', 'Contact hours (not distance learning)')),
    studyCredits: nonNegative.max(600, 'cannot exceed 600 credits').meta(meta('credit', 'Study credits (studiepunten)')),
    degreeKind: z.enum(degreeKinds).meta(meta('1', 'Kind of degree the training leads to')),
    vksLevel: z.number().int('must be a whole number').min(1, 'must be 1 to 8').max(8, 'must be 1 to 8').meta(meta('1', 'Level in the Flemish Qualification Structure (VKS)')),
    category: z.enum(trainingCategories).meta(meta('1', 'Basic skills, Dutch as a second language, secondary diploma, or other')),
    leadsToShortageOccupation: z.boolean().meta(meta('1', 'Teaches the competences of a shortage occupation (VDAB list)')),
    leadsToQualification: z.boolean().meta(meta('1', 'Leads to a recognised education or professional qualification')),
    initiative: z.enum(trainingInitiatives).meta(meta('1', 'Own initiative, joint (proposed by the employer, agreed by the employee) or employer training')),
    paidByEmployer: z.boolean().meta(meta('1', 'The employer pays the training')),
    costEur: nonNegative.meta(meta('EUR', 'Direct training cost')),
    providerRegisteredKmo: z.boolean().meta(meta('1', 'Provider registered for the KMO-portefeuille')),
    theme: z.enum(trainingThemes).meta(meta('1', 'Theme of the training (KMO-portefeuille)')),
  })
  .partial()
  .strict();

export const factsSchema = z
  .object({ person: personFactsSchema.optional(), employer: employerFactsSchema.optional(), training: trainingFactsSchema.optional() })
  .strict();

export type PersonFacts = z.infer<typeof personFactsSchema>;
export type EmployerFacts = z.infer<typeof employerFactsSchema>;
export type TrainingFacts = z.infer<typeof trainingFactsSchema>;
export type Facts = z.infer<typeof factsSchema>;
export type FactValue = string | number | boolean;

/** The evaluation input: facts plus the reference date. Dates after the reference date are impossible. */
export const evaluationInputSchema = z
  .object({ referenceDate: date, facts: factsSchema })
  .superRefine((v, ctx) => {
    const p = v.facts.person;
    for (const key of ['birthDate', 'careerGuidanceDate'] as const) {
      const d = p?.[key];
      if (d && d > v.referenceDate) {
        ctx.addIssue({ code: 'custom', path: ['facts', 'person', key], message: `lies after the reference date ${v.referenceDate}` });
      }
    }
    if (p?.employmentFraction === 0 && (p.weeklyHours ?? 0) > 0) {
      ctx.addIssue({ code: 'custom', path: ['facts', 'person', 'weeklyHours'], message: 'weekly hours given while the employment fraction is 0' });
    }
  });
export type EvaluationInput = z.infer<typeof evaluationInputSchema>;

export class FactsError extends Error {
  constructor(readonly errors: { fact: string; reason: string }[]) {
    super(errors.map((e) => `${e.fact}: ${e.reason}`).join('; '));
    this.name = 'FactsError';
  }
}

/** Validates facts + reference date; throws FactsError naming each offending fact ("person.weeklyHours"). */
export function validateFacts(input: unknown): EvaluationInput {
  const r = evaluationInputSchema.safeParse(input);
  if (r.success) return r.data;
  throw new FactsError(
    r.error.issues.flatMap((i) => {
      const base = i.path.filter((p) => p !== 'facts').join('.');
      if (i.code === 'unrecognized_keys') return i.keys.map((k) => ({ fact: base ? `${base}.${k}` : k, reason: 'unknown fact' }));
      if (i.code === 'invalid_value') return [{ fact: base, reason: `unknown value; expected one of ${i.values.map(String).join(', ')}` }];
      return [{ fact: base || 'facts', reason: i.message }];
    }),
  );
}

/** JSON Schema (draft 2020-12) of the evaluation input, published at /api/v1/incentives/facts-schema. */
export function factsJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(evaluationInputSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

export type FactKind = 'number' | 'integer' | 'boolean' | 'enum' | 'string' | 'date';
export interface FactInfo { path: string; kind: FactKind; unit: string; title: string; values?: readonly string[]; min?: number; max?: number }

/** The catalogue of fact paths ("person.weeklyHours"), in vocabulary order, derived from the schemas above. */
export const factCatalogue: ReadonlyMap<string, FactInfo> = (() => {
  const out = new Map<string, FactInfo>();
  const entities = { person: personFactsSchema, employer: employerFactsSchema, training: trainingFactsSchema };
  for (const [entity, schema] of Object.entries(entities)) {
    const js = z.toJSONSchema(schema, { io: 'input' }) as { properties: Record<string, Record<string, unknown>> };
    for (const [key, p] of Object.entries(js.properties)) {
      const kind: FactKind = Array.isArray(p.enum)
        ? 'enum'
        : p.format === 'date'
          ? 'date'
          : p.type === 'integer' || p.type === 'number' || p.type === 'boolean'
            ? (p.type as FactKind)
            : 'string';
      const info: FactInfo = { path: `${entity}.${key}`, kind, unit: String(p.unit ?? '1'), title: String(p.title ?? key) };
      if (kind === 'enum') info.values = p.enum as string[];
      if (typeof p.minimum === 'number') info.min = p.minimum;
      if (typeof p.maximum === 'number') info.max = p.maximum;
      out.set(info.path, info);
    }
  }
  return out;
})();

/** The value of a fact path, or undefined when not answered. */
export function factValue(facts: Facts, path: string): FactValue | undefined {
  const dot = path.indexOf('.');
  const entity = (facts as Record<string, Record<string, FactValue | undefined> | undefined>)[path.slice(0, dot)];
  return entity?.[path.slice(dot + 1)];
}
