"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CLOSED_MILESTONE_STATUSES = void 0;
exports.isOverdue = isOverdue;
/** Milestone statuses that are finished: such a milestone is never overdue. */
exports.CLOSED_MILESTONE_STATUSES = ['done', 'cancelled'];
/**
 * "Overdue" is derived, never stored: the due date is past (before `today`) and the milestone
 * is neither done nor cancelled. A milestone due today is not yet overdue.
 */
function isOverdue(milestone, today) {
    return (milestone.dueDate !== null && milestone.dueDate < today && !exports.CLOSED_MILESTONE_STATUSES.includes(milestone.status));
}
//# sourceMappingURL=milestones.js.map