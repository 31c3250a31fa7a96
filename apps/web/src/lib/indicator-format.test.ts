import { testI18n } from '../test/i18n';
import { formatAchievementIn, formatIndicatorValueIn } from './indicator-format';

const nbsp = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('indicator values in each language', () => {
  it.each([
    ['fi', 'count', '1234.5', '1 234,5'],
    ['sv', 'count', '1234.5', '1 234,5'],
    // English in Finland (en-FI, lib/format.ts): Finnish digit grouping and decimal comma; money as CLDR writes it.
    ['en', 'count', '1234.5', '1 234,5'],
    ['fi', 'euros', '1500', '1 500 €'],
    ['fi', 'euros', '1234.56', '1 234,56 €'],
    ['en', 'euros', '1500', '€1,500'],
    ['fi', 'percent', '37.5', '37,5 %'],
    ['sv', 'percent', '37.5', '37,5 %'],
    ['en', 'percent', '37.5', '37,5 %'],
    ['fi', 'count', '0.0001', '0,0001'],
    ['fi', 'count', '-2', '−2'],
  ] as const)('%s %s %s → %s', (language, unit, value, expected) => {
    expect(nbsp(formatIndicatorValueIn(value, { unit }, language))).toBe(expected);
  });

  it('keeps every digit of a large exact value (no float on the way)', () => {
    expect(nbsp(formatIndicatorValueIn('9999999999999.9999', { unit: 'count' }, 'fi'))).toBe('9 999 999 999 999,9999');
  });

  it('names an "other" unit after the number', () => {
    expect(nbsp(formatIndicatorValueIn('12.5', { unit: 'other', unitName: 'm²' }, 'fi'))).toBe('12,5 m²');
  });

  it('gives nothing for no value (the caller says "not reported")', () => {
    expect(formatIndicatorValueIn(null, { unit: 'count' }, 'fi')).toBe('');
  });
});

describe('achievement as a percentage of the target', () => {
  it.each([
    ['fi', 0.8333, '83 %'],
    ['sv', 0.8333, '83 %'],
    ['en', 0.8333, '83 %'],
    ['fi', 1.2, '120 %'],
  ] as const)('%s %d → %s', (language, ratio, expected) => {
    expect(nbsp(formatAchievementIn(ratio, language))).toBe(expected);
  });

  it('gives nothing without an achievement', () => {
    expect(formatAchievementIn(null, 'fi')).toBe('');
  });
});

describe('reporting periods, one form per language', () => {
  it.each([
    ['fi', '2025-H1', '1. puolivuosi 2025'],
    ['fi', '2025-H2', '2. puolivuosi 2025'],
    ['sv', '2025-H1', '1:a halvåret 2025'],
    ['en', '2025-H2', 'H2 2025'],
    ['en', '2025', '2025'],
  ] as const)('%s %s → %s', (language, period, expected) => {
    const { t } = testI18n(language);
    const [year, half] = period.split('-H');
    const text = half
      ? t(half === '1' ? 'indicators.periods.firstHalf' : 'indicators.periods.secondHalf', { year })
      : t('indicators.periods.year', { year });
    expect(text).toBe(expected);
  });
});
