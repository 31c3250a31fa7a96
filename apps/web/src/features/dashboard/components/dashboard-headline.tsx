import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { intlLocale, useFormat } from '../../../lib/format';
import { DUE_SOON_DAYS, type Dashboard, type DashboardFilters } from '../api/get-dashboard';
import { useIndicatorSummary, type IndicatorSummary } from '../api/get-indicator-summary';
import { DashboardSection, SECTION_IDS } from './dashboard-section';

/** Key indicators (those with a target) on pace, of all key indicators of the agreements in view. */
export function indicatorsOnPace(summary: IndicatorSummary): { onPace: number; total: number } {
  const withTarget = summary.agreements.flatMap((agreement) =>
    agreement.indicators.filter((indicator) => indicator.targetValue !== null),
  );
  return { onPace: withTarget.filter((indicator) => indicator.onPace === true).length, total: withTarget.length };
}

/** The projects list, filtered to the dashboard's agreement and priority area and to `filter`. */
function projectsLink(view: DashboardFilters, filter: Record<string, string>): string {
  const params = new URLSearchParams();
  if (view.agreementId) params.set('agreementId', view.agreementId);
  if (view.priorityAreaId) params.set('priorityAreaId', view.priorityAreaId);
  for (const [key, value] of Object.entries(filter)) params.set(key, value);
  return `/projects?${params.toString()}`;
}

/**
 * The figures at the top of the dashboard, for the agreement and priority area in view: each a
 * link to what is behind it (the projects list filtered, a section of this page, the reporting
 * rounds). The API reads them in the same statements as the sections below, so they agree; the
 * indicators on pace are counted here from the indicator strip's own query (the same cache entry).
 */
export function DashboardHeadline({ data, view }: { data: Dashboard; view: DashboardFilters }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { headline } = data;
  const totalProjects = data.projectsByLifecycle.reduce((sum, row) => sum + row.count, 0);
  const granted = Number(headline.funding.granted);
  const share = granted > 0 ? Number(headline.funding.paid) / granted : 0;
  const count = new Intl.NumberFormat(intlLocale(format.language));
  const percent = new Intl.NumberFormat(intlLocale(format.language), { style: 'percent', maximumFractionDigits: 0 });
  const hash = (id: string) => `#${id}`;

  return (
    <DashboardSection title={t('dashboard.headline.title')} className="dashboard-headline">
      <ul className="headline-figures">
        <Figure
          to={projectsLink(view, { lifecycleStatus: 'active' })}
          value={count.format(headline.activeProjects)}
          label={t('dashboard.headline.active')}
          detail={t('dashboard.headline.activeDetail', { count: totalProjects })}
        />
        <Figure
          to={projectsLink(view, { health: 'at_risk' })}
          value={count.format(headline.atRisk)}
          label={t('dashboard.headline.atRisk')}
          detail={t('dashboard.headline.healthDetail')}
          variant="at-risk"
        />
        <Figure
          to={projectsLink(view, { health: 'off_track' })}
          value={count.format(headline.offTrack)}
          label={t('dashboard.headline.offTrack')}
          detail={t('dashboard.headline.healthDetail')}
          variant="off-track"
        />
        <Figure
          to={hash(SECTION_IDS.funding)}
          value={format.money(headline.funding.granted)}
          label={t('dashboard.headline.funding')}
          detail={
            granted > 0
              ? t('dashboard.headline.paid', {
                  paid: format.money(headline.funding.paid),
                  share: percent.format(share),
                })
              : t('dashboard.headline.nothingGranted')
          }
          variant="wide"
          note={
            headline.funding.unknownAmounts > 0
              ? t('dashboard.funding.unknown', { count: headline.funding.unknownAmounts })
              : undefined
          }
        />
        <Figure
          to={hash(SECTION_IDS.overdue)}
          value={count.format(headline.overdueMilestones)}
          label={t('dashboard.headline.overdue')}
          detail={t('dashboard.headline.dueSoon', { days: DUE_SOON_DAYS, count: headline.milestonesDueSoon })}
          variant={headline.overdueMilestones > 0 ? 'off-track' : undefined}
        />
        <Figure
          to="/rounds"
          value={count.format(headline.reportsOutstanding)}
          label={t('dashboard.headline.reports')}
          detail={
            data.openRounds.length === 0
              ? t('dashboard.headline.noRounds')
              : t('dashboard.headline.reportsOverdue', { count: headline.reportsOverdue })
          }
        />
        <IndicatorsFigure agreementId={view.agreementId} />
      </ul>
    </DashboardSection>
  );
}

/** Indicators on pace, from the indicator strip's query; "…" until it answers. */
function IndicatorsFigure({ agreementId }: { agreementId?: string }) {
  const { t } = useTranslation();
  const summary = useIndicatorSummary(agreementId);
  const counts = summary.data ? indicatorsOnPace(summary.data) : null;
  let value = '–';
  let detail = t('dashboard.headline.indicatorsLoading');
  if (counts) {
    // No key indicators: nothing to count, not "0/0".
    if (counts.total > 0) value = t('dashboard.headline.indicatorsValue', counts);
    detail = counts.total === 0 ? t('dashboard.headline.indicatorsNone') : t('dashboard.headline.indicatorsDetail');
  } else if (summary.isError) {
    detail = t('dashboard.headline.indicatorsError');
  }
  return (
    <Figure
      to={`#${SECTION_IDS.indicators}`}
      value={value}
      label={t('dashboard.headline.indicators')}
      detail={detail}
    />
  );
}

/** One headline figure: its number and name are the link; a line of detail below. */
function Figure({
  to,
  value,
  label,
  detail,
  note,
  variant,
}: {
  to: string;
  value: string;
  label: string;
  detail: ReactNode;
  note?: string;
  variant?: 'at-risk' | 'off-track' | 'wide';
}) {
  const content = (
    <>
      <span className="headline-figure__value">{value}</span>
      <span className="headline-figure__label">{label}</span>
    </>
  );
  return (
    <li className={variant ? `headline-figure headline-figure--${variant}` : 'headline-figure'}>
      {/* An in-page section is a plain anchor (the browser moves there); a list is a route. */}
      {to.startsWith('#') ? (
        <a className="headline-figure__link" href={to}>
          {content}
        </a>
      ) : (
        <Link className="headline-figure__link" to={to}>
          {content}
        </Link>
      )}
      <span className="headline-figure__detail">{detail}</span>
      {note && <span className="headline-figure__detail">{note}</span>}
    </li>
  );
}
