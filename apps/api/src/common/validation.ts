import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { isFieldProblemCode, type FieldProblemCode, type FieldProblemParams } from '@salkku/shared';
import { getMetadataStorage } from 'class-validator';
import { DomainError, issue, type FieldIssue, type FieldIssues } from './domain-error';

/**
 * class-validator's constraint names (the keys of `ValidationError.constraints`) → our problem
 * code, and which of the decorator's arguments the message needs. A decorator may name another
 * code with `context: { problem: '<code>' }` (e.g. a `Matches` that checks money). A constraint
 * missing here is reported as `invalid`, with the API's English message for clients to show.
 */
export const CONSTRAINT_PROBLEMS: Readonly<Record<string, { code: FieldProblemCode; param?: 'min' | 'max' }>> = {
  isString: { code: 'invalidFormat' },
  isInt: { code: 'invalidFormat' },
  isBoolean: { code: 'invalidFormat' },
  isUuid: { code: 'invalidFormat' },
  isArray: { code: 'invalidFormat' },
  matches: { code: 'invalidFormat' },
  nestedValidation: { code: 'invalidFormat' },
  isEmail: { code: 'invalidEmail' },
  isIn: { code: 'notAllowed' },
  whitelistValidation: { code: 'unknownField' },
  minLength: { code: 'tooShort', param: 'min' },
  maxLength: { code: 'tooLong', param: 'max' },
  isWithinMaxPeriod: { code: 'periodTooLong', param: 'max' },
  min: { code: 'tooSmall', param: 'min' },
  max: { code: 'tooLarge', param: 'max' },
  arrayMaxSize: { code: 'tooMany', param: 'max' },
  arrayUnique: { code: 'duplicate' },
  isCalendarDate: { code: 'invalidDate' },
  isBusinessId: { code: 'invalidBusinessId' },
  isNotNull: { code: 'required' },
  isPercentInRange: { code: 'invalidPercent' },
  isPositiveMoney: { code: 'invalidAmount' },
};

type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

/** The rule's own metadata (its arguments, its context), found by the class and property it sits on. */
function metadataOf(error: ValidationError, constraint: string): ValidationMetadata | undefined {
  const target: unknown = error.target;
  if (typeof target !== 'object' || target === null) return undefined;
  return getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((m) => m.propertyName === error.property && (m.name === constraint || m.type === constraint));
}

function problemOf(error: ValidationError, constraint: string, message: string): FieldIssue {
  const known = CONSTRAINT_PROBLEMS[constraint];
  const metadata = metadataOf(error, constraint);
  const wanted: unknown = (metadata?.context as { problem?: unknown } | undefined)?.problem;
  const code: FieldProblemCode = isFieldProblemCode(wanted) ? wanted : (known?.code ?? 'invalid');
  const arg: unknown = metadata?.constraints?.[0];
  const params: FieldProblemParams | undefined =
    known?.param && (typeof arg === 'number' || typeof arg === 'string') ? { [known.param]: arg } : undefined;
  return issue(code, message, params);
}

/** The value the rules saw (the pipe strips `error.value`, but the target still holds it). */
function valueOf(error: ValidationError): unknown {
  const target: unknown = error.target;
  return typeof target === 'object' && target !== null
    ? (target as Record<string, unknown>)[error.property]
    : error.value;
}

function collect(errors: ValidationError[], prefix: string, into: FieldIssues): void {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      const entries = Object.entries(error.constraints);
      const issues = entries.map(([constraint, message]) => problemOf(error, constraint, message));
      // A missing required field breaks every rule on it ("must be a string", "longer than 1"…);
      // its one problem is that it is missing. (Optional fields skip their rules when empty.)
      const value = valueOf(error);
      const missing = (value === undefined || value === null) && !('whitelistValidation' in error.constraints);
      into[path] = missing ? issues.map((found) => issue('required', found.message)) : issues;
    }
    if (error.children?.length) collect(error.children, path, into);
  }
}

/**
 * The global validation pipe: strips nothing silently — an unknown field is an error — converts
 * query strings to their declared types, and reports every failing field in `details` (messages)
 * and `problems` (codes).
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    // The target lets the exception factory find each rule's arguments (e.g. MaxLength's 200);
    // it is never sent.
    validationError: { target: true },
    exceptionFactory: (errors) => {
      const issues: FieldIssues = {};
      collect(errors, '', issues);
      return new DomainError('VALIDATION_FAILED', 'The request has invalid fields', issues);
    },
  });
}
