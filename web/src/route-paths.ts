// Shared with the server (plain TS, no React/DOM): it answers unknown paths with HTTP 404
// while still serving index.html, so the SPA's own 404 page renders.

/** The SPA's routes, in react-router syntax: a segment `:name` stands for any one non-empty segment. */
export const webRoutePaths = [
  '/',
  '/sources',
  '/accessibility',
  '/login',
  '/admin/audit',
  '/admin/statuses',
  '/admin/stakeholders',
  '/admin/users',
  '/plan/matrix',
  '/plan',
  '/plan/actions',
  '/plan/actions/:reference',
  '/plan/actions/:reference/reports/:year',
  '/plan/goals/:code',
  '/plan/import',
  '/indicators',
  '/indicators/:id',
  '/indicators/:id/ranking',
  '/catalog',
  '/catalog/offers/:id',
  '/catalog/my-offers',
  '/catalog/my-offers/new',
  '/catalog/my-offers/:id/edit',
  '/catalog/import',
  '/signpost',
  '/signpost/employer',
] as const;

export type WebRoutePath = (typeof webRoutePaths)[number];

const patterns: readonly (readonly string[])[] = webRoutePaths.map((path) => path.split('/'));

function matches(pattern: readonly string[], segments: readonly string[]): boolean {
  if (pattern.length !== segments.length) return false;
  return pattern.every((part, index) => {
    const segment = segments[index] ?? '';
    return part.startsWith(':') ? segment !== '' : part === segment;
  });
}

/** True when the SPA has a page for this path. Routes are case-sensitive; one trailing slash is allowed. */
export function isKnownWebPath(pathname: string): boolean {
  let path = pathname.split(/[?#]/, 1)[0] ?? '';
  if (path.length > 1 && path.endsWith('/') && !path.endsWith('//')) path = path.slice(0, -1);
  if (!path.startsWith('/')) return false;
  const segments = path.split('/'); // "/" → ["", ""], like the pattern "/"
  return patterns.some((pattern) => matches(pattern, segments));
}
