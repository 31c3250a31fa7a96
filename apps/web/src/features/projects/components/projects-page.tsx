import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { HealthLabel } from '../../../components/health-label';
import { Pagination } from '../../../components/pagination';
import { useFormat } from '../../../lib/format';
import { localisedName } from '../../../lib/localised-name';
import { useCan } from '../../../lib/session';
import { useProjects, type ProjectSort, type ProjectSummary } from '../api/get-projects';
import { DEFAULT_SORT, isFiltered, projectListSearch, useProjectListView } from '../hooks/use-project-list-view';
import { OPTIONAL_COLUMNS, useProjectColumns, type OptionalColumn } from '../hooks/use-project-columns';
import { ProjectFilters } from './project-filters';
import { DataTable } from '../../../components/data-table';
import { FailureAlert, StatusLine } from '../../../components/load-status';
import { Page } from '../../../components/page';
import { GrantedMoney } from '../../../components/granted-money';

// The export panel loads when a manager opens it: the list does not pay for it.
const ExportPanel = lazy(async () => ({
  default: (await import('../../../components/export-panel')).ExportPanel,
}));

/**
 * The portfolio: the projects of the agreement with their status, funding and next milestone,
 * filtered, sorted and paged by the server. The whole view (filters, order, page) is in the URL.
 */
export function ProjectsPage() {
  const { t } = useTranslation();
  const { view, request, changeFilters, changeSort, changePage } = useProjectListView();
  const projects = useProjects(request);
  const columns = useProjectColumns();
  const filtered = isFiltered(view);
  const data = projects.data;
  // Only coordinators and admins may create projects (the API enforces it too).
  const canCreate = useCan('portfolio:write');
  const canExport = useCan('portfolio:export');
  // The export gets the list's filters and order, all rows (no page).
  const { page: _page, pageSize: _pageSize, ...exportFilters } = request;

  // Loading, then (after a search or filter) how many projects match: a status message.
  const status = projects.isFetching
    ? t('projects.loading')
    : filtered && data && !projects.isError
      ? t('projects.found', { count: data.total })
      : '';

  return (
    <Page title={t('projects.title')}>
      {canCreate && (
        <p>
          <Link to="/projects/new" className="button-link">
            {t('projectForms.actions.newProject')}
          </Link>
        </p>
      )}
      <ProjectFilters view={view} onFiltersChange={changeFilters} onSortChange={changeSort} />
      <ColumnChoice columns={columns} />
      {canExport && (
        <details className="projects-export">
          <summary>{t('exports.exportView')}</summary>
          <Suspense fallback={<p>{t('route.loading')}</p>}>
            <ExportPanel dataset="projects" filters={exportFilters} />
          </Suspense>
        </details>
      )}
      <StatusLine>{status}</StatusLine>
      {projects.isError && (
        <FailureAlert
          message={t('projects.error')}
          actionLabel={t('projects.retry')}
          onAction={() => void projects.refetch()}
        />
      )}
      {data && !projects.isError && (
        <div className={projects.isPlaceholderData ? 'projects-results projects-results--stale' : 'projects-results'}>
          {data.items.length > 0 ? (
            <>
              <ProjectsTable
                items={data.items}
                total={data.total}
                sort={view.sort ?? DEFAULT_SORT}
                busy={projects.isPlaceholderData}
                isShown={columns.isShown}
              />
              <Pagination page={view.page} pageSize={data.pageSize} total={data.total} onPageChange={changePage} />
            </>
          ) : data.total > 0 ? (
            // A page past the end (an old bookmark after projects were removed, say).
            <p>
              {t('projects.pastTheEnd')}{' '}
              <Link to={{ search: projectListSearch({ ...view, page: 1 }).toString() }}>{t('projects.firstPage')}</Link>
            </p>
          ) : (
            <p>{filtered ? t('projects.noMatches') : t('projects.empty')}</p>
          )}
        </div>
      )}
    </Page>
  );
}

/** The columns whose order the sort select can set; their header tells the order (aria-sort). */
type SortableColumn = 'code' | 'name' | 'lifecycleStatus' | 'health';

function ariaSort(sort: ProjectSort, column: SortableColumn): 'ascending' | 'descending' | undefined {
  if (sort === column) return 'ascending';
  if (sort === `-${column}`) return 'descending';
  return undefined;
}

