import { combinedLine, summedTarget } from './indicator-results';
import type { IndicatorResultLine } from './dto/indicator-results.response';

/** A holder's line as the results build it: values by period and to date. */
const line = (values: Record<string, string>, toDate: string, latestPeriod: string): IndicatorResultLine => ({
  target: null,
  periods: Object.entries(values).map(([period, value]) => ({ period, value })),
  toDate,
  latestPeriod,
  achievement: null,
  onPace: null,
  refusal: null,
});

describe('summedTarget', () => {
  const a = { baselineValue: '0', baselineYear: 2021, targetValue: '60', targetYear: 2027, milestones: [] };
  const b = { baselineValue: '10', baselineYear: 2023, targetValue: '20', targetYear: 2025, milestones: [] };

  it('is none without targets, and one target itself', () => {
    expect(summedTarget('count', [])).toBeNull();
    expect(summedTarget('count', [b])).toBe(b);
  });

  it('adds up targets of the same years without inventing milestones', () => {
    expect(summedTarget('euros', [a, { ...a, baselineValue: '5.5', targetValue: '0.25' }])).toEqual({
      baselineValue: '5.5',
      baselineYear: 2021,
      targetValue: '60.25',
      targetYear: 2027,
      milestones: [],
    });
  });

  it('follows each target’s own line where their years differ', () => {
    // A rises 10 a year from 0 at the end of 2021. B is 10 until the end of 2023, then rises 5 a
    // year to 20 at the end of 2025.
    expect(summedTarget('count', [a, b])).toEqual({
      baselineValue: '10',
      baselineYear: 2021,
      targetValue: '80',
      targetYear: 2027,
      milestones: [
        { year: 2022, value: '20' }, // 10 + 10
        { year: 2023, value: '30' }, // 20 + 10
        { year: 2024, value: '45' }, // 30 + 15
        { year: 2025, value: '60' }, // 40 + 20
        { year: 2026, value: '70' }, // 50 + 20
      ],
    });
  });

  it('never adds up the targets of several percentages', () => {
    expect(summedTarget('percent', [a, b])).toBeNull();
  });
});

describe('combinedLine', () => {
  const periods = ['2023', '2024'];

  it('adds up holders per period and to date, from the latest period of any', () => {
    const sum = combinedLine(
      { unit: 'count', aggregation: 'latest' },
      null,
      [line({ '2023': '3' }, '3', '2023'), line({ '2024': '1.5' }, '1.5', '2024')],
      periods,
    );
    expect(sum).toMatchObject({
      periods: [
        { period: '2023', value: '3' },
        { period: '2024', value: '1.5' },
      ],
      toDate: '4.5',
      latestPeriod: '2024',
      refusal: null,
    });
  });

  it('refuses the percentages of several holders, and passes one through', () => {
    const percent = { unit: 'percent', aggregation: 'latest' } as const;
    const one = combinedLine(percent, null, [line({ '2023': '40' }, '40', '2023')], periods);
    expect(one).toMatchObject({ toDate: '40', refusal: null });
    const two = combinedLine(
      percent,
      null,
      [line({ '2023': '40' }, '40', '2023'), line({ '2024': '60' }, '60', '2024')],
      periods,
    );
    expect(two).toMatchObject({
      toDate: null,
      refusal: 'percentDoesNotSum',
      periods: [{ value: null }, { value: null }],
    });
  });

  it('reads nothing reported as null, never 0', () => {
    expect(combinedLine({ unit: 'count', aggregation: 'sum' }, null, [], periods)).toMatchObject({
      toDate: null,
      latestPeriod: null,
      periods: [
        { period: '2023', value: null },
        { period: '2024', value: null },
      ],
    });
  });
});
