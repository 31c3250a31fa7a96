import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';
import { localisedName } from '../../../lib/localised-name';
import type { ProjectDetail } from '../api/get-project';
import { PROJECT_SECTION_IDS, Section } from './section';

/** Code, kind, priority area, lead, planned period, budget, EURA code and the description (stage and health are in the overview above). */
export function SummarySection({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const notGiven = t('projectPage.notGiven');
  return (
    <Section id={PROJECT_SECTION_IDS.summary} title={t('projectPage.summary.title')}>
      <dl className="facts">
        <div>
          <dt>{t('projectPage.summary.code')}</dt>
          <dd>{project.code}</dd>
        </div>
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
