import { moneyToInput, parseMoneyInput } from './money-input';

describe('parseMoneyInput', () => {
  test.each([
    ['1 234,50', '1234.50'],
    ['1\u00a0234,50', '1234.50'],
    ['1\u202f234,5 €', '1234.50'],
    ['1000,00', '1000.00'],
    ['250', '250.00'],
    ['250,5', '250.50'],
    ['1234.56', '1234.56'],
    ['007,10', '7.10'],
    ['  99  ', '99.00'],
  ])('%j → %j', (input, expected) => {
    expect(parseMoneyInput(input)).toBe(expected);
  });

  test('an empty input is no amount', () => {
    expect(parseMoneyInput('')).toBeNull();
    expect(parseMoneyInput('   ')).toBeNull();
  });

  test.each(['abc', '1,234,50', '1.234,50', '12,345', '-5', '1e3', ',50', '5,'])('%j is not an amount', (input) => {
    expect(parseMoneyInput(input)).toBeUndefined();
  });
});

test('moneyToInput shows the API value with a decimal comma', () => {
  expect(moneyToInput('1234.50')).toBe('1234,50');
  expect(moneyToInput(null)).toBe('');
});
