/**
 * Dates without a time of day (decision dates, due dates, reporting dates) are ISO 8601
 * calendar dates, "YYYY-MM-DD", everywhere: in the database (`date`), in the API and in tests.
 */
export declare const ISO_DATE_PATTERN: RegExp;
/** True for a real calendar date in ISO form ("2021-02-30" is false). */
export declare function isIsoDate(value: string): boolean;
/** Today's calendar date in the given IANA time zone (Salkku's cities are in Europe/Helsinki). */
export declare function todayIso(timeZone?: string, now?: Date): string;
/** Compares ISO dates; string order is date order for this fixed-width form. */
export declare function compareIsoDates(a: string, b: string): number;
/** Formats an ISO date for display ("fi" → "4.2.2021", "en" → "04/02/2021" style per locale). */
export declare function formatDate(value: string, locale: string): string;
