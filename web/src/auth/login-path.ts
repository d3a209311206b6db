/** The login page, returning to the given location afterwards ("/" kept readable in the URL). */
export function loginPathFor(location: { pathname: string; search: string }): string {
  return `/login?next=${encodeURIComponent(location.pathname + location.search).replace(/%2F/g, '/')}`;
}
