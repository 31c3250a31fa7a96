/**
 * Salkku's domain vocabulary: the closed sets of values that the API validates and the web app
 * shows. Each list is the single source for its type; the API's enums and the database's check
 * constraints are built from these arrays.
 */

export const ORGANISATION_KINDS = [
  'city',
  'ministry',
  'regional_council',
  'university',
  'university_of_applied_sciences',
  'research_institute',
  'hospital_district',
  'company',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const PROJECT_KINDS = ['launch', 'other'] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];

export const LIFECYCLE_STATUSES = ['planned', 'active', 'on_hold', 'completed', 'cancelled'] as const;
export type LifecycleStatus = (typeof LIFECYCLE_STATUSES)[number];

export const HEALTH_VALUES = ['on_track', 'at_risk', 'off_track'] as const;
export type Health = (typeof HEALTH_VALUES)[number];

export const FUNDING_INSTRUMENTS = ['akke', 'erdf', 'city_co_funding', 'business_finland', 'other'] as const;
export type FundingInstrument = (typeof FUNDING_INSTRUMENTS)[number];

export const FUNDING_DECISION_STATUSES = ['applied', 'granted', 'amended', 'rejected', 'withdrawn'] as const;
export type FundingDecisionStatus = (typeof FUNDING_DECISION_STATUSES)[number];

export const MILESTONE_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export const LANGUAGES = ['fi', 'sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Largest page a list endpoint serves; the default page size is {@link DEFAULT_PAGE_SIZE}. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

/** The stable error codes of the API's error body (`{ statusCode, code, message, details? }`). */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'VERSION_REQUIRED',
  'STALE_VERSION',
  'ILLEGAL_TRANSITION',
  'PAID_EXCEEDS_GRANTED',
  'IN_USE',
  'DUPLICATE',
  'RULE_VIOLATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CSRF_FAILED',
  'TOO_MANY_REQUESTS',
  'TOO_MANY_EXPORTS',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
