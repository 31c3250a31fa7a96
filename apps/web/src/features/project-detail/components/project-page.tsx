import { Breadcrumbs } from '../../../components/breadcrumbs';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, Link } from 'react-router';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useFundingDecisions, useMilestones, usePayments, useStatusReports } from '../api/get-project-records';
import { isProjectNotFound, useProject, type ProjectDetail } from '../api/get-project';
import { useProjectHistory } from '../api/get-project-history';
import { useProjectIndicators } from '../api/get-project-indicators';
import { FundingSection } from './funding-section';
import { HistorySection } from './history-section';
import { IndicatorsSection } from './indicators-section';
import { MilestonesSection } from './milestones-section';
import { PartnersSection } from './partners-section';
import { ProjectActions, ProjectFormNotice } from './project-actions';
import './project-page.css';
import { StatusReportsSection } from './status-reports-section';
import { SummarySection } from './summary-section';
import { FailureAlert, StatusLine } from '../../../components/load-status';

/**
 * One project (route /projects/:projectId): summary, lead and partners, funding decisions with
 * their payments, milestones, indicators against their targets, status reports and the change
 * history, with links to the forms for those who may edit.
 */
export function ProjectPage() {
  const { projectId } = useParams();
  return projectId ? <ProjectPageFor key={projectId} projectId={projectId} /> : <ProjectNotFound />;
}

function ProjectPageFor({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  // Every query starts at once (no waterfall behind the project itself); each section shows its own state.
  const project = useProject(projectId);
  const decisions = useFundingDecisions(projectId);
  const payments = usePayments(projectId);
  const milestones = useMilestones(projectId);
  const reports = useStatusReports(projectId);
  const indicators = useProjectIndicators(projectId);
  const [historyPage, setHistoryPage] = useState(1);
  const history = useProjectHistory(projectId, historyPage);

  const notFound = project.isError && isProjectNotFound(project.error);
  const headingId = useId();
  useDocumentTitle(
    project.data
      ? `${project.data.code} ${project.data.name}`
      : notFound
        ? t('projectPage.notFound.title')
        : t('projectPage.loading'),
  );

  if (notFound) return <ProjectNotFound />;
  return (
    <div className="project-page">
      <StatusLine>{project.isPending && !project.isError ? t('projectPage.loading') : ''}</StatusLine>
      <ProjectFormNotice />
      {project.isError && (
        <FailureAlert
          message={t('projectPage.error')}
          actionLabel={t('projectPage.retry')}
          onAction={() => void project.refetch()}
        />
      )}
      {project.data && (
        <article aria-labelledby={headingId}>
          <Breadcrumbs items={[{ label: t('nav.projects'), to: '/projects' }, { label: project.data.name }]} />
          <ProjectHeading id={headingId} project={project.data} />
          <ProjectActions projectId={projectId} decisions={decisions.data} />
          <SummarySection project={project.data} />
          <PartnersSection project={project.data} />
          <FundingSection funding={project.data.funding} decisions={decisions} payments={payments} />
          <MilestonesSection milestones={milestones} />
          <IndicatorsSection projectId={projectId} indicators={indicators} />
          <StatusReportsSection reports={reports} />
          <HistorySection history={history} onPageChange={setHistoryPage} />
        </article>
      )}
    </div>
  );
}

function ProjectHeading({ id, project }: { id: string; project: ProjectDetail }) {
  return (
    <div className="project-page__heading">
      <p className="project-page__code">{project.code}</p>
      <h1 id={id} tabIndex={-1}>
        {project.name}
      </h1>
    </div>
  );
}

/** A 404 (or an address that cannot be a project's): said plainly, as the page's heading. */
function ProjectNotFound() {
  const { t } = useTranslation();
  return (
    <div role="alert" className="project-page">
      <Breadcrumbs
        items={[{ label: t('nav.projects'), to: '/projects' }, { label: t('projectPage.notFound.title') }]}
      />
      <h1 tabIndex={-1}>{t('projectPage.notFound.title')}</h1>
      <p>{t('projectPage.notFound.body')}</p>
      <p>
        <Link to="/projects">{t('notFound.toProjects')}</Link>
      </p>
    </div>
  );
}
