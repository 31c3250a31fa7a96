import {
  CLOSED_MILESTONE_STATUSES,
  EXPORT_COLUMNS,
  EXPORT_VALUE_LABELS,
  type ExportDataset,
  type Language,
} from '@salkku/shared';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/actor';
import { applySort, likePattern } from '../../common/pagination';
import { selectColumns } from '../../common/scope';
import {
  FUNDING_DECISION_DETAIL_JOINS,
  fundingDecisionFilterSql,
  type FundingDecisionFilters,
} from '../funding-decisions/funding-decisions.service';
import { filteredMilestones, milestoneSortOrder, type MilestoneFilters } from '../milestones/milestones.service';
import { PAYMENT_SCOPED_FROM, paymentFilterSql, type PaymentFilters } from '../payments/payments.service';
import { projectCountSql, projectExportOrderBySql, projectExportRowsSql } from '../projects/project.queries';
import type { ListProjectsQuery } from '../projects/dto/list-projects.query';
import {
  filteredStatusReports,
  statusReportSortOrder,
  type StatusReportFilters,
} from '../status-reports/status-reports.service';
import type { CellSql } from './csv-format';
import { inlineParams } from './sql-literals';

/**
 * The SQL of each export. Every one starts from its list's own filter and sort builder (the
 * functions the list services export), so an export has exactly the list's rows in the list's
 * order, city scope included; it only swaps the page for all rows and the JSON columns for
 * formatted text cells. The result is literal SQL (COPY takes no parameters): the list's `$n`
 * values are inlined by `inlineParams`, the labels are escaped constants.
 */
export interface ExportStatement {
  /** SELECT count(*) of the same rows (for X-Export-Rows). */
  count: string;
  /** The formatted rows, in the file's column order and the list's row order. */
  select: string;
}

export interface ExportContext {
  dataSource: DataSource;
  actor: Actor;
  lang: Language;
  cell: CellSql;
  /** Today in Salkku's time zone (overdue milestones). */
  today: string;
}

type ColumnsOf<D extends ExportDataset> = Record<(typeof EXPORT_COLUMNS)[D][number], string>;

/** The select list in the stable column order of the dataset. */
function selectList<D extends ExportDataset>(dataset: D, columns: ColumnsOf<D>): string {
  return EXPORT_COLUMNS[dataset].map((key: keyof ColumnsOf<D>) => `${columns[key]} AS "${String(key)}"`).join(',\n  ');
}

function areaName(lang: Language, alias: string): string {
  return lang === 'fi'
    ? `${alias}.priority_area_name_fi`
    : `COALESCE(${alias}.priority_area_name_${lang}, ${alias}.priority_area_name_fi)`;
}

export function projectsExport(
  ctx: ExportContext,
  query: Omit<ListProjectsQuery, 'page' | 'pageSize'>,
): ExportStatement {
  const { cell, lang } = ctx;
  const labels = EXPORT_VALUE_LABELS[lang];
  const likeQ = query.q ? likePattern(query.q) : undefined;
  const rows = projectExportRowsSql(ctx.actor, query, likeQ, ctx.today);
  const count = projectCountSql(ctx.actor, query, likeQ);
  const columns: ColumnsOf<'projects'> = {
    code: cell.text('r.code'),
    name: cell.text('r.name'),
    kind: cell.label('r.kind', labels.projectKind),
    lifecycleStatus: cell.label('r.lifecycle_status', labels.lifecycleStatus),
    priorityArea: cell.text(areaName(lang, 'r')),
    leadOrganisation: cell.text('r.lead_organisation_name'),
    plannedStart: cell.date('r.planned_start'),
    plannedEnd: cell.date('r.planned_end'),
    totalBudget: cell.decimal('r.total_budget'),
    euraCode: cell.text('r.eura_code'),
    fundingGranted: cell.decimal('r.funding_granted'),
    fundingPaid: cell.decimal('r.funding_paid'),
    fundingRemaining: cell.decimal('r.funding_remaining'),
    fundingUnknownAmounts: cell.integer('r.funding_unknown_amounts'),
    latestReportingDate: cell.date('r.latest_reporting_date'),
    latestHealth: cell.label('r.latest_health', labels.health),
    nextMilestoneTitle: cell.text('r.next_milestone_title'),
    nextMilestoneDueDate: cell.date('r.next_milestone_due_date'),
    overdueMilestones: cell.integer('r.overdue_milestones'),
    id: 'r.id::text',
  };
  return {
    count: inlineParams(count.sql, count.params),
    select: `SELECT ${selectList('projects', columns)}
      FROM (${inlineParams(rows.sql, rows.params)}) r
      ORDER BY ${projectExportOrderBySql(query.sort, 'r')}`,
  };
}

