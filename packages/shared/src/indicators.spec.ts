import {
  achievement,
  expectedValue,
  formatIndicatorValue,
  isPeriodOf,
  periodBounds,
  periodOf,
  periodsBetween,
  onPace,
  parseIndicatorValue,
  parseReportingPeriod,
  rollUp,
  rollUpRefusal,
  valueToDate,
  type IndicatorTarget,
} from './indicators';

describe('indicator values', () => {
  it.each([
    ['0', 0n, '0'],
    ['15', 150000n, '15'],
    ['37.5', 375000n, '37.5'],
    ['1234.50', 12345000n, '1234.5'],
    ['0.0001', 1n, '0.0001'],
    ['-2.25', -22500n, '-2.25'],
  ])('parses %s exactly and writes it back shortest', (text, scaled, written) => {
    expect(parseIndicatorValue(text)).toBe(scaled);
    expect(formatIndicatorValue(scaled)).toBe(written);
  });

  it.each(['', '1.23456', '1e3', '01', '.5', 'NaN', '1,5'])('refuses %j', (text) => {
    expect(() => parseIndicatorValue(text)).toThrow(RangeError);
  });
});

describe('reporting periods', () => {
  it('reads years and half-years, and refuses anything else', () => {
    expect(parseReportingPeriod('2025')).toEqual({ year: 2025, half: 0 });
    expect(parseReportingPeriod('2025-H1')).toEqual({ year: 2025, half: 1 });
    expect(parseReportingPeriod('2025-H2')).toEqual({ year: 2025, half: 2 });
    for (const bad of ['2025-H3', '25', '2025-1', '2025H1'])
      expect(() => parseReportingPeriod(bad)).toThrow(RangeError);
    expect(isPeriodOf('2025', 'year')).toBe(true);
    expect(isPeriodOf('2025-H1', 'year')).toBe(false);
    expect(isPeriodOf('2025-H1', 'half_year')).toBe(true);
    expect(isPeriodOf('x', 'half_year')).toBe(false);
  });
});

describe('value to date', () => {
  const values = [
    { period: '2024', value: '3' },
    { period: '2022', value: '5' },
    { period: '2023', value: '4.5' },
  ];

  it('sums the period values, exactly', () => {
    expect(valueToDate(values, 'sum')).toBe('12.5');
    expect(
      valueToDate(
        [
          { period: '2024', value: '0.1' },
          { period: '2025', value: '0.2' },
        ],
        'sum',
      ),
    ).toBe('0.3');
  });

  it('or takes the latest period’s value (a share), whatever the order given', () => {
    expect(valueToDate(values, 'latest')).toBe('3');
    expect(
      valueToDate(
        [
          { period: '2025-H2', value: '40' },
          { period: '2025-H1', value: '35' },
        ],
        'latest',
      ),
    ).toBe('40');
  });

  it('is none, not zero, when nothing is reported', () => {
    expect(valueToDate([], 'sum')).toBeNull();
    expect(valueToDate([], 'latest')).toBeNull();
  });
});

describe('roll-up', () => {
  it('adds values of one unit, leaving out what is not reported', () => {
    expect(
      rollUp([
        { unit: 'count', value: '3' },
        { unit: 'count', value: null },
        { unit: 'count', value: '12' },
      ]),
    ).toEqual({ ok: true, value: '15' });
    expect(rollUp([{ unit: 'euros', value: null }])).toEqual({ ok: true, value: null });
  });

  it('never adds values of different units, and never sums percentages', () => {
    expect(
      rollUp([
        { unit: 'count', value: '3' },
        { unit: 'euros', value: '1000' },
      ]),
    ).toEqual({ ok: false, refusal: 'mixedUnits' });
    expect(
      rollUp([
        { unit: 'percent', value: '40' },
        { unit: 'percent', value: '30' },
      ]),
    ).toEqual({ ok: false, refusal: 'percentDoesNotSum' });
    expect(rollUp([{ unit: 'percent', value: '40' }])).toEqual({ ok: true, value: '40' });
  });
});

describe('achievement', () => {
  it('is actual to date ÷ target', () => {
    expect(achievement('6', '15')).toBeCloseTo(0.4, 12);
    expect(achievement('15', '15')).toBe(1);
    expect(achievement('22', '20')).toBeCloseTo(1.1, 12);
  });

  it('is none without an actual, without a target or with a zero target', () => {
    expect(achievement(null, '15')).toBeNull();
    expect(achievement('6', null)).toBeNull();
    expect(achievement('6', '0')).toBeNull();
  });
});

