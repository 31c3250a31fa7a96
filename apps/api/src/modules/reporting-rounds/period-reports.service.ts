import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  EDITABLE_PERIOD_REPORT_STATUSES,
  PERIOD_REPORT_TRANSITIONS,
  periodBounds,
  reviewRefusal,
  todayIso,
  type PeriodReportStatus,
} from '@salkku/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { DomainError, issue, notFound, type FieldIssues } from '../../common/domain-error';
import type { Page, PageQuery } from '../../common/pagination';
import { assertTransition } from '../../common/rules';
import { assertVersion } from '../../common/version';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { queryRow, queryRows, readList, type Queryable } from '../../persistence/sql';
import { findForUpdate } from '../../persistence/transaction';
import { inScope } from '../../common/scope';
import { AuditTrail } from '../audit/audit';
import { IndicatorActualsService } from '../indicators/indicator-actuals.service';
import { enqueueMail, type OutboxEntry } from '../mail/outbox';
import { MilestonesService } from '../milestones/milestones.service';
import { PaymentsService } from '../payments/payments.service';
import { ProjectsService } from '../projects/projects.service';
import type { ListPeriodReportsQuery } from './dto/list-period-reports.query';
import { PeriodReportResponse } from './dto/period-report.response';
import type { ReturnReportDto } from './dto/review.dto';
import type { SavePeriodReportDto } from './dto/save-period-report.dto';
import { PeriodReport } from './period-report.entity';
import {
  cityCoordinatorsSql,
  formActualsSql,
  formDecisionsSql,
  formMilestonesSql,
  owedReportList,
  periodReportList,
  periodReportSql,
  projectStageSql,
  reportContextSql,
  type LockedReportContext,
  type PeriodReportRow,
} from './reporting-rounds.queries';
import { assertRoundOpen } from './reporting-rounds.service';

const reportAudit = new AuditTrail('period_report');

/** The audited columns of a period report (the workflow's steps included: who and when). */
function snapshot(r: PeriodReport): Record<string, unknown> {
  return {
    roundId: r.roundId,
    projectId: r.projectId,
    status: r.status,
    health: r.health,
    healthReasons: r.healthReasons,
    achievements: r.achievements,
    risks: r.risks,
    nextSteps: r.nextSteps,
    lifecycleStatus: r.lifecycleStatus,
    returnComment: r.returnComment,
    returnCount: r.returnCount,
    submittedAt: r.submittedAt,
    submittedById: r.submittedById,
    submittedByName: r.submittedByName,
    returnedAt: r.returnedAt,
    returnedById: r.returnedById,
    returnedByName: r.returnedByName,
    approvedAt: r.approvedAt,
    approvedById: r.approvedById,
    approvedByName: r.approvedByName,
  };
}

/**
 * A domain error of one part of the form, its field problems moved under the part's path (e.g.
 * `completedOn` of the second milestone becomes `milestonesCompleted.1.completedOn`).
 */
function underPath(error: unknown, path: string): unknown {
  if (!(error instanceof DomainError) || !error.problems) return error;
  const issues: FieldIssues = {};
  for (const [field, problems] of Object.entries(error.problems)) {
    const messages = error.details?.[field] ?? [];
    issues[`${path}.${field}`] = problems.map((p, i) => ({
      code: p.code,
      message: messages[i] ?? error.message,
      ...(p.params ? { params: p.params } : {}),
    }));
  }
  return new DomainError(error.code, error.message, issues, error.headers);
}

async function asPart<T>(path: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw underPath(error, path);
  }
}

function readOnly(status: PeriodReportStatus): DomainError {
  const message = `A ${status} report is read-only`;
  return new DomainError('RULE_VIOLATION', message, { status: [issue('reportReadOnly', message, { status })] });
}

/**
 * Period reports: what each project owes a round. The form saves the narrative with the
 * project's stage, the milestones completed, the indicator values and the payments of the period
 * in one transaction, through the services that own those records and their rules. Submitting,
 * returning and approving follow the shared workflow; every step is audited in the project's
 * history, and returning and approving write their notices with it.
 */
