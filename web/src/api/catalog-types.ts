// Shapes of the catalogue module's JSON, inferred from the server's zod contract: one source of truth.
// Type-only imports: nothing of the server (nor zod) ends up in the web bundle.
import type { z } from 'zod';
import type {
  importReportSchema,
  incentiveFlagSchema,
  myOfferPageSchema,
  myOfferRowSchema,
  offerInputSchema,
  offerSchema,
  providerPageSchema,
  providerSchema,
} from '../../../src/modules/catalog/catalog.schema.ts';
import type { FacetName, searchHitSchema, searchResultSchema, suggestResultSchema } from '../../../src/modules/catalog/catalog-search.schema.ts';
import type { attributionSchema, occupationListSchema, skillListSchema } from '../../../src/modules/esco/esco.schema.ts';

export type CatalogOffer = z.infer<typeof offerSchema>;
export type CatalogProvider = z.infer<typeof providerSchema>;
export type CatalogProviderPage = z.infer<typeof providerPageSchema>;
export type IncentiveFlag = z.infer<typeof incentiveFlagSchema>;
/** The body of POST/PUT /api/v1/catalog/offers, as sent (defaults filled in by the server). */
export type OfferInput = z.input<typeof offerInputSchema>;
export type CatalogImportReport = z.infer<typeof importReportSchema>;
export type SearchHit = z.infer<typeof searchHitSchema>;
export type SearchResult = z.infer<typeof searchResultSchema>;
export type SearchSuggestion = NonNullable<SearchResult['suggestions']>[number];
export type { FacetName };
export type FacetValue = SearchResult['facets'][FacetName][number];
export type SuggestResult = z.infer<typeof suggestResultSchema>;
export type SuggestItem = SuggestResult['items'][number];
export type EscoAttribution = z.infer<typeof attributionSchema>;
export type EscoSkillList = z.infer<typeof skillListSchema>;
export type EscoOccupationList = z.infer<typeof occupationListSchema>;

export type OfferKind = CatalogOffer['kind'];
export type OfferFormat = CatalogOffer['format'];
export type OfferLanguage = CatalogOffer['language'];
export type OfferStatus = CatalogOffer['status'];
export type Schedule = CatalogOffer['schedules'][number];
export type ProviderKind = CatalogProvider['kind'];

/** One row of a provider's own offer list (every status): GET /api/v1/catalog/providers/{id}/offers. */
export type MyOfferRow = z.infer<typeof myOfferRowSchema>;
export type MyOfferPage = z.infer<typeof myOfferPageSchema>;
