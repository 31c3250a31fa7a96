import type { IndicatorUnit, Language, RollUpRefusal } from '@salkku/shared';
import { useTranslation } from 'react-i18next';
import { intlLocale, useFormat } from '../lib/format';

/** What the text of an indicator's value depends on: its unit (and the unit's name for "other"). */
export interface ValueUnit {
  unit: IndicatorUnit;
  unitName: string | null;
}

/**
 * An indicator value (an exact decimal string: "15", "1234.5", "37.5") as text in the language,
 * with its unit: a count as a number, euros as money, a percent with its sign, any other unit
 * followed by its name ("12 kpl", "3,5 t CO₂"). Intl formats the decimal string exactly.
 */
export function formatIndicatorValueIn(value: string, { unit, unitName }: ValueUnit, language: Language): string {
  const locale = intlLocale(language);
  // Intl.NumberFormat.format accepts decimal strings exactly (ES2023 "Intl.NumberFormat v3").
  const exact = value as unknown as number;
  if (unit === 'euros') {
    const cents = value.includes('.');
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'EUR',
      minimumFractionDigits: cents ? 2 : 0,
      maximumFractionDigits: 4,
    }).format(exact);
  }
  if (unit === 'percent') {
    return new Intl.NumberFormat(locale, { style: 'unit', unit: 'percent', maximumFractionDigits: 4 }).format(exact);
  }
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(exact);
  return unit === 'other' && unitName ? `${number} ${unitName}` : number;
}

/** Achievement (a ratio: 1 = the target reached) as a whole percent in the language ("75 %", "75%"). */
export function formatAchievementIn(achievement: number, language: Language): string {
  return new Intl.NumberFormat(intlLocale(language), { style: 'percent', maximumFractionDigits: 0 }).format(
    achievement,
  );
}

/** Indicator values and achievements in the active language. */
export function useIndicatorFormat() {
  const { language } = useFormat();
  return {
    language,
    value: (value: string, unit: ValueUnit) => formatIndicatorValueIn(value, unit, language),
    achievement: (achievement: number) => formatAchievementIn(achievement, language),
  };
}

/**
 * Whether an indicator is on pace, as text (the dot beside it is decoration only, so the meaning
 * never rests on colour). Without a verdict, why: no target set, or nothing reported yet.
 */
export function PaceLabel({ onPace, hasTarget }: { onPace: boolean | null; hasTarget: boolean }) {
  const { t } = useTranslation();
  if (onPace === null) {
    return <span className="pace pace--none">{hasTarget ? t('indicatorResults.notReported') : t('indicatorResults.noTarget')}</span>;
  }
  return (
    <span className={onPace ? 'pace pace--on' : 'pace pace--behind'}>
      <span className="pace__dot" aria-hidden="true" />
      {onPace ? t('indicatorResults.pace.on') : t('indicatorResults.pace.behind')}
    </span>
  );
}

/** Why a roll-up shows no value: values of different units, or percentages, are not added up. */
export function RefusalText({ refusal }: { refusal: RollUpRefusal }) {
  const { t } = useTranslation();
  return <span className="refusal">{t(`indicatorResults.refusal.${refusal}`)}</span>;
}
