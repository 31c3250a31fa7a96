import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { HealthLabel } from '../../../components/health-label';
import { ApiError } from '../../../lib/api/client';
import { useFormat } from '../../../lib/format';
import { localisedName } from '../../../lib/localised-name';
import {
  useAgreementReport,
  type AgreementReport,
  type ReportFundingTable,
  type ReportMilestone,
} from '../api/get-reports';
import { useAgreementIndicatorResults, type AgreementIndicatorResults } from '../api/get-indicator-results';
import { useReportPeriod } from '../hooks/use-report-period';
import { periodSearch } from '../lib/period';
import { FundingChart } from '../../../components/funding-chart';
import { AgreementIndicatorsSection } from './indicator-results';
import {
  countOf,
  FigureCells,
  figureColumns,
  HEALTH_KEYS,
  HealthMixChart,
  PrintPageSetup,
  ReportFrame,
  ReportSection,
  ReportTable,
  TotalRow,
  usePeriodText,
} from './report-parts';

/**
 * The portfolio report of one agreement (/reports/agreements/:agreementId?from=&to=): a summary
 * with charts and their tables, its indicators (indicator-results.tsx), a section per priority area, the
 * agreement-wide funding, milestones and the status narratives of the period.
 */
export function AgreementReportPage() {
  const { t } = useTranslation();
  const { agreementId = '' } = useParams();
  const { period, change } = useReportPeriod();
  const report = useAgreementReport(agreementId, period);
  // Started with the report, not after it: the indicators section shows it when it arrives.
  const indicators = useAgreementIndicatorResults(agreementId);
  const data = report.isError ? undefined : report.data;
  const error = report.error instanceof ApiError ? report.error : null;
  // A 400 about the period (from/to) says so; any other 400 is an address whose agreement id is
  // malformed: that agreement is not found, like a missing one.
  const fields = [...Object.keys(error?.problems ?? {}), ...Object.keys(error?.details ?? {})];
  const periodRefused = error?.status === 400 && fields.some((f) => f === 'from' || f === 'to');
  const notFound = error?.status === 404 || (error?.status === 400 && !periodRefused);
  return (
    <ReportFrame
      title={data ? t('reports.agreement.title', { title: data.agreement.title }) : t('reports.agreement.heading')}
      className="report-page printed-document"
      before={
        <>
          {data && <PrintPageSetup scope={`${data.agreement.city.name} · ${data.agreement.title}`} period={period} />}
          <p className="report-back">
            <Link to={`/reports?${periodSearch(period)}`}>{t('reports.agreement.back')}</Link>
          </p>
        </>
      }
      period={period}
      onPeriodChange={change}
      report={report}
      failure={
        notFound ? t('reports.agreement.notFound') : periodRefused ? t('reports.invalidPeriod') : t('reports.error')
      }
      canRetry={!notFound && !periodRefused}
    >
      {(loaded) => <AgreementContent data={loaded} indicators={indicators} />}
    </ReportFrame>
  );
}