@Injectable()
export class PeriodReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly projects: ProjectsService,
    private readonly milestones: MilestonesService,
    private readonly actuals: IndicatorActualsService,
    private readonly payments: PaymentsService,
  ) {}

  private today(): string {
    return todayIso(this.config.timeZone);
  }

  list(query: ListPeriodReportsQuery, actor: Actor): Promise<Page<PeriodReportResponse>> {
    return readList(this.dataSource, query, periodReportList(query, actor, this.today()), (row: PeriodReportRow) =>
      PeriodReportResponse.from(row),
    );
  }

  /** What the actor's city owes: outstanding reports of open rounds, the earliest due first. */
  owed(query: PageQuery, actor: Actor): Promise<Page<PeriodReportResponse>> {
    return readList(this.dataSource, query, owedReportList(query, actor, this.today()), (row: PeriodReportRow) =>
      PeriodReportResponse.from(row),
    );
  }

  get(id: string, actor: Actor): Promise<PeriodReportResponse> {
    return this.read(this.dataSource, id, actor);
  }

  private async read(db: Queryable, id: string, actor: Actor): Promise<PeriodReportResponse> {
    const row = await queryRow<PeriodReportRow>(db, (sql) => periodReportSql(sql, id, actor, this.today()));
    if (!row) throw notFound('PeriodReport', id);
    return PeriodReportResponse.from(row);
  }

  /** Locks a report of the actor's city (another city's is NOT_FOUND) with its round's state. */
  private async lock(
    manager: EntityManager,
    id: string,
    actor: Actor,
  ): Promise<{ report: PeriodReport; context: LockedReportContext }> {
    const report = await findForUpdate(manager, PeriodReport, id, 'PeriodReport');
    const context = await queryRow<LockedReportContext>(manager, (sql) => reportContextSql(sql, id));
    if (!context || !inScope(actor, context.cityId)) throw notFound('PeriodReport', id);
    return { report, context };
  }

  /** The one form: every part written in this transaction, or none. */
  async save(id: string, dto: SavePeriodReportDto, version: number, actor: Actor): Promise<PeriodReportResponse> {
    const today = this.today();
    return this.dataSource.transaction(async (manager) => {
      const { report, context } = await this.lock(manager, id, actor);
      assertRoundOpen(context.roundOpen);
      if (!EDITABLE_PERIOD_REPORT_STATUSES.includes(report.status)) throw readOnly(report.status);
      assertVersion('PeriodReport', report.version, version);
      const before = snapshot(report);
      const { from, to } = periodBounds(context.period);
      await this.checkForm(manager, report.projectId, dto, { from, to });

      if (dto.lifecycleStatus !== undefined && dto.lifecycleStatus !== null) {
        const lifecycleStatus = dto.lifecycleStatus;
        const stage = (await queryRow<{ lifecycleStatus: string; version: number }>(manager, (sql) =>
          projectStageSql(sql, report.projectId),
        ))!;
        if (stage.lifecycleStatus !== lifecycleStatus) {
          await this.projects.updateIn(manager, report.projectId, { lifecycleStatus }, stage.version, actor);
        }
      }
      if (dto.milestonesCompleted?.length) {
        const ids = dto.milestonesCompleted.map((m) => m.milestoneId);
        const stored = await queryRows<{ id: string; version: number; status: string; completedOn: string | null }>(
          manager,
          (sql) => formMilestonesSql(sql, ids, true),
        );
        const byId = new Map(stored.map((m) => [m.id, m]));
        for (const [i, input] of dto.milestonesCompleted.entries()) {
          const milestone = byId.get(input.milestoneId)!;
          const completedOn = input.completedOn ?? milestone.completedOn ?? (to < today ? to : today);
          if (milestone.status === 'done' && milestone.completedOn === completedOn) continue;
          await asPart(`milestonesCompleted.${i}`, () =>
            this.milestones.updateIn(manager, milestone.id, { status: 'done', completedOn }, milestone.version, actor),
          );
        }
      }
      if (dto.indicatorActuals?.length) {
        const indicatorIds = dto.indicatorActuals.map((a) => a.indicatorId);
        const existing = await queryRows<{ id: string; indicatorId: string; version: number }>(manager, (sql) =>
          formActualsSql(sql, report.projectId, context.period, indicatorIds),
        );
        const byIndicator = new Map(existing.map((a) => [a.indicatorId, a]));
        for (const [i, input] of dto.indicatorActuals.entries()) {
          const current = byIndicator.get(input.indicatorId);
          await asPart(`indicatorActuals.${i}`, () =>
            current
              ? this.actuals.updateIn(
                  manager,
                  current.id,
                  { value: input.value, ...(input.note === undefined ? {} : { note: input.note }) },
                  current.version,
                  actor,
                )
              : this.actuals.createIn(
                  manager,
                  {
                    indicatorId: input.indicatorId,
                    projectId: report.projectId,
                    period: context.period,
                    value: input.value,
                    note: input.note ?? null,
                  },
                  actor,
                ),
          );
        }
      }
      for (const [i, input] of (dto.payments ?? []).entries()) {
        await asPart(`payments.${i}`, () => this.payments.createIn(manager, input, actor));
      }

      if (dto.health !== undefined) report.health = dto.health;
      if (dto.healthReasons !== undefined) report.healthReasons = dto.healthReasons;
      if (dto.achievements !== undefined) report.achievements = dto.achievements;
      if (dto.risks !== undefined) report.risks = dto.risks;
      if (dto.nextSteps !== undefined) report.nextSteps = dto.nextSteps;
      if (dto.lifecycleStatus !== undefined) report.lifecycleStatus = dto.lifecycleStatus;
      if (report.status === 'owed') report.status = 'draft';
      // The version goes up on every save (the parts saved with it may have changed alone).
      report.updatedAt = new Date();
      await this.saveAudited(manager, actor, report, before, context.cityId);
      return this.read(manager, id, actor);
    });
  }

  /**
   * What the form's parts refer to, checked together before anything is written: each milestone
   * and funding decision exists and is of the report's project, dates fall in the period, and no
   * indicator is given twice. Their own services check the rest (transitions, payable, derived…).
   */
  private async checkForm(
    manager: EntityManager,
    projectId: string,
    dto: SavePeriodReportDto,
    period: { from: string; to: string },
  ): Promise<void> {
    const problems: FieldIssues = {};
    const add = (field: string, code: Parameters<typeof issue>[0], message: string, params?: Record<string, string>) =>
      (problems[field] ??= []).push(issue(code, message, params));
    const outside = (field: string, date: string) => {
      if (date < period.from || date > period.to) {
        add(field, 'outsidePeriod', `${date} is outside the period ${period.from}–${period.to}`, period);
      }
    };
    const milestones = dto.milestonesCompleted ?? [];
    if (milestones.length > 0) {
      const stored = await queryRows<{ id: string; projectId: string }>(manager, (sql) =>
        formMilestonesSql(
          sql,
          milestones.map((m) => m.milestoneId),
        ),
      );
      const byId = new Map(stored.map((m) => [m.id, m]));
      const seen = new Set<string>();
      milestones.forEach((input, i) => {
        const field = `milestonesCompleted.${i}.milestoneId`;
        const found = byId.get(input.milestoneId);
        if (!found) add(field, 'notFound', `milestone ${input.milestoneId} does not exist`);
        else if (found.projectId !== projectId) add(field, 'otherProject', 'the milestone is of another project');
        else if (seen.has(input.milestoneId)) add(field, 'duplicate', 'the milestone is listed twice');
        seen.add(input.milestoneId);
        if (typeof input.completedOn === 'string') outside(`milestonesCompleted.${i}.completedOn`, input.completedOn);
      });
    }
    const seenIndicators = new Set<string>();
    (dto.indicatorActuals ?? []).forEach((input, i) => {
      if (seenIndicators.has(input.indicatorId)) {
        add(`indicatorActuals.${i}.indicatorId`, 'duplicate', 'the indicator is listed twice');
      }
      seenIndicators.add(input.indicatorId);
    });
    const payments = dto.payments ?? [];
    if (payments.length > 0) {
      const stored = await queryRows<{ id: string; projectId: string | null }>(manager, (sql) =>
        formDecisionsSql(
          sql,
          payments.map((p) => p.fundingDecisionId),
        ),
      );
      const byId = new Map(stored.map((d) => [d.id, d]));
      payments.forEach((input, i) => {
        const field = `payments.${i}.fundingDecisionId`;
        const found = byId.get(input.fundingDecisionId);
        if (!found) add(field, 'notFound', `funding decision ${input.fundingDecisionId} does not exist`);
        else if (found.projectId !== projectId) add(field, 'otherProject', 'the decision is of another project');
        outside(`payments.${i}.paidOn`, input.paidOn);
      });
    }
    if (Object.keys(problems).length > 0) {
      throw new DomainError('VALIDATION_FAILED', 'The period report refers to records it cannot change', problems);
    }
  }

  async submit(id: string, version: number, actor: Actor): Promise<PeriodReportResponse> {
    return this.dataSource.transaction(async (manager) => {
      const { report, context } = await this.lock(manager, id, actor);
      assertRoundOpen(context.roundOpen);
      assertVersion('PeriodReport', report.version, version);
      assertTransition(PERIOD_REPORT_TRANSITIONS, report.status, 'submitted', {
        record: 'period report',
        field: 'status',
      });
      if (report.status === 'submitted') throw readOnly(report.status);
      const missing: FieldIssues = {};
      if (report.health === null) missing.health = [issue('required', 'health is required to submit')];
      if (report.achievements === null)
        missing.achievements = [issue('required', 'what was done is required to submit')];
      if (Object.keys(missing).length > 0) {
        throw new DomainError('VALIDATION_FAILED', 'Fill in the health and what was done before submitting', missing);
      }
      const before = snapshot(report);
      report.status = 'submitted';
      report.submittedAt = new Date();
      report.submittedById = actor.id;
      report.submittedByName = actor.name;
      await this.saveAudited(manager, actor, report, before, context.cityId);
      return this.read(manager, id, actor);
    });
  }

  /** The review rules: permission, a submitted report, never one's own submission. */
  private assertMayReview(report: PeriodReport, actor: Actor): void {
    const refusal = reviewRefusal(actor.role, actor.id, report);
    if (refusal === 'notPermitted') throw new DomainError('FORBIDDEN', 'Reviewing reports needs reports:review');
    if (refusal === 'notSubmitted') {
      const message = `Only a submitted report can be approved or returned; this one is ${report.status}`;
      throw new DomainError('ILLEGAL_TRANSITION', message, {
        status: [issue('notSubmitted', message, { status: report.status })],
      });
    }
    if (refusal === 'ownSubmission') {
      const message = 'Nobody approves or returns a report they submitted themselves';
      throw new DomainError('FORBIDDEN', message, { submittedBy: [issue('ownSubmission', message)] });
    }
  }

  async returnReport(id: string, dto: ReturnReportDto, version: number, actor: Actor): Promise<PeriodReportResponse> {
    return this.review(id, version, actor, (report, context) => {
      report.status = 'returned';
      report.returnComment = dto.comment;
      report.returnCount += 1;
      report.returnedAt = new Date();
      report.returnedById = actor.id;
      report.returnedByName = actor.name;
      return (userId): OutboxEntry => ({
        kind: 'report_returned',
        userId,
        dedupeKey: `returned:${id}:${report.returnCount}:${userId}`,
        params: {
          roundId: report.roundId,
          reportId: id,
          projectName: context.projectName,
          period: context.period,
          comment: dto.comment,
          returnedBy: actor.name,
        },
      });
    });
  }

  async approve(id: string, version: number, actor: Actor): Promise<PeriodReportResponse> {
    return this.review(id, version, actor, (report, context) => {
      report.status = 'approved';
      report.approvedAt = new Date();
      report.approvedById = actor.id;
      report.approvedByName = actor.name;
      return (userId): OutboxEntry => ({
        kind: 'report_approved',
        userId,
        dedupeKey: `approved:${id}:${userId}`,
        params: {
          roundId: report.roundId,
          reportId: id,
          projectName: context.projectName,
          period: context.period,
          approvedBy: actor.name,
        },
      });
    });
  }

  /**
   * A review step (return or approve) in one transaction: the report locked, the round open, the
   * reviewer allowed and not its submitter, the version current; `decide` changes the report and
   * says the notice each recipient gets; then the audit event and the notices.
   */
  private review(
    id: string,
    version: number,
    actor: Actor,
    decide: (
      report: PeriodReport,
      context: Awaited<ReturnType<PeriodReportsService['lock']>>['context'],
    ) => (userId: string) => OutboxEntry,
  ): Promise<PeriodReportResponse> {
    return this.dataSource.transaction(async (manager) => {
      const { report, context } = await this.lock(manager, id, actor);
      assertRoundOpen(context.roundOpen);
      this.assertMayReview(report, actor);
      assertVersion('PeriodReport', report.version, version);
      const before = snapshot(report);
      const notice = decide(report, context);
      await this.saveAudited(manager, actor, report, before, context.cityId);
      const recipients = await this.recipients(manager, report, context.cityId);
      await enqueueMail(manager, recipients.map(notice));
      return this.read(manager, id, actor);
    });
  }

  /** Saves the report and writes its audit event (before → after, in the project's history). */
  private async saveAudited(
    manager: EntityManager,
    actor: Actor,
    report: PeriodReport,
    before: ReturnType<typeof snapshot>,
    cityId: string,
  ): Promise<void> {
    await manager.save(report);
    await reportAudit.updated(manager, actor, {
      id: report.id,
      before,
      after: snapshot(report),
      projectId: report.projectId,
      cityId,
    });
  }

  /** Who hears about a review: the submitter and the city's active coordinators, each once. */
  private async recipients(manager: EntityManager, report: PeriodReport, cityId: string): Promise<string[]> {
    const coordinators = await queryRows<{ id: string }>(manager, (sql) => cityCoordinatorsSql(sql, [cityId]));
    const ids = new Set<string>();
    if (report.submittedById) ids.add(report.submittedById);
    for (const c of coordinators) ids.add(c.id);
    return [...ids];
  }
}
