import { valueAxis } from './value-axis';

describe('valueAxis', () => {
  it.each([
    // values, whole numbers, expected ticks
    [[0, 3, 0, 2], true, [0, 1, 2, 3]],
    [[2], true, [0, 1, 2]],
    [[7, 1], true, [0, 2, 4, 6, 8]],
    [[250, 40], true, [0, 100, 200, 300]],
    [[23], true, [0, 10, 20, 30]],
    [[200_000, 150_000, 0], false, [0, 50_000, 100_000, 150_000, 200_000]],
    [[1_234_567.89, 234_567.89, 1_000_000], false, [0, 500_000, 1_000_000, 1_500_000]],
    [[0.3], false, [0, 0.1, 0.2, 0.3]],
    [[90], false, [0, 25, 50, 75, 100]],
    [[100, -40], false, [-50, 0, 50, 100]],
  ])('%j (whole numbers: %s) → %j', (values, wholeNumbers, ticks) => {
    const axis = valueAxis(values, { wholeNumbers });
    expect(axis.ticks).toEqual(ticks);
    expect(axis.min).toBe(ticks[0]);
    expect(axis.max).toBe(ticks.at(-1));
  });

  it('keeps a frame of 0–4 when there is nothing but zeros (or nothing at all)', () => {
    expect(valueAxis([0, 0]).ticks).toEqual([0, 1, 2, 3, 4]);
    expect(valueAxis([], { wholeNumbers: true }).ticks).toEqual([0, 1, 2, 3, 4]);
  });

  it('always reaches the largest and the smallest value', () => {
    for (const high of [1, 3, 9, 11, 99, 101, 12_345, 987_654.32, 5e9]) {
      const axis = valueAxis([high, -high / 3]);
      expect(axis.max).toBeGreaterThanOrEqual(high);
      expect(axis.min).toBeLessThanOrEqual(-high / 3);
      expect(axis.ticks.length).toBeLessThanOrEqual(8);
    }
  });
});
