"use strict";
/**
 * Salkku's domain vocabulary: the closed sets of values that the API validates and the web app
 * shows. Each list is the single source for its type; the API's enums and the database's check
 * constraints are built from these arrays.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.ERROR_CODES = exports.DEFAULT_PAGE_SIZE = exports.MAX_PAGE_SIZE = exports.LANGUAGES = exports.MILESTONE_STATUSES = exports.FUNDING_DECISION_STATUSES = exports.FUNDING_INSTRUMENTS = exports.HEALTH_VALUES = exports.LIFECYCLE_STATUSES = exports.PROJECT_KINDS = exports.ORGANISATION_KINDS = void 0;
exports.ORGANISATION_KINDS = [
    'city',
    'ministry',
    'regional_council',
    'university',
    'university_of_applied_sciences',
    'research_institute',
    'hospital_district',
    'company',
    'other',
];
exports.PROJECT_KINDS = ['launch', 'other'];
exports.LIFECYCLE_STATUSES = ['planned', 'active', 'on_hold', 'completed', 'cancelled'];
exports.HEALTH_VALUES = ['on_track', 'at_risk', 'off_track'];
exports.FUNDING_INSTRUMENTS = ['akke', 'erdf', 'city_co_funding', 'business_finland', 'other'];
exports.FUNDING_DECISION_STATUSES = ['applied', 'granted', 'amended', 'rejected', 'withdrawn'];
exports.MILESTONE_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'];
exports.LANGUAGES = ['fi', 'sv', 'en'];
/** Largest page a list endpoint serves; the default page size is {@link DEFAULT_PAGE_SIZE}. */
exports.MAX_PAGE_SIZE = 100;
exports.DEFAULT_PAGE_SIZE = 25;
/** The stable error codes of the API's error body (`{ statusCode, code, message, details? }`). */
exports.ERROR_CODES = [
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
    'INTERNAL_ERROR',
];
//# sourceMappingURL=vocabulary.js.map