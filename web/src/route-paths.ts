// Shared with the server (plain TS, no React/DOM): it answers unknown paths with HTTP 404
// while still serving index.html, so the SPA's own 404 page renders.

export const webRoutePaths = ['/', '/sources', '/accessibility', '/login', '/admin/audit'] as const;

export type WebRoutePath = (typeof webRoutePaths)[number];

const known: ReadonlySet<string> = new Set(webRoutePaths);

/** True when the SPA has a page for this path. Routes are case-sensitive; one trailing slash is allowed. */
export function isKnownWebPath(pathname: string): boolean {
  let path = pathname.split(/[?#]/, 1)[0] ?? '';
  if (path.length > 1 && path.endsWith('/') && !path.endsWith('//')) path = path.slice(0, -1);
  return known.has(path);
}
