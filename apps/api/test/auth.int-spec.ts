import type { INestApplication } from '@nestjs/common';
import { ROLE_PERMISSIONS, type Role } from '@salkku/shared';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory';
import { SYSTEM_ACTOR } from '../src/common/actor';
import { loadConfig, type AppConfig } from '../src/config/config';
import type { ResolvedDatabase } from '../src/database/database-url';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { UsersService } from '../src/modules/users/users.service';
import { newOrganisation } from './support/factories';
import { rowCount, signIn, TEST_PASSWORD, useTestApp } from './support/test-app';
import { fieldsOf } from './support/values';

type Res = { headers: Record<string, string | string[] | undefined> };

/** The Set-Cookie header of the session cookie in a response, if any. */
function sessionCookie(res: Res): string | undefined {
  const all = [res.headers['set-cookie'] ?? []].flat();
  return all.find((c) => c.startsWith('salkku_session='));
}

function tokenOf(res: Res): string {
  const cookie = sessionCookie(res);
  if (!cookie) throw new Error('no session cookie in the response');
  return decodeURIComponent(cookie.split(';')[0]!.slice('salkku_session='.length));
}

/** The attributes of a Set-Cookie header, lower-cased names: { httponly: '', samesite: 'Lax', … }. */
function cookieAttributes(cookie: string): Record<string, string> {
  return Object.fromEntries(
    cookie
      .split(';')
      .slice(1)
      .map((part) => {
        const [name, ...value] = part.trim().split('=');
        return [name!.toLowerCase(), value.join('=')];
      }),
  );
}

const WRONG_CREDENTIALS = {
  statusCode: 401,
  code: 'UNAUTHENTICATED',
  message: 'Wrong email or password',
  requestId: expect.any(String),
};

