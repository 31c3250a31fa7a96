import {
  PERIOD_REPORT_STATUSES,
  PERIOD_REPORT_TRANSITIONS,
  compareReportingPeriods,
  isReportOverdue,
  isoWeekOf,
  mayEditPeriodReport,
  mayManageRounds,
  reviewRefusal,
} from './reporting-rounds';
import { canTransition } from './transitions';

describe('period report workflow', () => {
  it.each([
    ['owed', 'draft', true],
    ['owed', 'submitted', false],
    ['draft', 'submitted', true],
    ['draft', 'approved', false],
    ['submitted', 'approved', true],
    ['submitted', 'returned', true],
    ['submitted', 'draft', false],
    ['returned', 'submitted', true],
    ['returned', 'approved', false],
    ['approved', 'returned', false],
  ] as const)('%s → %s: %s', (from, to, allowed) => {
    expect(canTransition(PERIOD_REPORT_TRANSITIONS, from, to)).toBe(allowed);
  });

  it('names only known statuses', () => {
    for (const next of Object.values(PERIOD_REPORT_TRANSITIONS)) {
      for (const s of next) expect(PERIOD_REPORT_STATUSES).toContain(s);
    }
  });

  it.each([
    ['coordinator', 'draft', true],
    ['coordinator', 'returned', true],
    ['coordinator', 'submitted', false],
    ['coordinator', 'approved', false],
    ['manager', 'draft', false],
    ['liaison', 'owed', false],
    ['admin', 'owed', true],
  ] as const)('%s edits a %s report: %s', (role, status, allowed) => {
    expect(mayEditPeriodReport(role, status)).toBe(allowed);
  });

  it('lets coordinators and admins manage rounds, not managers or liaisons', () => {
    expect(mayManageRounds('coordinator')).toBe(true);
    expect(mayManageRounds('admin')).toBe(true);
    expect(mayManageRounds('manager')).toBe(false);
    expect(mayManageRounds('liaison')).toBe(false);
  });

  it.each([
    ['manager', 'u1', 'submitted', 'u2', null],
    ['admin', 'u1', 'submitted', 'u2', null],
    ['admin', 'u1', 'submitted', 'u1', 'ownSubmission'],
    ['manager', 'u1', 'draft', 'u2', 'notSubmitted'],
    ['coordinator', 'u1', 'submitted', 'u2', 'notPermitted'],
    ['liaison', 'u1', 'submitted', 'u2', 'notPermitted'],
  ] as const)('%s %s reviews a %s report submitted by %s: %s', (role, user, status, submitter, refusal) => {
    expect(reviewRefusal(role, user, { status, submittedById: submitter })).toBe(refusal);
  });

  it('is overdue only while outstanding in an open round after the due date', () => {
    expect(isReportOverdue('owed', '2026-01-31', '2026-02-01', true)).toBe(true);
    expect(isReportOverdue('returned', '2026-01-31', '2026-02-01', true)).toBe(true);
    expect(isReportOverdue('owed', '2026-01-31', '2026-01-31', true)).toBe(false);
    expect(isReportOverdue('submitted', '2026-01-31', '2026-02-01', true)).toBe(false);
    expect(isReportOverdue('owed', '2026-01-31', '2026-02-01', false)).toBe(false);
  });

  it('orders periods and names ISO weeks', () => {
    expect(compareReportingPeriods('2025-H2', '2026-H1')).toBeLessThan(0);
    expect(compareReportingPeriods('2025-H2', '2025-H1')).toBeGreaterThan(0);
    expect(compareReportingPeriods('2025', '2025')).toBe(0);
    expect(isoWeekOf('2026-12-05')).toBe('2026-W49');
    expect(isoWeekOf('2021-01-03')).toBe('2020-W53');
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01');
  });
});
