import {
  achievement,
  expectedValueOn,
  formatIndicatorValue,
  onPace,
  parseReportingPeriod,
  rollUp,
  rollUpRefusal,
  valueToDate,
  type IndicatorAggregation,
  type IndicatorUnit,
  type PeriodValue,
  type RollUpRefusal,
  targetLine,
} from '@salkku/shared';
import type { IndicatorResultLine, TargetValues } from './dto/indicator-results.response';
import { exactValue } from './indicator-value.column';

/**
 * The results' arithmetic, on rows already read: a holder's values over time (valueToDate), the
 * values of several holders added up (rollUp), achievement and pace — each the shared rule of
 * @salkku/shared, applied here and nowhere else in the API.
 */

/** The indicator as its arithmetic needs it. */
export interface Measure {
  unit: IndicatorUnit;
  aggregation: IndicatorAggregation;
}

/** One holder's (a project's, or an agreement's own) values, by period. */
export type Series = readonly PeriodValue[];

/** Which of two periods of one periodicity ends later (years before their halves never meet). */
function laterPeriod(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  const x = parseReportingPeriod(a);
  const y = parseReportingPeriod(b);
  const end = (p: { year: number; half: number }) => p.year + (p.half === 1 ? 0.5 : 1);
  return end(y) > end(x) ? b : a;
}

/** The latest period with a value in a series. */
function latestOf(series: Series): string | null {
  return series.reduce<string | null>((latest, v) => laterPeriod(latest, v.period), null);
}

/** A line with its values, and the achievement and pace they make against the target. */
function measured(
  target: TargetValues | null,
  periods: IndicatorResultLine['periods'],
  toDate: string | null,
  latestPeriod: string | null,
): IndicatorResultLine {
  return {
    target,
    periods,
    toDate,
    latestPeriod,
    achievement: achievement(toDate, target?.targetValue ?? null),
    onPace: latestPeriod === null ? null : onPace(toDate, target, latestPeriod),
    refusal: null,
  };
}

/** A line that cannot be added up: the target stays, the values do not. */
function refused(target: TargetValues | null, periods: readonly string[], refusal: RollUpRefusal): IndicatorResultLine {
  return {
    target,
    periods: periods.map((period) => ({ period, value: null })),
    toDate: null,
    latestPeriod: null,
    achievement: null,
    onPace: null,
    refusal,
  };
}

/** One holder's line: its values by period, and to date by the indicator's aggregation (valueToDate). */
function holderLine(measure: Measure, series: Series, periods: readonly string[]): IndicatorResultLine {
  return measured(
    null,
    periods.map((period) => ({ period, value: series.find((v) => v.period === period)?.value ?? null })),
    valueToDate(series, measure.aggregation),
    latestOf(series),
  );
}

/**
 * Lines of several holders added up (rollUp) against `target`: per period, and to date — each
 * holder's value to date, so that a latest-value indicator adds up each holder's latest value,
 * whichever period it is from. A roll-up that the shared rule refuses (percentages of several
 * holders), or a line that was refused already, is a refusal: the target stays, the values do
 * not. Holders without values are left out; none at all is "nothing reported" (null), never 0.
 */
export function combinedLine(
  measure: Measure,
  target: TargetValues | null,
  lines: readonly IndicatorResultLine[],
  periods: readonly string[],
): IndicatorResultLine {
  const refusedBelow = lines.find((line) => line.refusal !== null)?.refusal;
  if (refusedBelow) return refused(target, periods, refusedBelow);
  const known = (value: string | null) => (value === null ? [] : [{ unit: measure.unit, value }]);
  const total = rollUp(lines.flatMap((line) => known(line.toDate)));
  if (!total.ok) return refused(target, periods, total.refusal);
  const values: IndicatorResultLine['periods'] = [];
  for (const period of periods) {
    const sum = rollUp(lines.flatMap((line) => known(line.periods.find((p) => p.period === period)?.value ?? null)));
    if (!sum.ok) return refused(target, periods, sum.refusal);
    values.push({ period, value: sum.value });
  }
  const latest = lines.reduce<string | null>((l, line) => laterPeriod(l, line.latestPeriod), null);
  return measured(target, values, total.value, latest);
}

/** The result of one or more holders' series of an indicator against `target` (see combinedLine). */
export function resultLine(
  measure: Measure,
  target: TargetValues | null,
  holders: readonly Series[],
  periods: readonly string[],
): IndicatorResultLine {
  const lines = holders.filter((series) => series.length > 0).map((series) => holderLine(measure, series, periods));
  return combinedLine(measure, target, lines, periods);
}

/**
 * A derived indicator's line: its counts per period and to date, computed from the participant
 * register (distinct enterprises, never added up here), measured at the end of the latest period.
 * `registered` false: no participant is registered at this level, so nothing is reported.
 */
