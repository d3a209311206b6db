import { z } from 'zod';
import { attributionSchema } from '../esco/esco.schema.ts';
import { isValidEnterpriseNumber, normaliseEnterpriseNumber } from './enterprise-number.ts';

// Public shapes of the catalogue API (input and output). The import takes the same offer input.

export const providerKinds = ['adult-education-centre', 'syntra', 'university-college', 'university', 'public-employment-service', 'sector-fund', 'private', 'other'] as const;
export const offerKinds = ['course', 'programme', 'degree', 'micro-credential'] as const;
export const offerFormats = ['in-person', 'online', 'blended'] as const;
export const offerLanguages = ['nl', 'fr', 'en', 'de'] as const;
export const schedules = ['day', 'evening', 'weekend'] as const;
export const offerStatuses = ['draft', 'published', 'archived'] as const;
export const incentiveKeys = ['vov', 'vouchers', 'training-credit', 'kmo-portefeuille'] as const;

// Belgium's bounding box (with a small margin): coordinates outside it are refused.
export const BELGIUM = { minLat: 49.49, maxLat: 51.51, minLng: 2.54, maxLng: 6.41 } as const;

const MARKUP = /[<>]/;
const plain = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !MARKUP.test(s), 'must be plain text, without < or >');
const required = (max: number) => plain(max).pipe(z.string().min(1, 'is required'));

const texts = (max: number) => z.object({ nl: plain(max), fr: plain(max), en: plain(max) }).partial().strict();
const someText = (max: number) =>
  texts(max).refine((t) => Object.values(t).some((v) => v && v.length > 0), 'needs a text in at least one language (nl, fr or en)');

export const textsSchema = z.object({ nl: z.string(), fr: z.string(), en: z.string() }).partial().meta({ id: 'CatalogTexts' });
export type Texts = z.infer<typeof textsSchema>;

export const httpUrl = z
  .url()
  .max(2000)
  .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) address');
const isoDate = z.iso.date('must be a date YYYY-MM-DD');

export const enterpriseNumberSchema = z
  .string()
  .max(20)
  .refine((s) => normaliseEnterpriseNumber(s) !== null, 'must be 10 digits starting with 0 or 1, such as 0123.456.749')
  .refine((s) => isValidEnterpriseNumber(s), 'fails the mod-97 check (the last two digits must be 97 − the first eight mod 97)')
  .transform((s) => normaliseEnterpriseNumber(s)!)
  .describe('Belgian enterprise number; "0123.456.749" and "BE0123456749" are accepted and stored as 10 digits');

export const latSchema = z.number().min(BELGIUM.minLat, 'lies outside Belgium').max(BELGIUM.maxLat, 'lies outside Belgium');
export const lngSchema = z.number().min(BELGIUM.minLng, 'lies outside Belgium').max(BELGIUM.maxLng, 'lies outside Belgium');
export const postalCodeSchema = z.string().trim().regex(/^[1-9]\d{3}$/, 'must be a Belgian postal code of 4 digits');

const escoUri = (kind: 'skill' | 'occupation') =>
  z.string().regex(new RegExp(`^http://data\\.europa\\.eu/esco/${kind}/[0-9a-f-]{36}$`), `must be an ESCO ${kind} URI`);

// ---------- providers ----------

export const contactSchema = z
  .object({ email: z.email().max(200), phone: plain(40), website: httpUrl, address: plain(300) })
  .partial()
  .strict();

export const providerInputSchema = z
  .object({
    name: required(200),
    kind: z.enum(providerKinds),
    enterpriseNumber: enterpriseNumberSchema.nullable().default(null),
    qualityRegistered: z.boolean().default(false),
    qualityRegisteredOn: isoDate.nullable().default(null),
    kmoRegistered: z.boolean().default(false).describe('registered service provider for the KMO-portefeuille'),
    contact: contactSchema.default({}),
  })
  .strict()
  .refine((p) => p.qualityRegistered || !p.qualityRegisteredOn, { path: ['qualityRegisteredOn'], message: 'only with qualityRegistered: true' });
