import { canTransition, compareIsoDates, nextStatuses } from '@salkku/shared';
import { DomainError, issue, type FieldIssues } from './domain-error';

/**
 * Rules that several resources share, each written once with its error: the period rule (an
 * agreement's validity, a project's planned dates, a funding decision's eligible period) and the
 * status-transition rule (a project's lifecycle, a funding decision's and a milestone's status).
 */

/** One end of a period: the body's field name and the date after the change (null: open). */
export interface PeriodEnd {
  field: string;
  date: string | null | undefined;
}

/**
 * A period must not end before it starts; either end may be open. Returns the problem on the end
 * field (`dateOrder`), or none, for a service that reports it with other problems.
 */
export function periodProblems(start: PeriodEnd, end: PeriodEnd): FieldIssues {
  if (!start.date || !end.date || compareIsoDates(start.date, end.date) <= 0) return {};
  return {
    [end.field]: [issue('dateOrder', `${end.field} (${end.date}) must be on or after ${start.field} (${start.date})`)],
  };
}

/** The period rule on its own: 400 VALIDATION_FAILED with `dateOrder` on the end field. */
export function assertPeriod(start: PeriodEnd, end: PeriodEnd): void {
  const problems = periodProblems(start, end);
  if (Object.keys(problems).length > 0) {
    throw new DomainError('VALIDATION_FAILED', `${end.field} is before ${start.field}`, problems);
  }
}

/**
 * A status change must follow the record's transition table (staying put is always allowed):
 * else 409 ILLEGAL_TRANSITION, with `illegalTransition` (and the status it came from) on `field`.
 */
export function assertTransition<S extends string>(
  table: Readonly<Record<S, readonly S[]>>,
  from: S,
  to: S,
  what: { record: string; field: string },
): void {
  if (canTransition(table, from, to)) return;
  const allowed = nextStatuses(table, from);
  const next = allowed.length > 0 ? `allowed: ${allowed.join(', ')}` : `${from} is final`;
  throw new DomainError('ILLEGAL_TRANSITION', `A ${what.record} cannot move from ${from} to ${to} (${next})`, {
    [what.field]: [
      issue('illegalTransition', `from ${from} it may move to: ${allowed.join(', ') || 'nothing'}`, { from }),
    ],
  });
}
