import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { HealthLabel } from '../../../components/health-label';
import { useFormat } from '../../../lib/format';
import { localisedName } from '../../../lib/localised-name';
import type { ProjectDetail } from '../api/get-project';
import { Section } from './section';

/** Code, status and latest health, priority area, lead, planned period, budget and EURA code. */
export function SummarySection({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const latest = project.latestStatusReport;
  const notGiven = t('projectPage.notGiven');
  return (
    <Section title={t('projectPage.summary.title')}>
      <dl className="facts">
        <div>
          <dt>{t('projectPage.summary.code')}</dt>
          <dd>{project.code}</dd>
        </div>
        <div>
          <dt>{t('projectPage.summary.lifecycleStatus')}</dt>
          <dd>{t(`lifecycle.${project.lifecycleStatus}`)}</dd>
        </div>
        <div>
          <dt>{t('projectPage.summary.health')}</dt>
          <dd>
            <HealthLabel health={latest?.health ?? null} />
            {latest && (
              <span className="secondary">
                {t('projectPage.summary.reportedOn', { date: format.date(latest.reportingDate) })}
              </span>
            )}
          </dd>
        </div>
        {project.overdueReport && (
          <div>
            <dt>{t('rounds.flags.periodReport')}</dt>
            <dd>
              <strong className="overdue">{t('rounds.flags.overdueReport')}</strong>{' '}
              <Link to="/rounds?state=open">{t('rounds.flags.toRounds')}</Link>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('projectPage.summary.kind')}</dt>
          <dd>{t(`projectPage.kinds.${project.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('projectPage.summary.priorityArea')}</dt>
          <dd>{localisedName(project.priorityArea, format.language)}</dd>
        </div>
        <div>
          <dt>{t('projectPage.summary.leadOrganisation')}</dt>
          <dd>{project.leadOrganisation.name}</dd>
        </div>
        <div>
          <dt>{t('projectPage.summary.plannedPeriod')}</dt>
          <dd>
            {project.plannedStart || project.plannedEnd
              ? t('projectPage.period', {
                  start: format.date(project.plannedStart) || notGiven,
                  end: format.date(project.plannedEnd) || notGiven,
                })
              : notGiven}
          </dd>
        </div>
        <div>
          <dt>{t('projectPage.summary.totalBudget')}</dt>
          <dd>{format.money(project.totalBudget) || notGiven}</dd>
        </div>
        <div>
          <dt>{t('projectPage.summary.euraCode')}</dt>
          <dd>{project.euraCode || notGiven}</dd>
        </div>
      </dl>
      {project.summary && (
        <>
          <h3>{t('projectPage.summary.description')}</h3>
          <p className="prose">{project.summary}</p>
        </>
      )}
    </Section>
  );
}