export function fundingDecisionsExport(ctx: ExportContext, query: FundingDecisionFilters): ExportStatement {
  const { cell } = ctx;
  const labels = EXPORT_VALUE_LABELS[ctx.lang];
  const params: unknown[] = [];
  const { where, orderBy } = fundingDecisionFilterSql(query, ctx.actor, (value) => {
    params.push(value);
    return `$${params.length}`;
  });
  const condition = inlineParams(where, params);
  const columns: ColumnsOf<'funding-decisions'> = {
    decisionDate: cell.date('fd.decision_date'),
    recordNumber: cell.text('fd.record_number'),
    decisionBody: cell.text('fd.decision_body'),
    funder: cell.text('f.name'),
    recipient: cell.text('r.name'),
    projectCode: cell.text('p.code'),
    projectName: cell.text('p.name'),
    instrument: cell.label('fd.instrument', labels.instrument),
    decisionStatus: cell.label('fd.status', labels.decisionStatus),
    amountGranted: cell.decimal('fd.amount_granted'),
    paid: cell.decimal('pay.paid'),
    remaining: cell.decimal('(fd.amount_granted - pay.paid)::numeric(15,2)'),
    paymentCount: cell.integer('pay.payment_count'),
    coFundingRate: cell.decimal('fd.co_funding_rate'),
    cap: cell.decimal('fd.cap'),
    eligibleFrom: cell.date('fd.eligible_from'),
    eligibleTo: cell.date('fd.eligible_to'),
    conditions: cell.text('fd.conditions'),
    id: 'fd.id::text',
  };
  return {
    count: `SELECT count(*)::int AS n FROM funding_decisions fd JOIN agreements a ON a.id = fd.agreement_id
      WHERE ${condition}`,
    select: `SELECT ${selectList('funding-decisions', columns)}
      FROM funding_decisions fd ${FUNDING_DECISION_DETAIL_JOINS}
      WHERE ${condition}
      ORDER BY ${orderBy}`,
  };
}

export function paymentsExport(ctx: ExportContext, query: PaymentFilters): ExportStatement {
  const { cell } = ctx;
  const labels = EXPORT_VALUE_LABELS[ctx.lang];
  const params: unknown[] = [];
  const { where, orderBy } = paymentFilterSql(query, ctx.actor, (value) => {
    params.push(value);
    return `$${params.length}`;
  });
  const condition = inlineParams(where, params);
  const columns: ColumnsOf<'payments'> = {
    paidOn: cell.date('pm.paid_on'),
    amount: cell.decimal('pm.amount'),
    note: cell.text('pm.note'),
    recordNumber: cell.text('fd.record_number'),
    funder: cell.text('f.name'),
    instrument: cell.label('fd.instrument', labels.instrument),
    projectCode: cell.text('p.code'),
    projectName: cell.text('p.name'),
    fundingDecisionId: 'pm.funding_decision_id::text',
    id: 'pm.id::text',
  };
  return {
    count: `SELECT count(*)::int AS n ${PAYMENT_SCOPED_FROM} WHERE ${condition}`,
    select: `SELECT ${selectList('payments', columns)}
      ${PAYMENT_SCOPED_FROM}
      JOIN organisations f ON f.id = fd.funder_id
      LEFT JOIN projects p ON p.id = fd.project_id
      WHERE ${condition}
      ORDER BY ${orderBy}`,
  };
}

export function milestonesExport(ctx: ExportContext, query: MilestoneFilters): ExportStatement {
  const { cell } = ctx;
  const labels = EXPORT_VALUE_LABELS[ctx.lang];
  const filtered = filteredMilestones(ctx.dataSource, query, ctx.actor, ctx.today);
  // The list's overdue rule (isOverdue in @salkku/shared), with the same "today".
  const overdue = 'm.due_date < CAST(:exportToday AS date) AND m.status::text NOT IN (:...exportClosed)';
  const columns: ColumnsOf<'milestones'> = {
    projectCode: cell.text('p.code'),
    projectName: cell.text('p.name'),
    title: cell.text('m.title'),
    description: cell.text('m.description'),
    dueDate: cell.date('m.due_date'),
    milestoneStatus: cell.label('m.status', labels.milestoneStatus),
    completedOn: cell.date('m.completed_on'),
    overdue: cell.yesNo(overdue, labels.yes, labels.no),
    id: 'm.id::text',
  };
  const select = selectColumns(
    filtered.clone(),
    EXPORT_COLUMNS.milestones.map((key) => [columns[key], key] as const),
  ).setParameters({
    ...filtered.getParameters(),
    exportToday: ctx.today,
    exportClosed: [...CLOSED_MILESTONE_STATUSES],
  });
  applySort(select, milestoneSortOrder(query.sort));
  const count = selectColumns(filtered.clone(), [['count(*)::int', 'n']]);
  return {
    count: inlineParams(...count.getQueryAndParameters()),
    select: inlineParams(...select.getQueryAndParameters()),
  };
}

export function statusReportsExport(ctx: ExportContext, query: StatusReportFilters): ExportStatement {
  const { cell } = ctx;
  const labels = EXPORT_VALUE_LABELS[ctx.lang];
  const filtered = filteredStatusReports(ctx.dataSource, query, ctx.actor);
  const columns: ColumnsOf<'status-reports'> = {
    reportingDate: cell.date('s.reporting_date'),
    projectCode: cell.text('p.code'),
    projectName: cell.text('p.name'),
    health: cell.label('s.health', labels.health),
    lifecycleStatus: cell.label('s.lifecycle_status', labels.lifecycleStatus),
    summary: cell.text('s.summary'),
    risks: cell.text('s.risks'),
    nextSteps: cell.text('s.next_steps'),
    author: cell.text('s.author'),
    id: 's.id::text',
  };
  const select = selectColumns(
    filtered.clone(),
    EXPORT_COLUMNS['status-reports'].map((key) => [columns[key], key] as const),
  );
  applySort(select, statusReportSortOrder(query.sort));
  const count = selectColumns(filtered.clone(), [['count(*)::int', 'n']]);
  return {
    count: inlineParams(...count.getQueryAndParameters()),
    select: inlineParams(...select.getQueryAndParameters()),
  };
}
