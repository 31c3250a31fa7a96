import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { HealthLabel } from '../../../components/health-label';
import { ApiError } from '../../../lib/api/client';
import { useFormat, type Formatters } from '../../../lib/format';
import { localisedName } from '../../../lib/localised-name';
import { QueryView } from '../../../components/load-status';
import { Page } from '../../../components/page';
import {
  DUE_SOON_DAYS,
  useDashboard,
  type Dashboard,
  type DashboardFilters,
  type DashboardMilestone,
} from '../api/get-dashboard';
import { useAgreements, usePriorityAreas } from '../../../lib/api/portfolio-choices';
import { STALE_CHOICES, useDashboardView, type DashboardView } from '../hooks/use-dashboard-view';
import { BarChartFigure } from '../../../components/bar-chart-figure';
import { CHART_COLOURS, FundingChart } from '../../../components/funding-chart';
import './dashboard.css';
import { DataTable } from '../../../components/data-table';
import { SelectField } from '../../../components/fields';
import { GrantedMoney } from '../../../components/granted-money';
import { IndicatorStrip } from './indicator-strip';
import { ChartOrTable } from './chart-or-table';
import { DashboardHeadline } from './dashboard-headline';
import { DashboardSection, SECTION_IDS } from './dashboard-section';

/**
 * The portfolio at a glance, for an agreement and priority area chosen in the URL: the headline
 * figures (each a link to what is behind it), the key indicators of each agreement (a strip loaded
 * on its own), projects by lifecycle status and by health, funding by priority area and by funder
 * (each chart with its table one toggle away), milestones due soon and overdue, projects needing
 * an update and the latest reports. `rounds` is the reporting rounds' part (features/rounds),
 * given by the router and put right below the headline: what the city owes is the first thing a
 * coordinator looks for.
 */
export function DashboardPage({ rounds }: { rounds?: ReactNode } = {}) {
  const { t } = useTranslation();
  const { view, change } = useDashboardView();
  const dashboard = useDashboard(view);
  const notFound = dashboard.error instanceof ApiError && dashboard.error.status === 404;

  return (
    <Page title={t('dashboard.title')} className="dashboard">
      <DashboardFilterBar view={view} onChange={change} />
      {dashboard.data && (
        <div className="dashboard__headline" aria-busy={dashboard.isPlaceholderData}>
          <DashboardHeadline data={dashboard.data} view={view} />
        </div>
      )}
      {/* The reporting rounds (what the city owes, open rounds' progress): given by the app, from features/rounds. */}
      {rounds}
      <IndicatorStrip agreementId={view.agreementId} areaChosen={view.priorityAreaId !== undefined} />
      <QueryView
        query={dashboard}
        loading={t('dashboard.loading')}
        failure={notFound ? t('dashboard.notFound') : t('dashboard.error')}
        retryLabel={t('dashboard.retry')}
        canRetry={!notFound}
        className="dashboard__grid"
      >
        {(data) => <DashboardContent data={data} staleAfterDays={view.staleAfterDays} />}
      </QueryView>
    </Page>
  );
}

