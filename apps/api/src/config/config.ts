import { resolve } from 'node:path';

/**
 * Salkku's configuration, read once from the environment at boot and validated: a bad value
 * stops the process with a message that lists every problem, instead of failing later.
 * Every variable is documented in README.md ("Configuration").
 */
export interface AppConfig {
  /** HTTP port (PORT, default 3000). */
  port: number;
  /** Interface to listen on (HOST, default 0.0.0.0). */
  host: string;
  /** PostgreSQL URL (DATABASE_URL). Null means: run the embedded PostgreSQL (PGlite). */
  databaseUrl: string | null;
  /** Data directory of the embedded database (SALKKU_DATA_DIR, default ./data). */
  dataDir: string;
  /** Connection pool size against a real PostgreSQL (DATABASE_POOL_SIZE, default 10). */
  poolSize: number;
  /** Load the Kuopio demo portfolio on start: 'auto' (embedded mode only), 'always', 'never'. */
  demoData: 'auto' | 'always' | 'never';
  /**
   * Create the demo users (published password) with the demo portfolio in the embedded database
   * (SALKKU_DEMO_USERS). Default: yes, except in production, where only an explicit `true` does,
   * and then with a warning at every start.
   */
  demoUsers: boolean;
  /** Run pending migrations at start (RUN_MIGRATIONS, default true). */
  runMigrations: boolean;
  /** Directory of the built web app served at / (WEB_DIST_DIR, default apps/web/dist). */
  webDistDir: string;
  /** Log SQL statements at info level (LOG_SQL, default false). */
  logSql: boolean;
  /** The lowest level logged (LOG_LEVEL: trace, debug, info, warn, error, fatal, silent; default info, in tests warn). */
  logLevel: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';
  /** Time zone that decides "today" for overdue milestones (SALKKU_TIME_ZONE). */
  timeZone: string;
  /** Production mode (NODE_ENV=production): Secure cookies, HSTS. */
  production: boolean;
  /** A session ends after this many minutes without requests (SESSION_IDLE_MINUTES, default 30). */
  sessionIdleMinutes: number;
  /** A session ends this many hours after sign-in, however active (SESSION_ABSOLUTE_HOURS, default 12). */
  sessionAbsoluteHours: number;
  /** Failed sign-ins of one account from one client before delays start (LOGIN_FREE_FAILURES, default 5). */
  loginFreeFailures: number;
  /** The longest delay between failed sign-ins of one account from one client (LOGIN_MAX_DELAY_MINUTES, default 15). */
  loginMaxDelayMinutes: number;
  /**
   * Failed sign-ins of one account per window from all clients it does not know, before those
   * clients get 429 (LOGIN_MAX_FAILURES_PER_ACCOUNT, default 50): against distributed guessing.
   */
  loginMaxFailuresPerAccount: number;
  /** Failed sign-ins from one address per window, all accounts (LOGIN_MAX_FAILURES_PER_ADDRESS, default 300). */
  loginMaxFailuresPerAddress: number;
  /** The window of the per-account and per-address counts in minutes (LOGIN_THROTTLE_MINUTES, default 15). */
  loginThrottleMinutes: number;
  /** Express "trust proxy" setting, for the client address behind a load balancer (TRUST_PROXY). */
  trustProxy: string | number | boolean;
  /** CSV exports one user may run at once, across all API instances (EXPORTS_PER_USER, default 2). */
  exportsPerUser: number;
  /**
   * CSV exports one API instance runs at once (EXPORTS_PER_API). Unset: the pool size − 1;
   * never more than that, so an export never takes the last connection other requests need.
   */
  exportsPerInstance: number | null;
  /**
   * The SMTP server email is sent through (SMTP_URL, e.g. smtp://user:pass@host:587 or
   * smtps://host:465). Null: nothing is sent; messages stay in the outbox for admins to read.
   */
  smtpUrl: string | null;
  /** The sender of every email (MAIL_FROM, e.g. "Salkku <salkku@kuopio.fi>"); required with SMTP_URL. */
  mailFrom: string;
  /** The address of the web app, the base of the links in emails (PUBLIC_URL; required with SMTP_URL). */
  publicUrl: string;
  /** Seconds between the mail worker's rounds (MAIL_WORKER_INTERVAL_SECONDS, default 30; 0: no worker on this instance). */
  mailWorkerIntervalSeconds: number;
  /** Delivery attempts of one message before it is marked failed (MAIL_MAX_ATTEMPTS, default 10). */
  mailMaxAttempts: number;
}

