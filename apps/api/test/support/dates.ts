import { todayIso } from '@salkku/shared';

/** The app's "today": the test app runs with the default time zone, which decides it. */
export const today = todayIso('Europe/Helsinki');

/** The ISO date `days` days after `date` (before it, for a negative number). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