function DashboardFilterBar({ view, onChange }: { view: DashboardView; onChange: (next: DashboardFilters) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const agreements = useAgreements();
  const areas = usePriorityAreas(view.agreementId);
  return (
    <form className="dashboard__filters" aria-label={t('dashboard.filters.label')} onSubmit={(e) => e.preventDefault()}>
      <SelectField
        label={t('dashboard.filters.agreement')}
        value={view.agreementId ?? ''}
        onChange={(e) => onChange({ ...view, agreementId: e.target.value || undefined, priorityAreaId: undefined })}
        emptyChoice={t('dashboard.filters.allAgreements')}
        choices={agreements.data?.map((agreement) => [agreement.id, agreement.title] as const)}
      />
      <SelectField
        label={t('dashboard.filters.priorityArea')}
        value={view.priorityAreaId ?? ''}
        onChange={(e) => onChange({ ...view, priorityAreaId: e.target.value || undefined })}
        emptyChoice={t('dashboard.filters.allPriorityAreas')}
        choices={areas.data?.map((area) => [area.id, localisedName(area, format.language)] as const)}
      />
      <SelectField
        label={t('dashboard.filters.staleAfterDays')}
        value={String(view.staleAfterDays)}
        onChange={(e) => onChange({ ...view, staleAfterDays: Number(e.target.value) })}
        choices={STALE_CHOICES.map((days) => [String(days), t('dashboard.filters.days', { count: days })] as const)}
      />
    </form>
  );
}

function Card({ id, title, wide, children }: { id?: string; title: string; wide?: boolean; children: ReactNode }) {
  return (
    <DashboardSection id={id} title={title} className={wide ? 'dashboard-card dashboard-card--wide' : 'dashboard-card'}>
      {children}
    </DashboardSection>
  );
}

function DashboardContent({ data, staleAfterDays }: { data: Dashboard; staleAfterDays: number }) {
  const { t } = useTranslation();
  const format = useFormat();

  return (
    <>
      <CountCard
        texts="dashboard.lifecycle"
        rows={data.projectsByLifecycle.map((row) => ({
          key: row.lifecycleStatus,
          name: t(`lifecycle.${row.lifecycleStatus}`),
          count: row.count,
        }))}
      />
      <CountCard
        texts="dashboard.health"
        rows={data.projectsByHealth.map((row) => ({
          key: row.health,
          name: t(`health.${row.health}`),
          label: <HealthLabel health={row.health === 'none' ? null : row.health} />,
          count: row.count,
        }))}
        colours={data.projectsByHealth.map((row) => CHART_COLOURS.health[row.health])}
      />
      <FundingCard
        title={t('dashboard.funding.byArea')}
        nameColumn={t('dashboard.funding.area')}
        rows={data.fundingByPriorityArea.map((row) => ({
          key: row.priorityArea.id,
          name: localisedName(row.priorityArea, format.language),
          ...row,
        }))}
      />
      <FundingCard
        id={SECTION_IDS.funding}
        title={t('dashboard.funding.byFunder')}
        nameColumn={t('dashboard.funding.funder')}
        rows={data.fundingByFunder.map((row) => ({ key: row.funder.id, name: row.funder.name, ...row }))}
      />
      <Card title={t('dashboard.milestones.dueSoon', { count: DUE_SOON_DAYS })}>
        <MilestoneList items={data.milestonesDueSoon} empty={t('dashboard.milestones.emptySoon')} format={format} />
      </Card>
      <Card id={SECTION_IDS.overdue} title={t('dashboard.milestones.overdue')}>
        <MilestoneList items={data.overdueMilestones} empty={t('dashboard.milestones.emptyOverdue')} format={format} />
      </Card>
      <Card title={t('dashboard.needsUpdate.title')}>
        <p>{t('dashboard.needsUpdate.intro', { count: staleAfterDays })}</p>
        {data.projectsNeedingUpdate.length === 0 ? (
          <p>{t('dashboard.needsUpdate.empty')}</p>
        ) : (
          <ul className="dashboard-list">
            {data.projectsNeedingUpdate.map((row) => (
              <li key={row.project.id}>
                <Link to={`/projects/${row.project.id}`}>
                  {row.project.code} {row.project.name}
                </Link>
                <span className="secondary">
                  {row.latestReportingDate
                    ? t('dashboard.needsUpdate.latest', { date: format.date(row.latestReportingDate) })
                    : t('dashboard.needsUpdate.never')}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={t('dashboard.latestReports.title')}>
        {data.latestReports.length === 0 ? (
          <p>{t('dashboard.latestReports.empty')}</p>
        ) : (
          <ul className="dashboard-list">
            {data.latestReports.map((report) => (
              <li key={report.id}>
                <Link to={`/projects/${report.project.id}`}>
                  {report.project.code} {report.project.name}
                </Link>
                <span className="secondary">
                  {format.date(report.reportingDate)} · <HealthLabel health={report.health} />
                </span>
                <span className="dashboard-list__text">{report.summary}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}

interface CountRow {
  key: string;
  name: string;
  /** How the row's name is shown in the table (the name unless given). */
  label?: ReactNode;
  count: number;
}

/**
 * Projects counted by one property (lifecycle status, health): a bar chart with the counts in its
 * text alternative, and the same counts in a table. `texts` is where the card's words are.
 */
function CountCard({
  texts,
  rows,
  colours,
}: {
  texts: 'dashboard.lifecycle' | 'dashboard.health';
  rows: CountRow[];
  colours?: string[];
}) {
  const { t } = useTranslation();
  const title = t(`${texts}.title`);
  const summary = rows.map((row) => `${row.name} ${row.count}`).join(', ');
  return (
    <Card title={title}>
      <ChartOrTable
        chart={
          <BarChartFigure
            className="dashboard-chart"
            label={t(`${texts}.chart`, { summary })}
            data={rows.map((row) => ({ name: row.name, count: row.count }))}
            categoryKey="name"
            series={[{ key: 'count', label: t(`${texts}.count`), colour: CHART_COLOURS.primary }]}
            colours={colours}
            unit={t(`${texts}.unit`)}
            empty={t(`${texts}.empty`)}
            layout="rows"
          />
        }
        table={
          <DataTable
            caption={title}
            className="data-table dashboard-table"
            columns={[t(`${texts}.column`), { label: t(`${texts}.count`), numeric: true }]}
            scroll={false}
          >
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label ?? row.name}</th>
                  <td className="num">{row.count}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        }
      />
    </Card>
  );
}

interface FundingRow {
  key: string;
  name: string;
  granted: string;
  paid: string;
  remaining: string;
  unknownAmounts: number;
}

function FundingCard({
  id,
  title,
  nameColumn,
  rows,
}: {
  id?: string;
  title: string;
  nameColumn: string;
  rows: FundingRow[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = {
    granted: t('dashboard.funding.granted'),
    paid: t('dashboard.funding.paid'),
    remaining: t('dashboard.funding.remaining'),
  };
  return (
    <Card id={id} title={title} wide>
      {rows.length === 0 ? (
        <p>{t('dashboard.funding.empty')}</p>
      ) : (
        <ChartOrTable
          chart={
            <FundingChart
              className="dashboard-chart"
              groups={rows}
              texts="dashboard.funding"
              unit={t('dashboard.funding.unit')}
              empty={t('dashboard.funding.chartEmpty')}
              layout="rows"
            />
          }
          table={
            <DataTable
              caption={title}
              className="data-table dashboard-table"
              columns={[
                nameColumn,
                { label: labels.granted, numeric: true },
                { label: labels.paid, numeric: true },
                { label: labels.remaining, numeric: true },
              ]}
            >
              <tbody>
                {rows.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{row.name}</th>
                    <td className="num">
                      <GrantedMoney
                        amount={row.granted}
                        unknownAmounts={row.unknownAmounts}
                        text="dashboard.funding.unknown"
                      />
                    </td>
                    <td className="num">{format.money(row.paid)}</td>
                    <td className="num">{format.money(row.remaining)}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          }
        />
      )}
    </Card>
  );
}

function MilestoneList({ items, empty, format }: { items: DashboardMilestone[]; empty: string; format: Formatters }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p>{empty}</p>;
  return (
    <ul className="dashboard-list">
      {items.map((milestone) => (
        <li key={milestone.id}>
          <span className="dashboard-list__text">{milestone.title}</span>
          <span className="secondary">{t('dashboard.milestones.due', { date: format.date(milestone.dueDate) })}</span>
          <Link to={`/projects/${milestone.project.id}`}>
            {milestone.project.code} {milestone.project.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}
