import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  compareReportingPeriods,
  isPeriodOf,
  periodBounds,
  periodOf,
  todayIso,
  type ExportProfile,
  type Language,
  type ReportingPeriodicity,
} from '@salkku/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { DomainError, invalid, issue, notFound, type FieldIssues } from '../../common/domain-error';
import type { Page } from '../../common/pagination';
import { assertVersion } from '../../common/version';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { queryRow, queryRows, readList, type Queryable } from '../../persistence/sql';
import { findForUpdateInScope } from '../../persistence/transaction';
import { AuditTrail } from '../audit/audit';
import { IndicatorResultsService } from '../indicators/indicator-results.service';
import { enqueueMail } from '../mail/outbox';
import { ReportsService } from '../reports/reports.service';
import type { CloseRoundDto } from './dto/close-round.dto';
import { FrozenComparisonResponse } from './dto/frozen-comparison.response';
import type { ListRoundsQuery } from './dto/list-rounds.query';
import type { OpenRoundDto } from './dto/open-round.dto';
import { RoundResponse } from './dto/round.response';
import type { UpdateRoundDto } from './dto/update-round.dto';
import {
  FROZEN_REPORT_FORMAT,
  changedFigures,
  figuresOf,
  frozenCsv,
  type FrozenDocument,
  type FrozenPeriodReport,
} from './frozen-document';
import { FrozenReport } from './frozen-report.entity';
import {
  agreementForRoundSql,
  cityCoordinatorsSql,
  defaultRoundProjectsSql,
  frozenReportSql,
  insertOwedReportsSql,
  namedProjectsSql,
  roundCitySql,
  roundList,
  roundReportsSql,
  roundSql,
  type RoundRow,
  userLanguageSql,
} from './reporting-rounds.queries';
import { ReportingRound } from './reporting-round.entity';

const roundAudit = new AuditTrail('reporting_round');
const reportAudit = new AuditTrail('period_report');

function roundSnapshot(r: ReportingRound): Record<string, unknown> {
  return {
    agreementId: r.agreementId,
    period: r.period,
    dueDate: r.dueDate,
    instructions: r.instructions,
    reminderDaysBefore: r.reminderDaysBefore,
    closedAt: r.closedAt,
    closedById: r.closedById,
    closedByName: r.closedByName,
  };
}

/** A round that is closed changes no more: 409 roundClosed. */
export function assertRoundOpen(open: boolean): void {
  if (!open) {
    throw new DomainError(
      'RULE_VIOLATION',
      'The reporting round is closed: its reports and settings no longer change',
      {
        round: [issue('roundClosed', 'the round is closed')],
      },
    );
  }
}

/**
 * A period of the agreement's periodicity and not after the current one (rounds are about periods
 * that have begun): else 400 on period.
 */
function assertRoundPeriod(period: string, periodicity: ReportingPeriodicity, today: string): void {
  if (!isPeriodOf(period, periodicity)) {
    const kind = periodicity === 'year' ? 'years ("2025")' : 'half-years ("2025-H1", "2025-H2")';
    throw invalid('period', 'wrongPeriodicity', `the agreement reports by ${kind}`, { periodicity });
  }
  const current = periodOf(today, periodicity);
  if (compareReportingPeriods(period, current) > 0) {
    throw invalid('period', 'periodInFuture', `the period ${period} is after the current period ${current}`, {
      current,
    });
  }
}

/**
 * Reporting rounds: opened for an agreement's period with the projects that owe a report, edited
 * while open, closed with their frozen report. Every write is audited and writes its notices in
 * the same transaction.
 */
