import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';
import type { Milestone } from '../api/get-project-records';
import { PROJECT_SECTION_IDS, ListSection } from './section';
import { useCan } from '../../../lib/session';
import { EditLink } from './project-actions';

/** The milestones on a timeline by due date; an overdue one says so in words, not only in colour. */
export function MilestonesSection({ milestones }: { milestones: UseQueryResult<Milestone[]> }) {
  const { t } = useTranslation();
  return (
    <ListSection
      id={PROJECT_SECTION_IDS.milestones}
      title={t('projectPage.milestones.title')}
      query={milestones}
      empty={t('projectPage.milestones.empty')}
    >
      {(items) => <MilestoneTimeline items={items} />}
    </ListSection>
  );
}

function MilestoneTimeline({ items }: { items: Milestone[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  // Coordinators and admins get an edit link per milestone (the server checks the same permission).
  const canEdit = useCan('portfolio:write');
  const overdue = items.filter((milestone) => milestone.overdue).length;
  return (
    <>
      {overdue > 0 && (
        <p>
          <strong className="overdue">{t('projectPage.milestones.overdueCount', { count: overdue })}</strong>
        </p>
      )}
      <ol className="timeline">
        {items.map((milestone) => (
          <li
            key={milestone.id}
            className={`timeline__item timeline__item--${milestone.status}${milestone.overdue ? ' timeline__item--overdue' : ''}`}
          >
            <p className="timeline__date">
              <time dateTime={milestone.dueDate}>
                {t('projectPage.milestones.due', { date: format.date(milestone.dueDate) })}
              </time>
            </p>
            <h3 className="timeline__title">{milestone.title}</h3>
            <p className="timeline__meta">
              <span>{t(`projectPage.milestones.statuses.${milestone.status}`)}</span>
              {milestone.overdue && (
                <strong className="badge badge--overdue">{t('projectPage.milestones.overdue')}</strong>
              )}
              {milestone.completedOn && (
                <time dateTime={milestone.completedOn}>
                  {t('projectPage.milestones.completedOn', { date: format.date(milestone.completedOn) })}
                </time>
              )}
            </p>
            {milestone.description && <p className="prose">{milestone.description}</p>}
            {canEdit && (
              <p>
                <EditLink
                  to={`/projects/${milestone.projectId}/milestones/${milestone.id}/edit`}
                  label={t('projectForms.actions.editMilestone', { title: milestone.title })}
                />
              </p>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
