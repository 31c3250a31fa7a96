"use strict";
/**
 * Dates without a time of day (decision dates, due dates, reporting dates) are ISO 8601
 * calendar dates, "YYYY-MM-DD", everywhere: in the database (`date`), in the API and in tests.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.ISO_DATE_PATTERN = void 0;
exports.isIsoDate = isIsoDate;
exports.todayIso = todayIso;
exports.compareIsoDates = compareIsoDates;
exports.formatDate = formatDate;
exports.ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** True for a real calendar date in ISO form ("2021-02-30" is false). */
function isIsoDate(value) {
    if (!exports.ISO_DATE_PATTERN.test(value))
        return false;
    const [y, m, d] = value.split('-').map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
/** Today's calendar date in the given IANA time zone (Salkku's cities are in Europe/Helsinki). */
function todayIso(timeZone = 'Europe/Helsinki', now = new Date()) {
    // en-CA formats dates as YYYY-MM-DD.
    return new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
    }).format(now);
}
/** Compares ISO dates; string order is date order for this fixed-width form. */
function compareIsoDates(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Formats an ISO date for display ("fi" → "4.2.2021", "en" → "04/02/2021" style per locale). */
function formatDate(value, locale) {
    if (!isIsoDate(value))
        throw new RangeError(`Not an ISO date: ${JSON.stringify(value)}`);
    const [y, m, d] = value.split('-').map(Number);
    return new Intl.DateTimeFormat(locale, { timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}
//# sourceMappingURL=dates.js.map