import type { MeResponse, Problem } from './types.ts';

/** A non-2xx reply, with its RFC 9457 problem body when the server sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
    /** Seconds from a Retry-After header (429), if any. */
    readonly retryAfter: number | null,
  ) {
    super(problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

/** Thrown when the request never got a reply (offline, server down). */
export class NetworkError extends Error {
  override name = 'NetworkError';
}

const mutating = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
let csrfToken: string | null = null;

function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function readProblem(res: Response): Promise<Problem> {
  try {
    const body: unknown = await res.json();
    return body && typeof body === 'object' ? (body as Problem) : {};
  } catch {
    return {};
  }
}

/** A request body: JSON (serialised here) or raw bytes/text sent as they are, with their content type. */
type RequestBody = { json: unknown } | { raw: BodyInit; contentType: string };

async function send(method: string, path: string, body: RequestBody | undefined, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (token !== null) headers['X-CSRF-Token'] = token;
  if (body) headers['Content-Type'] = 'raw' in body ? body.contentType : 'application/json';
  try {
    return await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : 'raw' in body ? body.raw : JSON.stringify(body.json),
    });
  } catch (err) {
    throw new NetworkError(err instanceof Error ? err.message : String(err));
  }
}

/**
 * Sends a request with the CSRF token when it changes state. A non-2xx reply throws ApiError,
 * unless its status is in `alsoOk` (a reply whose JSON body is the answer, like an import's 422 report).
 */
async function request<T>(method: string, path: string, body?: RequestBody, alsoOk: readonly number[] = []): Promise<T> {
  const needsToken = mutating.has(method);
  let res = await send(method, path, body, needsToken ? (csrfToken ?? (await fetchSession()).csrfToken) : null);
  if (needsToken && res.status === 403) {
    // Maybe a stale CSRF token (its secret cookie was replaced): the server wrote nothing, so
    // fetch a fresh token and try once more. A real authorization 403 simply comes back again.
    res = await send(method, path, body, (await fetchSession()).csrfToken);
  }
  if (!res.ok && !alsoOk.includes(res.status)) {
    throw new ApiError(res.status, await readProblem(res), parseRetryAfter(res.headers.get('Retry-After')));
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

let inFlight: Promise<MeResponse> | null = null;

/**
 * Reads the session and keeps its CSRF token for later writes. Concurrent calls share one
 * request: two parallel first calls would each set a different CSRF secret cookie.
 */
export function fetchSession(): Promise<MeResponse> {
  inFlight ??= request<MeResponse>('GET', '/api/v1/auth/me')
    .then((me) => {
      csrfToken = me.csrfToken;
      return me;
    })
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}

const json = (body: unknown): RequestBody | undefined => (body === undefined ? undefined : { json: body });

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, json(body)),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, json(body)),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, json(body)),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** POSTs a raw body (a file, text) as the given content type, e.g. a CSV as text/csv. */
  postRaw: <T>(path: string, body: BodyInit, contentType: string, options: { alsoOk?: readonly number[] } = {}) =>
    request<T>('POST', path, { raw: body, contentType }, options.alsoOk),
};

/** Builds a path with a query string, leaving out empty values. */
export function withQuery(path: string, params: Record<string, string | number | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
