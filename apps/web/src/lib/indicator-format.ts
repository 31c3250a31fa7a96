import { parseReportingPeriod, type IndicatorUnit, type Language } from '@salkku/shared';
import { useTranslation } from 'react-i18next';
import { intlLocale } from './format';
import { activeLanguage } from './i18n';

/**
 * Indicator values, achievements and reporting periods for display in the active language (issue
 * 12). Values are exact decimal strings ("1234.5"): Intl.NumberFormat formats them as strings
 * (ES2023), never through a float, with up to the 4 decimals a value may have.
 */

/** What a value needs to be shown: its unit, and the unit's name when the unit is "other". */
export interface IndicatorUnitOf {
  unit: IndicatorUnit;
  unitName?: string | null;
}

function numberIn(value: string, language: Language, options: Intl.NumberFormatOptions = {}): string {
  const formatter = new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: 4, ...options });
  return formatter.format(value as unknown as number);
}

/**
 * "1234.5" → "1 234,5" (count, fi), "1 234,5 €" (euros), "37,5 %" (percent), "1 234,5 m²" (other,
 * with its unit's name); null or undefined → "" (the caller says "not reported" or "no target").
 */
export function formatIndicatorValueIn(
  value: string | null | undefined,
  { unit, unitName }: IndicatorUnitOf,
  language: Language,
): string {
  if (value == null || value === '') return '';
  switch (unit) {
    case 'euros':
      return numberIn(value, language, { style: 'currency', currency: 'EUR', minimumFractionDigits: 0 });
    case 'percent':
      return numberIn(value, language, { style: 'unit', unit: 'percent' });
    case 'other':
      return unitName ? `${numberIn(value, language)} ${unitName}` : numberIn(value, language);
    default:
      return numberIn(value, language);
  }
}

/** Achievement (a ratio, 1 = reached) as a whole percentage: 0.8333 → "83 %" (fi), "83%" (en); null → "". */
export function formatAchievementIn(ratio: number | null | undefined, language: Language): string {
  if (ratio == null || !Number.isFinite(ratio)) return '';
  return new Intl.NumberFormat(intlLocale(language), { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

/** A period's parts for its label: the year, and the half (0 for a whole year). */
export function periodParts(period: string): { year: number; half: 0 | 1 | 2 } {
  return parseReportingPeriod(period);
}

export interface IndicatorFormatters {
  language: Language;
  /** A value in its unit ("1 234,5 €"); "" for none. */
  value(value: string | null | undefined, unit: IndicatorUnitOf): string;
  /** A plain number in the language's form ("1 234,5"), e.g. a year's target in a list of values. */
  number(value: string | null | undefined): string;
  /** Achievement as a percentage ("83 %"); "" for none. */
  achievement(ratio: number | null | undefined): string;
  /** A reporting period: "2025", "1. puolivuosi 2025" / "1:a halvåret 2025" / "H1 2025". */
  period(period: string): string;
}

/** Indicator formatters bound to the active language; components re-render when it changes. */
export function useIndicatorFormat(): IndicatorFormatters {
  const { t, i18n } = useTranslation();
  const language = activeLanguage(i18n);
  return {
    language,
    value: (value, unit) => formatIndicatorValueIn(value, unit, language),
    number: (value) => (value == null || value === '' ? '' : numberIn(value, language)),
    achievement: (ratio) => formatAchievementIn(ratio, language),
    period: (period) => {
      const { year, half } = periodParts(period);
      if (half === 0) return t('indicators.periods.year', { year });
      return half === 1 ? t('indicators.periods.firstHalf', { year }) : t('indicators.periods.secondHalf', { year });
    },
  };
}
