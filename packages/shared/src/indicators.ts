/**
 * Indicators against targets (issue 12): the rules written once, for the API and the web app.
 *
 * Values are exact decimals as strings ("15", "1234.50", "37.5"), handled as integers scaled by
 * 10^4 in a bigint, never as floats; a value has at most 4 decimals. Only ratios (achievement)
 * are numbers.
 *
 * - A reporting period is a year ("2025") or a half-year ("2025-H1", "2025-H2"); periods sort by
 *   their text order within one periodicity.
 * - An indicator's values add up over time as the sum of its period values (counts, euros) or as
 *   the latest value (a share, a stock): `aggregation`. A percent never sums.
 * - Values of different units never add up: a roll-up refuses them.
 * - Achievement = actual to date ÷ target (none without a target, or with a zero target).
 * - On pace: the actual to date against the expected value at the end of the latest reported
 *   period, on a straight line from the baseline (value and year) to the target (value and year),
 *   or on the yearly milestones when there are any. A falling target (below its baseline) is on
 *   pace when the actual is at or below the line.
 */

export const INDICATOR_UNITS = ['count', 'euros', 'percent', 'other'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

export const INDICATOR_KINDS = ['output', 'result'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

/** How an indicator's period values add up to a value to date. */
export const INDICATOR_AGGREGATIONS = ['sum', 'latest'] as const;
export type IndicatorAggregation = (typeof INDICATOR_AGGREGATIONS)[number];

/** Where an indicator comes from: an EU common indicator, the InnoCities impact model, or the city's own. */
export const INDICATOR_SOURCES = ['eu_common', 'innocities', 'city'] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];

export const REPORTING_PERIODICITIES = ['year', 'half_year'] as const;
export type ReportingPeriodicity = (typeof REPORTING_PERIODICITIES)[number];

/** A year ("2025") or a half-year ("2025-H1"). */
export const REPORTING_PERIOD_PATTERN = /^(\d{4})(?:-H([12]))?$/;

/** An indicator value: up to 13 integer digits and 4 decimals, optionally negative. */
export const INDICATOR_VALUE_PATTERN = /^-?(0|[1-9]\d{0,12})(\.\d{1,4})?$/;

const SCALE = 10_000n;

/**
 * Values parsed lately: a national answer reads the same sums and targets thousands of times. A
 * pure function's results, dropped wholesale when there are many, so memory stays bounded.
 */
const parsedValues = new Map<string, bigint>();
const PARSED_VALUES_KEPT = 10_000;

/** Parses an indicator value to an integer scaled by 10^4. Throws on anything else. */
export function parseIndicatorValue(value: string): bigint {
  const known = parsedValues.get(value);
  if (known !== undefined) return known;
  if (!INDICATOR_VALUE_PATTERN.test(value)) {
    throw new RangeError(`Not an indicator value: ${JSON.stringify(value)}`);
  }
  const negative = value.startsWith('-');
  const unsigned = negative ? value.slice(1) : value;
  const [whole = '0', fraction = ''] = unsigned.split('.');
  const scaled = BigInt(whole) * SCALE + BigInt((fraction + '0000').slice(0, 4));
  if (parsedValues.size >= PARSED_VALUES_KEPT) parsedValues.clear();
  parsedValues.set(value, negative ? -scaled : scaled);
  return negative ? -scaled : scaled;
}

/** Formats a scaled value back to its shortest exact text (15000000n → "1500", 375000n → "37.5"). */
export function formatIndicatorValue(scaled: bigint): string {
  const negative = scaled < 0n;
  const abs = negative ? -scaled : scaled;
  const whole = (abs / SCALE).toString();
  const fraction = (abs % SCALE).toString().padStart(4, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** The year and half (0 for a whole year) of a reporting period; throws on a malformed one. */
export function parseReportingPeriod(period: string): { year: number; half: 0 | 1 | 2 } {
  const match = REPORTING_PERIOD_PATTERN.exec(period);
  if (!match) throw new RangeError(`Not a reporting period: ${JSON.stringify(period)}`);
  return { year: Number(match[1]), half: match[2] === undefined ? 0 : (Number(match[2]) as 1 | 2) };
}

/** Whether a period is written in the given periodicity ("2025" is a year, "2025-H1" a half-year). */
export function isPeriodOf(period: string, periodicity: ReportingPeriodicity): boolean {
  const match = REPORTING_PERIOD_PATTERN.exec(period);
  if (!match) return false;
  return periodicity === 'year' ? match[2] === undefined : match[2] !== undefined;
}

/**
 * How far into its year a period's end is, as a fraction of the year: 1 for a year or a second
 * half, 0.5 for a first half. Used to place a period on the line from baseline to target.
 */
function endOfPeriod(period: string): number {
  const { year, half } = parseReportingPeriod(period);
  return year + (half === 1 ? 0.5 : 1);
}

export interface PeriodValue {
  period: string;
  value: string;
}

/**
 * The value to date of an indicator from its period values: their sum, or the value of the
 * latest period. Null without any value (nothing reported is not zero).
 */
export function valueToDate(values: readonly PeriodValue[], aggregation: IndicatorAggregation): string | null {
  if (values.length === 0) return null;
  if (aggregation === 'latest') {
    const latest = [...values].sort((a, b) => endOfPeriod(a.period) - endOfPeriod(b.period)).at(-1)!;
    return formatIndicatorValue(parseIndicatorValue(latest.value));
  }
  return formatIndicatorValue(values.reduce((sum, v) => sum + parseIndicatorValue(v.value), 0n));
}

/** Why values cannot be added up. */
export type RollUpRefusal = 'mixedUnits' | 'percentDoesNotSum';

/**
 * Why `count` values of one unit cannot be added up, if they cannot: percentages of more than one
 * holder never sum. (rollUp's rule, for values already summed elsewhere, e.g. in SQL.)
 */
export function rollUpRefusal(unit: IndicatorUnit, count: number): RollUpRefusal | null {
  return unit === 'percent' && count > 1 ? 'percentDoesNotSum' : null;
}

/**
 * Adds up values of several projects (or areas, or agreements) for the level above. Values of
 * different units never add up, and percentages never sum (a share of the whole is not the sum of
 * the shares): both are refused, not guessed at. Null values (nothing reported) are left out; all
 * null gives null.
 */
export function rollUp(
  values: ReadonlyArray<{ unit: IndicatorUnit; value: string | null }>,
): { ok: true; value: string | null } | { ok: false; refusal: RollUpRefusal } {
  const units = new Set(values.map((v) => v.unit));
  if (units.size > 1) return { ok: false, refusal: 'mixedUnits' };
  const refusal = rollUpRefusal([...units][0] ?? 'count', values.length);
  if (refusal) return { ok: false, refusal };
  const known = values.filter((v): v is { unit: IndicatorUnit; value: string } => v.value !== null);
  if (known.length === 0) return { ok: true, value: null };
  return { ok: true, value: formatIndicatorValue(known.reduce((sum, v) => sum + parseIndicatorValue(v.value), 0n)) };
}

/** Achievement: actual to date ÷ target (1 = reached). None without a target or with a zero target. */
export function achievement(actualToDate: string | null, target: string | null): number | null {
  if (actualToDate === null || target === null) return null;
  const targetScaled = parseIndicatorValue(target);
  if (targetScaled === 0n) return null;
  return Number(parseIndicatorValue(actualToDate)) / Number(targetScaled);
}

export interface IndicatorTarget {
  baselineValue: string;
  baselineYear: number;
  targetValue: string;
  targetYear: number;
  /** Optional yearly milestones: the value expected by the end of each year. */
  milestones?: ReadonlyArray<{ year: number; value: string }>;
}

/**
 * The value expected by the end of `period`: on the yearly milestones when the target has any
 * (straight between them, from the baseline before the first and to the target after the last),
 * otherwise on the straight line from the baseline (at the end of its year) to the target (at the
 * end of the target year); the baseline before it, the target after it.
 */
export function expectedValue(target: IndicatorTarget, period: string): number {
  return expectedValueOn(targetLine(target), period);
}

/** The points of a target's line (scaled values at year ends), for expectedValueOn. */
export function targetLine(target: IndicatorTarget): ReadonlyArray<{ at: number; value: number }> {
  return [
    { at: target.baselineYear + 1, value: Number(parseIndicatorValue(target.baselineValue)) },
    ...(target.milestones ?? [])
      .filter((m) => m.year > target.baselineYear && m.year < target.targetYear)
      .map((m) => ({ at: m.year + 1, value: Number(parseIndicatorValue(m.value)) })),
    { at: target.targetYear + 1, value: Number(parseIndicatorValue(target.targetValue)) },
  ].sort((a, b) => a.at - b.at);
}

/** expectedValue on a line made once by targetLine (for many periods of one target). */
export function expectedValueOn(points: ReadonlyArray<{ at: number; value: number }>, period: string): number {
  const at = endOfPeriod(period);
  const first = points[0]!;
  const last = points.at(-1)!;
  let scaled: number;
  if (at <= first.at) scaled = first.value;
  else if (at >= last.at) scaled = last.value;
  else {
    const next = points.findIndex((p) => p.at >= at);
    const a = points[next - 1]!;
    const b = points[next]!;
    scaled = a.value + ((b.value - a.value) * (at - a.at)) / (b.at - a.at);
  }
  return scaled / Number(SCALE);
}

/**
 * Whether the value to date is on pace at the end of `period` (the latest reported one): at or
 * above the expected value for a rising target, at or below it for a falling one. None without a
 * value or a target.
 */
export function onPace(actualToDate: string | null, target: IndicatorTarget | null, period: string): boolean | null {
  if (actualToDate === null || target === null) return null;
  const actual = Number(parseIndicatorValue(actualToDate)) / Number(SCALE);
  const expected = expectedValue(target, period);
  const rising = parseIndicatorValue(target.targetValue) >= parseIndicatorValue(target.baselineValue);
  return rising ? actual >= expected : actual <= expected;
}

/**
 * Participants (issue 12): who takes part in a project, and the indicators derived from them.
 */
export const PARTICIPANT_ROLES = ['lead', 'partner', 'company', 'research_organisation', 'other'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** The kind of support a participant receives from the project. */
export const SUPPORT_KINDS = ['grant', 'advisory', 'test_bed_access', 'none'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

/** Organisation kinds that are research organisations (universities, universities of applied sciences, research institutes). */
export const RESEARCH_ORGANISATION_KINDS = [
  'university',
  'university_of_applied_sciences',
  'research_institute',
] as const;

/** The organisation kind that is an enterprise. */
export const ENTERPRISE_KIND = 'company';

/**
 * Indicators computed from the participant register, never typed in. Each counts an enterprise
 * (organisation kind company) once per agreement, and once nationally, however many projects it
 * takes part in:
 * - enterprises_supported: enterprises receiving support (grant, advisory or test-bed access);
 * - enterprises_supported_by_grants: enterprises receiving a grant;
 * - enterprises_cooperating_with_research: enterprises taking part in a project in which a
 *   research organisation takes part at the same time.
 * An enterprise counts in a period when its participation overlaps the period (no start: from
 * the beginning; no end: ongoing); to date, when it counts in any period up to then.
 */
export const INDICATOR_DERIVATIONS = [
  'enterprises_supported',
  'enterprises_supported_by_grants',
  'enterprises_cooperating_with_research',
] as const;
export type IndicatorDerivation = (typeof INDICATOR_DERIVATIONS)[number];

/** The support kinds that make an enterprise "supported" for a derivation (null: any or none). */
export const DERIVATION_SUPPORT_KINDS: Readonly<Record<IndicatorDerivation, readonly SupportKind[] | null>> = {
  enterprises_supported: ['grant', 'advisory', 'test_bed_access'],
  enterprises_supported_by_grants: ['grant'],
  enterprises_cooperating_with_research: null,
};

/** The first and last day of a reporting period (ISO dates). */
export function periodBounds(period: string): { from: string; to: string } {
  const { year, half } = parseReportingPeriod(period);
  if (half === 1) return { from: `${year}-01-01`, to: `${year}-06-30` };
  if (half === 2) return { from: `${year}-07-01`, to: `${year}-12-31` };
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The periods of a periodicity from one year to another, in order ("2024-H1", "2024-H2", …). */
export function periodsBetween(fromYear: number, toYear: number, periodicity: ReportingPeriodicity): string[] {
  const periods: string[] = [];
  for (let year = fromYear; year <= toYear; year += 1) {
    if (periodicity === 'year') periods.push(String(year));
    else periods.push(`${year}-H1`, `${year}-H2`);
  }
  return periods;
}

/** The period of a periodicity that contains an ISO date. */
export function periodOf(date: string, periodicity: ReportingPeriodicity): string {
  const year = date.slice(0, 4);
  if (periodicity === 'year') return year;
  return `${year}-H${Number(date.slice(5, 7)) <= 6 ? 1 : 2}`;
}
