import type { ChildProcess } from 'node:child_process';
import type { TestSmtpServer } from '../../apps/api/test/support/smtp';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

/** What the global setup started and the global teardown stops (kept on globalThis, as Jest allows). */
export interface E2eState {
  /** Temporary directory: the app's log and, in the embedded mode, its data directory. */
  tmp: string;
  baseUrl: string;
  /** The app's process. */
  app: ChildProcess | null;
  /** E2E_DATABASE_URL, when the run uses PostgreSQL. */
  serverUrl: string | null;
  /** The database created for this run on that server. */
  database: string | null;
  /** The SMTP server the app sends through. */
  mailbox: TestSmtpServer | null;
}

const KEY = '__salkkuE2e';

export function setState(state: E2eState): void {
  (globalThis as Record<string, unknown>)[KEY] = state;
}

export function getState(): E2eState | undefined {
  return (globalThis as Record<string, unknown>)[KEY] as E2eState | undefined;
}

/** The few node-postgres calls the setup and teardown make. */
interface PgClient {
  connect(): Promise<unknown>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
}

/**
 * A node-postgres client on the server's own database. e2e/ is not a workspace package, so `pg`
 * comes from the API's dependencies.
 */
export function adminClient(serverUrl: string): PgClient {
  const apiRequire = createRequire(resolve(__dirname, '../../apps/api/package.json'));
  const { Client } = apiRequire('pg') as { Client: new (options: { connectionString: string }) => PgClient };
  return new Client({ connectionString: serverUrl });
}
