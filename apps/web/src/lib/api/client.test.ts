import { ApiError, api, unwrap } from './client';

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

  it("throws an ApiError with the API's code, message and details", async () => {
    respond(
      JSON.stringify({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Validation failed',
        details: { page: ['must be ≥ 1'] },
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
    });
  });

  it('throws an ApiError without a code when the answer is not the API error body', async () => {
    respond('<html>Bad gateway</html>', 502, 'text/html');
    const error: unknown = await unwrap(api.GET('/api/projects')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 502, code: null });
  });
});
