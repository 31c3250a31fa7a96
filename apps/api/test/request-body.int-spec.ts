import { Logger } from '@nestjs/common';
import type { OpenAPIObject, ParameterObject } from '@nestjs/swagger';
import { exceedsJsonDepth, MAX_JSON_DEPTH } from '../src/common/request-body';
import { newOrganisation, newPriorityArea } from './support/factories';
import { rowCount, TEST_PASSWORD, useTestApp } from './support/test-app';

/**
 * What the API reads from a request before any route sees it: JSON only (415 otherwise), not too
 * large or deep (413), and no control characters in query parameters or JSON texts (400).
 */

/** `{"a":{"a":…}}` nested `depth` levels deep. */
const nested = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

describe('request bodies and query strings', () => {
  const t = useTestApp();
  let errorLog: jest.SpyInstance;
  beforeEach(() => {
    errorLog = jest.spyOn(Logger.prototype, 'error');
  });
  afterEach(() => {
    // Nothing here is a server fault: no stack trace, no stack overflow in the log.
    expect(errorLog).not.toHaveBeenCalled();
    errorLog.mockRestore();
  });

  describe('JSON only on write routes', () => {
    it('refuses a form-encoded sign-in with 415 and sets no session cookie', async () => {
      const email = `lomake-${Date.now()}@salkku.example`;
      await t.as('liaison', { email });
      const res = await t.anonymous
        .post('/api/auth/login')
        .type('form')
        .send({ email, password: TEST_PASSWORD })
        .expect(415);
      expect(res.body).toEqual({
        statusCode: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: expect.any(String) as string,
        requestId: expect.any(String) as string,
      });
      expect(res.headers['set-cookie']).toBeUndefined();
      // The same credentials as JSON sign in.
      await t.anonymous.post('/api/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
    });

    it.each([
      ['text/plain', '{"name":"Teksti Oy","kind":"company"}'],
      ['application/x-www-form-urlencoded', 'name=Lomake+Oy&kind=company'],
      [
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nOsa Oy\r\n--x--\r\n',
      ],
      ['application/xml', '<organisation/>'],
    ])('refuses %s on a write route with 415, changing nothing', async (type, body) => {
      const before = await rowCount(t, 'organisations');
      const res = await t.http.post('/api/organisations').set('Content-Type', type).send(body).expect(415);
      expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(await rowCount(t, 'organisations')).toBe(before);
    });

    it('takes JSON with a charset, and a DELETE or a sign-out without a body', async () => {
      const created = await t.http
        .post('/api/organisations')
        .set('Content-Type', 'application/json; charset=utf-8')
        .send(JSON.stringify({ name: 'Merkistö Oy', kind: 'company' }))
        .expect(201);
      await t.http.delete(`/api/organisations/${String(created.body.id)}`).expect(204);
      const coordinator = await t.as('liaison');
      await coordinator.post('/api/auth/logout').expect(204);
    });
  });

  describe('deep and large bodies', () => {
    it('counts nesting over the raw text, brackets inside strings not counted', () => {
      expect(exceedsJsonDepth(Buffer.from(nested(MAX_JSON_DEPTH)), MAX_JSON_DEPTH)).toBe(false);
      expect(exceedsJsonDepth(Buffer.from(nested(MAX_JSON_DEPTH + 1)), MAX_JSON_DEPTH)).toBe(true);
      expect(exceedsJsonDepth(Buffer.from(`{"a":"${'['.repeat(100)}\\"{{"}`), MAX_JSON_DEPTH)).toBe(false);
      expect(exceedsJsonDepth(Buffer.from(`[${'[]'.repeat(1000)}]`), MAX_JSON_DEPTH)).toBe(false);
    });

    it('refuses a 15 000 levels deep body with 413 before anything walks it, anonymous sign-in too', async () => {
      const body = nested(15_000);
      expect(body.length).toBeGreaterThan(90_000);
      const anonymous = await t.anonymous
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .send(body)
        .expect(413);
      expect(anonymous.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
      const before = await rowCount(t, 'projects');
      const admin = await t.http.post('/api/projects').set('Content-Type', 'application/json').send(body).expect(413);
      expect(admin.body.code).toBe('PAYLOAD_TOO_LARGE');
      expect(await rowCount(t, 'projects')).toBe(before);
    });

    it('refuses a body over the size limit with 413', async () => {
      const res = await t.http
        .post('/api/organisations')
        .send({ name: 'x'.repeat(600 * 1024), kind: 'company' })
        .expect(413);
      expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    });
  });

  describe('control characters', () => {
    it('refuses a NUL in any text query parameter of any list and CSV export with 400 on that parameter', async () => {
      const doc = (await t.http.get('/api/openapi.json').expect(200)).body as OpenAPIObject;
      const checked: string[] = [];
      for (const [path, item] of Object.entries(doc.paths)) {
        const parameters = (item.get?.parameters ?? []) as ParameterObject[];
        if (!item.get || path.includes('{')) continue;
        for (const parameter of parameters) {
          const schema = parameter.schema as { type?: string; enum?: unknown } | undefined;
          if (parameter.in !== 'query' || schema?.type !== 'string') continue;
          const res = await t.http.get(path).query({ [parameter.name]: 'a\u0000b' });
          expect({ path, parameter: parameter.name, status: res.status }).toEqual({
            path,
            parameter: parameter.name,
            status: 400,
          });
          expect(res.body.problems?.[parameter.name]).toContainEqual({ code: 'controlCharacter' });
          checked.push(`${path}?${parameter.name}`);
        }
      }
      for (const list of [
        '/api/projects',
        '/api/users',
        '/api/organisations',
        '/api/agreements',
        '/api/priority-areas',
        '/api/funding-decisions',
        '/api/milestones',
        '/api/participants',
        '/api/exports/projects.csv',
        '/api/exports/funding-decisions.csv',
        '/api/exports/milestones.csv',
        '/api/exports/participants.csv',
      ]) {
        expect(checked).toContain(`${list}?q`);
      }
      const tab = await t.http.get('/api/projects').query({ q: 'a\tb' }).expect(400);
      expect(tab.body.problems).toEqual({ q: [{ code: 'controlCharacter' }] });
      await t.http.get('/api/audit-events').query({ entityType: 'project\u0001' }).expect(400);
    });

    it('refuses a lone surrogate (broken UTF-16) in a JSON text with 400, anonymous sign-in too', async () => {
      const res = await t.anonymous
        .post('/api/auth/login')
        .set('Content-Type', 'application/json')
        .send('{"email":"\\ud800@salkku.example","password":"x"}')
        .expect(400);
      expect(res.body.problems).toEqual({ email: [{ code: 'invalidFormat' }] });
    });

    it('refuses a NUL or another control character in any JSON text, nested too; keeps line breaks and tabs', async () => {
      const area = await newPriorityArea(t);
      const lead = await newOrganisation(t);
      const project = { code: 'NUL-1', name: 'Hanke', priorityAreaId: area.id, leadOrganisationId: lead.id };
      const before = await rowCount(t, 'projects');
      const nul = await t.http
        .post('/api/projects')
        .send({ ...project, name: 'a\u0000b' })
        .expect(400);
      expect(nul.body).toMatchObject({ code: 'VALIDATION_FAILED', problems: { name: [{ code: 'controlCharacter' }] } });
      const deep = await t.http
        .post('/api/projects')
        .send({ ...project, partners: [{ organisationId: lead.id, role: 'x\u001by' }] })
        .expect(400);
      expect(deep.body.problems).toEqual({ 'partners.0.role': [{ code: 'controlCharacter' }] });
      const key = await t.http
        .post('/api/projects')
        .send({ ...project, ['bad\u0000key']: 1 })
        .expect(400);
      expect(key.body.problems).toEqual({ 'bad\\u0000key': [{ code: 'controlCharacter' }] });
      expect(await rowCount(t, 'projects')).toBe(before);
      await t.http
        .post('/api/projects')
        .send({ ...project, summary: 'Rivi 1\r\nRivi 2\n\tsisennys' })
        .expect(201);
    });
  });
});
