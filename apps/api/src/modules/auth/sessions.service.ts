import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isCityScoped, permissionsOf, type Language, type Role } from '@salkku/shared';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { DomainError } from '../../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { SESSION_SQL_MARKER } from '../../persistence/sql-logger';
import { User } from '../users/user.entity';
import { dummyPasswordHash, verifyPassword } from './passwords';
import { Session } from './session.entity';

/** Matches no organisation: a city-scoped user without a city sees nothing. */
const NO_CITY = '00000000-0000-0000-0000-000000000000';

export interface SignedIn {
  token: string;
  csrfToken: string;
  actor: Actor;
  user: User;
  /** The known-device token for the salkku_device cookie (set at sign-in). */
  deviceToken?: string;
}

/** Who is trying a password: the client address and the browser's known-device token, if any. */
export interface SignInClient {
  address: string;
  deviceToken?: string;
}

/** A password check counted by the throttle (see SessionsService.reserveAttempt). */
export interface ReservedAttempt {
  id: string;
  account: string;
  address: string;
  deviceId: string | null;
}

interface AttemptCounts {
  pair: number;
  pairSeconds: number | null;
  account: number;
  accountWait: number | null;
  address: number;
  addressWait: number | null;
}

/** The first delay after LOGIN_FREE_FAILURES failures of one account from one client; it doubles. */
const FIRST_DELAY_SECONDS = 30;
/** How long failures are remembered for the per-client delays. */
const FAILURE_MEMORY_HOURS = 24;
/** A known device that has not signed in to the account for this long is forgotten (and the cookie lasts as long). */
export const KNOWN_DEVICE_DAYS = 180;
/** The shape of a known-device token (256 random bits, base64url). */
const DEVICE_TOKEN = /^[A-Za-z0-9_-]{43}$/;

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
 * The session of a cookie token ($1: its hash; $2: the idle minutes), in one statement: read the
 * live session and, at most once a minute, refresh its idle timer (a write on every request would
 * turn every page view into a row update). Exported for the benchmark's bare server, which replays it.
 */
