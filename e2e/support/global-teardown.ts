/** Stops the app started by the global setup, drops its database and removes its temp directory. */
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { adminClient, getState } from './state';

export default async function globalTeardown(): Promise<void> {
  const state = getState();
  if (!state) return;
  if (state.app) await stop(state.app);
  if (state.mailbox) await state.mailbox.close();
  if (state.serverUrl && state.database) {
    const client = adminClient(state.serverUrl);
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS "${state.database}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  }
  if (process.env.E2E_KEEP_TMP) console.log(`Salkku e2e: kept ${state.tmp}`);
  else rmSync(state.tmp, { recursive: true, force: true });
}

/** SIGTERM, then SIGKILL if the app is still there after 10 s. */
async function stop(app: ChildProcess): Promise<void> {
  if (app.exitCode !== null || app.signalCode !== null) return;
  const exited = new Promise<void>((r) => app.once('exit', () => r()));
  app.kill('SIGTERM');
  const timer = setTimeout(() => app.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
