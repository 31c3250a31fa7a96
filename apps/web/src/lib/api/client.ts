import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

/** The API's one error body, `{ statusCode, code, message, details?, problems? }` (generated from the OpenAPI document). */
export type ApiErrorBody = components['schemas']['ErrorResponse'];
export type ApiErrorCode = ApiErrorBody['code'];
/** Field path → the field's problems as codes (lib/field-problems.ts turns them into text). */
export type ApiFieldProblems = NonNullable<ApiErrorBody['problems']>;

/**
 * A failed API call. `code` is the API's stable error code, or null when the answer was not the
 * API's error body (a proxy's 502 page, say); `details` holds per-field messages of a 400 (English),
 * `problems` the same fields as codes to translate.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: ApiErrorCode | null,
    message: string,
    readonly details: Record<string, string[]> | undefined = undefined,
    /** Seconds to wait before trying again, from the Retry-After header of a 429 (or 503). */
    readonly retryAfterSeconds: number | undefined = undefined,
    readonly problems: ApiFieldProblems | undefined = undefined,
  ) {
    super(message);
  }
}

/**
 * The CSRF token of the current session. The API wants it in X-CSRF-Token on every POST, PATCH,
 * PUT and DELETE; it comes with sign-in and GET /api/me (the auth feature keeps it here) and is
 * cleared at sign-out. It lives in memory only, never in storage.
 */
export const CSRF_HEADER = 'X-CSRF-Token';
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function currentCsrfToken(): string | null {
  return csrfToken;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one way the web app sends the version of a record it changes or deletes (PATCH, DELETE): as
 * `If-Match: "<version>"`, the version the user read; never as `version` in the body. The API
 * answers a version that is no longer the record's with 409 STALE_VERSION. No version read (a
 * form that never loaded one) sends no header.
 */
export function ifMatch(version: number | undefined): { 'If-Match'?: string } {
  return version === undefined ? {} : { 'If-Match': `"${version}"` };
}

/** A write's body as the web sends it: the version goes in If-Match (`ifMatch`), never in the body. */
export type Unversioned<T> = Omit<T, 'version'>;

/**
 * The typed API client: paths, parameters and bodies come from the generated schema.d.ts.
 * Same origin (the API serves the app; Vite proxies /api in development), with the session cookie.
 * `fetch` is looked up on every call rather than captured once, so tests and instrumentation
 * that replace it are honoured.
 */
export const api = createClient<paths>({
  baseUrl: '',
  credentials: 'same-origin',
  headers: { Accept: 'application/json' },
  fetch: (request) => globalThis.fetch(request),
});

api.use({
  onRequest({ request }) {
    if (csrfToken && !SAFE_METHODS.has(request.method.toUpperCase())) {
      request.headers.set(CSRF_HEADER, csrfToken);
    }
    return request;
  },
});

function isErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Record<string, unknown>;
  return typeof candidate.code === 'string' && typeof candidate.message === 'string';
}

/** Retry-After as seconds: either a number of seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value == null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** Turns whatever came back with a failed response into an ApiError. */
export function toApiError(response: Response, body: unknown): ApiError {
  const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
  if (isErrorBody(body)) {
    return new ApiError(response.status, body.code, body.message, body.details, retryAfter, body.problems);
  }
  const text = typeof body === 'string' && body.trim() !== '' ? body.trim().slice(0, 200) : response.statusText;
  return new ApiError(response.status, null, text || `HTTP ${response.status}`, undefined, retryAfter);
}

type FetchResult<T> = { data?: T; error?: unknown; response: Response };

/**
 * Awaits an openapi-fetch call and returns its data, or throws an ApiError built from the API's
 * error body: `const page = await unwrap(api.GET('/api/projects', { params }))`.
 */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw toApiError(response, error);
  return data as T;
}
