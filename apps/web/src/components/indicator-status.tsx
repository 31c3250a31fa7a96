import { useTranslation } from 'react-i18next';
import { useIndicatorFormat } from '../lib/indicator-format';
import './indicator-status.css';

/**
 * An indicator's pace against its target as text ("Aikataulussa" / "Jäljessä aikataulusta"); the
 * dot beside it is decoration only (the health label's look), so the meaning never rests on colour.
 * "No target set" when there is no target, "not reported" when there is a target but no value yet
 * (packages/shared onPace gives null for both).
 */
export function PaceLabel({ onPace, hasTarget }: { onPace: boolean | null; hasTarget: boolean }) {
  const { t } = useTranslation();
  const state = onPace === null ? 'unknown' : onPace ? 'onPace' : 'behind';
  const text = !hasTarget
    ? t('indicators.noTarget')
    : onPace === null
      ? t('indicators.pace.unknown')
      : t(`indicators.pace.${state as 'onPace' | 'behind'}`);
  return (
    <span className={`health indicator-pace indicator-pace--${hasTarget ? state : 'unknown'}`}>
      <span className="health__dot" aria-hidden="true" />
      {text}
    </span>
  );
}

/**
 * Achievement (actual to date ÷ target, shared `achievement`) as a percentage of the target in
 * the active language ("83 % tavoitteesta"); "no target set" without a target, "–" with a target
 * but nothing reported.
 */
export function AchievementLabel({ achievement, hasTarget }: { achievement: number | null; hasTarget: boolean }) {
  const { t } = useTranslation();
  const format = useIndicatorFormat();
  if (!hasTarget) return <>{t('indicators.noTarget')}</>;
  if (achievement === null) return <>{t('indicators.notReported')}</>;
  return <>{t('indicators.achievementOf', { percent: format.achievement(achievement) })}</>;
}
