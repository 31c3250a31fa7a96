import { ApiError } from './api/client';
import { createQueryClient } from './query-client';

describe('query defaults', () => {
  const queries = createQueryClient().getDefaultOptions().queries ?? {};

  it('keeps data fresh for 30 s and does not refetch on window focus', () => {
    expect(queries.staleTime).toBe(30_000);
    expect(queries.refetchOnWindowFocus).toBe(false);
  });

  it('retries server and network errors twice, client errors never', () => {
    const retry = queries.retry as (failureCount: number, error: unknown) => boolean;
    expect(retry(0, new ApiError(404, 'NOT_FOUND', 'Not found'))).toBe(false);
    expect(retry(0, new ApiError(503, null, 'Unavailable'))).toBe(true);
    expect(retry(1, new TypeError('Failed to fetch'))).toBe(true);
    expect(retry(2, new TypeError('Failed to fetch'))).toBe(false);
  });
});