export class ConfigError extends Error {}

function parseBoolean(name: string, value: string | undefined, fallback: boolean, problems: string[]): boolean {
  if (value === undefined || value === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(value.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(value.toLowerCase())) return false;
  problems.push(`${name} must be true or false (got "${value}")`);
  return fallback;
}

function parseInteger(
  name: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${name} must be an integer from ${min} to ${max} (got "${value}")`);
    return fallback;
  }
  return n;
}

/**
 * TRUST_PROXY as Express wants it: a number of proxy hops ("1"), true/false, or addresses and
 * subnets ("loopback, 10.0.0.0/8"). A bare number must reach Express as a number: as a string it
 * would be read as an address.
 */
function parseTrustProxy(value: string | undefined): string | number | boolean {
  const v = value?.trim();
  if (!v || v.toLowerCase() === 'false') return false;
  if (v.toLowerCase() === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  return v;
}

/**
 * The email settings. With SMTP_URL, MAIL_FROM and PUBLIC_URL are required: a sender the mail
 * server accepts and the address users reach Salkku at are the deployment's, not guessable.
 * Without it, links in the outbox (shown to admins) point at this instance.
 */
function parseMail(
  env: NodeJS.ProcessEnv,
  port: number,
  problems: string[],
): Pick<AppConfig, 'smtpUrl' | 'mailFrom' | 'publicUrl' | 'mailWorkerIntervalSeconds' | 'mailMaxAttempts'> {
  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl !== null) {
    let valid: boolean;
    try {
      const url = new URL(smtpUrl);
      valid = (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
    } catch {
      valid = false;
    }
    // The URL may hold a password: never repeat it in the message.
    if (!valid) problems.push('SMTP_URL must be a URL such as smtp://user:password@host:587 or smtps://host:465');
  }
  const mailFrom = env.MAIL_FROM?.trim() || '';
  if (smtpUrl !== null && mailFrom === '') problems.push('MAIL_FROM is required with SMTP_URL (the sender address)');
  if (mailFrom !== '' && !/^[^<>@\s]+@[^<>@\s]+$|<[^<>@\s]+@[^<>@\s]+>$/.test(mailFrom)) {
    problems.push(`MAIL_FROM must be an address or "Name <address>" (got "${mailFrom}")`);
  }
  const publicUrlValue = env.PUBLIC_URL?.trim() || '';
  let publicUrl = `http://localhost:${port}`;
  if (publicUrlValue !== '') {
    try {
      const url = new URL(publicUrlValue);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
      publicUrl = url.toString().replace(/\/+$/, '');
    } catch {
      problems.push(`PUBLIC_URL must be an http:// or https:// address (got "${publicUrlValue}")`);
    }
  } else if (smtpUrl !== null) {
    problems.push('PUBLIC_URL is required with SMTP_URL (the address of Salkku, for the links in emails)');
  }
  return {
    smtpUrl,
    mailFrom: mailFrom || 'Salkku <salkku@localhost>',
    publicUrl,
    mailWorkerIntervalSeconds: parseInteger(
      'MAIL_WORKER_INTERVAL_SECONDS',
      env.MAIL_WORKER_INTERVAL_SECONDS,
      30,
      0,
      24 * 60 * 60,
      problems,
    ),
    mailMaxAttempts: parseInteger('MAIL_MAX_ATTEMPTS', env.MAIL_MAX_ATTEMPTS, 10, 1, 100, problems),
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const demo = (env.SALKKU_DEMO_DATA ?? 'auto').toLowerCase();
  if (!['auto', 'always', 'never'].includes(demo)) {
    problems.push(`SALKKU_DEMO_DATA must be auto, always or never (got "${demo}")`);
  }
  const logLevel = (env.LOG_LEVEL || (env.NODE_ENV === 'test' ? 'warn' : 'info')).toLowerCase();
  if (!['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'].includes(logLevel)) {
    problems.push(`LOG_LEVEL must be trace, debug, info, warn, error, fatal or silent (got "${logLevel}")`);
  }
  const timeZone = env.SALKKU_TIME_ZONE || 'Europe/Helsinki';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    problems.push(`SALKKU_TIME_ZONE is not a known IANA time zone (got "${timeZone}")`);
  }
  const port = parseInteger('PORT', env.PORT, 3000, 0, 65535, problems);
  const config: AppConfig = {
    port,
    host: env.HOST || '0.0.0.0',
    databaseUrl,
    dataDir: resolve(env.SALKKU_DATA_DIR || 'data'),
    poolSize: parseInteger('DATABASE_POOL_SIZE', env.DATABASE_POOL_SIZE, 10, 1, 200, problems),
    demoData: demo as AppConfig['demoData'],
    demoUsers: parseBoolean('SALKKU_DEMO_USERS', env.SALKKU_DEMO_USERS, env.NODE_ENV !== 'production', problems),
    runMigrations: parseBoolean('RUN_MIGRATIONS', env.RUN_MIGRATIONS, true, problems),
    webDistDir: resolve(env.WEB_DIST_DIR || resolve(__dirname, '../../../web/dist')),
    logSql: parseBoolean('LOG_SQL', env.LOG_SQL, false, problems),
    logLevel: logLevel as AppConfig['logLevel'],
    timeZone,
    production: env.NODE_ENV === 'production',
    sessionIdleMinutes: parseInteger('SESSION_IDLE_MINUTES', env.SESSION_IDLE_MINUTES, 30, 1, 24 * 60, problems),
    sessionAbsoluteHours: parseInteger('SESSION_ABSOLUTE_HOURS', env.SESSION_ABSOLUTE_HOURS, 12, 1, 24 * 30, problems),
    loginFreeFailures: parseInteger('LOGIN_FREE_FAILURES', env.LOGIN_FREE_FAILURES, 5, 1, 100, problems),
    loginMaxDelayMinutes: parseInteger(
      'LOGIN_MAX_DELAY_MINUTES',
      env.LOGIN_MAX_DELAY_MINUTES,
      15,
      1,
      24 * 60,
      problems,
    ),
    loginMaxFailuresPerAccount: parseInteger(
      'LOGIN_MAX_FAILURES_PER_ACCOUNT',
      env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      50,
      1,
      100000,
      problems,
    ),
    loginMaxFailuresPerAddress: parseInteger(
      'LOGIN_MAX_FAILURES_PER_ADDRESS',
      env.LOGIN_MAX_FAILURES_PER_ADDRESS,
      300,
      1,
      1000000,
      problems,
    ),
    loginThrottleMinutes: parseInteger('LOGIN_THROTTLE_MINUTES', env.LOGIN_THROTTLE_MINUTES, 15, 1, 24 * 60, problems),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    exportsPerUser: parseInteger('EXPORTS_PER_USER', env.EXPORTS_PER_USER, 2, 1, 100, problems),
    exportsPerInstance: env.EXPORTS_PER_API
      ? parseInteger('EXPORTS_PER_API', env.EXPORTS_PER_API, 1, 1, 199, problems)
      : null,
    ...parseMail(env, port, problems),
  };
  if (env.LOGIN_MAX_FAILURES_PER_CLIENT) {
    problems.push('LOGIN_MAX_FAILURES_PER_CLIENT is now LOGIN_MAX_FAILURES_PER_ADDRESS (see the README)');
  }
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return config;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