export type ProviderInput = z.infer<typeof providerInputSchema>;
export type ProviderInputRaw = z.input<typeof providerInputSchema>;

export const providerIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'must be a lower-case id (letters, digits, -)');

export const providerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(providerKinds),
    enterpriseNumber: z.string().nullable(),
    qualityRegistered: z.boolean(),
    qualityRegisteredOn: z.string().nullable(),
    kmoRegistered: z.boolean(),
    contact: contactSchema,
    synthetic: z.boolean(),
    offerCount: z.number().int().optional(),
  })
  .meta({ id: 'CatalogProvider' });
export type Provider = z.infer<typeof providerSchema>;

export const providerPageSchema = z.object({ items: z.array(providerSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export const providerQuerySchema = z.object({
  q: z.string().max(200).optional().describe('part of the name'),
  kind: z.enum(providerKinds).optional(),
  synthetic: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

// ---------- offers ----------

export const locationInputSchema = z
  .object({
    postalCode: postalCodeSchema,
    place: plain(100).optional().describe('the locality within the postal code (default: the first one)'),
    lat: latSchema.optional(),
    lng: lngSchema.optional(),
  })
  .strict()
  .refine((l) => (l.lat === undefined) === (l.lng === undefined), { path: ['lng'], message: 'give lat and lng together' });

export const sessionInputSchema = z
  .object({
    startsOn: isoDate,
    endsOn: isoDate,
    schedule: z.enum(schedules),
    seatsLeft: z.number().int().min(0).max(100_000).nullable().default(null),
    postalCode: postalCodeSchema.nullable().default(null),
  })
  .strict()
  .refine((s) => s.endsOn >= s.startsOn, { path: ['endsOn'], message: 'must be on or after startsOn' });

export const incentiveDbSchema = z
  .object({ id: required(60), validFrom: isoDate, validUntil: isoDate.nullable().default(null) })
  .strict()
  .refine((d) => !d.validUntil || d.validUntil >= d.validFrom, { path: ['validUntil'], message: 'must be on or after validFrom' })
  .describe('registration in the Flemish incentives database (Opleidingsdatabank)');

export const offerInputSchema = z
  .object({
    externalId: z.string().trim().min(1).max(100).regex(/^[^\s<>]+$/, 'must be one word without spaces, < or >').describe("the provider's own id: imports update by it"),
    title: someText(300),
    summary: texts(1000).default({}),
    description: texts(10_000).default({}),
    kind: z.enum(offerKinds),
    levelEqf: z.number().int().min(1).max(8).nullable().default(null).describe('EQF / VKS level 1–8'),
    language: z.enum(offerLanguages).describe('language of instruction'),
    format: z.enum(offerFormats),
    contactHours: z.number().min(0).max(10_000).nullable().default(null),
    studyCredits: z.number().min(0).max(600).nullable().default(null),
    priceEur: z.number().min(0).max(1_000_000).nullable().default(null),
    priceIncludes: plain(500).nullable().default(null),
    incentiveDb: incentiveDbSchema.nullable().default(null),
    vouchers: z.boolean().default(false).describe('training vouchers (opleidingscheques) accepted'),
    trainingCredit: z.boolean().default(false).describe('recognised for the training-credit premium (aanmoedigingspremie opleidingskrediet)'),
    skills: z.array(escoUri('skill')).max(100).default([]),
    occupations: z.array(escoUri('occupation')).max(30).default([]),
    accessibility: plain(2000).nullable().default(null),
    url: httpUrl.nullable().default(null),
    status: z.enum(['draft', 'published']).default('draft').describe('archive with POST …/archive'),
    locations: z.array(locationInputSchema).max(50).default([]),
    sessions: z.array(sessionInputSchema).max(200).default([]),
  })
  .strict();
export type OfferInput = z.infer<typeof offerInputSchema>;
export type OfferInputRaw = z.input<typeof offerInputSchema>;

const labelled = z.object({ uri: z.string(), label: z.string().nullable(), labelLang: z.enum(['en', 'nl']).nullable() });
export const incentiveFlagSchema = z
  .object({ key: z.enum(incentiveKeys), unlocked: z.boolean(), reason: z.string() })
  .meta({ id: 'CatalogIncentiveFlag' });
export type IncentiveFlag = z.infer<typeof incentiveFlagSchema>;

export const offerSchema = z
  .object({
    id: z.string(),
    externalId: z.string(),
    provider: providerSchema,
    title: textsSchema,
    summary: textsSchema,
    description: textsSchema,
    kind: z.enum(offerKinds),
    levelEqf: z.number().int().nullable(),
    language: z.enum(offerLanguages),
    format: z.enum(offerFormats),
    contactHours: z.number().nullable(),
    studyCredits: z.number().nullable(),
    priceEur: z.number().nullable(),
    priceIncludes: z.string().nullable(),
    incentiveDb: z.object({ id: z.string(), validFrom: z.string(), validUntil: z.string().nullable() }).nullable(),
    vouchers: z.boolean(),
    trainingCredit: z.boolean(),
    skills: z.array(labelled),
    occupations: z.array(labelled),
    shortage: z.boolean().describe('prepares for an occupation on the shortage list (an illustrative list for now)'),
    accessibility: z.string().nullable(),
    url: z.string().nullable(),
    status: z.enum(offerStatuses),
    synthetic: z.boolean().describe('generated, not a real offer: show a notice'),
    locations: z.array(z.object({ postalCode: z.string(), place: z.string(), lat: z.number(), lng: z.number(), province: z.string().nullable(), region: z.string() })),
    sessions: z.array(z.object({ startsOn: z.string(), endsOn: z.string(), schedule: z.enum(schedules), seatsLeft: z.number().int().nullable(), postalCode: z.string().nullable() })),
    nextStart: z.string().nullable(),
    schedules: z.array(z.enum(schedules)),
    incentives: z.array(incentiveFlagSchema),
    esco: attributionSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CatalogOffer' });
export type Offer = z.infer<typeof offerSchema>;

export const offerIdSchema = z.uuid('must be an offer id (a UUID)');

// ---------- import ----------

export const importQuerySchema = z.object({
  dryRun: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  provider: providerIdSchema.optional().describe("admins: the provider whose offers these are (a provider account always imports its own)"),
});

export const importReportSchema = z
  .object({
    ok: z.boolean(),
    dryRun: z.boolean(),
    provider: z.string().nullable(),
    format: z.enum(['csv', 'json']).nullable(),
    summary: z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int(), error: z.number().int() }),
    problems: z.array(z.object({ line: z.number().int(), column: z.string().nullable(), reason: z.string() })).describe('problems with the file as a whole'),
    rows: z.array(
      z.object({
        line: z.number().int().describe('CSV: the line in the file; JSON: the position in the array, from 1'),
        externalId: z.string(),
        outcome: z.enum(['create', 'update', 'unchanged', 'error']),
        errors: z.array(z.object({ column: z.string().nullable().describe('CSV column or JSON field'), reason: z.string() })),
      }),
    ),
  })
  .meta({ id: 'CatalogImportReport' });
export type ImportReport = z.infer<typeof importReportSchema>;

/** One row of a provider's own offer list (every status), for the provider pages. */
export const myOfferRowSchema = z
  .object({
    id: z.string(),
    externalId: z.string(),
    title: z.object({ nl: z.string(), fr: z.string(), en: z.string() }).partial(),
    status: z.enum(['draft', 'published', 'archived']),
    format: z.enum(['in-person', 'online', 'blended']),
    nextStart: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CatalogMyOfferRow' });
export const myOfferPageSchema = z.object({ items: z.array(myOfferRowSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }).meta({ id: 'CatalogMyOfferPage' });
export const myOfferQuerySchema = z.object({
  status: z.enum(['draft', 'published', 'archived']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
