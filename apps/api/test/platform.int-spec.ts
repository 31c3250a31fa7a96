import { useTestApp } from './support/test-app';

describe('platform endpoints', () => {
  const t = useTestApp();

  it('reports database health', async () => {
    await t.http.get('/api/health').expect(200, { status: 'ok', database: 'up' });
  });

  it('serves the OpenAPI document generated from the code, and Swagger UI', async () => {
    const doc = await t.http.get('/api/openapi.json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/organisations',
      '/api/organisations/{id}',
      '/api/agreements',
      '/api/priority-areas',
      '/api/projects',
      '/api/projects/{id}',
      '/api/funding-decisions',
      '/api/payments',
      '/api/milestones',
      '/api/status-reports',
      '/api/health',
    ]) {
      expect(doc.body.paths).toHaveProperty([path]);
    }
    expect(doc.body.components.schemas.ErrorResponse).toBeDefined();
    const ui = await t.http.get('/api/docs').redirects(1).expect(200);
    expect(ui.text).toContain('swagger-ui');
  });

  it('answers an unknown API route with the one error body', async () => {
    const res = await t.http.get('/api/nothing-here').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });

  it('answers malformed JSON with 400 and the one error body', async () => {
    const res = await t.http.post('/api/organisations').type('json').send('{"name": ').expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
  });
});

describe('compression', () => {
  const t = useTestApp();

  it('gzips responses for clients that accept it', async () => {
    const doc = await t.anonymous.get('/api/openapi.json').set('Accept-Encoding', 'gzip');
    expect(doc.status).toBe(200);
    expect(doc.headers['content-encoding']).toBe('gzip');
  });
});

describe('caching', () => {
  const t = useTestApp();

  it('marks API answers no-store and never answers 304 to a revalidation', async () => {
    const org = await t.http.post('/api/organisations').send({ name: 'Välimuisti Oy', kind: 'company' }).expect(201);
    const first = await t.http.get(`/api/organisations/${org.body.id}`).expect(200);
    expect(first.headers['cache-control']).toBe('no-store');
    await t.http.get(`/api/organisations/${org.body.id}`).set('If-None-Match', first.headers.etag!).expect(200);
  });
});
