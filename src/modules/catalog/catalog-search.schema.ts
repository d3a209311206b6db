import { z } from 'zod';

// Shapes of catalogue search: the query string (every search state fits in the URL) and the answer.
// Multi-valued filters take repeated keys or commas: `format=online&format=blended` = `format=online,blended`.

export const FORMATS = ['in-person', 'online', 'blended'] as const;
export const LANGUAGES = ['nl', 'fr', 'en', 'de'] as const;
export const SCHEDULES = ['day', 'evening', 'weekend'] as const;
export const REGIONS = ['flanders', 'wallonia', 'brussels'] as const;
export const INCENTIVES = ['vov', 'vouchers', 'training-credit', 'kmo'] as const;
export const PROVIDER_KINDS = ['adult-education-centre', 'syntra', 'university-college', 'university', 'public-employment-service', 'sector-fund', 'private', 'other'] as const;
/** Price bands in EUR: free = 0; lt-100: 0 < p < 100; 100-500: 100 ≤ p < 500; …; unknown: no price given. */
export const PRICE_BANDS = ['free', 'lt-100', '100-500', '500-1000', 'gte-1000', 'unknown'] as const;
/** Weeks from today within which an offer's next session starts. */
export const START_WITHIN = ['4', '8', '12', '26'] as const;
export const LEVELS = ['1', '2', '3', '4', '5', '6', '7', '8'] as const;
export const SORTS = ['relevance', 'start', 'distance', 'price'] as const;

/** Longest accepted `q`: longer text is refused with 400 (not cut), so that nobody gets answers to a question they did not ask. */
export const MAX_QUERY_LENGTH = 200;
export const MAX_KM = 300;
export const DEFAULT_KM = 20;
export const MAX_PAGE = 500;

const list = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z
    .preprocess(
      (v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).flatMap((x) => String(x).split(',')).map((x) => x.trim()).filter(Boolean)),
      z.array(z.enum(values, { error: `must be one of ${values.join(', ')}` })).max(values.length * 2),
    )
    .describe(`${what}; one or more of ${values.join(', ')} (repeat the key or separate with commas)`);

const provinceList = z
  .preprocess(
    (v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).flatMap((x) => String(x).split(',')).map((x) => x.trim()).filter(Boolean)),
    z.array(z.string().max(60, 'must be at most 60 characters')).max(12, 'at most 12 provinces'),
  )
  .describe('province names as the facet lists them (an unknown one matches nothing)');

export const searchQuerySchema = z.object({
  q: z.string().trim().max(MAX_QUERY_LENGTH, `must be at most ${MAX_QUERY_LENGTH} characters`).optional()
    .describe('words in Dutch, French or English; typos tolerated; ESCO occupation synonyms; "lassen bij Gent" also sets near'),
  near: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters').optional()
    .describe('a Belgian postal code (9000) or municipality name (Gent)'),
  km: z.coerce.number({ error: 'must be a number' }).min(1, 'must be at least 1').max(MAX_KM, `must be at most ${MAX_KM}`).optional()
    .describe(`radius around near, in km (default ${DEFAULT_KM}); ignored without near`),
  format: list(FORMATS, 'format'),
  level: list(LEVELS, 'EQF / VKS level'),
  lang: list(LANGUAGES, 'language of instruction'),
  schedule: list(SCHEDULES, 'sessions in the day, evening or weekend'),
  province: provinceList,
  region: list(REGIONS, 'region of a location'),
  price: list(PRICE_BANDS, 'price band'),
  incentive: list(INCENTIVES, 'incentive the offer unlocks'),
  providerKind: list(PROVIDER_KINDS, 'kind of provider'),
  startWithin: z.enum(START_WITHIN, { error: `must be one of ${START_WITHIN.join(', ')}` }).optional().describe('next session starts within this many weeks'),
  shortage: z.enum(['true', 'false'], { error: 'must be true or false' }).optional().describe('prepares for a shortage occupation'),
  sort: z.enum(SORTS, { error: `must be one of ${SORTS.join(', ')}` }).optional().describe('default: relevance with q, else start'),
  page: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(MAX_PAGE, `must be at most ${MAX_PAGE}`).default(1),
  pageSize: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100').default(20),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

const texts = z.object({ nl: z.string().optional(), fr: z.string().optional(), en: z.string().optional() });
const facetValues = z.array(z.object({ value: z.string(), count: z.number().int() }));

export const searchHitSchema = z.object({
  id: z.string(),
  title: texts,
  summary: texts,
  kind: z.string(),
  level: z.number().int().nullable(),
  language: z.string(),
  format: z.string(),
  provider: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
  priceEur: z.number().nullable(),
  contactHours: z.number().nullable(),
  studyCredits: z.number().nullable(),
  schedules: z.array(z.string()),
  nextSession: z.object({ startsOn: z.string(), endsOn: z.string(), schedule: z.string(), seatsLeft: z.number().int().nullable() }).nullable()
    .describe('the first session starting today or later'),
  place: z.object({ name: z.string(), postalCode: z.string() }).nullable().describe('the nearest location with near, else the first'),
  distanceKm: z.number().nullable(),
  incentives: z.object({ vov: z.boolean(), vouchers: z.boolean(), trainingCredit: z.boolean(), kmo: z.boolean() }),
  shortage: z.boolean(),
  synthetic: z.boolean(),
  score: z.number().optional().describe('relevance, only with q'),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const FACETS = ['format', 'level', 'language', 'province', 'region', 'schedule', 'priceBand', 'startWithin', 'incentive', 'providerKind', 'shortage'] as const;
export type FacetName = (typeof FACETS)[number];

export const searchResultSchema = z
  .object({
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    synthetic: z.boolean().describe('true when any hit is synthetic (generated) data'),
    near: z.object({ name: z.string(), postalCode: z.string(), km: z.number(), fromQuery: z.boolean() }).nullable()
      .describe('the place searched around; fromQuery when read from q ("lassen bij Gent")'),
    q: z.string().nullable().describe('the text searched for (without a place read from it)'),
    hits: z.array(searchHitSchema),
    facets: z.object(Object.fromEntries(FACETS.map((f) => [f, facetValues])) as Record<FacetName, typeof facetValues>)
      .describe("each facet's counts over the offers matching q, near and every filter except that facet's own"),
    suggestions: z.array(z.object({ relax: z.string(), km: z.number().optional(), count: z.number().int() })).optional()
      .describe('with no hits: the single filter whose removal (or, for km, doubling) gives results, with the count'),
  })
  .meta({ id: 'CatalogSearchResult' });
export type SearchResult = z.infer<typeof searchResultSchema>;

export const suggestQuerySchema = z.object({
  q: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  lang: z.enum(['nl', 'fr', 'en'], { error: 'must be nl, fr or en' }).default('nl').describe('language of occupation labels'),
});
export const suggestResultSchema = z
  .object({
    items: z.array(z.object({ type: z.enum(['title', 'occupation']), label: z.string(), lang: z.string(), uri: z.string().optional(), count: z.number().int().optional() })).max(10),
  })
  .meta({ id: 'CatalogSuggestions' });
export type SuggestResult = z.infer<typeof suggestResultSchema>;
