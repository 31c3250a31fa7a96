import { simpleParser, type AddressObject } from 'mailparser';
import { createServer, type Server } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message the test SMTP server accepted, parsed. */
export interface ReceivedMail {
  /** The envelope's recipients (RCPT TO). */
  envelopeTo: string[];
  /** The To header's addresses. */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  /** The message as it arrived. */
  raw: string;
}

/**
 * A real SMTP server for a test (the `smtp-server` package) on a free loopback port. It keeps
 * every message it accepts, parsed with mailparser, and can be stopped and started again on the
 * same port, as a mail server outage would look to Salkku. No TLS and no authentication: Salkku
 * sends to it as to any SMTP server at SMTP_URL.
 */
export interface TestSmtpServer {
  /** smtp://127.0.0.1:<port> — give it to the app as SMTP_URL. */
  url: string;
  port: number;
  /** Every message accepted so far, in order of arrival. */
  received: ReceivedMail[];
  /** Refuses mail to these addresses from now on (550, as for an unknown mailbox). */
  refuse(...addresses: string[]): void;
  /** Takes mail to every address again. */
  acceptAll(): void;
  /** Waits until `predicate` holds for the messages received, or fails after `timeoutMs`. */
  waitFor(predicate: (received: ReceivedMail[]) => boolean, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** Refuses connections from now on (the port is closed). */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  /** Stops for good. */
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe: Server = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return list.flatMap((a) => a.value.map((v) => v.address ?? '')).filter((a) => a !== '');
}

export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const port = await freePort();
  const received: ReceivedMail[] = [];
  const listeners = new Set<() => void>();
  const refused = new Set<string>();
  let server: SMTPServer | null = null;

  const makeServer = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      // Close at once on stop(): an outage, not a graceful goodbye.
      closeTimeout: 10,
      onRcptTo(address, _session, callback) {
        if (!refused.has(address.address.toLowerCase())) return callback();
        const error = Object.assign(new Error(`5.1.1 <${address.address}>: mailbox unavailable`), {
          responseCode: 550,
        });
        callback(error);
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('error', callback);
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          simpleParser(raw)
            .then((parsed) => {
              received.push({
                envelopeTo: session.envelope.rcptTo.map((r) => r.address),
                to: addresses(parsed.to),
                from: addresses(parsed.from)[0] ?? '',
                subject: parsed.subject ?? '',
                text: parsed.text ?? '',
                html: typeof parsed.html === 'string' ? parsed.html : '',
                raw,
              });
              for (const listener of listeners) listener();
              callback();
            })
            .catch((error: Error) => callback(error));
        });
      },
    });

  const start = async () => {
    if (server) return;
    const next = makeServer();
    await new Promise<void>((resolve, reject) => {
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => {
        next.off('error', reject);
        resolve();
      });
    });
    // An error after start (a client that hangs up) is not the test's failure.
    next.on('error', () => undefined);
    server = next;
  };
  const stop = async () => {
    const current = server;
    server = null;
    if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
  };

  await start();
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    refuse(...addresses) {
      for (const address of addresses) refused.add(address.toLowerCase());
    },
    acceptAll() {
      refused.clear();
    },
    waitFor(predicate, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!predicate(received)) return false;
          clearTimeout(timer);
          listeners.delete(onMessage);
          resolve(received);
          return true;
        };
        const onMessage = () => void check();
        const timer = setTimeout(() => {
          listeners.delete(onMessage);
          reject(new Error(`waitFor: not there after ${timeoutMs} ms; received ${received.length} message(s)`));
        }, timeoutMs);
        listeners.add(onMessage);
        check();
      });
    },
    stop,
    start,
    close: stop,
  };
}
