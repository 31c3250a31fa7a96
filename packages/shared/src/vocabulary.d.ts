/**
 * Salkku's domain vocabulary: the closed sets of values that the API validates and the web app
 * shows. Each list is the single source for its type; the API's enums and the database's check
 * constraints are built from these arrays.
 */
export declare const ORGANISATION_KINDS: readonly ["city", "ministry", "regional_council", "university", "university_of_applied_sciences", "research_institute", "hospital_district", "company", "other"];
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export declare const PROJECT_KINDS: readonly ["launch", "other"];
export type ProjectKind = (typeof PROJECT_KINDS)[number];
export declare const LIFECYCLE_STATUSES: readonly ["planned", "active", "on_hold", "completed", "cancelled"];
export type LifecycleStatus = (typeof LIFECYCLE_STATUSES)[number];
export declare const HEALTH_VALUES: readonly ["on_track", "at_risk", "off_track"];
export type Health = (typeof HEALTH_VALUES)[number];
export declare const FUNDING_INSTRUMENTS: readonly ["akke", "erdf", "city_co_funding", "business_finland", "other"];
export type FundingInstrument = (typeof FUNDING_INSTRUMENTS)[number];
export declare const FUNDING_DECISION_STATUSES: readonly ["applied", "granted", "amended", "rejected", "withdrawn"];
export type FundingDecisionStatus = (typeof FUNDING_DECISION_STATUSES)[number];
export declare const MILESTONE_STATUSES: readonly ["planned", "in_progress", "done", "cancelled"];
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];
export declare const LANGUAGES: readonly ["fi", "sv", "en"];
export type Language = (typeof LANGUAGES)[number];
/** Largest page a list endpoint serves; the default page size is {@link DEFAULT_PAGE_SIZE}. */
export declare const MAX_PAGE_SIZE = 100;
export declare const DEFAULT_PAGE_SIZE = 25;
/** The stable error codes of the API's error body (`{ statusCode, code, message, details? }`). */
export declare const ERROR_CODES: readonly ["VALIDATION_FAILED", "NOT_FOUND", "VERSION_REQUIRED", "STALE_VERSION", "ILLEGAL_TRANSITION", "PAID_EXCEEDS_GRANTED", "IN_USE", "DUPLICATE", "RULE_VIOLATION", "UNAUTHENTICATED", "FORBIDDEN", "CSRF_FAILED", "TOO_MANY_REQUESTS", "TOO_MANY_EXPORTS", "INTERNAL_ERROR"];
export type ErrorCode = (typeof ERROR_CODES)[number];