describe('pace', () => {
  // Kajaani's kind of target: 15 new companies by 2029, from none at the end of 2022.
  const rising: IndicatorTarget = { baselineValue: '0', baselineYear: 2022, targetValue: '15', targetYear: 2029 };

  it('expects a straight line from the baseline (end of its year) to the target (end of the target year)', () => {
    // 7 years for 15: 15/7 a year.
    expect(expectedValue(rising, '2022')).toBe(0);
    expect(expectedValue(rising, '2023')).toBeCloseTo(15 / 7, 12);
    expect(expectedValue(rising, '2026')).toBeCloseTo((15 * 4) / 7, 12);
    expect(expectedValue(rising, '2026-H1')).toBeCloseTo((15 * 3.5) / 7, 12);
    expect(expectedValue(rising, '2029')).toBe(15);
    // before the baseline and after the target year the line does not go on
    expect(expectedValue(rising, '2020')).toBe(0);
    expect(expectedValue(rising, '2031')).toBe(15);
  });

  it('follows the yearly milestones when there are some', () => {
    const withMilestones: IndicatorTarget = {
      ...rising,
      milestones: [
        { year: 2024, value: '2' },
        { year: 2026, value: '10' },
      ],
    };
    expect(expectedValue(withMilestones, '2024')).toBe(2);
    expect(expectedValue(withMilestones, '2025')).toBe(6);
    expect(expectedValue(withMilestones, '2026')).toBe(10);
    expect(expectedValue(withMilestones, '2028')).toBeCloseTo(10 + (5 * 2) / 3, 12);
    expect(expectedValue(withMilestones, '2023')).toBe(1);
  });

  it('is on pace at or above the line for a rising target', () => {
    const atLine = ((15 * 4) / 7).toFixed(4);
    expect(onPace(atLine, rising, '2026')).toBe(false); // rounded down below the line
    expect(onPace('9', rising, '2026')).toBe(true);
    expect(onPace('8', rising, '2026')).toBe(false);
    expect(onPace('15', rising, '2029')).toBe(true);
  });

  it('is on pace at or below the line for a falling target', () => {
    const falling: IndicatorTarget = { baselineValue: '40', baselineYear: 2022, targetValue: '20', targetYear: 2026 };
    expect(expectedValue(falling, '2024')).toBe(30);
    expect(onPace('30', falling, '2024')).toBe(true);
    expect(onPace('31', falling, '2024')).toBe(false);
  });

  it('is none without an actual or a target', () => {
    expect(onPace(null, rising, '2026')).toBeNull();
    expect(onPace('3', null, '2026')).toBeNull();
  });
});

describe('reporting periods as dates', () => {
  it('bounds years and half-years', () => {
    expect(periodBounds('2024')).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(periodBounds('2024-H1')).toEqual({ from: '2024-01-01', to: '2024-06-30' });
    expect(periodBounds('2024-H2')).toEqual({ from: '2024-07-01', to: '2024-12-31' });
    expect(() => periodBounds('2024-H3')).toThrow(RangeError);
  });

  it('lists the periods between two years in order', () => {
    expect(periodsBetween(2021, 2023, 'year')).toEqual(['2021', '2022', '2023']);
    expect(periodsBetween(2021, 2022, 'half_year')).toEqual(['2021-H1', '2021-H2', '2022-H1', '2022-H2']);
    expect(periodsBetween(2023, 2021, 'year')).toEqual([]);
  });

  it('finds the period of a date', () => {
    expect(periodOf('2021-09-20', 'year')).toBe('2021');
    expect(periodOf('2021-06-30', 'half_year')).toBe('2021-H1');
    expect(periodOf('2021-07-01', 'half_year')).toBe('2021-H2');
  });
});

describe('rollUpRefusal', () => {
  it('refuses percentages of more than one holder, and nothing else', () => {
    expect(rollUpRefusal('percent', 2)).toBe('percentDoesNotSum');
    expect(rollUpRefusal('percent', 1)).toBeNull();
    expect(rollUpRefusal('count', 5000)).toBeNull();
    expect(rollUpRefusal('euros', 0)).toBeNull();
  });
});
