import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

/** The API's one error body, `{ statusCode, code, message, details? }` (generated from the OpenAPI document). */
export type ApiErrorBody = components['schemas']['ErrorResponse'];
export type ApiErrorCode = ApiErrorBody['code'];

/**
 * A failed API call. `code` is the API's stable error code, or null when the answer was not the
 * API's error body (a proxy's 502 page, say); `details` holds per-field messages of a 400.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: ApiErrorCode | null,
    message: string,
    readonly details: Record<string, string[]> | undefined = undefined,
  ) {
    super(message);
  }
}

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

function isErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Record<string, unknown>;
  return typeof candidate.code === 'string' && typeof candidate.message === 'string';
}

/** Turns whatever came back with a failed response into an ApiError. */
export function toApiError(response: Response, body: unknown): ApiError {
  if (isErrorBody(body)) {
    return new ApiError(response.status, body.code, body.message, body.details);
  }
  const text = typeof body === 'string' && body.trim() !== '' ? body.trim().slice(0, 200) : response.statusText;
  return new ApiError(response.status, null, text || `HTTP ${response.status}`);
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
