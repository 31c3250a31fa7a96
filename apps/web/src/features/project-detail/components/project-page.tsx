import { Breadcrumbs } from '../../../components/breadcrumbs';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, Link } from 'react-router';
import { useDocumentTitle } from '../../../lib/use-document-title';
import {
  useFundingDecisions,
  useMilestones,
  useParticipants,
  usePayments,
  useStatusReports,
} from '../api/get-project-records';
import { isProjectNotFound, useProject, type ProjectDetail } from '../api/get-project';
import { useProjectHistory } from '../api/get-project-history';
import { useProjectIndicators } from '../api/get-project-indicators';
import { FundingSection } from './funding-section';
import { HistorySection } from './history-section';
import { IndicatorsSection } from './indicators-section';
import { MilestonesSection } from './milestones-section';
import { ParticipantsSection } from './participants-section';
import { PartnersSection } from './partners-section';
import { ProjectActions, ProjectFormNotice } from './project-actions';
import { ProjectOverview } from './project-overview';
import { PROJECT_SECTION_IDS } from './section';
import './project-page.css';
import { StatusReportsSection } from './status-reports-section';
import { SummarySection } from './summary-section';
import { FailureAlert, StatusLine } from '../../../components/load-status';

/**
 * One project (route /projects/:projectId), summary first: its heading with one primary action and
 * a menu of the others (for those who may edit), the project at a glance (stage, health, funding,
 * next milestone, indicator pace), links to the sections, then the sections: basic facts, funding
 * decisions with their payments, milestones, indicators against their targets, status reports,
 * partners, the participant register and the change history (collapsed).
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
  const participants = useParticipants(projectId);
  const indicators = useProjectIndicators(projectId);
  const [historyPage, setHistoryPage] = useState(1);
  // The history is collapsed at first and fetched only when opened.
  const [historyOpen, setHistoryOpen] = useState(false);
  const history = useProjectHistory(projectId, historyPage, historyOpen);

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
          <header className="project-page__header">
            <ProjectHeading id={headingId} project={project.data} />
            <ProjectActions projectId={projectId} />
          </header>
          <ProjectOverview project={project.data} milestones={milestones} indicators={indicators} />
          <SectionNav />
          <SummarySection project={project.data} />
          <FundingSection
            projectId={projectId}
            funding={project.data.funding}
            decisions={decisions}
            payments={payments}
          />
          <MilestonesSection milestones={milestones} />
          <IndicatorsSection projectId={projectId} indicators={indicators} />
          <StatusReportsSection reports={reports} />
          <PartnersSection project={project.data} />
          <ParticipantsSection participants={participants} />
          <HistorySection
            history={history}
            onPageChange={setHistoryPage}
            open={historyOpen}
            onOpenChange={setHistoryOpen}
          />
        </article>
      )}
    </div>
  );
}

/** Links to the page's sections, in page order (the fragments of section.tsx). */
function SectionNav() {
  const { t } = useTranslation();
  const sections: Array<[keyof typeof PROJECT_SECTION_IDS, string]> = [
    ['summary', t('projectPage.summary.title')],
    ['funding', t('projectPage.funding.title')],
    ['milestones', t('projectPage.milestones.title')],
    ['indicators', t('indicators.section.title')],
    ['statusReports', t('projectPage.statusReports.title')],
    ['partners', t('projectPage.partners.title')],
    ['participants', t('participants.title')],
    ['history', t('projectPage.history.title')],
  ];
  return (
    <nav aria-label={t('projectPage.sectionNav')} className="section-nav">
      <ul>
        {sections.map(([key, label]) => (
          <li key={key}>
            <a href={`#${PROJECT_SECTION_IDS[key]}`}>{label}</a>
          </li>
        ))}
      </ul>
    </nav>
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
