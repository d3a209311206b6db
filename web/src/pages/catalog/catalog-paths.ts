/**
 * A provider's own offers in every status. Not in the server yet (the search route lists published
 * offers only): the page says so when the route answers 404.
 */
export function myOffersApiPath(providerId: string): string {
  return `/api/v1/catalog/providers/${encodeURIComponent(providerId)}/offers?pageSize=200`;
}

export const importApiPath = '/api/v1/catalog/import';