export const SESSION_LOOKUP_SQL = `${SESSION_SQL_MARKER} WITH live AS (
     SELECT s.id AS session_id, s.csrf_token, s.last_seen_at, u.id AS user_id, u.display_name, u.role,
            u.organisation_id, u.email, u.language
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND u.active
       AND s.expires_at > now() AND s.last_seen_at > now() - make_interval(mins => $2)
   ), touched AS (
     UPDATE sessions SET last_seen_at = now()
     WHERE id IN (SELECT session_id FROM live WHERE last_seen_at < now() - interval '1 minute')
   )
   SELECT session_id, csrf_token, user_id, display_name, role, organisation_id, email, language FROM live`;

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
    const rows = await this.dataSource.query<SessionRow[]>(SESSION_LOOKUP_SQL, [
      hashToken(token),
      this.config.sessionIdleMinutes,
    ]);
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
   * Signs in: refuses with 429 while this client must wait (see reserveAttempt); on success ends
   * the session the client came with (rotation), starts a new one, forgets this client's failures
   * for the account and remembers the browser as a known device of the account.
   *
   * The attempt is recorded (reserved) before the password is checked, under a lock per account
   * and per address, so parallel requests cannot all pass the throttle check before the first
   * failure is written. A success removes the reservation again.
   */
  async signIn(
    email: string,
    password: string,
    client: SignInClient,
    previousToken: string | undefined,
  ): Promise<SignedIn> {
    const account = email.trim().toLowerCase();
    const attempt = await this.reserveAttempt(account, client);

    const user = await this.dataSource.getRepository(User).findOneBy({ email: account });
    const valid = user
      ? await verifyPassword(user.passwordHash, password)
      : await verifyPassword(await dummyPasswordHash(), password).then(() => false);
    if (!user || !valid || !user.active) {
      // The reserved attempt stays: it is the record of this failure.
      throw new DomainError('UNAUTHENTICATED', 'Wrong email or password');
    }

    return this.dataSource.transaction(async (manager) => {
      await this.forgetFailures(manager, attempt);
      if (previousToken) await manager.delete(Session, { tokenHash: hashToken(previousToken) });
      await manager.query('DELETE FROM sessions WHERE user_id = $1 AND expires_at <= now()', [user.id]);
      const deviceToken = await this.rememberDevice(manager, user.id, client.deviceToken);
      return { ...(await this.start(manager, user)), deviceToken };
    });
  }

  /**
   * Marks the browser as a known device of the user (keeping the token it already has, so one
   * browser is known to every account signed in from it) and forgets devices unseen for
   * KNOWN_DEVICE_DAYS. Returns the token for the cookie.
   */
  private async rememberDevice(manager: EntityManager, userId: string, presented: string | undefined): Promise<string> {
    const token = presented && DEVICE_TOKEN.test(presented) ? presented : randomBytes(32).toString('base64url');
    await manager.query(
      `INSERT INTO known_devices (user_id, token_hash) VALUES ($1, $2)
       ON CONFLICT (user_id, token_hash) DO UPDATE SET last_sign_in_at = now()`,
      [userId, hashToken(token)],
    );
    await manager.query(
      'DELETE FROM known_devices WHERE user_id = $1 AND last_sign_in_at < now() - make_interval(days => $2)',
      [userId, KNOWN_DEVICE_DAYS],
    );
    return token;
  }

  /** After a right password: this client's failures for the account are forgotten (not other clients'). */
  async forgetFailures(manager: EntityManager, attempt: ReservedAttempt): Promise<void> {
    await manager.query(
      `DELETE FROM login_attempts
       WHERE id = $1 OR (account = $2 AND CASE WHEN $4::uuid IS NULL THEN device_id IS NULL AND address = $3
                                                ELSE device_id = $4 END)`,
      [attempt.id, attempt.account, attempt.address, attempt.deviceId],
    );
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
   * The throttle of password checks (sign-in, and the current password when changing it). It
   * refuses with 429 and Retry-After, or records this attempt as a failure-to-be and returns it.
   * A "client" is the browser's known-device token when it has one for this account, otherwise
   * the client address. The policy (README, "Sessions"):
   * - one account from one client: LOGIN_FREE_FAILURES failures, then a delay after each further
   *   failure that starts at 30 s and doubles up to LOGIN_MAX_DELAY_MINUTES (failures are
   *   remembered for a day, and forgotten at this client's next successful sign-in);
   * - clients the account does not know: at most LOGIN_MAX_FAILURES_PER_ACCOUNT failures of the
   *   account per window in all (distributed guessing), and at most LOGIN_MAX_FAILURES_PER_ADDRESS
   *   failures from one address per window across accounts (a whole office behind one proxy
   *   stays far below it);
   * - a known device of the account is never held back by failures from other clients.
   * Check and insert run under transaction-scoped advisory locks, the account's first and then
   * the address's (a fixed order, so two sign-ins cannot deadlock), so concurrent attempts are
   * counted and the decision holds across API instances.
   */
  async reserveAttempt(account: string, client: SignInClient): Promise<ReservedAttempt> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(4242004, hashtext($1))', [account]);
      await manager.query('SELECT pg_advisory_xact_lock(4242005, hashtext($1))', [client.address]);
      let deviceId: string | null = null;
      if (client.deviceToken && DEVICE_TOKEN.test(client.deviceToken)) {
        const [device] = await manager.query<Array<{ id: string }>>(
          `SELECT d.id FROM known_devices d JOIN users u ON u.id = d.user_id
           WHERE u.email = $1 AND d.token_hash = $2 AND d.last_sign_in_at > now() - make_interval(days => $3)`,
          [account, hashToken(client.deviceToken), KNOWN_DEVICE_DAYS],
        );
        deviceId = device?.id ?? null;
      }
      await manager.query(
        `DELETE FROM login_attempts WHERE (account = $1 OR address = $2)
           AND attempted_at < now() - make_interval(hours => $3)`,
        [account, client.address, FAILURE_MEMORY_HOURS],
      );
      const [row] = await manager.query<AttemptCounts[]>(
        `SELECT count(*) FILTER (WHERE mine)::int AS pair,
                extract(epoch FROM now() - max(attempted_at) FILTER (WHERE mine))::float8 AS "pairSeconds",
                count(*) FILTER (WHERE recent AND account = $1 AND device_id IS NULL)::int AS account,
                extract(epoch FROM min(attempted_at) FILTER (WHERE recent AND account = $1 AND device_id IS NULL)
                  + make_interval(mins => $4) - now())::float8 AS "accountWait",
                count(*) FILTER (WHERE recent AND address = $2)::int AS address,
                extract(epoch FROM min(attempted_at) FILTER (WHERE recent AND address = $2)
                  + make_interval(mins => $4) - now())::float8 AS "addressWait"
         FROM (SELECT account, address, device_id, attempted_at,
                      attempted_at > now() - make_interval(mins => $4) AS recent,
                      account = $1 AND CASE WHEN $3::uuid IS NULL THEN device_id IS NULL AND address = $2
                                            ELSE device_id = $3 END AS mine
               FROM login_attempts WHERE account = $1 OR address = $2) attempts`,
        [account, client.address, deviceId, this.config.loginThrottleMinutes],
      );
      const waits: number[] = [];
      if (row && row.pair >= this.config.loginFreeFailures) {
        const delay = Math.min(
          this.config.loginMaxDelayMinutes * 60,
          FIRST_DELAY_SECONDS * 2 ** Math.min(row.pair - this.config.loginFreeFailures, 30),
        );
        waits.push(delay - (row.pairSeconds ?? 0));
      }
      if (row && deviceId === null) {
        if (row.account >= this.config.loginMaxFailuresPerAccount) waits.push(row.accountWait ?? 1);
        if (row.address >= this.config.loginMaxFailuresPerAddress) waits.push(row.addressWait ?? 1);
      }
      const wait = Math.max(0, ...waits);
      if (wait > 0) {
        throw new DomainError('TOO_MANY_REQUESTS', 'Too many failed sign-ins: wait before trying again', undefined, {
          'Retry-After': String(Math.max(1, Math.ceil(wait))),
        });
      }
      const [inserted] = await manager.query<Array<{ id: string }>>(
        'INSERT INTO login_attempts (account, address, device_id) VALUES ($1, $2, $3) RETURNING id',
        [account, client.address, deviceId],
      );
      return { id: inserted!.id, account, address: client.address, deviceId };
    });
  }
}
