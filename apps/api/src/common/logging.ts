import { LoggerModule } from 'nestjs-pino';
import type { DynamicModule } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { pino, type DestinationStream, type Level, type Logger as PinoInstance } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';
import type { AppConfig } from '../config/config';

/**
 * Salkku's logs (pino): JSON lines (readable, through pino-pretty, when developing at a
 * terminal), one line per request, and every line written while a request is handled carries
 * its `requestId`, which the response also sends back in X-Request-Id and error bodies carry.
 * No request or response headers are logged, so cookies, CSRF tokens and the Authorization
 * header never reach the log; bodies are never logged (passwords); redact is a second net.
 */

/** An incoming X-Request-Id is kept only when it is short and plain (no log injection). */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const REDACT = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'password',
  'currentPassword',
  'newPassword',
  'csrfToken',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.csrfToken',
];

type Req = IncomingMessage & {
  id?: unknown;
  actor?: { id: string | null };
  route?: { path?: string };
  originalUrl?: string;
};

export function createRootLogger(
  config: Pick<AppConfig, 'logLevel' | 'production'>,
  stream?: DestinationStream,
): PinoInstance {
  const pretty = !stream && !config.production && process.env.NODE_ENV !== 'test' && process.stdout.isTTY;
  const options = {
    level: config.logLevel,
    redact: { paths: REDACT, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    ...(pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' },
          },
        }
      : {}),
  };
  return stream ? pino(options, stream) : pino(options);
}

/** The matched route pattern (/api/projects/:id), or for an unmatched request its path without the query. */
function routeOf(req: Req): string {
  const pattern = req.route?.path;
  if (typeof pattern === 'string') return pattern;
  return (req.originalUrl ?? req.url ?? '').split('?')[0] ?? '';
}

function requestLine(req: Req, res: ServerResponse, value: Record<string, unknown>) {
  return {
    userId: req.actor?.id ?? null,
    method: req.method,
    route: routeOf(req),
    status: res.statusCode,
    durationMs: value.durationMs,
  };
}

/** The per-request middleware: request id, the request's child logger, and one line when the response ends. */
export function createRequestLogger(logger: PinoInstance): HttpLogger {
  return pinoHttp({
    logger,
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: 'requestId', responseTime: 'durationMs' },
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel: (_req, res, error): Level => (error || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: () => 'request completed',
    customErrorMessage: () => 'request failed',
    customSuccessObject: (req, res, value) => requestLine(req as Req, res, value as Record<string, unknown>),
    customErrorObject: (req, res, _error, value) => requestLine(req as Req, res, value as Record<string, unknown>),
  });
}

/**
 * nestjs-pino: Nest's Logger writes through the same pino instance, and inside a request through
 * the request's child logger (so with its requestId). The request middleware itself is mounted
 * by createApp ahead of everything else, so even a body the parser refuses gets an id and a line.
 */
export function loggerModule(logger: PinoInstance): DynamicModule {
  return LoggerModule.forRoot({ pinoHttp: { logger }, useExisting: true });
}
