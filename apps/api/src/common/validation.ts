import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError, type ErrorDetails } from './domain-error';

function collect(errors: ValidationError[], prefix: string, into: ErrorDetails): void {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      into[path] = Object.values(error.constraints);
    }
    if (error.children?.length) collect(error.children, path, into);
  }
}

/**
 * The global validation pipe: strips nothing silently — an unknown field is an error — converts
 * query strings to their declared types, and reports every failing field in `details`.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const details: ErrorDetails = {};
      collect(errors, '', details);
      return new DomainError('VALIDATION_FAILED', 'The request has invalid fields', details);
    },
  });
}
