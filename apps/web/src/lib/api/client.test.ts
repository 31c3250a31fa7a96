import { ApiError, api, parseRetryAfter, setCsrfToken, unwrap } from './client';

function respond(body: string, status: number, contentType = 'application/json') {
  globalThis.fetch = jest.fn(() =>
    Promise.resolve(new Response(body, { status, headers: { 'Content-Type': contentType } })),
  );
}

describe('API client', () => {
  it('returns the data of a successful call', async () => {
    respond(JSON.stringify({ status: 'ok' }), 200);
    await expect(unwrap(api.GET('/api/health'))).resolves.toEqual({ status: 'ok' });
  });

  it("throws an ApiError with the API's code, message, details and problems", async () => {
    respond(
      JSON.stringify({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Validation failed',
        details: { page: ['must be ≥ 1'] },
        problems: { page: [{ code: 'tooSmall', params: { min: 1 } }] },
      }),
      400,
    );
    const error: unknown = await unwrap(api.GET('/api/projects', { params: { query: { page: 0 } } })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'Validation failed',
      details: { page: ['must be ≥ 1'] },
      problems: { page: [{ code: 'tooSmall', params: { min: 1 } }] },
    });
  });

  it('throws an ApiError without a code when the answer is not the API error body', async () => {
    respond('<html>Bad gateway</html>', 502, 'text/html');
    const error: unknown = await unwrap(api.GET('/api/projects')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 502, code: null });
  });
});

describe('CSRF token', () => {
  afterEach(() => setCsrfToken(null));

  function respondNoContent() {
    globalThis.fetch = jest.fn(() => Promise.resolve(new Response(null, { status: 204 })));
  }

  function sentHeaders(): Headers {
    const request = (globalThis.fetch as jest.Mock).mock.calls[0][0] as Request;
    return request.headers;
  }

  it("sends the session's token on writes but not on reads", async () => {
    setCsrfToken('the-token');
    respondNoContent();
    await api.POST('/api/auth/logout');
    expect(sentHeaders().get('X-CSRF-Token')).toBe('the-token');

    respond(JSON.stringify({ status: 'ok' }), 200);
    await api.GET('/api/health');
    expect(sentHeaders().get('X-CSRF-Token')).toBeNull();
  });

  it('sends no token without a session', async () => {
    respondNoContent();
    await api.POST('/api/auth/logout');
    expect(sentHeaders().get('X-CSRF-Token')).toBeNull();
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120')).toBe(120);
    expect(parseRetryAfter(new Date(Date.UTC(2030, 0, 1, 0, 1)).toUTCString(), Date.UTC(2030, 0, 1))).toBe(60);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