function AgreementContent({
  data,
  indicators,
}: {
  data: AgreementReport;
  indicators: UseQueryResult<AgreementIndicatorResults>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const periodText = usePeriodText(data.period);
  const areaName = (area: AgreementReport['priorityAreas'][number]) => localisedName(area, format.language);

  // Funding by priority area (and the agreement-wide decisions), for the chart and its table.
  const fundingGroups = [
    ...data.priorityAreas.map((area) => ({ key: area.id, name: areaName(area), figures: area.funding.total })),
    ...(data.agreementWideFunding.rows.length > 0
      ? [{ key: 'agreement', name: t('reports.funding.agreementWide'), figures: data.agreementWideFunding.total }]
      : []),
  ];

  return (
    <>
      <p className="report-scope">
        {t('reports.agreement.scope', {
          city: data.agreement.city.name,
          period: periodText,
          asOf: format.date(data.period.asOf),
        })}
      </p>

      <ReportSection title={t('reports.agreement.summary')}>
        <div className="report-charts">
          <FundingChart
            className="report-chart"
            groups={fundingGroups.map((group) => ({ ...group.figures, name: group.name }))}
            texts="reports.funding"
            title={t('reports.charts.fundingTitle')}
            unit={t('reports.charts.fundingUnit')}
            empty={t('reports.charts.fundingEmpty')}
            layout="rows"
          />
          <HealthMixChart
            groups={data.priorityAreas.map((area) => ({ ...area, name: areaName(area) }))}
            label={(summary) => t('reports.agreement.healthChart', { summary })}
          />
        </div>
        <ReportTable caption={t('reports.funding.byArea')} columns={[t('reports.funding.area'), ...figureColumns(t)]}>
          <tbody>
            {fundingGroups.map((group) => (
              <tr key={group.key}>
                <th scope="row">{group.name}</th>
                <FigureCells figures={group.figures} />
              </tr>
            ))}
          </tbody>
          <TotalRow>
            <FigureCells figures={data.funding.total} />
          </TotalRow>
        </ReportTable>
        <ReportTable
          caption={t('reports.agreement.healthByArea')}
          columns={[
            t('reports.funding.area'),
            ...HEALTH_KEYS.map((health) => ({ label: t(`health.${health}`), numeric: true })),
          ]}
        >
          <tbody>
            {data.priorityAreas.map((area) => (
              <tr key={area.id}>
                <th scope="row">{areaName(area)}</th>
                {HEALTH_KEYS.map((health) => (
                  <td className="num" key={health}>
                    {countOf(area.projectsByHealth, health)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </ReportTable>
        <FundingTable caption={t('reports.funding.byFunder')} table={data.funding} />
      </ReportSection>

      <AgreementIndicatorsSection query={indicators} />

      {data.priorityAreas.map((area) => (
        <ReportSection key={area.id} title={areaName(area)}>
          <ProjectsTable area={area} />
          <FundingTable caption={t('reports.funding.areaByFunder', { name: areaName(area) })} table={area.funding} />
        </ReportSection>
      ))}

      {data.agreementWideFunding.rows.length > 0 && (
        <ReportSection title={t('reports.funding.agreementWide')}>
          <FundingTable caption={t('reports.funding.agreementWideByFunder')} table={data.agreementWideFunding} />
        </ReportSection>
      )}

      <ReportSection title={t('reports.milestones.title')}>
        <MilestoneTable
          title={t('reports.milestones.completed')}
          items={data.milestones.completed}
          total={data.milestones.totals.completed}
          empty={t('reports.milestones.emptyCompleted')}
          show="completed"
        />
        <MilestoneTable
          title={t('reports.milestones.due')}
          items={data.milestones.due}
          total={data.milestones.totals.due}
          empty={t('reports.milestones.emptyDue')}
          show="due"
        />
        <MilestoneTable
          title={t('reports.milestones.overdue', { date: format.date(data.period.asOf) })}
          items={data.milestones.overdue}
          total={data.milestones.totals.overdue}
          empty={t('reports.milestones.emptyOverdue')}
          show="overdue"
        />
      </ReportSection>

      <ReportSection title={t('reports.narratives.title')}>
        {data.narratives.length === 0 ? (
          <p>{t('reports.narratives.empty')}</p>
        ) : (
          <>
            <ListCapNote shown={data.narratives.length} total={data.narrativesTotal} />
            <ul className="report-narratives">
              {data.narratives.map((narrative) => (
                <li key={narrative.id}>
                  <p className="report-narratives__meta">
                    <span>{format.date(narrative.reportingDate)}</span>
                    {' · '}
                    <Link to={`/projects/${narrative.project.id}`}>
                      {narrative.project.code} {narrative.project.name}
                    </Link>
                    {' · '}
                    <HealthLabel health={narrative.health} />
                  </p>
                  <p>{narrative.summary}</p>
                  {narrative.risks && (
                    <p>
                      <strong>{t('reports.narratives.risks')}</strong> {narrative.risks}
                    </p>
                  )}
                  {narrative.nextSteps && (
                    <p>
                      <strong>{t('reports.narratives.nextSteps')}</strong> {narrative.nextSteps}
                    </p>
                  )}
                  <p className="secondary">{t('reports.narratives.author', { name: narrative.author })}</p>
                </li>
              ))}
            </ul>
          </>
        )}
      </ReportSection>
    </>
  );
}

function FundingTable({ caption, table }: { caption: string; table: ReportFundingTable }) {
  const { t } = useTranslation();
  if (table.rows.length === 0) {
    return (
      <p>
        <strong>{caption}:</strong> {t('reports.funding.empty')}
      </p>
    );
  }
  return (
    <ReportTable
      caption={caption}
      columns={[t('reports.funding.funder'), t('reports.funding.instrument'), ...figureColumns(t)]}
    >
      <tbody>
        {table.rows.map((row) => (
          <tr key={`${row.funder.id}/${row.instrument}`}>
            <th scope="row">{row.funder.name}</th>
            <td>{t(`projectPage.instruments.${row.instrument}`)}</td>
            <FigureCells figures={row} />
          </tr>
        ))}
      </tbody>
      <TotalRow span={2}>
        <FigureCells figures={table.total} />
      </TotalRow>
    </ReportTable>
  );
}

function ProjectsTable({ area }: { area: AgreementReport['priorityAreas'][number] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const name = localisedName(area, format.language);
  if (area.projects.length === 0) return <p>{t('reports.projects.empty')}</p>;
  return (
    <ReportTable
      caption={t('reports.projects.caption', { name })}
      columns={[
        t('reports.projects.project'),
        t('reports.projects.kind'),
        t('reports.projects.lifecycle'),
        t('reports.projects.health'),
        t('reports.projects.reasons'),
      ]}
    >
      <tbody>
        {area.projects.map((project) => (
          <tr key={project.id}>
            <th scope="row">
              <Link to={`/projects/${project.id}`}>
                {project.code} {project.name}
              </Link>
            </th>
            <td>{t(`projectPage.kinds.${project.kind}`)}</td>
            <td>{t(`lifecycle.${project.lifecycleStatus}`)}</td>
            <td>
              <HealthLabel health={project.latestReport?.health ?? null} />
              {project.latestReport && (
                <span className="secondary">{format.date(project.latestReport.reportingDate)}</span>
              )}
            </td>
            <td>
              {project.latestReport ? (
                <>
                  {project.latestReport.summary}
                  {project.latestReport.risks && (
                    <span className="secondary">
                      {t('reports.narratives.risks')} {project.latestReport.risks}
                    </span>
                  )}
                </>
              ) : (
                ''
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </ReportTable>
  );
}

/**
 * Said under a list the report cuts short (a large agreement): how many it shows of how many, and
 * where the whole list is (the CSV exports).
 */
function ListCapNote({ shown, total }: { shown: number; total: number }) {
  const { t } = useTranslation();
  if (total <= shown) return null;
  return (
    <p className="secondary">
      {t('reports.listCap', { shown, total })} <Link to="/exports">{t('reports.listCapLink')}</Link>
    </p>
  );
}

function MilestoneTable({
  title,
  items,
  total,
  empty,
  show,
}: {
  title: string;
  items: ReportMilestone[];
  /** How many the list has in all (the report holds the first ones). */
  total: number;
  empty: string;
  show: 'completed' | 'due' | 'overdue';
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <h3>{title}</h3>
      <ListCapNote shown={items.length} total={total} />
      {items.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ReportTable
          caption={title}
          captionShown={false}
          columns={[
            t('reports.milestones.milestone'),
            t('reports.milestones.project'),
            { label: t('reports.milestones.dueDate'), numeric: true },
            show === 'completed' && { label: t('reports.milestones.completedOn'), numeric: true },
            show === 'due' && t('reports.milestones.state'),
          ]}
        >
          <tbody>
            {items.map((milestone) => (
              <tr key={milestone.id}>
                <th scope="row">{milestone.title}</th>
                <td>
                  <Link to={`/projects/${milestone.project.id}`}>
                    {milestone.project.code} {milestone.project.name}
                  </Link>
                </td>
                <td className="num">{format.date(milestone.dueDate)}</td>
                {show === 'completed' && <td className="num">{format.date(milestone.completedOn)}</td>}
                {show === 'due' && (
                  <td>{milestone.overdue ? t('reports.milestones.isOverdue') : t('reports.milestones.isOpen')}</td>
                )}
              </tr>
            ))}
          </tbody>
        </ReportTable>
      )}
    </>
  );
}
