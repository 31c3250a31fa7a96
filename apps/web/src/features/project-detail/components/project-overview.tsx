import type { UseQueryResult } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { GrantedMoney } from '../../../components/granted-money';
import { HealthLabel } from '../../../components/health-label';
import { useFormat } from '../../../lib/format';
import type { ProjectDetail } from '../api/get-project';
import type { ProjectIndicators } from '../api/get-project-indicators';
import type { Milestone } from '../api/get-project-records';

/** The open milestone (not done or cancelled) due first: the list comes by due date. */
export function nextOpenMilestone(milestones: readonly Milestone[]): Milestone | undefined {
  return milestones.find((milestone) => milestone.status !== 'done' && milestone.status !== 'cancelled');
}

/** Of the indicators with a target: how many are on pace, behind, or not assessable yet (nothing reported). */
export function indicatorPace(results: ProjectIndicators) {
  const withTarget = results.indicators.filter((line) => line.result.target !== null);
  const onPace = withTarget.filter((line) => line.result.onPace === true).length;
  const behind = withTarget.filter((line) => line.result.onPace === false).length;
  return { withTarget: withTarget.length, onPace, behind, notYet: withTarget.length - onPace - behind };
}

/**
 * The project at a glance, above its sections: stage, latest health, funding granted / paid /
 * remaining, the next milestone and how many indicators are on pace. Each figure is taken from the
 * same data the section below shows it from (the project's funding totals, the milestones list,
 * the indicator results), so the two never disagree.
 */
export function ProjectOverview({
  project,
  milestones,
  indicators,
}: {
  project: ProjectDetail;
  milestones: UseQueryResult<Milestone[]>;
  indicators: UseQueryResult<ProjectIndicators>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const latest = project.latestStatusReport;
  return (
    <section aria-labelledby={headingId} className="project-overview">
      <h2 id={headingId} className="visually-hidden">
        {t('projectPage.overview.title')}
      </h2>
      <dl className="overview">
        <Fact term={t('projectPage.summary.lifecycleStatus')}>
          <span className="overview__figure">{t(`lifecycle.${project.lifecycleStatus}`)}</span>
        </Fact>
        <Fact term={t('projectPage.summary.health')}>
          <HealthLabel health={latest?.health ?? null} />
          {latest && (
            <span className="secondary">
              {t('projectPage.summary.reportedOn', { date: format.date(latest.reportingDate) })}
            </span>
          )}
          {project.overdueReport && (
            <span className="secondary">
              <strong className="overdue">{t('rounds.flags.overdueReport')}</strong>{' '}
              <Link to="/rounds?state=open">{t('rounds.flags.toRounds')}</Link>
            </span>
          )}
        </Fact>
        <Fact term={t('projectPage.funding.granted')} className="overview__money">
          <GrantedMoney
            amount={project.funding.granted}
            unknownAmounts={project.funding.unknownAmounts}
            text="projectPage.funding.unknownAmounts"
          />
        </Fact>
        <Fact term={t('projectPage.funding.paid')} className="overview__money">
          {format.money(project.funding.paid)}
        </Fact>
        <Fact term={t('projectPage.funding.remaining')} className="overview__money">
          {format.money(project.funding.remaining)}
        </Fact>
        <Fact term={t('projectPage.overview.nextMilestone')}>
          <Loaded query={milestones}>{(items) => <NextMilestone milestones={items} />}</Loaded>
        </Fact>
        <Fact term={t('projectPage.overview.indicatorPace')}>
          <Loaded query={indicators}>{(results) => <Pace results={results} />}</Loaded>
        </Fact>
      </dl>
    </section>
  );
}

function Fact({ term, className, children }: { term: string; className?: string; children: ReactNode }) {
  return (
    <div className={className ? `overview__fact ${className}` : 'overview__fact'}>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** A figure from a section's query: "loading…" until it is there; "not available" if it failed (the section says why). */
function Loaded<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  if (query.data !== undefined) return children(query.data);
  return (
    <span className="secondary">
      {t(query.isError ? 'projectPage.overview.unavailable' : 'projectPage.overview.loading')}
    </span>
  );
}

function NextMilestone({ milestones }: { milestones: Milestone[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const next = nextOpenMilestone(milestones);
  const overdue = milestones.filter((milestone) => milestone.overdue).length;
  if (!next) return <>{t('projectPage.overview.noNextMilestone')}</>;
  return (
    <>
      {next.title}
      <time className="secondary" dateTime={next.dueDate}>
        {t('projectPage.overview.due', { date: format.date(next.dueDate) })}
      </time>
      {overdue > 0 && (
        <strong className="secondary overdue">{t('projectPage.milestones.overdueCount', { count: overdue })}</strong>
      )}
    </>
  );
}

function Pace({ results }: { results: ProjectIndicators }) {
  const { t } = useTranslation();
  const pace = indicatorPace(results);
  if (pace.withTarget === 0) return <>{t('projectPage.overview.noTargets')}</>;
  return (
    <>
      <span className="overview__figure">
        {t('projectPage.overview.paceOf', { onPace: pace.onPace, withTarget: pace.withTarget })}
      </span>{' '}
      <span className="secondary">{t('projectPage.overview.paceOfHint')}</span>
      {pace.behind > 0 && (
        <strong className="secondary overdue">{t('projectPage.overview.behind', { count: pace.behind })}</strong>
      )}
      {pace.notYet > 0 && <span className="secondary">{t('projectPage.overview.notYet', { count: pace.notYet })}</span>}
    </>
  );
}
