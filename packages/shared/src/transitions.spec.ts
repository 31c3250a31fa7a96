import { isOverdue } from './milestones';
import {
  canTransition,
  FUNDING_DECISION_TRANSITIONS,
  LIFECYCLE_TRANSITIONS,
  MILESTONE_TRANSITIONS,
  nextStatuses,
} from './transitions';
import { FUNDING_DECISION_STATUSES, LIFECYCLE_STATUSES, MILESTONE_STATUSES } from './vocabulary';

describe('lifecycle transitions', () => {
  it.each([
    ['planned', 'active', true],
    ['planned', 'cancelled', true],
    ['planned', 'completed', false],
    ['active', 'on_hold', true],
    ['active', 'completed', true],
    ['on_hold', 'active', true],
    ['on_hold', 'completed', false],
    ['completed', 'active', false],
    ['cancelled', 'planned', false],
    ['active', 'active', true],
  ] as const)('%s → %s: %s', (from, to, allowed) => {
    expect(canTransition(LIFECYCLE_TRANSITIONS, from, to)).toBe(allowed);
  });

  it('covers every status and only names known statuses', () => {
    for (const [table, statuses] of [
      [LIFECYCLE_TRANSITIONS, LIFECYCLE_STATUSES],
      [FUNDING_DECISION_TRANSITIONS, FUNDING_DECISION_STATUSES],
      [MILESTONE_TRANSITIONS, MILESTONE_STATUSES],
    ] as const) {
      expect(Object.keys(table).sort()).toEqual([...statuses].sort());
      for (const targets of Object.values(table) as string[][]) {
        for (const t of targets) expect(statuses as readonly string[]).toContain(t);
      }
    }
  });

  it('treats completed and cancelled projects as final', () => {
    expect(nextStatuses(LIFECYCLE_TRANSITIONS, 'completed')).toEqual([]);
    expect(nextStatuses(LIFECYCLE_TRANSITIONS, 'cancelled')).toEqual([]);
  });

  it('lets a funding decision be granted, amended and withdrawn but not revived', () => {
    expect(canTransition(FUNDING_DECISION_TRANSITIONS, 'applied', 'granted')).toBe(true);
    expect(canTransition(FUNDING_DECISION_TRANSITIONS, 'granted', 'amended')).toBe(true);
    expect(canTransition(FUNDING_DECISION_TRANSITIONS, 'rejected', 'granted')).toBe(false);
    expect(canTransition(FUNDING_DECISION_TRANSITIONS, 'withdrawn', 'granted')).toBe(false);
  });
});

describe('overdue milestones', () => {
  const today = '2026-11-28';
  it.each([
    [{ dueDate: '2026-11-27', status: 'planned' }, true],
    [{ dueDate: '2026-11-27', status: 'in_progress' }, true],
    [{ dueDate: '2026-11-27', status: 'done' }, false],
    [{ dueDate: '2026-11-27', status: 'cancelled' }, false],
    [{ dueDate: '2026-11-28', status: 'planned' }, false],
    [{ dueDate: null, status: 'planned' }, false],
  ] as const)('%o → %s', (milestone, overdue) => {
    expect(isOverdue(milestone, today)).toBe(overdue);
  });
});
