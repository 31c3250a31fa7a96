import type { FundingDecisionStatus, LifecycleStatus, MilestoneStatus } from './vocabulary';

/**
 * Allowed lifecycle transitions of a project. Completed and cancelled are final: a finished
 * project is reopened by starting a new one, so that its reports stay a true history.
 */
export const LIFECYCLE_TRANSITIONS: Readonly<Record<LifecycleStatus, readonly LifecycleStatus[]>> = {
  planned: ['active', 'cancelled'],
  active: ['on_hold', 'completed', 'cancelled'],
  on_hold: ['active', 'cancelled'],
  completed: [],
  cancelled: [],
};

/** Allowed status changes of a funding decision. */
export const FUNDING_DECISION_TRANSITIONS: Readonly<Record<FundingDecisionStatus, readonly FundingDecisionStatus[]>> = {
  applied: ['granted', 'rejected', 'withdrawn'],
  granted: ['amended', 'withdrawn'],
  amended: ['amended', 'withdrawn'],
  rejected: [],
  withdrawn: [],
};

/** Funding decisions in these statuses may receive payments. */
export const PAYABLE_DECISION_STATUSES: readonly FundingDecisionStatus[] = ['granted', 'amended'];

/** Allowed status changes of a milestone. */
export const MILESTONE_TRANSITIONS: Readonly<Record<MilestoneStatus, readonly MilestoneStatus[]>> = {
  planned: ['in_progress', 'done', 'cancelled'],
  in_progress: ['planned', 'done', 'cancelled'],
  done: ['in_progress'],
  cancelled: ['planned'],
};

/** True when `from` may change to `to`; staying in the same status is always allowed. */
export function canTransition<S extends string>(table: Readonly<Record<S, readonly S[]>>, from: S, to: S): boolean {
  return from === to || table[from].includes(to);
}

/** The statuses a record in `from` may move to (for offering only allowed choices in a form). */
export function nextStatuses<S extends string>(table: Readonly<Record<S, readonly S[]>>, from: S): readonly S[] {
  return table[from];
}
