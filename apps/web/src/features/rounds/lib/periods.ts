import { periodOf, periodsBetween, todayIso, type ReportingPeriodicity } from '@salkku/shared';

/** The first year an agreement may report on when it names none (the agreements run 2021–2027). */
const FIRST_AGREEMENT_YEAR = 2021;

/**
 * The periods a round may cover for an agreement: its reporting periods (years or half-years)
 * from the year it took effect up to the current one, latest first (the API refuses a future
 * period). The default is the latest finished period, else the current one.
 */
export function roundPeriodChoices(
  periodicity: ReportingPeriodicity,
  validFrom: string | null,
  today: string = todayIso(),
): { periods: string[]; preferred: string } {
  const currentYear = Number(today.slice(0, 4));
  const fromYear = Math.min(validFrom ? Number(validFrom.slice(0, 4)) : FIRST_AGREEMENT_YEAR, currentYear);
  const current = periodOf(today, periodicity);
  const periods = periodsBetween(fromYear, currentYear, periodicity)
    .filter((period) => period <= current)
    .reverse();
  const preferred = periods.find((period) => period < current) ?? current;
  return { periods, preferred };
}

/** "2025-H1" → "2025 H1"; a year stays as it is. */
export function periodLabel(period: string): string {
  return period.replace('-H', ' H');
}
