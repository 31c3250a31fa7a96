import type { MilestoneStatus } from './vocabulary';

/** Milestone statuses that are finished: such a milestone is never overdue. */
export const CLOSED_MILESTONE_STATUSES: readonly MilestoneStatus[] = ['done', 'cancelled'];

/**
 * "Overdue" is derived, never stored: the due date is past (before `today`) and the milestone
 * is neither done nor cancelled. A milestone due today is not yet overdue.
 */
export function isOverdue(milestone: { dueDate: string | null; status: MilestoneStatus }, today: string): boolean {
  return (
    milestone.dueDate !== null && milestone.dueDate < today && !CLOSED_MILESTONE_STATUSES.includes(milestone.status)
  );
}
