import type { ErrorCode, FieldProblem, FieldProblemCode, FieldProblemParams, FieldProblems } from '@salkku/shared';

/** Per-field problems: field path → messages. */
export type ErrorDetails = Record<string, string[]>;

/** One problem of one field: its code (what clients translate) and the English message. */
export interface FieldIssue {
  code: FieldProblemCode;
  message: string;
  params?: FieldProblemParams;
}

/** Field path → its issues; a DomainError turns them into `details` (messages) and `problems` (codes). */
export type FieldIssues = Record<string, FieldIssue[]>;

export const issue = (code: FieldProblemCode, message: string, params?: FieldProblemParams): FieldIssue =>
  params ? { code, message, params } : { code, message };

/** Adds an issue to a field (keeps earlier ones). */
export function addIssue(issues: FieldIssues, field: string, found: FieldIssue): void {
  (issues[field] ??= []).push(found);
}

/**
 * The problems of a field, each once: several messages can share a code (a missing field breaks
 * every rule on it, and all of them mean "required"), and a client should say it once.
 */
function distinctProblems(list: FieldIssue[]): FieldProblem[] {
  const seen = new Map<string, FieldProblem>();
  for (const { code, params } of list) {
    const key = JSON.stringify([code, params ?? null]);
    if (!seen.has(key)) seen.set(key, params ? { code, params } : { code });
  }
  return [...seen.values()];
}

/**
 * The one way services report a failure. The global filter maps the code to an HTTP status and
 * writes the one error body: `{ statusCode, code, message, details?, problems? }`. Field problems
 * are given once, as issues, so the messages and the codes cannot drift apart.
 */
export class DomainError extends Error {
  readonly details?: ErrorDetails;
  readonly problems?: FieldProblems;

  constructor(
    readonly code: ErrorCode,
    message: string,
    issues?: FieldIssues,
    /** Response headers that go with the error (e.g. Retry-After on 429). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'DomainError';
    if (issues) {
      const entries = Object.entries(issues);
      this.details = Object.fromEntries(entries.map(([field, list]) => [field, list.map((i) => i.message)]));
      this.problems = Object.fromEntries(entries.map(([field, list]) => [field, distinctProblems(list)]));
    }
  }
}

export const HTTP_STATUS_OF: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  TOO_MANY_REQUESTS: 429,
  TOO_MANY_EXPORTS: 429,
  NOT_FOUND: 404,
  STALE_VERSION: 409,
  ILLEGAL_TRANSITION: 409,
  PAID_EXCEEDS_GRANTED: 409,
  IN_USE: 409,
  DUPLICATE: 409,
  RULE_VIOLATION: 409,
  VERSION_REQUIRED: 428,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_ERROR: 500,
};

export const notFound = (entity: string, id: string): DomainError =>
  new DomainError('NOT_FOUND', `${entity} ${id} was not found`);

/** A 400 about one field. */
export const invalid = (
  field: string,
  code: FieldProblemCode,
  message: string,
  params?: FieldProblemParams,
): DomainError => new DomainError('VALIDATION_FAILED', message, { [field]: [issue(code, message, params)] });
