import type { MilestoneStatus } from './vocabulary';
/** Milestone statuses that are finished: such a milestone is never overdue. */
export declare const CLOSED_MILESTONE_STATUSES: readonly MilestoneStatus[];
/**
 * "Overdue" is derived, never stored: the due date is past (before `today`) and the milestone
 * is neither done nor cancelled. A milestone due today is not yet overdue.
 */
export declare function isOverdue(milestone: {
    dueDate: string | null;
    status: MilestoneStatus;
}, today: string): boolean;
