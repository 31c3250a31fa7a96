import { countStatements, createTestApp, rowCount, type TestApp } from './support/test-app';
import { newAgreement, newOrganisation } from './support/factories';

describe('organisations API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates, reads, lists, updates and deletes an organisation', async () => {
    const created = await t.http
      .post('/api/organisations')
      .send({ name: 'Itä-Suomen yliopisto', kind: 'university', businessId: '0245894-7' })
      .expect(201);
    expect(created.body).toMatchObject({
      name: 'Itä-Suomen yliopisto',
      kind: 'university',
      businessId: '0245894-7',
      country: 'FI',
      version: 1,
    });

    const read = await t.http.get(`/api/organisations/${created.body.id}`).expect(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.body.name).toBe('Itä-Suomen yliopisto');

    const list = await t.http.get('/api/organisations').query({ q: 'itä-suomen', kind: 'university' }).expect(200);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0].id).toBe(created.body.id);

    const updated = await t.http
      .patch(`/api/organisations/${created.body.id}`)
      .set('If-Match', '"1"')
      .send({ name: 'University of Eastern Finland', country: 'FI' })
      .expect(200);
    expect(updated.body).toMatchObject({ name: 'University of Eastern Finland', version: 2 });

    await t.http.delete(`/api/organisations/${created.body.id}`).expect(204);
    await t.http.get(`/api/organisations/${created.body.id}`).expect(404);
  });

  it('rejects invalid input with field details and writes nothing', async () => {
    const before = await rowCount(t, 'organisations');
    const res = await t.http
      .post('/api/organisations')
      .send({ name: '', kind: 'castle', businessId: '0245894-8', country: 'Finland', extra: 1 })
      .expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(Object.keys(res.body.details).sort()).toEqual(['businessId', 'country', 'extra', 'kind', 'name']);
    expect(await rowCount(t, 'organisations')).toBe(before);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const missing = await t.http.get('/api/organisations/7d0b3c1e-25a4-4a8c-9d2f-1b3c4d5e6f70').expect(404);
    expect(missing.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    const malformed = await t.http.get('/api/organisations/not-a-uuid').expect(400);
    expect(malformed.body.code).toBe('VALIDATION_FAILED');
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const org = await newOrganisation(t, { name: 'Savonia-ammattikorkeakoulu' });
    await t.http.patch(`/api/organisations/${org.id}`).send({ version: 1, name: 'Savonia' }).expect(200);
    const stale = await t.http
      .patch(`/api/organisations/${org.id}`)
      .send({ version: 1, name: 'Lost update' })
      .expect(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    const staleHeader = await t.http
      .patch(`/api/organisations/${org.id}`)
      .set('If-Match', '"1"')
      .send({ name: 'Lost' })
      .expect(409);
    expect(staleHeader.body.code).toBe('STALE_VERSION');
    const noVersion = await t.http.patch(`/api/organisations/${org.id}`).send({ name: 'No version' }).expect(428);
    expect(noVersion.body.code).toBe('VERSION_REQUIRED');
    const current = await t.http.get(`/api/organisations/${org.id}`).expect(200);
    expect(current.body).toMatchObject({ name: 'Savonia', version: 2 });
  });

  it('refuses to delete an organisation still in use (409) and a duplicate business ID (409)', async () => {
    const city = await newOrganisation(t, { kind: 'city', businessId: '0171450-7' });
    await newAgreement(t, { cityId: city.id });
    const res = await t.http.delete(`/api/organisations/${city.id}`).expect(409);
    expect(res.body.code).toBe('IN_USE');
    await t.http.get(`/api/organisations/${city.id}`).expect(200);
    const dup = await t.http
      .post('/api/organisations')
      .send({ name: 'Kopio', kind: 'city', businessId: '0171450-7' })
      .expect(409);
    expect(dup.body.code).toBe('DUPLICATE');
  });

  it('serves a list page and a detail in at most 2 SQL statements, whatever the page size', async () => {
    for (let i = 0; i < 30; i++) await newOrganisation(t);
    for (const pageSize of [1, 10, 100]) {
      const { count, result } = await countStatements(t, () =>
        t.http.get('/api/organisations').query({ pageSize }).expect(200),
      );
      expect(result.body.items.length).toBe(Math.min(pageSize, result.body.total));
      expect(count).toBeLessThanOrEqual(2);
    }
    const org = await newOrganisation(t);
    const { count } = await countStatements(t, () => t.http.get(`/api/organisations/${org.id}`).expect(200));
    expect(count).toBeLessThanOrEqual(2);
  });

  it('bounds the page size and validates sort', async () => {
    const res = await t.http.get('/api/organisations').query({ pageSize: 1000, sort: 'password' }).expect(400);
    expect(Object.keys(res.body.details).sort()).toEqual(['pageSize', 'sort']);
  });
});
