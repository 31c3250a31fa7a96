import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { ErrorCode } from '@salkku/shared';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { fromDatabase, type PgError } from './database-errors';
import { databaseUnavailable, isDatabaseUnavailable } from './database-unavailable';
import { DomainError, HTTP_STATUS_OF, type ErrorDetails } from './domain-error';
import { ErrorResponse } from './error.response';

function fromHttp(exception: HttpException): {
  status: number;
  code: ErrorCode;
  message: string;
  details?: ErrorDetails;
} {
  const status = exception.getStatus();
  const body = exception.getResponse();
  const message =
    typeof body === 'object' && body !== null && 'message' in body
      ? [body.message].flat().join('; ')
      : exception.message;
  const byStatus: Partial<Record<number, ErrorCode>> = {
    404: 'NOT_FOUND',
    401: 'UNAUTHENTICATED',
    403: 'FORBIDDEN',
  };
  const code: ErrorCode = byStatus[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'VALIDATION_FAILED');
  return { status, code, message };
}

/**
 * The one error path: every failure leaves the API as `{ statusCode, code, message, details?, problems? }`.
 * Services throw DomainError; framework errors (unknown route, malformed JSON, a bad uuid in
 * the path) and database constraint errors are translated here.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    let body: ErrorResponse;
    if (isDatabaseUnavailable(exception)) {
      // PostgreSQL is down or unreachable (wherever it surfaced): 503 with Retry-After, never 500.
      this.logger.warn(`Database unavailable: ${exception instanceof Error ? exception.message : String(exception)}`);
      exception = databaseUnavailable();
    } else if (exception instanceof QueryFailedError) {
      const mapped = fromDatabase(exception as QueryFailedError<PgError & Error>);
      if (mapped) exception = mapped;
    }
    if (exception instanceof DomainError) {
      for (const [name, value] of Object.entries(exception.headers ?? {})) response.setHeader(name, value);
      body = {
        statusCode: HTTP_STATUS_OF[exception.code],
        code: exception.code,
        message: exception.message,
        ...(exception.details ? { details: exception.details } : {}),
        ...(exception.problems ? { problems: exception.problems } : {}),
      };
    } else if (exception instanceof HttpException) {
      const { status, code, message } = fromHttp(exception);
      if (status >= 500) this.logger.error(exception.stack ?? message);
      body = { statusCode: status, code, message };
    } else if (isBodyParserError(exception)) {
      body = { statusCode: exception.status, code: 'VALIDATION_FAILED', message: exception.message };
    } else {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
      body = { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Internal server error' };
    }
    const requestId = host.switchToHttp().getRequest<{ id?: unknown }>().id;
    if (typeof requestId === 'string') body.requestId = requestId;
    response.status(body.statusCode).json(body);
  }
}

function isBodyParserError(e: unknown): e is { status: number; message: string } {
  return (
    typeof e === 'object' &&
    e !== null &&
    'status' in e &&
    typeof e.status === 'number' &&
    (e as { status: number }).status >= 400 &&
    (e as { status: number }).status < 500 &&
    'type' in e
  );
}
