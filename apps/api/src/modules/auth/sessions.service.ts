import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isCityScoped, permissionsOf, type Language, type Role } from '@salkku/shared';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { DomainError } from '../../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { SESSION_SQL_MARKER } from '../../database/sql-logger';
import { User } from '../users/user.entity';
import { LoginAttempt } from './login-attempt.entity';
import { dummyPasswordHash, verifyPassword } from './passwords';
import { Session } from './session.entity';

/** Matches no organisation: a city-scoped user without a city sees nothing. */
const NO_CITY = '00000000-0000-0000-0000-000000000000';

export interface SignedIn {
  token: string;
  csrfToken: string;
  actor: Actor;
  user: User;
}

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
}

interface SessionRow {
  session_id: string;
  csrf_token: string;
  user_id: string;
  display_name: string;
  role: Role;
  organisation_id: string | null;
  email: string;
  language: Language;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function actorOf(
  user: Pick<User, 'id' | 'displayName' | 'role' | 'organisationId'>,
  sessionId: string | null,
): Actor {
  return {
    id: user.id,
    name: user.displayName,
    kind: 'user',
    role: user.role,
    organisationId: user.organisationId,
    cityId: isCityScoped(user.role) ? (user.organisationId ?? NO_CITY) : null,
    permissions: permissionsOf(user.role),
    sessionId,
  };
}

export function tokensEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Server-side sessions in PostgreSQL (shared by every API instance): sign-in with throttling,
 * resolution of the session cookie on each request (one statement, which also refreshes the
 * idle timer), sign-out, and ending every session of a user.
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The session of a cookie token, if it is valid: exists, not idle too long, not expired, user active. */
  async resolve(token: string): Promise<ResolvedSession | null> {
    // One statement: read the live session and, at most once a minute, refresh its idle timer
    // (a write on every request would turn every page view into a row update).
    const rows = await this.dataSource.query<SessionRow[]>(
      `${SESSION_SQL_MARKER} WITH live AS (
         SELECT s.id AS session_id, s.csrf_token, s.last_seen_at, u.id AS user_id, u.display_name, u.role,
                u.organisation_id, u.email, u.language
         FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.token_hash = $1 AND u.active
           AND s.expires_at > now() AND s.last_seen_at > now() - make_interval(mins => $2)
       ), touched AS (
         UPDATE sessions SET last_seen_at = now()
         WHERE id IN (SELECT session_id FROM live WHERE last_seen_at < now() - interval '1 minute')
       )
       SELECT session_id, csrf_token, user_id, display_name, role, organisation_id, email, language FROM live`,
      [hashToken(token), this.config.sessionIdleMinutes],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      csrfToken: row.csrf_token,
      actor: actorOf(
        { id: row.user_id, displayName: row.display_name, role: row.role, organisationId: row.organisation_id },
        row.session_id,
      ),
    };
  }

  /**
   * Signs in: refuses with 429 while the account or the client has too many recent failures;
   * on success ends the session the client came with (rotation) and starts a new one.
   *
   * The attempt is recorded (reserved) before the password is checked, under a lock per account
   * and per client, so parallel requests cannot all pass the throttle check before the first
   * failure is written: an account gets at most LOGIN_MAX_FAILURES_PER_ACCOUNT password checks
   * per window however the requests are timed. A success removes the reservation again.
   */
  async signIn(email: string, password: string, client: string, previousToken: string | undefined): Promise<SignedIn> {
    const address = email.trim().toLowerCase();
    const accountKey = `account:${address}`;
    const clientKey = `client:${client}`;
    const clientAttemptId = await this.reserveAttempt(accountKey, clientKey);

    const user = await this.dataSource.getRepository(User).findOneBy({ email: address });
    const valid = user
      ? await verifyPassword(user.passwordHash, password)
      : await verifyPassword(await dummyPasswordHash(), password).then(() => false);
    if (!user || !valid || !user.active) {
      // The reserved attempt stays: it is the record of this failure.
      throw new DomainError('UNAUTHENTICATED', 'Wrong email or password');
    }

    return this.dataSource.transaction(async (manager) => {
      await manager.delete(LoginAttempt, { key: accountKey });
      await manager.delete(LoginAttempt, { id: clientAttemptId });
      if (previousToken) await manager.delete(Session, { tokenHash: hashToken(previousToken) });
      await manager.query('DELETE FROM sessions WHERE user_id = $1 AND expires_at <= now()', [user.id]);
      return this.start(manager, user);
    });
  }

  /** Starts a new session for the user inside the caller's transaction. */
  async start(manager: EntityManager, user: User): Promise<SignedIn> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('hex');
    const expiresAt = new Date(Date.now() + this.config.sessionAbsoluteHours * 3600_000);
    const session = await manager
      .getRepository(Session)
      .save({ tokenHash: hashToken(token), userId: user.id, csrfToken, expiresAt });
    return { token, csrfToken, user, actor: actorOf(user, session.id) };
  }

  async end(sessionId: string): Promise<void> {
    await this.dataSource.getRepository(Session).delete({ id: sessionId });
  }

  /** Ends every session of a user (deactivation, password reset), inside the caller's transaction. */
  async endAllFor(manager: EntityManager, userId: string): Promise<void> {
    await manager.delete(Session, { userId });
  }

  /**
   * Refuses with 429 (and Retry-After) while the account or the client has too many failures in
   * the window; otherwise records this attempt for both (returns the client row's id). Check and
   * insert run under transaction-scoped advisory locks, the account's first and then the
   * client's (a fixed order, so two sign-ins cannot deadlock), so concurrent attempts are counted.
   */
  async reserveAttempt(accountKey: string, clientKey: string): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(4242004, hashtext($1))', [accountKey]);
      await manager.query('SELECT pg_advisory_xact_lock(4242005, hashtext($1))', [clientKey]);
      const [row] = await manager.query<
        Array<{ account: number; client: number; accountOldest: Date | null; clientOldest: Date | null }>
      >(
        `SELECT count(*) FILTER (WHERE key = $1)::int AS account, count(*) FILTER (WHERE key = $2)::int AS client,
                min(attempted_at) FILTER (WHERE key = $1) AS "accountOldest",
                min(attempted_at) FILTER (WHERE key = $2) AS "clientOldest"
         FROM login_attempts
         WHERE key IN ($1, $2) AND attempted_at > now() - make_interval(mins => $3)`,
        [accountKey, clientKey, this.config.loginThrottleMinutes],
      );
      const waits: number[] = [];
      const windowMs = this.config.loginThrottleMinutes * 60_000;
      // With every attempt counted under the locks, the count falls below the limit once the
      // oldest failure in the window leaves it.
      if (row && row.account >= this.config.loginMaxFailuresPerAccount) {
        waits.push((row.accountOldest ? new Date(row.accountOldest).getTime() : Date.now()) + windowMs - Date.now());
      }
      if (row && row.client >= this.config.loginMaxFailuresPerClient) {
        waits.push((row.clientOldest ? new Date(row.clientOldest).getTime() : Date.now()) + windowMs - Date.now());
      }
      if (waits.length > 0) {
        const retryAfter = Math.max(1, Math.ceil(Math.max(...waits) / 1000));
        throw new DomainError('TOO_MANY_REQUESTS', 'Too many failed sign-ins: wait before trying again', undefined, {
          'Retry-After': String(retryAfter),
        });
      }
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(LoginAttempt)
        .values([{ key: accountKey }, { key: clientKey }])
        .returning(['id', 'key'])
        .execute();
      return (inserted.raw as Array<{ id: string; key: string }>).find((r) => r.key === clientKey)!.id;
    });
  }
}