export function derivedLine(
  target: TargetValues | null,
  periods: readonly string[],
  counts: ReadonlyMap<string | null, number>,
  registered: boolean,
  latestPeriod: string,
): IndicatorResultLine {
  if (!registered) {
    return measured(
      target,
      periods.map((period) => ({ period, value: null })),
      null,
      null,
    );
  }
  const count = (period: string | null) => String(counts.get(period) ?? 0);
  return measured(
    target,
    periods.map((period) => ({ period, value: count(period) })),
    count(null),
    latestPeriod,
  );
}

/** A stored target as the results show it. */
export function targetValues(target: {
  baselineValue: string;
  baselineYear: number;
  targetValue: string;
  targetYear: number;
  milestones: ReadonlyArray<{ year: number; value: string }>;
}): TargetValues {
  return {
    baselineValue: exactValue(target.baselineValue),
    baselineYear: Number(target.baselineYear),
    targetValue: exactValue(target.targetValue),
    targetYear: Number(target.targetYear),
    milestones: target.milestones.map((m) => ({ year: m.year, value: exactValue(m.value) })),
  };
}

/** An expected value (a number from the shared line) as an exact value, to 4 decimals. */
function exactOf(value: number): string {
  return formatIndicatorValue(BigInt(Math.round(value * 10_000)));
}

/**
 * Several holders' targets added up (an area's from its projects', an agreement's from its
 * projects' when it has none of its own): baselines and targets summed by the shared roll-up,
 * from the earliest baseline year to the latest target year. When the targets' years differ, or
 * any has milestones, the sum's milestones are the sum of each target's expected value at the end
 * of each year between (the shared line), so the pace follows each target's own path. None when
 * the roll-up refuses (percentages of several holders), or without targets.
 */
export function summedTarget(unit: IndicatorUnit, targets: readonly TargetValues[]): TargetValues | null {
  if (targets.length === 0) return null;
  if (targets.length === 1) return targets[0]!;
  const baseline = rollUp(targets.map((t) => ({ unit, value: t.baselineValue })));
  const target = rollUp(targets.map((t) => ({ unit, value: t.targetValue })));
  if (!baseline.ok || !target.ok) return null;
  const baselineYear = Math.min(...targets.map((t) => t.baselineYear));
  const targetYear = Math.max(...targets.map((t) => t.targetYear));
  const sameShape = targets.every(
    (t) => t.baselineYear === baselineYear && t.targetYear === targetYear && t.milestones.length === 0,
  );
  const milestones: TargetValues['milestones'] = [];
  if (!sameShape) {
    const lines = targets.map((t) => targetLine(t));
    for (let year = baselineYear + 1; year < targetYear; year += 1) {
      const expected = lines.reduce((sum, line) => sum + expectedValueOn(line, String(year)), 0);
      milestones.push({ year, value: exactOf(expected) });
    }
  }
  return { baselineValue: baseline.value!, baselineYear, targetValue: target.value!, targetYear, milestones };
}

/** A group's values as the database added them up (see resultAggregatesSql). */
export interface GroupSums {
  periodSums: ReadonlyArray<{ period: string; value: string }>;
  toDate: ReadonlyArray<{ value: string; latestPeriod: string; holders: number | null }>;
}

/**
 * The line of values already added up per group in the database (several groups — an
 * agreement's areas — add up here with the shared roll-up), against `target`. The same as
 * resultLine over the holders' series: percentages of more than one holder are refused, nothing
 * reported is null, a latest-value indicator to date adds each holder's latest value.
 */
export function aggregatedLine(
  measure: Measure,
  target: TargetValues | null,
  sums: GroupSums,
  periods: readonly string[],
): IndicatorResultLine {
  // Holders only matter to a latest-value indicator (a percent is always one); a sum's groups count as one each.
  const holders = sums.toDate.reduce((n, d) => n + (d.holders ?? 1), 0);
  const refusal = rollUpRefusal(measure.unit, holders);
  if (refusal) return refused(target, periods, refusal);
  const add = (values: readonly string[]): string | null => {
    const total = rollUp(values.map((value) => ({ unit: measure.unit, value: exactValue(value) })));
    return total.ok ? total.value : null;
  };
  const toDate = add(sums.toDate.map((d) => d.value));
  const latest = sums.toDate.reduce<string | null>((l, d) => laterPeriod(l, d.latestPeriod), null);
  return measured(
    target,
    periods.map((period) => ({
      period,
      value: add(sums.periodSums.filter((s) => s.period === period).map((s) => s.value)),
    })),
    toDate,
    latest,
  );
}

/**
 * Targets added up per shape in the database (`n` targets each), added up here: as summedTarget
 * over the single targets (the expected value is linear in the values, so a shape's sum has the
 * sum of its targets' expected values). Percentages of more than one target never add up.
 */
export function summedTargetGroups(
  unit: IndicatorUnit,
  groups: ReadonlyArray<Parameters<typeof targetValues>[0] & { n: number }>,
): TargetValues | null {
  if (groups.length === 0) return null;
  if (
    rollUpRefusal(
      unit,
      groups.reduce((n, g) => n + g.n, 0),
    )
  )
    return null;
  return summedTarget(
    unit,
    groups.map((g) => targetValues(g)),
  );
}
