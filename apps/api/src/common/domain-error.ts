import type { ErrorCode } from '@salkku/shared';

/** Per-field problems: field path → messages. */
export type ErrorDetails = Record<string, string[]>;

/**
 * The one way services report a failure. The global filter maps the code to an HTTP status and
 * writes the one error body: `{ statusCode, code, message, details? }`.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetails,
    /** Response headers that go with the error (e.g. Retry-After on 429). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const HTTP_STATUS_OF: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  TOO_MANY_REQUESTS: 429,
  NOT_FOUND: 404,
  STALE_VERSION: 409,
  ILLEGAL_TRANSITION: 409,
  PAID_EXCEEDS_GRANTED: 409,
  IN_USE: 409,
  DUPLICATE: 409,
  RULE_VIOLATION: 409,
  VERSION_REQUIRED: 428,
  INTERNAL_ERROR: 500,
};

export const notFound = (entity: string, id: string): DomainError =>
  new DomainError('NOT_FOUND', `${entity} ${id} was not found`);

export const invalid = (field: string, message: string): DomainError =>
  new DomainError('VALIDATION_FAILED', message, { [field]: [message] });
