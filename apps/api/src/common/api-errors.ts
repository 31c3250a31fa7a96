import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import { ErrorResponse } from './error.response';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (VALIDATION_FAILED, with per-field details); nothing was changed',
  404: 'No such record (NOT_FOUND)',
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
