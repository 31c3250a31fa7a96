"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MILESTONE_TRANSITIONS = exports.PAYABLE_DECISION_STATUSES = exports.FUNDING_DECISION_TRANSITIONS = exports.LIFECYCLE_TRANSITIONS = void 0;
exports.canTransition = canTransition;
exports.nextStatuses = nextStatuses;
/**
 * Allowed lifecycle transitions of a project. Completed and cancelled are final: a finished
 * project is reopened by starting a new one, so that its reports stay a true history.
 */
exports.LIFECYCLE_TRANSITIONS = {
    planned: ['active', 'cancelled'],
    active: ['on_hold', 'completed', 'cancelled'],
    on_hold: ['active', 'cancelled'],
    completed: [],
    cancelled: [],
};
/** Allowed status changes of a funding decision. */
exports.FUNDING_DECISION_TRANSITIONS = {
    applied: ['granted', 'rejected', 'withdrawn'],
    granted: ['amended', 'withdrawn'],
    amended: ['amended', 'withdrawn'],
    rejected: [],
    withdrawn: [],
};
/** Funding decisions in these statuses may receive payments. */
exports.PAYABLE_DECISION_STATUSES = ['granted', 'amended'];
/** Allowed status changes of a milestone. */
exports.MILESTONE_TRANSITIONS = {
    planned: ['in_progress', 'done', 'cancelled'],
    in_progress: ['planned', 'done', 'cancelled'],
    done: ['in_progress'],
    cancelled: ['planned'],
};
/** True when `from` may change to `to`; staying in the same status is always allowed. */
function canTransition(table, from, to) {
    return from === to || table[from].includes(to);
}
/** The statuses a record in `from` may move to (for offering only allowed choices in a form). */
function nextStatuses(table, from) {
    return table[from];
}
//# sourceMappingURL=transitions.js.map