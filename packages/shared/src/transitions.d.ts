import type { FundingDecisionStatus, LifecycleStatus, MilestoneStatus } from './vocabulary';
/**
 * Allowed lifecycle transitions of a project. Completed and cancelled are final: a finished
 * project is reopened by starting a new one, so that its reports stay a true history.
 */
export declare const LIFECYCLE_TRANSITIONS: Readonly<Record<LifecycleStatus, readonly LifecycleStatus[]>>;
/** Allowed status changes of a funding decision. */
export declare const FUNDING_DECISION_TRANSITIONS: Readonly<Record<FundingDecisionStatus, readonly FundingDecisionStatus[]>>;
/** Funding decisions in these statuses may receive payments. */
export declare const PAYABLE_DECISION_STATUSES: readonly FundingDecisionStatus[];
/** Allowed status changes of a milestone. */
export declare const MILESTONE_TRANSITIONS: Readonly<Record<MilestoneStatus, readonly MilestoneStatus[]>>;
/** True when `from` may change to `to`; staying in the same status is always allowed. */
export declare function canTransition<S extends string>(table: Readonly<Record<S, readonly S[]>>, from: S, to: S): boolean;
/** The statuses a record in `from` may move to (for offering only allowed choices in a form). */
export declare function nextStatuses<S extends string>(table: Readonly<Record<S, readonly S[]>>, from: S): readonly S[];
