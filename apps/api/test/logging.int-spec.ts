import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { TEST_PASSWORD, useTestApp } from './support/test-app';

type Line = Record<string, unknown> & { level: number; msg?: string; requestId?: string; context?: string };

/**
 * Operators' logs: one JSON line per request (request id, user, method, route, status, duration),
 * the request id in the X-Request-Id header, in error bodies and in every line of the request
 * (SQL included with LOG_SQL=true), and no secrets.
 */
describe('logs', () => {
  const lines: Line[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(text) as Line);
      done();
    },
  });
  const of = (requestId: string) => lines.filter((l) => l.requestId === requestId);
  /** Pino writes a request's line when the response finishes, which may be just after supertest resolves. */
  const settle = () => new Promise((r) => setTimeout(r, 50));

  const t = useTestApp({ config: { logSql: true, logLevel: 'info' }, logStream: stream });

  it('LOG_SQL=true logs every statement at info level, with the id of the request it serves', async () => {
    const id = `pyynto-${randomUUID()}`;
    const res = await t.http.get('/api/organisations').set('X-Request-Id', id).expect(200);
    expect(res.headers['x-request-id']).toBe(id);
    await settle();
    const sql = of(id).filter((l) => l.context === 'SQL');
    expect(sql.length).toBeGreaterThanOrEqual(2); // the session check and the list
    expect(sql.some((l) => /FROM organisations o\b/.test(l.msg ?? ''))).toBe(true);
    for (const line of sql) expect(line.level).toBeGreaterThanOrEqual(30); // info or above: logged
  });

  it('writes one line per request with the request id, user id, method, route, status and duration', async () => {
    const me = await t.http.get('/api/me').expect(200);
    const org = await t.http.post('/api/organisations').send({ name: 'Lokitus Oy', kind: 'company' }).expect(201);
    const res = await t.http.get(`/api/organisations/${org.body.id}`).expect(200);
    const id = res.headers['x-request-id']!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await settle();
    const done = of(id).filter((l) => l.msg === 'request completed');
    expect(done).toHaveLength(1);
    expect(done[0]).toMatchObject({
      level: 30,
      requestId: id,
      userId: me.body.user.id,
      method: 'GET',
      route: '/api/organisations/:id',
      status: 200,
      durationMs: expect.any(Number),
    });
    expect(typeof done[0]!.time).toBe('string');
  });

  it('puts the request id of an error in its body, its header and its log line', async () => {
    const missing = await t.http.get(`/api/organisations/${randomUUID()}`).expect(404);
    expect(missing.body.requestId).toBe(missing.headers['x-request-id']);
    expect(missing.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    // a body the JSON parser refuses, before any route is reached
    const malformed = await t.http
      .post('/api/organisations')
      .set('Content-Type', 'application/json')
      .set('X-Request-Id', 'not a plain id; forged=1')
      .send('{"name": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.requestId).toMatch(/^[0-9a-f-]{36}$/); // a made-up id is replaced
    expect(malformed.body.requestId).toBe(malformed.headers['x-request-id']);
    await settle();
    expect(of(missing.body.requestId as string)).toContainEqual(
      expect.objectContaining({ msg: 'request completed', status: 404, route: '/api/organisations/:id' }),
    );
    expect(of(malformed.body.requestId as string)).toContainEqual(
      expect.objectContaining({ msg: 'request completed', status: 400, method: 'POST' }),
    );
  });

  it('never logs passwords, cookies or CSRF tokens', async () => {
    const email = 'lokit@salkku.example';
    await t.http
      .post('/api/users')
      .send({ email, displayName: 'Loki Testaaja', role: 'liaison', password: TEST_PASSWORD })
      .expect(201);
    const login = await t.anonymous.post('/api/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
    const cookies = [login.headers['set-cookie'] ?? []]
      .flat()
      .map((c) => decodeURIComponent(c.split(';')[0]!.split('=')[1]!));
    await t.anonymous
      .post('/api/auth/login')
      .set('Authorization', 'Basic c2FsYWluZW46YXJ2bw==')
      .send({ email, password: 'Vaara-salasana-2026' })
      .expect(401);
    await settle();
    const all = JSON.stringify(lines);
    expect(lines.length).toBeGreaterThan(10);
    for (const secret of [
      TEST_PASSWORD,
      'Vaara-salasana-2026',
      login.body.csrfToken as string,
      ...cookies,
      'c2FsYWluZW46YXJ2bw',
    ]) {
      expect(all).not.toContain(secret);
    }
  });
});