interface ProjectsTableProps {
  items: ProjectSummary[];
  total: number;
  sort: ProjectSort;
  /** The rows are the previous view's while the next one loads. */
  busy: boolean;
  isShown: (column: OptionalColumn) => boolean;
}

/**
 * Which of the table's columns are shown (a disclosure with a checkbox per column), remembered on
 * this device. The defaults leave out the priority area and the lead organisation so that the
 * figures fit a 1366 px screen.
 */
function ColumnChoice({ columns }: { columns: ReturnType<typeof useProjectColumns> }) {
  const { t } = useTranslation();
  return (
    <details className="column-choice">
      <summary>
        {t('projects.columnChoice.summary', { shown: columns.shown.length, all: OPTIONAL_COLUMNS.length })}
      </summary>
      <fieldset className="column-choice__fields">
        <legend>{t('projects.columnChoice.legend')}</legend>
        {OPTIONAL_COLUMNS.map((column) => (
          <label key={column} className="column-choice__option">
            <input
              type="checkbox"
              checked={columns.isShown(column)}
              onChange={(event) => columns.toggle(column, event.target.checked)}
            />
            {t(`projects.columns.${column}`)}
          </label>
        ))}
        <button type="button" className="button-secondary" onClick={columns.reset}>
          {t('projects.columnChoice.reset')}
        </button>
      </fieldset>
    </details>
  );
}

function ProjectsTable({ items, total, sort, busy, isShown }: ProjectsTableProps) {
  const { t } = useTranslation();
  return (
    // A wide table scrolls inside its own region, which takes focus so keyboard users can scroll it.
    <DataTable
      caption={t('projects.caption', { total })}
      columns={[
        { label: t('projects.columns.code'), sort: ariaSort(sort, 'code') },
        { label: t('projects.columns.name'), sort: ariaSort(sort, 'name') },
        isShown('priorityArea') && t('projects.columns.priorityArea'),
        isShown('leadOrganisation') && t('projects.columns.leadOrganisation'),
        isShown('lifecycleStatus') && {
          label: t('projects.columns.lifecycleStatus'),
          sort: ariaSort(sort, 'lifecycleStatus'),
        },
        isShown('health') && { label: t('projects.columns.health'), sort: ariaSort(sort, 'health') },
        isShown('granted') && { label: t('projects.columns.granted'), numeric: true },
        isShown('paid') && { label: t('projects.columns.paid'), numeric: true },
        isShown('remaining') && { label: t('projects.columns.remaining'), numeric: true },
        isShown('nextMilestone') && t('projects.columns.nextMilestone'),
      ]}
      busy={busy}
      stickyHeader
    >
      <tbody>
        {items.map((project) => (
          <ProjectRow key={project.id} project={project} isShown={isShown} />
        ))}
      </tbody>
    </DataTable>
  );
}

function ProjectRow({ project, isShown }: { project: ProjectSummary; isShown: (column: OptionalColumn) => boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { funding, latestStatus, nextMilestone } = project;
  return (
    <tr>
      <td className="nowrap">{project.code}</td>
      <th scope="row">
        <Link to={`/projects/${project.id}`}>{project.name}</Link>
        {project.overdueReport && <strong className="secondary overdue">{t('rounds.flags.overdueReport')}</strong>}
      </th>
      {isShown('priorityArea') && <td>{localisedName(project.priorityArea, format.language)}</td>}
      {isShown('leadOrganisation') && <td>{project.leadOrganisation.name}</td>}
      {isShown('lifecycleStatus') && <td>{t(`lifecycle.${project.lifecycleStatus}`)}</td>}
      {isShown('health') && (
        <td>
          <HealthLabel health={latestStatus?.health ?? null} />
          {latestStatus && (
            <span className="secondary">
              {t('projects.reportedOn', { date: format.date(latestStatus.reportingDate) })}
            </span>
          )}
        </td>
      )}
      {isShown('granted') && (
        <td className="num">
          <GrantedMoney
            amount={funding.granted}
            unknownAmounts={funding.unknownAmounts}
            text="projects.unknownAmounts"
          />
        </td>
      )}
      {isShown('paid') && <td className="num">{format.money(funding.paid)}</td>}
      {isShown('remaining') && <td className="num">{format.money(funding.remaining)}</td>}
      {isShown('nextMilestone') && (
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
      )}
    </tr>
  );
}
