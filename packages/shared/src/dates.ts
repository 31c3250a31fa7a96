/**
 * Dates without a time of day (decision dates, due dates, reporting dates) are ISO 8601
 * calendar dates, "YYYY-MM-DD", everywhere: in the database (`date`), in the API and in tests.
 */

export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date in ISO form ("2021-02-30" is false). */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE_PATTERN.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** One YYYY-MM-DD formatter per time zone: building an Intl.DateTimeFormat costs more than formatting. */
const isoDateFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's calendar date in the given IANA time zone (Salkku's cities are in Europe/Helsinki). */
export function todayIso(timeZone = 'Europe/Helsinki', now: Date = new Date()): string {
  let format = isoDateFormats.get(timeZone);
  if (!format) {
    // en-CA formats dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    isoDateFormats.set(timeZone, format);
  }
  return format.format(now);
}

/** Compares ISO dates; string order is date order for this fixed-width form. */
export function compareIsoDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Formats an ISO date for display ("fi" → "4.2.2021", "en" → "04/02/2021" style per locale). */
export function formatDate(value: string, locale: string): string {
  if (!isIsoDate(value)) throw new RangeError(`Not an ISO date: ${JSON.stringify(value)}`);
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}
