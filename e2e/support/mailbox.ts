/**
 * The e2e run's mail server: a real SMTP server (the API tests' test/support/smtp.ts) started by
 * the global setup, given to the app as SMTP_URL, which writes each message it accepts as one
 * JSON line to a file (E2E_MAIL_LOG): the tests run in another process than the setup, so they
 * read what arrived from there.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { startTestSmtpServer, type TestSmtpServer } from '../../apps/api/test/support/smtp';

/** A message as the tests read it. */
export interface Mail {
  to: string[];
  subject: string;
  text: string;
}

/** Starts the server; every message it accepts is appended to `file`. */
export async function startMailbox(file: string): Promise<TestSmtpServer> {
  const server = await startTestSmtpServer();
  let written = 0;
  const flush = () => {
    for (; written < server.received.length; written++) {
      const m = server.received[written]!;
      appendFileSync(file, `${JSON.stringify({ to: m.to, subject: m.subject, text: m.text } satisfies Mail)}\n`);
    }
  };
  // The server has no arrival hook for outsiders: its waitFor is polled by arrivals and a timer.
  const timer = setInterval(flush, 100);
  timer.unref();
  const close = server.close.bind(server);
  server.close = async () => {
    clearInterval(timer);
    flush();
    await close();
  };
  return server;
}

/** Every message the app has sent so far in this run. */
export function sentMail(): Mail[] {
  const file = process.env.E2E_MAIL_LOG;
  if (!file) throw new Error('E2E_MAIL_LOG is not set: the global setup starts the mail server');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Mail);
}

/** Waits for a message to `to` whose subject or text contains `text` (the app's worker ticks every second). */
export async function waitForMail(to: string, text: string, timeoutMs = 20_000): Promise<Mail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = sentMail().find(
      (m) => m.to.some((a) => a.toLowerCase() === to.toLowerCase()) && (m.subject + m.text).includes(text),
    );
    if (found) return found;
    if (Date.now() > deadline) {
      const seen = sentMail().map((m) => `${m.to.join(', ')}: ${m.subject}`);
      throw new Error(`No mail to ${to} with "${text}" in ${timeoutMs} ms; sent: ${JSON.stringify(seen)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
