import { indicatorValueToInput, parseIndicatorInput, parseYearInput } from './indicator-input';

describe('indicator values as typed', () => {
  it.each([
    ['15', '15'],
    ['1 234,5', '1234.5'],
    ['1\u00a0234.5', '1234.5'],
    ['37,5 %', '37.5'],
    ['1500 €', '1500'],
    ['−3', '-3'],
    ['0,0001', '0.0001'],
    ['007', '7'],
    ['0', '0'],
    ['', null],
    ['  ', null],
  ])('%j → %j', (input, expected) => {
    expect(parseIndicatorInput(input)).toBe(expected);
  });

  it.each(['abc', '1,23456', '1.2.3', '12,', '1e5', '12345678901234'])('%j is not a value', (input) => {
    expect(parseIndicatorInput(input)).toBeUndefined();
  });

  it('shows the API value with a decimal comma', () => {
    expect(indicatorValueToInput('1234.5')).toBe('1234,5');
    expect(indicatorValueToInput(null)).toBe('');
  });
});

describe('years as typed', () => {
  it.each([
    ['2029', 2029],
    [' 2024 ', 2024],
    ['', null],
  ])('%j → %j', (input, expected) => {
    expect(parseYearInput(input)).toBe(expected);
  });

  it.each(['29', '20290', '2029a'])('%j is not a year', (input) => {
    expect(parseYearInput(input)).toBeUndefined();
  });
});