@Injectable()
export class ReportingRoundsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reports: ReportsService,
    private readonly indicatorResults: IndicatorResultsService,
  ) {}

  private today(): string {
    return todayIso(this.config.timeZone);
  }

  list(query: ListRoundsQuery, actor: Actor): Promise<Page<RoundResponse>> {
    return readList(this.dataSource, query, roundList(query, actor, this.today()), (row: RoundRow) =>
      RoundResponse.from(row),
    );
  }

  get(id: string, actor: Actor): Promise<RoundResponse> {
    return this.read(this.dataSource, id, actor);
  }

  private async read(db: Queryable, id: string, actor: Actor): Promise<RoundResponse> {
    const row = await queryRow<RoundRow>(db, (sql) => roundSql(sql, id, actor, this.today()));
    if (!row) throw notFound('ReportingRound', id);
    return RoundResponse.from(row);
  }

  async open(dto: OpenRoundDto, actor: Actor): Promise<RoundResponse> {
    const today = this.today();
    return this.dataSource.transaction(async (manager) => {
      const agreement = await queryRow<{
        id: string;
        title: string;
        cityId: string;
        periodicity: ReportingPeriodicity;
      }>(manager, (sql) => agreementForRoundSql(sql, dto.agreementId, actor));
      if (!agreement) throw invalid('agreementId', 'notFound', `agreement ${dto.agreementId} does not exist`);
      assertRoundPeriod(dto.period, agreement.periodicity, today);
      const existing = await manager.findOne(ReportingRound, {
        select: { id: true },
        where: { agreementId: agreement.id, period: dto.period },
      });
      if (existing) {
        throw new DomainError('DUPLICATE', `The agreement already has a round for ${dto.period}`, {
          period: [issue('roundExists', 'the agreement already has a round for this period')],
        });
      }
      const projects = await this.roundProjects(manager, dto, agreement.id);

      const round = await manager.save(
        manager.create(ReportingRound, {
          agreementId: agreement.id,
          period: dto.period,
          dueDate: dto.dueDate,
          instructions: dto.instructions ?? null,
          ...(dto.reminderDaysBefore === undefined ? {} : { reminderDaysBefore: dto.reminderDaysBefore }),
          openedById: actor.id,
          openedByName: actor.name,
        }),
      );
      await roundAudit.created(manager, actor, { id: round.id, after: roundSnapshot(round), cityId: agreement.cityId });
      const inserted =
        projects.length === 0
          ? []
          : await queryRows<{ id: string; projectId: string }>(manager, (sql) =>
              insertOwedReportsSql(
                sql,
                round.id,
                projects.map((p) => p.id),
              ),
            );
      const reportOf = new Map(inserted.map((r) => [r.projectId, r.id]));
      for (const row of inserted) {
        await reportAudit.created(manager, actor, {
          id: row.id,
          after: { roundId: round.id, projectId: row.projectId, period: round.period, status: 'owed' },
          projectId: row.projectId,
          cityId: agreement.cityId,
        });
      }
      if (projects.length > 0) {
        const coordinators = await queryRows<{ id: string }>(manager, (sql) =>
          cityCoordinatorsSql(sql, [agreement.cityId]),
        );
        const reports = projects.map((p) => ({ projectName: p.name, reportId: reportOf.get(p.id)! }));
        await enqueueMail(
          manager,
          coordinators.map((user) => ({
            kind: 'round_opened' as const,
            userId: user.id,
            dedupeKey: `opened:${round.id}:${user.id}`,
            params: {
              roundId: round.id,
              agreementTitle: agreement.title,
              period: round.period,
              dueDate: round.dueDate,
              instructions: round.instructions,
              reports,
            },
          })),
        );
      }
      return this.read(manager, round.id, actor);
    });
  }

  /** The projects a new round covers: those named (each of the agreement), or the default set. */
  private async roundProjects(
    manager: EntityManager,
    dto: OpenRoundDto,
    agreementId: string,
  ): Promise<Array<{ id: string; name: string }>> {
    if (dto.projectIds === undefined) {
      const { from, to } = periodBounds(dto.period);
      return queryRows(manager, (sql) => defaultRoundProjectsSql(sql, agreementId, from, to));
    }
    const ids = dto.projectIds;
    const found = await queryRows<{ id: string; name: string; agreementId: string }>(manager, (sql) =>
      namedProjectsSql(sql, ids),
    );
    const byId = new Map(found.map((p) => [p.id, p]));
    const problems: FieldIssues = {};
    ids.forEach((id, i) => {
      const project = byId.get(id);
      if (!project) problems[`projectIds.${i}`] = [issue('notFound', `project ${id} does not exist`)];
      else if (project.agreementId !== agreementId) {
        problems[`projectIds.${i}`] = [issue('otherAgreement', 'the project belongs to another agreement')];
      }
    });
    if (Object.keys(problems).length > 0) {
      throw new DomainError('VALIDATION_FAILED', 'Some projects are not of the agreement', problems);
    }
    return ids.map((id) => byId.get(id)!);
  }

  /** Locks a round of the actor's city for a write; another city's is NOT_FOUND. */
  private async lock(
    manager: EntityManager,
    id: string,
    actor: Actor,
  ): Promise<{ round: ReportingRound; cityId: string }> {
    const { row, cityId } = await findForUpdateInScope(manager, ReportingRound, id, 'ReportingRound', actor, (sql) =>
      roundCitySql(sql, id),
    );
    return { round: row, cityId };
  }

  async update(id: string, dto: UpdateRoundDto, version: number, actor: Actor): Promise<RoundResponse> {
    return this.dataSource.transaction(async (manager) => {
      const { round, cityId } = await this.lock(manager, id, actor);
      assertRoundOpen(round.closedAt === null);
      assertVersion('ReportingRound', round.version, version);
      const before = roundSnapshot(round);
      if (dto.dueDate !== undefined) round.dueDate = dto.dueDate;
      if (dto.instructions !== undefined) round.instructions = dto.instructions;
      if (dto.reminderDaysBefore !== undefined) round.reminderDaysBefore = dto.reminderDaysBefore;
      const after = roundSnapshot(round);
      if (JSON.stringify(before) !== JSON.stringify(after)) {
        await manager.save(round);
        await roundAudit.updated(manager, actor, { id, before, after, cityId });
      }
      return this.read(manager, id, actor);
    });
  }

  /**
   * Closes the round and stores its frozen report. A round closes when every report is approved;
   * with acceptMissing it closes anyway, and the frozen report lists the reports that were not.
   */
  async close(id: string, dto: CloseRoundDto, version: number, actor: Actor): Promise<RoundResponse> {
    return this.dataSource.transaction(async (manager) => {
      const { round, cityId } = await this.lock(manager, id, actor);
      assertRoundOpen(round.closedAt === null);
      assertVersion('ReportingRound', round.version, version);
      const reports = await this.frozenPeriodReports(manager, id);
      const missing = reports.filter((r) => r.status !== 'approved');
      if (missing.length > 0 && dto.acceptMissing !== true) {
        const message = `${missing.length} report(s) of the round are not approved; close with acceptMissing to close anyway`;
        throw new DomainError('RULE_VIOLATION', message, {
          acceptMissing: [issue('reportsOutstanding', message, { count: missing.length })],
        });
      }
      const before = roundSnapshot(round);
      const now = new Date();
      const document = await this.document(manager, round, reports, actor, now);
      await manager.insert(FrozenReport, {
        roundId: id,
        document: JSON.stringify(document),
        frozenAt: now,
        frozenById: actor.id,
        frozenByName: actor.name,
      });
      round.closedAt = now;
      round.closedById = actor.id;
      round.closedByName = actor.name;
      await manager.save(round);
      await roundAudit.updated(manager, actor, { id, before, after: roundSnapshot(round), cityId });
      return this.read(manager, id, actor);
    });
  }

  private async frozenPeriodReports(db: Queryable, roundId: string): Promise<FrozenPeriodReport[]> {
    const rows = await queryRows<{
      id: string;
      projectId: string;
      projectCode: string;
      projectName: string;
      status: string;
      health: string | null;
      healthReasons: string | null;
      achievements: string | null;
      risks: string | null;
      nextSteps: string | null;
      lifecycleStatus: string | null;
      submittedAt: Date | null;
      submittedByName: string | null;
      approvedAt: Date | null;
      approvedByName: string | null;
    }>(db, (sql) => roundReportsSql(sql, roundId));
    const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());
    return rows.map((r) => ({
      id: r.id,
      project: { id: r.projectId, code: r.projectCode, name: r.projectName },
      status: r.status,
      health: r.health,
      healthReasons: r.healthReasons,
      achievements: r.achievements,
      risks: r.risks,
      nextSteps: r.nextSteps,
      lifecycleStatus: r.lifecycleStatus,
      submittedAt: iso(r.submittedAt),
      submittedBy: r.submittedByName,
      approvedAt: iso(r.approvedAt),
      approvedBy: r.approvedByName,
    }));
  }

  /** The frozen document of a round: the agreement report of its period and its indicators, as of now. */
  private async document(
    manager: EntityManager,
    round: ReportingRound,
    reports: FrozenPeriodReport[],
    actor: Actor,
    now: Date,
  ): Promise<FrozenDocument> {
    const { agreementReport, indicators } = await this.liveReport(manager, round.agreementId, round.period, actor);
    return {
      format: FROZEN_REPORT_FORMAT,
      round: {
        id: round.id,
        agreementId: round.agreementId,
        period: round.period,
        dueDate: round.dueDate,
        openedAt: round.createdAt.toISOString(),
        openedBy: round.openedByName,
      },
      frozenAt: now.toISOString(),
      frozenBy: actor.name,
      missing: reports
        .filter((r) => r.status !== 'approved')
        .map((r) => ({ reportId: r.id, project: r.project, status: r.status })),
      figures: figuresOf(agreementReport, indicators, round.period, reports),
      periodReports: reports,
      agreementReport,
      indicators,
    };
  }

  private async liveReport(db: Queryable, agreementId: string, period: string, actor: Actor) {
    const { from, to } = periodBounds(period);
    const agreementReport = await this.reports.agreementReport(agreementId, { from, to }, actor, db);
    const indicators = await this.indicatorResults.agreement(agreementId, actor, db);
    return { agreementReport, indicators };
  }

  private async frozen(roundId: string, actor: Actor) {
    const row = await queryRow<{
      document: string;
      frozenAt: Date;
      frozenByName: string;
      period: string;
      agreementId: string;
      agreementTitle: string;
    }>(this.dataSource, (sql) => frozenReportSql(sql, roundId, actor));
    if (!row) throw notFound('FrozenReport', roundId);
    return row;
  }

  /** The signed-in user's language (the default of the CSV's headers). */
  async languageOf(actor: Actor): Promise<Language> {
    if (actor.id === null) return 'fi';
    const row = await queryRow<{ language: Language }>(this.dataSource, (sql) => userLanguageSql(sql, actor.id!));
    return row?.language ?? 'fi';
  }

  /** The stored document, exactly as stored. */
  async frozenDocument(roundId: string, actor: Actor): Promise<string> {
    return (await this.frozen(roundId, actor)).document;
  }

  async frozenCsv(
    roundId: string,
    profile: ExportProfile,
    language: Language,
    actor: Actor,
  ): Promise<{ body: Buffer; fileName: string }> {
    const row = await this.frozen(roundId, actor);
    const document = JSON.parse(row.document) as FrozenDocument;
    return { body: frozenCsv(document, profile, language), fileName: `salkku-frozen-report-${row.period}.csv` };
  }

  /** The figures of the frozen report that differ from the live data of the same period. */
  async comparison(roundId: string, actor: Actor): Promise<FrozenComparisonResponse> {
    const row = await this.frozen(roundId, actor);
    const document = JSON.parse(row.document) as FrozenDocument;
    const { agreementReport, indicators } = await this.liveReport(this.dataSource, row.agreementId, row.period, actor);
    const reports = await this.frozenPeriodReports(this.dataSource, roundId);
    const changes = changedFigures(document.figures, figuresOf(agreementReport, indicators, row.period, reports));
    return {
      roundId,
      period: row.period,
      frozenAt: new Date(row.frozenAt).toISOString(),
      frozenBy: row.frozenByName,
      changed: changes.length > 0,
      changes,
    };
  }
}
