import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import { ErrorResponse } from './error.response';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (VALIDATION_FAILED, with per-field details and problem codes); nothing was changed',
  401: 'Not signed in, or the session has ended (UNAUTHENTICATED)',
  403: 'Signed in, but the role may not do this (FORBIDDEN), or the CSRF token is missing (CSRF_FAILED)',
  404: 'No such record (NOT_FOUND)',
  429: 'Too many failed sign-ins (TOO_MANY_REQUESTS); see Retry-After',
  409: 'Conflict: stale version, illegal transition, paid above granted, duplicate or still in use; nothing was changed',
  428: 'The version you read is required (If-Match or body version)',
};

/** Documents the error responses of a route, all with the one error body. */
export function ApiErrors(...statuses: number[]): MethodDecorator {
  const decorators = statuses.map((status) =>
    ApiResponse({ status, type: ErrorResponse, description: DESCRIPTIONS[status] ?? 'Error' }),
  );
  if (statuses.includes(428) || statuses.includes(409)) {
    decorators.push(ApiHeader({ name: 'If-Match', required: false, description: 'The version you read, e.g. "3"' }));
  }
  return applyDecorators(...decorators);
}
