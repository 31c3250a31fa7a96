/** The value axis of a bar chart: its domain and the values marked on it, from `min` to `max`. */
export interface ValueAxis {
  min: number;
  max: number;
  /** Equally spaced, the first is `min` and the last `max`. */
  ticks: number[];
}

/**
 * A value axis for `values`: from a round number at or below the smallest value (0 unless one is
 * negative) to one at or above the largest, in about `steps` equal steps of 1, 2, 2.5 or 5 times a
 * power of ten (whole steps only, for counts, with `wholeNumbers`). With nothing but zeros (an
 * empty portfolio) the axis still runs 0–`steps`, so the chart keeps its frame.
 */
export function valueAxis(values: number[], { wholeNumbers = false, steps = 4 } = {}): ValueAxis {
  const finite = values.filter(Number.isFinite);
  const low = Math.min(0, ...finite);
  const high = Math.max(0, ...finite);
  if (low === high) return { min: 0, max: steps, ticks: Array.from({ length: steps + 1 }, (_, i) => i) };

  const rough = (high - low) / steps;
  const power = 10 ** Math.floor(Math.log10(rough));
  const multipliers = wholeNumbers && power < 10 ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10];
  // rough / power is in [1, 10), so a multiplier always fits.
  let step = (multipliers.find((m) => m * power >= rough) ?? 10) * power;
  if (wholeNumbers) step = Math.max(1, Math.round(step));

  const first = Math.floor(low / step);
  const last = Math.ceil(high / step);
  // Multiples of the step, rounded so that 0.1 + 0.2 does not print as 0.30000000000000004.
  const ticks = Array.from({ length: last - first + 1 }, (_, i) => Number(((first + i) * step).toPrecision(12)));
  return { min: ticks[0]!, max: ticks.at(-1)!, ticks };
}
