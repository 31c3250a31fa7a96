import { FORMULA_START } from './csv-format';

/**
 * Which text cells are neutralised. The export applies FORMULA_START in PostgreSQL (`~`); the
 * same expression read by JavaScript is checked here, and tests/exports.int-spec.ts checks that
 * PostgreSQL reads it alike.
 */
const startsFormula = (text: string): boolean => new RegExp(FORMULA_START, 'u').test(text);

describe('formula neutralisation', () => {
  it.each([
    ['=SUM(A1)', true],
    ['+1', true],
    ['-1', true],
    ['@x', true],
    ['\tx', true],
    ['\rx', true],
    ['\n=1', true],
    ['\r\n+1', true],
    ['   =1', true],
    ['\t -1', true],
    ['\u00A0=1', true],
    ['\u202F@x', true],
    ['\u2007+1', true],
    ['\u3000=1', true],
    ['\u200B=1', true],
    ['\uFEFF=1', true],
    ['\uFF1D1+1', true],
    ['\uFF0B1', true],
    ['\uFF0D1', true],
    ['\uFF20x', true],
    [' \u00A0\n\uFF1D1', true],
    ['VESI-KH', false],
    ['Hanke = hyvä', false],
    ['  Tavallinen', false],
    ['\u00A0Tavallinen', false],
    ['\nrivi', false],
    ['1-2', false],
    ['a@b.fi', false],
    ['', false],
    ['\u2212 1', false],
  ])('%j → %s', (text, expected) => {
    expect(startsFormula(text)).toBe(expected);
  });
});
