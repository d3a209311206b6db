import { z } from 'zod';
import { localizedSchema } from '../i18n/localized.ts';

const isoDate = z.iso.date();

// The shape of data/<region>/region.yaml and sources.yaml; a load fails with the file and path.
export const regionFileSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  defaultLocale: z.enum(['nl', 'fr', 'en']),
  name: localizedSchema,
  plan: z.object({
    title: localizedSchema,
    translationNotes: z.record(z.string(), z.string()).optional(),
    period: z.object({ from: z.number().int(), to: z.number().int() }),
    adopted: z.union([isoDate, z.date().transform((d) => d.toISOString().slice(0, 10))]),
    source: z.url(),
  }),
});
export type RegionFile = z.infer<typeof regionFileSchema>;

const dateField = z.union([isoDate, z.date().transform((d) => d.toISOString().slice(0, 10))]).nullable();

export const sourceSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    name: z.string().min(1),
    publisher: z.string().min(1),
    url: z.url(),
    licence: z.string().min(1),
    licenceUrl: z.url().nullable(),
    attribution: z.string().nullable(),
    appliesFrom: dateField,
    retrievedOn: dateField,
    synthetic: z.boolean(),
    usedFor: localizedSchema,
  })
  .meta({ id: 'DataSource' });
export const sourcesFileSchema = z.array(sourceSchema);
export type DataSource = z.infer<typeof sourceSchema>;

export const sourcesReplySchema = z.object({ items: z.array(sourceSchema) });

export const portalReplySchema = z.object({
  region: z.object({ id: z.string(), name: localizedSchema }),
  plan: z.object({
    title: localizedSchema,
    translationNotes: z.record(z.string(), z.string()),
    period: z.object({ from: z.number(), to: z.number() }),
    adopted: z.string(),
    source: z.string(),
  }),
  modules: z.array(z.object({ id: z.string(), path: z.string(), title: localizedSchema, summary: localizedSchema })),
});
export type PortalReply = z.infer<typeof portalReplySchema>;
