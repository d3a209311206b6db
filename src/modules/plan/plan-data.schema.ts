import { z } from 'zod';

// The layout of data/<region>/plan/*.yaml. Loading fails with the file and the path inside it.
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a kebab-case id');
const date = z.union([z.iso.date(), z.date().transform((d) => d.toISOString().slice(0, 10))]);
const texts = z
  .object({ nl: z.string().min(1), fr: z.string().min(1), en: z.string().min(1) })
  .partial()
  .refine((t) => Object.keys(t).length > 0, 'needs at least one language');
const sourceIds = z.array(id).default([]);
// Notes come as plain text or as {en: ...}; Koers keeps one string.
const note = z
  .union([z.string(), texts])
  .transform((n) => (typeof n === 'string' ? n : (n.en ?? n.nl ?? n.fr ?? '')))
  .optional();
const common = { note, translation: z.literal('koers-working').optional(), verification: z.string().optional() };

export const sourcesFile = z.array(
  z.object({ id, title: z.string().min(1), publisher: z.string().nullish(), url: z.url(), date: date.nullish(), note: z.string().optional() }),
);

export const planFile = z.object({
  announcedActionCount: z.number().int().positive(),
  announcedActionCountSources: sourceIds,
  adopted: date,
  adoptedSources: sourceIds,
  partnership: z.record(z.string(), z.unknown()).optional(),
  adoptedNote: note,
});

export const goalsFile = z.array(
  z.object({ code: z.string().regex(/^[a-z]$/), title: texts, sources: sourceIds, nlMatch: z.string().optional(), ...common }),
);
export const flagshipsFile = z
  .object({ flagships: z.array(z.object({ code: z.string().regex(/^[a-z]$/), title: texts, sources: sourceIds, ...common })) })
  .transform((f) => f.flagships);
// "none" is the action list's filter value for "no target group / theme recorded" (the matrix's last row and column).
const axisCode = id.refine((c) => c !== 'none', '"none" is reserved (it selects actions without one)');
export const targetGroupsFile = z.array(z.object({ code: axisCode, title: texts, sources: sourceIds, ...common }));
export const themesFile = z.object({ themes: z.array(z.object({ code: axisCode, title: texts })) });
export const statusesFile = z
  .object({
    configuredBy: z.string().optional(),
    statuses: z.record(
      id,
      z.object({ name: z.object({ nl: z.string().min(1), fr: z.string().min(1), en: z.string().min(1) }), defaultProgress: z.number().int().min(0).max(100).nullable() }),
    ),
  })
  .transform((f) => Object.entries(f.statuses).map(([key, s]) => ({ key, ...s })));
export const stakeholdersFile = z.array(
  z.object({ id, name: z.string().min(1), abbreviation: z.string().nullish(), kind: z.string().min(1), sources: sourceIds, ...common }),
);
export const officialCountsFile = z.array(
  z.object({
    year: z.number().int(),
    counts: z.record(z.string(), z.number().int().min(0)),
    total: z.number().int().nullish(),
    sources: sourceIds,
    verification: z.string().optional(),
    note,
  }),
);

export const actionsFile = z.array(
  z.object({
    reference: z.string().min(1).max(40),
    title: texts,
    description: texts.optional(),
    flagship: z.string().nullish(),
    flagshipProposal: z.string().nullish(),
    flagshipAssignedBy: z.enum(['source', 'koers-editors']).nullish(),
    goals: z.array(z.string()).default([]),
    targetGroups: z.array(z.string()).default([]),
    themes: z.array(z.string()).default([]),
    stakeholders: z.array(z.object({ id, role: z.enum(['lead', 'partner', 'funder']) })).default([]),
    firstReportedYear: z.number().int().nullish(),
    reports: z
      .array(
        z.object({
          year: z.number().int(),
          narrative: texts,
          status: z.string().nullish(),
          progress: z.number().int().min(0).max(100).nullish(),
          sources: sourceIds,
        }),
      )
      .default([]),
    links: z.array(z.object({ url: z.url(), title: z.string().optional() })).default([]),
    sources: sourceIds,
    ...common,
  }),
);
