import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { todayIso } from '@salkku/shared';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/actor';
import { notFound } from '../../common/domain-error';
import type { ProjectRef } from '../../common/responses';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { HEALTH_BUCKETS, type HealthCount } from '../dashboard/dto/dashboard.response';
import type { NationalReportQuery, ReportPeriodQuery } from './dto/report-period.query';
import type {
  AgreementReportResponse,
  NationalReportFigures,
  NationalReportResponse,
  ReportFundingFigures,
  ReportFundingTable,
  ReportMilestone,
  ReportPriorityArea,
} from './dto/report.response';
import {
  agreementHeaderSql,
  areaProjectsSql,
  fundingSql,
  milestonesSql,
  narrativesSql,
  nationalSql,
  REPORT_LIST_LIMIT,
  type AgreementHeaderRow,
  type AreaProjectRow,
  type FundingFiguresRow,
  type FundingGroupRow,
  type NarrativeRow,
  type NationalRow,
  type ReportMilestoneRow,
  type ReportPeriod,
} from './reports.queries';
import { readAll, type Queryable, type Statement } from '../../persistence/sql';

const ZERO_FIGURES: ReportFundingFigures = {
  granted: '0.00',
  paid: '0.00',
  paidInPeriod: '0.00',
  remaining: '0.00',
  unknownAmounts: 0,
};

function figures(row: FundingFiguresRow): ReportFundingFigures {
  return {
    granted: row.granted,
    paid: row.paid,
    paidInPeriod: row.paid_in_period,
    remaining: row.remaining,
    unknownAmounts: row.unknown_amounts,
  };
}

/** A capped list's full count: carried by each of its rows (none: the list is empty). */
function listTotal(rows: ReadonlyArray<{ list_total: number }>): number {
  return rows[0]?.list_total ?? 0;
}

function emptyTable(): ReportFundingTable {
  return { rows: [], total: { ...ZERO_FIGURES } };
}

function healthCounts(counts: Record<HealthCount['health'], number>): HealthCount[] {
  return HEALTH_BUCKETS.map((health) => ({ health, count: counts[health] }));
}

function projectRef(row: { project_id: string; project_code: string; project_name: string }): ProjectRef {
  return { id: row.project_id, code: row.project_code, name: row.project_name };
}

function milestone(row: ReportMilestoneRow): ReportMilestone {
  return {
    id: row.id,
    title: row.title,
    dueDate: row.due_date,
    status: row.status,
    completedOn: row.completed_on,
    overdue: row.overdue,
    project: projectRef(row),
    priorityAreaId: row.area_id,
  };
}

