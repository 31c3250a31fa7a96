import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LIFECYCLE_STATUSES, todayIso, type LifecycleStatus } from '@salkku/shared';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/actor';
import { notFound } from '../../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import {
  filtersFoundSql,
  fundingByAreaSql,
  fundingByFunderSql,
  latestReportsSql,
  milestonesSql,
  needingUpdateSql,
  projectCountsSql,
  type AreaFundingRow,
  type CountRow,
  type DashboardFilters,
  type FunderFundingRow,
  type FundingRow,
  type LatestReportRow,
  type MilestoneRow,
  type NeedsUpdateRow,
} from './dashboard.queries';
import { statement, type Statement } from '../../persistence/sql';
import { RoundResponse } from '../reporting-rounds/dto/round.response';
import { openRoundsSql, type RoundRow } from '../reporting-rounds/reporting-rounds.queries';
import type { DashboardQuery } from './dto/dashboard.query';
import {
  HEALTH_BUCKETS,
  type DashboardMilestone,
  type DashboardResponse,
  type FundingFigures,
  type HealthBucket,
} from './dto/dashboard.response';

function figures(row: FundingRow): FundingFigures {
  return { granted: row.granted, paid: row.paid, remaining: row.remaining, unknownAmounts: row.unknown_amounts };
}

function milestone(row: MilestoneRow): DashboardMilestone {
  return {
    id: row.id,
    title: row.title,
    dueDate: row.due_date,
    project: { id: row.project_id, code: row.project_code, name: row.project_name },
  };
}

/** Every key in its vocabulary order, with zero for the keys the query did not return. */
function allCounts<K extends string>(keys: readonly K[], rows: CountRow<string>[]): Array<{ key: K; count: number }> {
  const counts = new Map(rows.map((row) => [row.key, row.count]));
  return keys.map((key) => ({ key, count: counts.get(key) ?? 0 }));
}

/**
 * The portfolio dashboard. Every figure is an SQL aggregate over the actor's city scope: one
 * statement per section (seven at most, with the check of the filters), whatever the size of the
 * portfolio, run side by side.
 */
@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private run<T>(statement: Statement): Promise<T[]> {
    return this.dataSource.query<T[]>(statement.sql, statement.params);
  }

  async get(query: DashboardQuery, actor: Actor): Promise<DashboardResponse> {
    const filters: DashboardFilters = { agreementId: query.agreementId, priorityAreaId: query.priorityAreaId };
    if (filters.agreementId || filters.priorityAreaId) {
      const [found] = await this.run<{ agreement_found: boolean; area_found: boolean }>(
        filtersFoundSql(actor, filters),
      );
      if (!found?.agreement_found) throw notFound('Agreement', filters.agreementId!);
      if (!found.area_found) throw notFound('PriorityArea', filters.priorityAreaId!);
    }
    const today = todayIso(this.config.timeZone);
    // Side by side on the pool's connections (one after another where the pool has one: the
    // embedded database).
    const [counts, byArea, byFunder, milestones, needing, reports, rounds] = await Promise.all([
      this.run<CountRow<string>>(projectCountsSql(actor, filters)),
      this.run<AreaFundingRow>(fundingByAreaSql(actor, filters)),
      this.run<FunderFundingRow>(fundingByFunderSql(actor, filters)),
      this.run<MilestoneRow>(milestonesSql(actor, filters, today, query.days)),
      this.run<NeedsUpdateRow>(needingUpdateSql(actor, filters, today, query.staleAfterDays)),
      this.run<LatestReportRow>(latestReportsSql(actor, filters)),
      this.run<RoundRow>(statement((sql) => openRoundsSql(sql, actor, filters, today))),
    ]);
    const lifecycle = counts.filter((row) => row.dimension === 'lifecycle');
    const health = counts.filter((row) => row.dimension === 'health');
    const count = (rows: CountRow<string>[], key: string) => rows.find((row) => row.key === key)?.count ?? 0;
    const funders = byFunder.filter((row) => !row.total);
    const fundingTotal = byFunder.find((row) => row.total);
    const soon = milestones.filter((row) => row.kind === 'soon');
    const overdue = milestones.filter((row) => row.kind === 'overdue');
    const roundResponses = rounds.map((row) => RoundResponse.from(row));
    const outstanding = (progress: RoundResponse['progress']) => progress.owed + progress.draft + progress.returned;

    return {
      headline: {
        activeProjects: count(lifecycle, 'active'),
        atRisk: count(health, 'at_risk'),
        offTrack: count(health, 'off_track'),
        funding: fundingTotal
          ? figures(fundingTotal)
          : { granted: '0.00', paid: '0.00', remaining: '0.00', unknownAmounts: 0 },
        overdueMilestones: overdue[0]?.total ?? 0,
        milestonesDueSoon: soon[0]?.total ?? 0,
        reportsOutstanding: roundResponses.reduce((sum, round) => sum + outstanding(round.progress), 0),
        reportsOverdue: roundResponses.reduce((sum, round) => sum + round.progress.overdue, 0),
      },
      today,
      projectsByLifecycle: allCounts<LifecycleStatus>(LIFECYCLE_STATUSES, lifecycle).map(({ key, count }) => ({
        lifecycleStatus: key,
        count,
      })),
      projectsByHealth: allCounts<HealthBucket>(HEALTH_BUCKETS, health).map(({ key, count }) => ({
        health: key,
        count,
      })),
      fundingByPriorityArea: byArea.map((row) => ({
        priorityArea: { id: row.id, nameFi: row.name_fi, nameSv: row.name_sv, nameEn: row.name_en },
        ...figures(row),
      })),
      fundingByFunder: funders.map((row) => ({ funder: { id: row.id!, name: row.name! }, ...figures(row) })),
      milestonesDueSoon: soon.map(milestone),
      overdueMilestones: overdue.map(milestone),
      projectsNeedingUpdate: needing.map((row) => ({
        project: { id: row.id, code: row.code, name: row.name },
        latestReportingDate: row.latest_reporting_date,
      })),
      latestReports: reports.map((row) => ({
        id: row.id,
        reportingDate: row.reporting_date,
        health: row.health,
        summary: row.summary,
        project: { id: row.project_id, code: row.project_code, name: row.project_name },
      })),
      openRounds: roundResponses,
    };
  }
}
