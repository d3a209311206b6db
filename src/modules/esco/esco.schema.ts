import { z } from 'zod';

// Public shapes of the ESCO API and of the service other modules use.

export const langSchema = z.enum(['nl', 'fr', 'en']).describe('language of the labels; ESCO labels bundled: occupations en and nl, skills en (others fall back to en)');
export type Lang = z.infer<typeof langSchema>;
export const labelLangSchema = z.enum(['en', 'nl']).describe('the language the label is actually in');

export const attributionSchema = z
  .object({ text: z.string(), licence: z.string(), url: z.string(), version: z.string().nullable().describe('the loaded ESCO release') })
  .meta({ id: 'EscoAttribution' });
export type EscoAttribution = z.infer<typeof attributionSchema>;

export const matchSchema = z.object({ label: z.string(), lang: labelLangSchema, kind: z.enum(['preferred', 'alternative', 'hidden']) }).describe('the label the query matched');

export const skillTypeSchema = z.enum(['skill/competence', 'knowledge']).nullable();
export const reuseLevelSchema = z.enum(['transversal', 'cross-sector', 'sector-specific', 'occupation-specific']).nullable();

export const occupationBriefSchema = z
  .object({ uri: z.string(), id: z.string(), code: z.string(), label: z.string(), labelLang: labelLangSchema, iscoGroup: z.string(), match: matchSchema.optional() })
  .meta({ id: 'EscoOccupationBrief' });
export type OccupationBrief = z.infer<typeof occupationBriefSchema>;

export const skillBriefSchema = z
  .object({ uri: z.string(), id: z.string(), label: z.string(), labelLang: labelLangSchema, skillType: skillTypeSchema, reuseLevel: reuseLevelSchema, match: matchSchema.optional() })
  .meta({ id: 'EscoSkillBrief' });
export type SkillBrief = z.infer<typeof skillBriefSchema>;

export const occupationSchema = z
  .object({
    uri: z.string(),
    id: z.string(),
    code: z.string(),
    label: z.string(),
    labelLang: labelLangSchema,
    labels: z.object({ en: z.string(), nl: z.string().nullable() }),
    altLabels: z.object({ en: z.array(z.string()), nl: z.array(z.string()) }),
    description: z.object({ en: z.string().nullable(), nl: z.string().nullable() }),
    iscoGroup: z.object({ code: z.string(), label: z.string() }),
    essentialSkills: z.array(skillBriefSchema),
    optionalSkills: z.array(skillBriefSchema),
  })
  .meta({ id: 'EscoOccupation' });
export type Occupation = z.infer<typeof occupationSchema>;

export const skillSchema = z
  .object({
    uri: z.string(),
    id: z.string(),
    label: z.string(),
    labelLang: labelLangSchema,
    altLabels: z.array(z.string()),
    description: z.string().nullable(),
    skillType: skillTypeSchema,
    reuseLevel: reuseLevelSchema,
    broader: z.array(z.object({ uri: z.string(), label: z.string(), kind: z.enum(['skill', 'group']) })),
  })
  .meta({ id: 'EscoSkill' });
export type Skill = z.infer<typeof skillSchema>;

export const skillDetailSchema = skillSchema
  .extend({
    occupations: z.object({
      essentialCount: z.number().int(),
      optionalCount: z.number().int(),
      items: z.array(occupationBriefSchema.extend({ relation: z.enum(['essential', 'optional']) })).describe('up to 100, essential first'),
    }),
  })
  .meta({ id: 'EscoSkillDetail' });
export type SkillDetail = z.infer<typeof skillDetailSchema>;

export const escoVersionSchema = z
  .object({ version: z.string(), loadedAt: z.string(), source: z.string(), counts: z.record(z.string(), z.number()) })
  .meta({ id: 'EscoVersion' });
export type EscoVersion = z.infer<typeof escoVersionSchema>;

// ---- HTTP ----
const q = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
export const searchQuerySchema = z.object({
  q: q.describe('words of a label (preferred, alternative or hidden; English or Dutch); typos tolerated'),
  lang: langSchema.default('nl'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const OCCUPATION_CODE = /^[0-9]{4}(\.[0-9]+)+$/;
export const occupationIdSchema = z
  .string()
  .refine((v) => UUID.test(v) || OCCUPATION_CODE.test(v), 'must be the identifier at the end of an ESCO occupation URI or an ESCO code such as 2654.1.7')
  .describe('the UUID at the end of the ESCO URI, or the ESCO occupation code');
export const skillIdSchema = z.string().regex(UUID, 'must be the identifier at the end of an ESCO skill URI').describe('the UUID at the end of the ESCO URI');
export const langQuerySchema = z.object({ lang: langSchema.default('nl') });

const withAttribution = <T extends z.ZodRawShape>(shape: T) => z.object({ ...shape, attribution: attributionSchema });
export const occupationListSchema = withAttribution({ items: z.array(occupationBriefSchema) }).meta({ id: 'EscoOccupationList' });
export const skillListSchema = withAttribution({ items: z.array(skillBriefSchema) }).meta({ id: 'EscoSkillList' });
export const occupationReplySchema = withAttribution({ occupation: occupationSchema }).meta({ id: 'EscoOccupationReply' });
export const skillReplySchema = withAttribution({ skill: skillDetailSchema }).meta({ id: 'EscoSkillReply' });
