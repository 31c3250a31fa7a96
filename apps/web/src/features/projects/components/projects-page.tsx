import { DEFAULT_PAGE_SIZE } from '@salkku/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HealthLabel } from '../../../components/health-label';
import { Pagination } from '../../../components/pagination';
import { useFormat } from '../../../lib/format';
import { localisedName } from '../../../lib/localised-name';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useProjects, type ProjectSummary } from '../api/get-projects';

/** The portfolio: every project of the agreement with its status, funding and next milestone. */
export function ProjectsPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const pageSize = DEFAULT_PAGE_SIZE;
  const projects = useProjects({ page, pageSize });
  const headingId = useId();
  const title = t('projects.title');
  useDocumentTitle(title);

  return (
    <section aria-labelledby={headingId}>
      <h1 id={headingId} tabIndex={-1}>
        {title}
      </h1>
      <p role="status" className="status-message">
        {projects.isFetching ? t('projects.loading') : ''}
      </p>
      {projects.isError && (
        <div role="alert" className="error-message">
          <p>{t('projects.error')}</p>
          <button type="button" onClick={() => void projects.refetch()}>
            {t('projects.retry')}
          </button>
        </div>
      )}
      {projects.data &&
        (projects.data.items.length === 0 ? (
          <p>{t('projects.empty')}</p>
        ) : (
          <>
            <ProjectsTable items={projects.data.items} total={projects.data.total} />
            <Pagination
              page={projects.data.page}
              pageSize={projects.data.pageSize}
              total={projects.data.total}
              onPageChange={setPage}
            />
          </>
        ))}
    </section>
  );
}

function ProjectsTable({ items, total }: { items: ProjectSummary[]; total: number }) {
  const { t } = useTranslation();
  const captionId = useId();
  return (
    // A wide table scrolls inside its own region, which takes focus so keyboard users can scroll it.
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table">
        <caption id={captionId}>{t('projects.caption', { total })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('projects.columns.code')}</th>
            <th scope="col">{t('projects.columns.name')}</th>
            <th scope="col">{t('projects.columns.priorityArea')}</th>
            <th scope="col">{t('projects.columns.leadOrganisation')}</th>
            <th scope="col">{t('projects.columns.lifecycleStatus')}</th>
            <th scope="col">{t('projects.columns.health')}</th>
            <th scope="col" className="num">
              {t('projects.columns.granted')}
            </th>
            <th scope="col" className="num">
              {t('projects.columns.paid')}
            </th>
            <th scope="col" className="num">
              {t('projects.columns.remaining')}
            </th>
            <th scope="col">{t('projects.columns.nextMilestone')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((project) => (
            <ProjectRow key={project.id} project={project} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ProjectRow({ project }: { project: ProjectSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { funding, latestStatus, nextMilestone } = project;
  return (
    <tr>
      <td className="nowrap">{project.code}</td>
      <th scope="row">{project.name}</th>
      <td>{localisedName(project.priorityArea, format.language)}</td>
      <td>{project.leadOrganisation.name}</td>
      <td>{t(`lifecycle.${project.lifecycleStatus}`)}</td>
      <td>
        <HealthLabel health={latestStatus?.health ?? null} />
        {latestStatus && (
          <span className="secondary">
            {t('projects.reportedOn', { date: format.date(latestStatus.reportingDate) })}
          </span>
        )}
      </td>
      <td className="num">
        {format.money(funding.granted)}
        {funding.unknownAmounts > 0 && (
          <span className="secondary">{t('projects.unknownAmounts', { count: funding.unknownAmounts })}</span>
        )}
      </td>
      <td className="num">{format.money(funding.paid)}</td>
      <td className="num">{format.money(funding.remaining)}</td>
      <td>
        {nextMilestone && (
          <>
            {nextMilestone.title}
            <time className="secondary" dateTime={nextMilestone.dueDate}>
              {format.date(nextMilestone.dueDate)}
            </time>
          </>
        )}
        {project.overdueMilestones > 0 && (
          <strong className="secondary overdue">{t('projects.overdue', { count: project.overdueMilestones })}</strong>
        )}
      </td>
    </tr>
  );
}