describe('sign-in, sessions, CSRF, throttling and security headers', () => {
  const t = useTestApp({ config: { trustProxy: 'loopback' } });
  let config: AppConfig;
  let sequence = 0;

  /** A user created through the admin API (not signed in). */
  async function newUser(role: Role = 'liaison', organisationId: string | null = null) {
    const email = `kayttaja-${++sequence}-${randomBytes(2).toString('hex')}@salkku.example`;
    const res = await t.http
      .post('/api/users')
      .send({ email, displayName: `Käyttäjä ${sequence}`, role, organisationId, password: TEST_PASSWORD })
      .expect(201);
    return { id: res.body.id as string, email, version: res.body.version as number };
  }

  function login(email: string, password = TEST_PASSWORD) {
    return t.anonymous.post('/api/auth/login').send({ email, password });
  }

  /** Signs `agent` in (it keeps the session cookie); the answer holds the CSRF token. */
  const signInWith = (agent: TestAgent, email: string) =>
    agent.post('/api/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);

  /** A new agent signed in as `email`, its sign-in answer and its session token. */
  async function newSession(email: string) {
    const agent = request.agent(t.app.getHttpServer());
    const login = await signInWith(agent, email);
    return { agent, login, token: tokenOf(login) };
  }

  const withCookie = (token: string) => t.anonymous.get('/api/me').set('Cookie', `salkku_session=${token}`);

  beforeAll(() => {
    config = loadConfig({});
  });
  beforeEach(async () => {
    // Every request here comes from the same client address: start each test with no failures.
    await t.dataSource.query('DELETE FROM login_attempts');
  });

  describe('sign-in', () => {
    it('sets an HttpOnly, SameSite=Lax session cookie on path / (not Secure outside production)', async () => {
      const user = await newUser();
      const res = await login(user.email).expect(200);
      const cookie = sessionCookie(res)!;
      const attributes = cookieAttributes(cookie);
      expect(attributes).toHaveProperty('httponly');
      expect(attributes.samesite).toBe('Lax');
      expect(attributes.path).toBe('/');
      expect(attributes).not.toHaveProperty('secure');
      // an opaque random token of 256 bits, stored on the server only as a hash
      const token = tokenOf(res);
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const stored = await t.dataSource.query<unknown[]>(
        'SELECT 1 FROM sessions WHERE token_hash = $1 OR csrf_token = $1',
        [token],
      );
      expect(stored).toHaveLength(0);
      expect(res.body).toMatchObject({ user: { email: user.email, role: 'liaison' } });
      expect(JSON.stringify(res.body)).not.toMatch(/argon2|passwordHash/);
    });

    it('signs in with the email in any case', async () => {
      const user = await newUser();
      await login(user.email.toUpperCase()).expect(200);
    });

    it('answers a wrong password and an unknown email with the same 401 body, and sets no cookie', async () => {
      const user = await newUser();
      const wrong = await login(user.email, 'Vaara-salasana-2026').expect(401);
      expect(wrong.body).toEqual(WRONG_CREDENTIALS);
      expect(sessionCookie(wrong)).toBeUndefined();
      const unknown = await login('ei-ole@salkku.example').expect(401);
      expect(unknown.body).toEqual(WRONG_CREDENTIALS);
      expect(sessionCookie(unknown)).toBeUndefined();
    });

    it('refuses a deactivated user with the same 401 body', async () => {
      const user = await newUser();
      await t.http.patch(`/api/users/${user.id}`).send({ version: user.version, active: false }).expect(200);
      const res = await login(user.email).expect(401);
      expect(res.body).toEqual(WRONG_CREDENTIALS);
    });

    it('rotates the session at sign-in: a new token, and the old one no longer works', async () => {
      const user = await newUser();
      const { agent, login: first, token: oldToken } = await newSession(user.email);
      // the agent sends the first session's cookie with the second sign-in
      const second = await signInWith(agent, user.email);
      const newToken = tokenOf(second);
      expect(newToken).not.toBe(oldToken);
      expect(second.body.csrfToken).not.toBe(first.body.csrfToken);
      await withCookie(oldToken).expect(401);
      await withCookie(newToken).expect(200);
      await agent.get('/api/me').expect(200);
    });

    it('refuses a cross-site sign-in (login CSRF) with 403 and starts no session', async () => {
      const user = await newUser();
      const sessionsBefore = await rowCount(t, 'sessions');
      const res = await t.anonymous
        .post('/api/auth/login')
        .set('Sec-Fetch-Site', 'cross-site')
        .send({ email: user.email, password: TEST_PASSWORD })
        .expect(403);
      expect(res.body.code).toBe('CSRF_FAILED');
      expect(sessionCookie(res)).toBeUndefined();
      expect(await rowCount(t, 'sessions')).toBe(sessionsBefore);
      await t.anonymous
        .post('/api/auth/login')
        .set('Sec-Fetch-Site', 'same-origin')
        .send({ email: user.email, password: TEST_PASSWORD })
        .expect(200);
    });

    it('validates the sign-in body', async () => {
      const res = await t.anonymous.post('/api/auth/login').send({ email: 'not an email', extra: 1 }).expect(400);
      expect(fieldsOf(res)).toEqual(['email', 'extra', 'password']);
    });
  });

  describe('session end', () => {
    it('logs out: 204, the cookie is cleared, the session is gone on the server', async () => {
      const user = await newUser();
      const agent = await signIn(t.app, user.email, TEST_PASSWORD);
      const { agent: replay, login: login2, token: oldToken } = await newSession(user.email);
      expect(await rowCount(t, 'sessions')).toBeGreaterThanOrEqual(2);
      const sessionsBefore = await rowCount(t, 'sessions');
      const out = await replay.post('/api/auth/logout').set('X-CSRF-Token', login2.body.csrfToken).expect(204);
      const cleared = sessionCookie(out)!;
      expect(cleared).toMatch(/^salkku_session=;/);
      expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/);
      await withCookie(oldToken).expect(401);
      expect(await rowCount(t, 'sessions')).toBe(sessionsBefore - 1);
      // the other session of the same user is untouched
      await agent.get('/api/me').expect(200);
    });

    it('ends a session after SESSION_IDLE_MINUTES without requests', async () => {
      const user = await newUser();
      const agent = await signIn(t.app, user.email, TEST_PASSWORD);
      const set = (minutes: number) =>
        t.dataSource.query('UPDATE sessions SET last_seen_at = now() - make_interval(mins => $2) WHERE user_id = $1', [
          user.id,
          minutes,
        ]);
      await set(config.sessionIdleMinutes - 1);
      await agent.get('/api/me').expect(200); // still alive, and the request refreshed it
      const [seen] = await t.dataSource.query<Array<{ fresh: boolean }>>(
        "SELECT last_seen_at > now() - interval '1 minute' AS fresh FROM sessions WHERE user_id = $1",
        [user.id],
      );
      expect(seen!.fresh).toBe(true);
      await set(config.sessionIdleMinutes + 1);
      const res = await agent.get('/api/me').expect(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    });

    it('ends a session at its absolute expiry however active it is', async () => {
      const user = await newUser();
      const agent = await signIn(t.app, user.email, TEST_PASSWORD);
      const [row] = await t.dataSource.query<Array<{ hours: number }>>(
        'SELECT round(extract(epoch FROM expires_at - created_at) / 3600)::int AS hours FROM sessions WHERE user_id = $1',
        [user.id],
      );
      expect(row!.hours).toBe(config.sessionAbsoluteHours);
      await t.dataSource.query("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1", [
        user.id,
      ]);
      await agent.get('/api/me').expect(401);
    });

    it("ends a user's sessions at once when an admin deactivates them", async () => {
      const user = await newUser();
      const one = await signIn(t.app, user.email, TEST_PASSWORD);
      const two = await signIn(t.app, user.email, TEST_PASSWORD);
      await one.get('/api/me').expect(200);
      await t.http
        .patch(`/api/users/${user.id}`)
        .set('If-Match', `"${user.version}"`)
        .send({ active: false })
        .expect(200);
      await one.get('/api/me').expect(401);
      await two.get('/api/organisations').expect(401);
      const [row] = await t.dataSource.query<Array<{ n: number }>>(
        'SELECT count(*)::int AS n FROM sessions WHERE user_id = $1',
        [user.id],
      );
      expect(row!.n).toBe(0);
    });
  });

  describe('GET /api/me', () => {
    it.each<[Role, boolean]>([
      ['admin', false],
      ['coordinator', true],
      ['manager', true],
      ['liaison', false],
    ])('returns the %s, their organisation, their permissions and the CSRF token', async (role, cityScoped) => {
      const city = await newOrganisation(t, { kind: 'city', name: `Kaupunki ${role}` });
      const user = await newUser(role, city.id as string);
      const { agent, login: login1 } = await newSession(user.email);
      const me = await agent.get('/api/me').expect(200);
      expect(me.body).toEqual({
        user: {
          id: user.id,
          email: user.email,
          displayName: expect.any(String),
          role,
          language: 'fi',
          mailDigest: true,
          organisation: { id: city.id, name: `Kaupunki ${role}` },
        },
        permissions: [...ROLE_PERMISSIONS[role]],
        cityId: cityScoped ? city.id : null,
        csrfToken: login1.body.csrfToken,
      });
      expect(me.body.csrfToken).toMatch(/^[0-9a-f]{64}$/);
    });

    it('is 401 without a session or with an unknown token', async () => {
      const res = await t.anonymous.get('/api/me').expect(401);
      expect(res.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
      await withCookie('made-up-token').expect(401);
    });
  });

  describe('CSRF', () => {
    it('refuses a state-changing request without the right X-CSRF-Token (403) and writes nothing', async () => {
      const admin = await newUser('admin');
      const other = await newUser('liaison');
      const { agent, login: login1 } = await newSession(admin.email);
      const elsewhere = await login(other.email).expect(200);
      const org = await newOrganisation(t, { name: 'Koskematon Oy' });
      const counts = async () => ({
        organisations: await rowCount(t, 'organisations'),
        users: await rowCount(t, 'users'),
        audit: await rowCount(t, 'audit_events'),
        sessions: await rowCount(t, 'sessions'),
      });
      const before = await counts();

      for (const token of [undefined, '', 'wrong', elsewhere.body.csrfToken as string, `${login1.body.csrfToken}0`]) {
        const send = <R extends { set(h: string, v: string): R }>(r: R): R =>
          token === undefined ? r : r.set('X-CSRF-Token', token);
        const refused = [
          await send(agent.post('/api/organisations')).send({ name: 'Ei synny', kind: 'company' }),
          await send(agent.patch(`/api/organisations/${org.id}`)).send({ version: 1, name: 'Ei muutu' }),
          await send(agent.delete(`/api/organisations/${org.id}`)),
          await send(agent.patch(`/api/users/${other.id}`)).send({ version: other.version, active: false }),
          await send(agent.post('/api/auth/logout')),
        ];
        for (const res of refused) {
          expect(res.status).toBe(403);
          expect(res.body.code).toBe('CSRF_FAILED');
        }
      }
      expect(await counts()).toEqual(before);
      const unchanged = await t.http.get(`/api/organisations/${org.id}`).expect(200);
      expect(unchanged.body).toMatchObject({ name: 'Koskematon Oy', version: 1 });
      // the session survived the refused logout, and the right token is accepted
      await agent.get('/api/me').expect(200);
      await agent
        .post('/api/organisations')
        .set('X-CSRF-Token', login1.body.csrfToken)
        .send({ name: 'Syntyy', kind: 'company' })
        .expect(201);
    });
  });

  describe('own password', () => {
    it('refuses a short or common new password and a wrong current one (400), changing nothing', async () => {
      const user = await newUser();
      const agent = await signIn(t.app, user.email, TEST_PASSWORD);
      const short = await agent
        .post('/api/auth/password')
        .send({ currentPassword: TEST_PASSWORD, newPassword: 'Lyhyt-11mrk' })
        .expect(400);
      expect('Lyhyt-11mrk').toHaveLength(11);
      expect(fieldsOf(short)).toEqual(['newPassword']);
      const common = await agent
        .post('/api/auth/password')
        .send({ currentPassword: TEST_PASSWORD, newPassword: 'password1234' })
        .expect(400);
      expect(common.body.details.newPassword.join(' ')).toMatch(/common/);
      const wrong = await agent
        .post('/api/auth/password')
        .send({ currentPassword: 'Vaara-salasana-2026', newPassword: 'Uusi-pitka-salasana-9' })
        .expect(400);
      expect(fieldsOf(wrong)).toEqual(['currentPassword']);
      // nothing changed: the old password still signs in, the session still works
      await agent.get('/api/me').expect(200);
      await login(user.email).expect(200);
      await login(user.email, 'Uusi-pitka-salasana-9').expect(401);
    });

    it('changes the password: other sessions end, this one goes on with a new cookie', async () => {
      const user = await newUser();
      const other = await signIn(t.app, user.email, TEST_PASSWORD);
      const { agent, login: first, token: oldToken } = await newSession(user.email);
      const res = await agent
        .post('/api/auth/password')
        .set('X-CSRF-Token', first.body.csrfToken)
        .send({ currentPassword: TEST_PASSWORD, newPassword: 'Uusi-pitka-salasana-9' })
        .expect(200);
      const newToken = tokenOf(res);
      expect(newToken).not.toBe(oldToken);
      expect(res.body.csrfToken).not.toBe(first.body.csrfToken);
      await agent.get('/api/me').expect(200);
      // this session's writes work with the new CSRF token
      await agent.post('/api/auth/logout').set('X-CSRF-Token', res.body.csrfToken).expect(204);
      await withCookie(oldToken).expect(401);
      await other.get('/api/me').expect(401);
      await login(user.email).expect(401);
      await login(user.email, 'Uusi-pitka-salasana-9').expect(200);
      const [event] = await t.dataSource.query<Array<{ changes: unknown }>>(
        "SELECT changes FROM audit_events WHERE entity_id = $1 AND action = 'update'",
        [user.id],
      );
      expect(JSON.stringify(event!.changes)).not.toMatch(/argon2|Uusi-pitka/);
    });
  });

  describe('throttling', () => {
    // Client addresses come from X-Forwarded-For here (trust proxy: loopback, as behind a load balancer).
    const A = '203.0.113.1';
    const B = '198.51.100.7';
    const from = (address: string, email: string, password = TEST_PASSWORD) =>
      t.anonymous.post('/api/auth/login').set('X-Forwarded-For', address).send({ email, password });
    /** Lets time pass for the throttle: every recorded failure becomes `seconds` older. */
    const age = (seconds: number) =>
      t.dataSource.query('UPDATE login_attempts SET attempted_at = attempted_at - make_interval(secs => $1)', [
        seconds,
      ]);
    const retryAfter = (res: Res) => Number(res.headers['retry-after']);
    /** A browser (cookie jar) that signs in from an address and so becomes a known device of the account. */
    async function knownBrowser(address: string, email: string) {
      const agent = request.agent(t.app.getHttpServer());
      const res = await agent
        .post('/api/auth/login')
        .set('X-Forwarded-For', address)
        .send({ email, password: TEST_PASSWORD })
        .expect(200);
      return {
        agent,
        res,
        login: (at: string) =>
          agent.post('/api/auth/login').set('X-Forwarded-For', at).send({ email, password: TEST_PASSWORD }),
      };
    }

    it('delays one client after LOGIN_FREE_FAILURES failures of an account, doubling up to the cap, even for the right password', async () => {
      const user = await newUser();
      for (let i = 0; i < config.loginFreeFailures; i++) await from(A, user.email, `Vaara-salasana-${i}`).expect(401);
      const sessionsBefore = await rowCount(t, 'sessions');
      const delays: number[] = [];
      for (let round = 0; round < 7; round++) {
        const res = await from(A, user.email).expect(429); // the right password waits too
        expect(res.body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_REQUESTS' });
        expect(sessionCookie(res)).toBeUndefined();
        delays.push(retryAfter(res));
        await age(retryAfter(res) + 1);
        await from(A, user.email, `Vaara-uudestaan-${round}`).expect(401);
      }
      // 30 s, then doubling, up to LOGIN_MAX_DELAY_MINUTES (seconds may tick between the answers)
      const expected = [30, 60, 120, 240, 480, 900, 900];
      delays.forEach((d, i) => {
        expect(d).toBeLessThanOrEqual(expected[i]!);
        expect(d).toBeGreaterThan(expected[i]! - 5);
      });
      expect(await rowCount(t, 'sessions')).toBe(sessionsBefore);
      // the account from another client, and another account from this client, are not held back
      await from(B, user.email).expect(200);
      const other = await newUser();
      await from(A, other.email).expect(200);
      // after the delay the right password signs in, and this client's failures are forgotten
      await age(config.loginMaxDelayMinutes * 60);
      await from(A, user.email).expect(200);
      await from(A, user.email, 'Vaara-salasana-x').expect(401);
      await from(A, user.email).expect(200);
    });

    it('counts parallel attempts too: at most LOGIN_FREE_FAILURES password checks per account and client', async () => {
      const user = await newUser();
      const results = await Promise.all(
        Array.from({ length: config.loginFreeFailures + 6 }, (_, i) => from(A, user.email, `Vaara-${i}-salasana`)),
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(config.loginFreeFailures);
      expect(statuses.filter((s) => s === 429)).toHaveLength(6);
      await from(A, user.email).expect(429);
    });

    it('lets the right password in from another address after failures from one', async () => {
      const user = await newUser();
      for (let i = 0; i < config.loginFreeFailures; i++) await from(A, user.email, `Vaara-salasana-${i}`).expect(401);
      await from(A, user.email).expect(429);
      const res = await from(B, user.email).expect(200);
      expect(sessionCookie(res)).toBeDefined();
    });

    it('never holds back a browser that has signed in to the account before, whatever others do', async () => {
      const user = await newUser();
      const browser = await knownBrowser(B, user.email);
      const device = [browser.res.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('salkku_device='))!;
      expect(device).toBeDefined();
      const attributes = cookieAttributes(device);
      expect(attributes).toHaveProperty('httponly');
      expect(attributes.samesite).toBe('Strict');
      expect(attributes.path).toBe('/api/auth');
      expect(Number(attributes['max-age'])).toBeGreaterThanOrEqual(90 * 24 * 3600);
      // the token is stored only as a hash
      const token = decodeURIComponent(device.split(';')[0]!.slice('salkku_device='.length));
      const [stored] = await t.dataSource.query<Array<{ n: number }>>(
        'SELECT count(*)::int AS n FROM known_devices WHERE token_hash = $1',
        [token],
      );
      expect(stored!.n).toBe(0);
      await browser.agent.post('/api/auth/logout').set('X-CSRF-Token', browser.res.body.csrfToken).expect(204);

      // an attacker guesses from the user's own address (same proxy) and from many others
      for (let i = 0; i < config.loginFreeFailures; i++) await from(B, user.email, `Arvaus-${i}-salasana`).expect(401);
      await from(B, user.email).expect(429);
      let failures = config.loginFreeFailures;
      for (let n = 2; failures < config.loginMaxFailuresPerAccount; n++) {
        for (let i = 0; i < config.loginFreeFailures && failures < config.loginMaxFailuresPerAccount; i++, failures++) {
          await from(`192.0.2.${n}`, user.email, `Arvaus-${n}-${i}-salasana`).expect(401);
        }
      }
      // distributed guessing now holds back every client the account does not know …
      const unknown = await from('192.0.2.250', user.email).expect(429);
      expect(retryAfter(unknown)).toBeLessThanOrEqual(config.loginThrottleMinutes * 60);
      await t.anonymous
        .post('/api/auth/login')
        .set('X-Forwarded-For', '192.0.2.251')
        .set('Cookie', `salkku_device=${randomBytes(32).toString('base64url')}`)
        .send({ email: user.email, password: TEST_PASSWORD })
        .expect(429);
      // … but the known browser signs in, at its usual address and elsewhere
      await browser.login(B).expect(200);
      await browser.login('192.0.2.252').expect(200);
      // and its own wrong passwords are counted for it alone
      for (let i = 0; i < config.loginFreeFailures; i++) {
        await browser.agent
          .post('/api/auth/login')
          .set('X-Forwarded-For', B)
          .send({ email: user.email, password: `Oma-vaara-${i}` })
          .expect(401);
      }
      await browser.login(B).expect(429);
    });

    it('does not lock out an office behind one address when its users mistype', async () => {
      const office = '192.0.2.10';
      const users = await Promise.all(Array.from({ length: 15 }, () => newUser()));
      for (const user of users) {
        await from(office, user.email, 'Kirjoitusvirhe-1').expect(401);
        await from(office, user.email, 'Kirjoitusvirhe-2').expect(401);
      }
      for (const user of users) await from(office, user.email).expect(200);
    });

    it('holds back unknown clients at an address after LOGIN_MAX_FAILURES_PER_ADDRESS failures across accounts, not known devices', async () => {
      const address = '203.0.113.99';
      const regular = await newUser();
      const browser = await knownBrowser(address, regular.email);
      const guessed = await newUser();
      await t.dataSource.query(
        `INSERT INTO login_attempts (account, address) SELECT 'arvaus-' || n || '@salkku.example', $1
         FROM generate_series(1, $2) n`,
        [address, config.loginMaxFailuresPerAddress],
      );
      const res = await from(address, guessed.email).expect(429);
      expect(res.body.code).toBe('TOO_MANY_REQUESTS');
      expect(retryAfter(res)).toBeGreaterThan(0);
      expect(retryAfter(res)).toBeLessThanOrEqual(config.loginThrottleMinutes * 60);
      await browser.login(address).expect(200);
      await from(A, guessed.email).expect(200);
    });
  });

  describe('security headers', () => {
    function expectSecurityHeaders(res: Res, production: boolean): void {
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-powered-by']).toBeUndefined();
      if (production) expect(res.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
      else expect(res.headers['strict-transport-security']).toBeUndefined();
    }

    it('sends CSP with frame-ancestors none, nosniff, no X-Powered-By and no HSTS outside production', async () => {
      expectSecurityHeaders(await t.http.get('/api/me').expect(200), false);
      expectSecurityHeaders(await t.anonymous.get('/api/me').expect(401), false);
      expectSecurityHeaders(await t.anonymous.get('/api/no-such-route').expect(404), false);
    });

    describe('in production', () => {
      let prod: { app: INestApplication; close(): Promise<void> };
      beforeAll(async () => {
        prod = await createProductionApp();
      });
      afterAll(async () => {
        await prod?.close();
      });

      it('adds Strict-Transport-Security and marks the session cookie Secure', async () => {
        const email = 'tuotanto@salkku.example';
        await prod.app.get(DataSource).transaction((manager) =>
          prod.app.get(UsersService).create(manager, SYSTEM_ACTOR, {
            email,
            displayName: 'Tuotannon Pääkäyttäjä',
            role: 'admin',
            password: TEST_PASSWORD,
          }),
        );
        const res = await request(prod.app.getHttpServer())
          .post('/api/auth/login')
          .send({ email, password: TEST_PASSWORD })
          .expect(200);
        const attributes = cookieAttributes(sessionCookie(res)!);
        expect(attributes).toHaveProperty('secure');
        expect(attributes).toHaveProperty('httponly');
        expect(attributes.samesite).toBe('Lax');
        expect(attributes.path).toBe('/');
        expectSecurityHeaders(res, true);
        // the web app at / (this app serves a built index.html)
        const page = await request(prod.app.getHttpServer()).get('/').set('Accept', 'text/html').expect(200);
        expect(page.text).toContain('Salkku test page');
        expectSecurityHeaders(page, true);
      });
    });
  });
});

/**
 * A second app with production: true, on a database of its own (like createTestApp), serving a
 * minimal built web app at /.
 */
async function createProductionApp(): Promise<{ app: INestApplication; close(): Promise<void> }> {
  const webDistDir = mkdtempSync(join(tmpdir(), 'salkku-web-'));
  writeFileSync(join(webDistDir, 'index.html'), '<!doctype html><title>Salkku test page</title>');
  const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || null;
  let database: ResolvedDatabase;
  let drop: (() => Promise<void>) | null = null;
  const admin = async (sql: string) => {
    const u = new URL(serverUrl!);
    u.pathname = '/postgres';
    const client = new Client({ connectionString: u.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  if (serverUrl) {
    const name = `salkku_test_${randomBytes(6).toString('hex')}`;
    await admin(`CREATE DATABASE ${name}`);
    const u = new URL(serverUrl);
    u.pathname = `/${name}`;
    database = { url: u.toString(), poolSize: 2, embedded: null };
    drop = () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } else {
    const embedded = await startEmbeddedPostgres(null);
    database = { url: embedded.url, poolSize: 1, embedded };
  }
  const config: AppConfig = {
    ...loadConfig({ NODE_ENV: 'test' }),
    production: true,
    databaseUrl: database.embedded ? null : database.url,
    demoData: 'never',
    webDistDir,
  };
  let app: INestApplication;
  try {
    app = await createApp(config, database);
  } catch (error) {
    await database.embedded?.stop();
    await drop?.();
    rmSync(webDistDir, { recursive: true, force: true });
    throw error;
  }
  return {
    app,
    async close() {
      await app.close();
      await drop?.();
      rmSync(webDistDir, { recursive: true, force: true });
    },
  };
}

describe('changing your own password is throttled like sign-in', () => {
  const t = useTestApp();

  it('answers 429 after repeated wrong current passwords, even for the right one, and changes nothing', async () => {
    const agent = await t.as('liaison', { email: 'arvaaja@salkku.example' });
    for (let i = 0; i < 5; i++) {
      const res = await agent
        .post('/api/auth/password')
        .send({ currentPassword: `väärä-salasana-${i}`, newPassword: 'Uusi-pitkä-salasana-1' })
        .expect(400);
      expect(res.body.details).toHaveProperty('currentPassword');
    }
    const blocked = await agent
      .post('/api/auth/password')
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'Uusi-pitkä-salasana-1' })
      .expect(429);
    expect(blocked.body.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // the old password still works (after the window) — here: it is still the stored one
    const [row] = await t.dataSource.query<Array<{ n: number }>>(
      "SELECT count(*)::int AS n FROM audit_events WHERE entity_type = 'user' AND changes ? 'password'",
    );
    expect(row!.n).toBe(0);
  });
});
