import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PaceLabel } from '../../../components/indicator-status';
import { QueryView } from '../../../components/load-status';
import { ApiError } from '../../../lib/api/client';
import { DashboardSection, SECTION_IDS } from './dashboard-section';
import { useIndicatorFormat } from '../../../lib/indicator-format';
import { localisedName } from '../../../lib/localised-name';
import {
  useIndicatorSummary,
  type IndicatorSummary,
  type IndicatorSummaryAgreement,
} from '../api/get-indicator-summary';

/**
 * The indicator strip: for each agreement in view (the chosen one, or every one the user can see),
 * its key indicators (those with a target) with the value to date against the target, the
 * achievement and whether it is on pace, in words. It loads on its own, beside the dashboard's
 * figures, and says so when it fails without touching the rest of the page.
 */
export function IndicatorStrip({ agreementId, areaChosen }: { agreementId?: string; areaChosen: boolean }) {
  const { t } = useTranslation();
  const summary = useIndicatorSummary(agreementId);
  // A chosen agreement that is not found: the dashboard says so once, the strip says nothing.
  if (summary.error instanceof ApiError && summary.error.status === 404) return null;
  return (
    <DashboardSection id={SECTION_IDS.indicators} title={t('indicators.title')} className="dashboard-indicators">
      <QueryView
        query={summary}
        loading={t('indicatorResults.loading')}
        failure={t('indicatorResults.error')}
        retryLabel={t('indicatorResults.retry')}
        className="dashboard-indicators__body"
      >
        {(data) => {
          // Agreements without key indicators are named in one sentence, not a heading each, so a
          // liaison's strip of many agreements stays short.
          const withKeys = data.agreements.filter((agreement) => agreement.indicators.length > 0);
          const without = data.agreements.filter((agreement) => agreement.indicators.length === 0);
          return (
            <>
              {areaChosen && <p className="secondary">{t('indicatorResults.strip.allAreas')}</p>}
              {withKeys.map((agreement) => (
                <AgreementIndicators key={agreement.agreementId} agreement={agreement} indicators={data.indicators} />
              ))}
              {withKeys.length === 0 && data.agreements.length <= 1 ? (
                <p>{t('indicatorResults.strip.noKeyIndicators')}</p>
              ) : (
                without.length > 0 && (
                  <p>
                    {t('indicatorResults.strip.withoutTargets')}{' '}
                    {without.map((agreement) => agreement.title).join('; ')}
                  </p>
                )
              )}
            </>
          );
        }}
      </QueryView>
    </DashboardSection>
  );
}

function AgreementIndicators({
  agreement,
  indicators,
}: {
  agreement: IndicatorSummaryAgreement;
  indicators: IndicatorSummary['indicators'];
}) {
  const { t } = useTranslation();
  const format = useIndicatorFormat();
  const headingId = useId();
  const byId = new Map(indicators.map((indicator) => [indicator.id, indicator]));
  return (
    <section aria-labelledby={headingId} className="indicator-strip">
      <h3 id={headingId}>{agreement.title}</h3>
      <ul className="indicator-strip__list">
        {agreement.indicators.map(({ indicatorId, toDate, targetValue, achievement, onPace }) => {
          const indicator = byId.get(indicatorId);
          if (indicator === undefined) return null;
          return (
            <li key={indicator.id} className="indicator-strip__item">
              <p className="indicator-strip__name">
                {indicator.code} {localisedName(indicator, format.language)}
              </p>
              <dl>
                <dt>{t('indicators.toDate')}</dt>
                <dd>{toDate === null ? t('indicators.notReported') : format.value(toDate, indicator)}</dd>
                <dt>{t('indicators.target')}</dt>
                <dd>{targetValue === null ? t('indicators.noTarget') : format.value(targetValue, indicator)}</dd>
                {achievement !== null && (
                  <>
                    <dt>{t('indicators.achievement')}</dt>
                    <dd>{format.achievement(achievement)}</dd>
                  </>
                )}
                <dt>{t('indicators.pace.title')}</dt>
                <dd>
                  <PaceLabel onPace={onPace} hasTarget={targetValue !== null} />
                </dd>
              </dl>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
