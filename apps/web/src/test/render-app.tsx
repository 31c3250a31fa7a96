import type { Language } from '@salkku/shared';
import { render } from '@testing-library/react';
import { App } from '../app/App';
import { createI18n } from '../lib/i18n';
import { createQueryClient } from '../lib/query-client';

/**
 * Renders the whole app as main.tsx does, with a fresh QueryClient and i18n instance per call.
 * The app's own query defaults apply, except that failed requests are not retried (a retry
 * waits seconds; the retry policy has its own test). The language is Finnish unless given;
 * 'remembered' starts as the app does, from localStorage.
 */
export function renderApp({ language = 'fi' }: { language?: Language | 'remembered' } = {}) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({
    ...queryClient.getDefaultOptions(),
    queries: { ...queryClient.getDefaultOptions().queries, retry: false },
  });
  const i18n = language === 'remembered' ? createI18n() : createI18n(language);
  const utils = render(<App queryClient={queryClient} i18n={i18n} />);
  return { ...utils, queryClient, i18n };
}

/** A Fetch API response with a JSON body, as the API sends it. */
export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

/** Replaces the global fetch (jsdom has none) with a mock answering each Request with `answer`. */
export function mockFetch(answer: (request: Request) => Response | Promise<Response>) {
  const fetchMock = jest.fn((input: RequestInfo | URL) => {
    if (!(input instanceof Request)) throw new Error('The API client calls fetch with a Request');
    return Promise.resolve(answer(input));
  });
  globalThis.fetch = fetchMock;
  return fetchMock;
}

/** The URL of the n-th request the mock received. */
export function requestedUrl(fetchMock: ReturnType<typeof mockFetch>, call = 0): URL {
  const request = fetchMock.mock.calls[call]?.[0];
  if (!(request instanceof Request)) throw new Error(`fetch was not called ${call + 1} time(s) with a Request`);
  return new URL(request.url);
}
