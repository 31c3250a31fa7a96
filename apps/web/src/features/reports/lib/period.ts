import { isIsoDate, todayIso } from '@salkku/shared';

/** A report period: both days included, ISO dates. */
export interface Period {
  from: string;
  to: string;
}

/** The first year offered in the year choice: the ecosystem agreements began in 2021. */
export const FIRST_YEAR = 2021;

export function yearPeriod(year: number): Period {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The calendar year a period covers exactly, or null for any other range. */
export function periodYear(period: Period): number | null {
  const year = Number(period.from.slice(0, 4));
  const whole = yearPeriod(year);
  return whole.from === period.from && whole.to === period.to ? year : null;
}

/** The current year in Helsinki (the API's default period is the same). */
export function currentYear(now: Date = new Date()): number {
  return Number(todayIso('Europe/Helsinki', now).slice(0, 4));
}

/** The years offered: from 2021 to next year (or the year in the URL, whichever is later). */
export function yearChoices(current: number, shown: number | null): number[] {
  const last = Math.max(current + 1, shown ?? 0);
  const first = Math.min(FIRST_YEAR, shown ?? FIRST_YEAR);
  const years: number[] = [];
  for (let year = last; year >= first; year--) years.push(year);
  return years;
}

/**
 * The period in the URL (?from=&to=); the current calendar year when either is missing or not a
 * date. A reversed or too long range is passed on as it is: the API says what is wrong with it.
 */
export function periodFromSearch(search: URLSearchParams, now: Date = new Date()): Period {
  const from = search.get('from');
  const to = search.get('to');
  if (from && to && isIsoDate(from) && isIsoDate(to)) return { from, to };
  return yearPeriod(currentYear(now));
}

/** The query string of a period (for links that keep it). */
export function periodSearch(period: Period): string {
  return new URLSearchParams({ from: period.from, to: period.to }).toString();
}