/**
 * The reports for ministry liaisons (and everyone with portfolio:read, within their scope).
 * Every figure is an SQL aggregate: the agreement report runs five statements and the national
 * view one, whatever the size of the portfolio. The code here only resolves the period, checks
 * scope and puts the database's rows into the response's shape.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private run<T>(statement: Statement, db: Queryable = this.dataSource): Promise<T[]> {
    return db.query<T[]>(statement.sql, statement.params);
  }

  /** The period asked for, with the defaults of ReportPeriodQuery (already validated there). */
  period(query: ReportPeriodQuery): ReportPeriod {
    const today = todayIso(this.config.timeZone);
    // Missing ends come from the calendar year of the end given, or of today.
    const from = query.from ?? `${(query.to ?? today).slice(0, 4)}-01-01`;
    const to = query.to ?? `${from.slice(0, 4)}-12-31`;
    return { from, to, asOf: to < today ? to : today, today };
  }

  /** `db`: a transaction's manager, for a report read within a write (a round's frozen report). */
  async agreementReport(
    agreementId: string,
    query: ReportPeriodQuery,
    actor: Actor,
    db: Queryable = this.dataSource,
  ): Promise<AgreementReportResponse> {
    const period = this.period(query);
    const [agreement] = await this.run<AgreementHeaderRow>(agreementHeaderSql(actor, agreementId), db);
    if (!agreement) throw notFound('Agreement', agreementId);
    // Side by side on the pool's connections (one after another where the pool has one: the
    // embedded database).
    const [areaRows, fundingRows, milestoneRows, narrativeRows] = await readAll(db === this.dataSource, [
      () => this.run<AreaProjectRow>(areaProjectsSql(agreementId, period, this.config.timeZone), db),
      () => this.run<FundingGroupRow>(fundingSql(agreementId, period), db),
      () => this.run<ReportMilestoneRow>(milestonesSql(agreementId, period), db),
      () => this.run<NarrativeRow>(narrativesSql(agreementId, period), db),
    ]);

    const areas = new Map<string, ReportPriorityArea>();
    for (const row of areaRows) {
      let area = areas.get(row.area_id);
      if (!area) {
        area = {
          id: row.area_id,
          nameFi: row.name_fi,
          nameSv: row.name_sv,
          nameEn: row.name_en,
          projectsByHealth: healthCounts({
            on_track: row.area_on_track,
            at_risk: row.area_at_risk,
            off_track: row.area_off_track,
            none: row.area_none,
          }),
          projects: [],
          funding: emptyTable(),
        };
        areas.set(row.area_id, area);
      }
      if (row.project_id === null) continue;
      area.projects.push({
        id: row.project_id,
        code: row.code!,
        name: row.name!,
        kind: row.kind!,
        lifecycleStatus: row.lifecycle_status!,
        latestReport:
          row.report_id === null
            ? null
            : {
                id: row.report_id,
                reportingDate: row.reporting_date!,
                health: row.health!,
                summary: row.summary!,
                risks: row.risks,
              },
      });
    }

    const agreementWideFunding = emptyTable();
    const funding = emptyTable();
    for (const row of fundingRows) {
      // all_areas 0: a priority area's group (area_id null: the decisions without a project).
      const table =
        row.all_areas === 1 ? funding : row.area_id === null ? agreementWideFunding : areas.get(row.area_id)?.funding;
      if (!table) continue; // cannot happen: a decision's project is under one of the agreement's areas
      if (row.all_funders === 1) table.total = figures(row);
      else
        table.rows.push({
          funder: { id: row.funder_id!, name: row.funder_name! },
          instrument: row.instrument!,
          ...figures(row),
        });
    }

    const list = (kind: ReportMilestoneRow['list']) => milestoneRows.filter((row) => row.list === kind);
    return {
      agreement: {
        id: agreement.id,
        title: agreement.title,
        validFrom: agreement.valid_from,
        validTo: agreement.valid_to,
        city: { id: agreement.city_id, name: agreement.city_name },
      },
      period,
      priorityAreas: [...areas.values()],
      agreementWideFunding,
      funding,
      milestones: {
        completed: list('completed').map(milestone),
        due: list('due').map(milestone),
        overdue: list('overdue').map(milestone),
        totals: {
          completed: listTotal(list('completed')),
          due: listTotal(list('due')),
          overdue: listTotal(list('overdue')),
        },
      },
      narratives: narrativeRows.map((row) => ({
        id: row.id,
        reportingDate: row.reporting_date,
        health: row.health,
        lifecycleStatus: row.lifecycle_status,
        summary: row.summary,
        risks: row.risks,
        nextSteps: row.next_steps,
        author: row.author,
        project: projectRef(row),
        priorityAreaId: row.area_id,
      })),
      narrativesTotal: listTotal(narrativeRows),
      listLimit: REPORT_LIST_LIMIT,
    };
  }

  async national(query: NationalReportQuery, actor: Actor): Promise<NationalReportResponse> {
    const period = this.period(query);
    const rows = await this.run<NationalRow>(nationalSql(actor, period, query.staleAfterDays));
    const nationalFigures = (row: NationalRow): NationalReportFigures => ({
      projects: row.projects,
      projectsByHealth: healthCounts({
        on_track: row.on_track,
        at_risk: row.at_risk,
        off_track: row.off_track,
        none: row.no_report,
      }),
      overdueMilestones: row.overdue_milestones,
      projectsNeedingUpdate: row.needing_update,
      ...figures(row),
    });
    const totalRow = rows.find((row) => row.is_total === 1);
    return {
      period,
      staleAfterDays: query.staleAfterDays,
      agreements: rows
        .filter((row) => row.is_total === 0)
        .map((row) => ({
          agreement: { id: row.agreement_id!, title: row.title! },
          city: { id: row.city_id!, name: row.city_name! },
          ...nationalFigures(row),
        })),
      // GROUPING SETS' () row is there even without agreements; the fallback only satisfies the type.
      totals: totalRow
        ? nationalFigures(totalRow)
        : {
            ...ZERO_FIGURES,
            projects: 0,
            projectsByHealth: healthCounts({ on_track: 0, at_risk: 0, off_track: 0, none: 0 }),
            overdueMilestones: 0,
            projectsNeedingUpdate: 0,
          },
    };
  }
}
