import { hasPermission, type Role } from './permissions';
import { parseReportingPeriod } from './indicators';

/**
 * Reporting rounds (issue 13): an agreement's call for period reports, each project's report of
 * one period, and the review that approves or returns it. The statuses, the allowed transitions
 * and who may do what are written here once; the API enforces them and the web app uses them to
 * offer only what a user can do.
 */

/**
 * A period report's status: owed (nothing written yet), draft (saved, not sent), submitted
 * (waiting for review: read-only), returned (sent back with a comment: editable again),
 * approved (final: read-only).
 */
export const PERIOD_REPORT_STATUSES = ['owed', 'draft', 'submitted', 'returned', 'approved'] as const;
export type PeriodReportStatus = (typeof PERIOD_REPORT_STATUSES)[number];

/**
 * Allowed status changes. Saving an owed report makes it a draft (a returned one stays returned
 * until it is submitted again, so that its round shows it as returned); approved is final.
 */
export const PERIOD_REPORT_TRANSITIONS: Readonly<Record<PeriodReportStatus, readonly PeriodReportStatus[]>> = {
  owed: ['draft'],
  draft: ['submitted'],
  submitted: ['approved', 'returned'],
  returned: ['submitted'],
  approved: [],
};

/** Statuses whose report the project's city's coordinators may still edit (the form saves). */
export const EDITABLE_PERIOD_REPORT_STATUSES: readonly PeriodReportStatus[] = ['owed', 'draft', 'returned'];

/** Statuses of a report that is still owed by its city (not sent, or sent back): these can be overdue. */
export const OUTSTANDING_PERIOD_REPORT_STATUSES: readonly PeriodReportStatus[] = ['owed', 'draft', 'returned'];

/** Days before the due date that the reminder goes out, unless the round says otherwise. */
export const DEFAULT_REMINDER_DAYS_BEFORE = 7;
export const MAX_REMINDER_DAYS_BEFORE = 90;

/** A report is overdue while its round is open, it is still outstanding, and its due date has passed. */
export function isReportOverdue(
  status: PeriodReportStatus,
  dueDate: string,
  today: string,
  roundOpen: boolean,
): boolean {
  return roundOpen && OUTSTANDING_PERIOD_REPORT_STATUSES.includes(status) && dueDate < today;
}

/** Who may open, edit and close rounds (coordinators of their own city, admins). */
export function mayManageRounds(role: Role): boolean {
  return hasPermission(role, 'rounds:manage');
}

/** Who may fill in and submit a period report (coordinators of the project's city, admins). */
export function mayEditPeriodReport(role: Role, status: PeriodReportStatus): boolean {
  return hasPermission(role, 'portfolio:write') && EDITABLE_PERIOD_REPORT_STATUSES.includes(status);
}

/** Why a user may not approve or return a report, or null when they may. */
export type ReviewRefusal = 'notPermitted' | 'notSubmitted' | 'ownSubmission';

/**
 * Approving and returning: the `reports:review` permission (managers and admins), a submitted
 * report, and never one the reviewer submitted themselves (four eyes).
 */
export function reviewRefusal(
  role: Role,
  userId: string | null,
  report: { status: PeriodReportStatus; submittedById: string | null },
): ReviewRefusal | null {
  if (!hasPermission(role, 'reports:review')) return 'notPermitted';
  if (report.status !== 'submitted') return 'notSubmitted';
  if (userId !== null && report.submittedById === userId) return 'ownSubmission';
  return null;
}

/** Compares two reporting periods of the same periodicity ("2025" < "2026", "2025-H1" < "2025-H2"). */
export function compareReportingPeriods(a: string, b: string): number {
  const pa = parseReportingPeriod(a);
  const pb = parseReportingPeriod(b);
  return pa.year !== pb.year ? pa.year - pb.year : pa.half - pb.half;
}

/** The ISO week of an ISO date, e.g. "2026-W49" (the weekly digest's week). */
export function isoWeekOf(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  const weekday = day.getUTCDay() || 7;
  // The Thursday of the same week decides the year.
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = new Date(Date.UTC(day.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((day.getTime() - yearStart.getTime()) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
