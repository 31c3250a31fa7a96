import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MILESTONE_TRANSITIONS, todayIso, type MilestoneStatus } from '@salkku/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { invalid, notFound } from '../../common/domain-error';
import type { Page } from '../../common/pagination';
import { queryRow, readList } from '../../persistence/sql';
import { assertTransition } from '../../common/rules';
import { assertVersion } from '../../common/version';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditTrail } from '../audit/audit';
import type { CreateMilestoneDto } from './dto/create-milestone.dto';
import type { ListMilestonesQuery } from './dto/list-milestones.query';
import { MilestoneResponse, type MilestoneRow } from './dto/milestone.response';
import type { UpdateMilestoneDto } from './dto/update-milestone.dto';
import { Milestone } from './milestone.entity';
import { milestoneList, milestoneSql } from './milestones.queries';
import { findForUpdate } from '../../persistence/transaction';
import { projectForChildSql, type ProjectForChild } from '../projects/project.queries';

const milestoneAudit = new AuditTrail('milestone');

interface ProjectRef {
  id: string;
  code: string;
  name: string;
  /** The city of the project's agreement (for the audit trail). */
  cityId: string;
}

/** The audited columns of a milestone: plain values, dates as their exact strings. */
function snapshot(m: Milestone): Record<string, unknown> {
  return {
    projectId: m.projectId,
    title: m.title,
    description: m.description,
    dueDate: m.dueDate,
    status: m.status,
    completedOn: m.completedOn,
  };
}

@Injectable()
export class MilestonesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Today in Salkku's time zone: decides "overdue" and bounds completion dates. */
  private today(): string {
    return todayIso(this.config.timeZone);
  }

  async list(query: ListMilestonesQuery, actor: Actor): Promise<Page<MilestoneResponse>> {
    const today = this.today();
    return readList(this.dataSource, query, milestoneList(query, actor, today), (row: MilestoneRow) =>
      MilestoneResponse.from(row, today),
    );
  }

  async get(id: string, actor: Actor): Promise<MilestoneResponse> {
    const row = await queryRow<MilestoneRow>(this.dataSource, (sql) => milestoneSql(sql, id, actor));
    if (!row) throw notFound('Milestone', id);
    return MilestoneResponse.from(row, this.today());
  }

  async create(dto: CreateMilestoneDto, actor: Actor): Promise<MilestoneResponse> {
    const today = this.today();
    const status = dto.status ?? 'planned';
    const completedOn = resolveCompletedOn(null, null, status, dto.completedOn, today);
    return this.dataSource.transaction(async (manager) => {
      const project = await lockProject(manager, dto.projectId, actor);
      const saved = await manager.save(
        manager.create(Milestone, {
          projectId: project.id,
          title: dto.title,
          description: dto.description ?? null,
          dueDate: dto.dueDate,
          status,
          completedOn,
        }),
      );
      await milestoneAudit.created(manager, actor, {
        id: saved.id,
        after: snapshot(saved),
        projectId: project.id,
        cityId: project.cityId,
      });
      return MilestoneResponse.from(toRow(saved, project), today);
    });
  }

  update(id: string, dto: UpdateMilestoneDto, version: number, actor: Actor): Promise<MilestoneResponse> {
    return this.dataSource.transaction((manager) => this.updateIn(manager, id, dto, version, actor));
  }

  /** The update within the caller's transaction (a period report's one-form save completes milestones with it). */
  async updateIn(
    manager: EntityManager,
    id: string,
    dto: UpdateMilestoneDto,
    version: number,
    actor: Actor,
  ): Promise<MilestoneResponse> {
    const today = this.today();
    const { row, project } = await lockMilestone(manager, id, actor);
    assertVersion('Milestone', row.version, version);
    const before = snapshot(row);
    const status = dto.status ?? row.status;
    assertTransition(MILESTONE_TRANSITIONS, row.status, status, { record: 'milestone', field: 'status' });
    row.completedOn = resolveCompletedOn(row.status, row.completedOn, status, dto.completedOn, today);
    row.status = status;
    if (dto.title !== undefined) row.title = dto.title;
    if (dto.description !== undefined) row.description = dto.description;
    if (dto.dueDate !== undefined) row.dueDate = dto.dueDate;
    const saved = await manager.save(row);
    await milestoneAudit.updated(manager, actor, {
      id: saved.id,
      before,
      after: snapshot(saved),
      projectId: project.id,
      cityId: project.cityId,
    });
    return MilestoneResponse.from(toRow(saved, project), today);
  }

  async remove(id: string, version: number | undefined, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const { row, project } = await lockMilestone(manager, id, actor);
      if (version !== undefined) assertVersion('Milestone', row.version, version);
      await manager.delete(Milestone, { id });
      await milestoneAudit.deleted(manager, actor, {
        id,
        before: snapshot(row),
        projectId: project.id,
        cityId: project.cityId,
      });
    });
  }
}

/**
 * The milestone locked for a write (FOR UPDATE of the milestone row only), with its project and
 * city, in one statement. Missing and out-of-scope milestones alike are NOT_FOUND.
 */
async function lockMilestone(
  manager: EntityManager,
  id: string,
  actor: Actor,
): Promise<{ row: Milestone; project: ProjectRef }> {
  const row = await findForUpdate(manager, Milestone, id, 'Milestone');
  // The project's row is not locked: the milestone's lock keeps it (ON DELETE CASCADE waits).
  const project = await queryRow<ProjectForChild>(manager, (sql) =>
    projectForChildSql(sql, row.projectId, actor, false),
  );
  if (!project) throw notFound('Milestone', id);
  return { row, project };
}

/**
 * The milestone's project, locked against deletion until the write commits (FOR SHARE of the
 * project row). A missing project, or one outside the actor's city scope, is a 400 on projectId.
 */
async function lockProject(manager: EntityManager, projectId: string, actor: Actor): Promise<ProjectRef> {
  const project = await queryRow<ProjectForChild>(manager, (sql) => projectForChildSql(sql, projectId, actor));
  if (!project) throw invalid('projectId', 'notFound', `project ${projectId} does not exist`);
  return project;
}

function toRow(milestone: Milestone, project: ProjectRef): MilestoneRow {
  return { ...milestone, projectCode: project.code, projectName: project.name };
}

/**
 * The completion date after a change: required exactly while the status is done (today when the
 * milestone becomes done without one), never in the future, cleared when the status leaves done.
 */
function resolveCompletedOn(
  previousStatus: MilestoneStatus | null,
  previous: string | null,
  status: MilestoneStatus,
  sent: string | null | undefined,
  today: string,
): string | null {
  if (status !== 'done') {
    if (typeof sent === 'string') {
      throw invalid(
        'completedOn',
        'onlyWhenDone',
        `completedOn can be given only with status done (the status is ${status})`,
      );
    }
    return null;
  }
  if (sent === null) {
    throw invalid(
      'completedOn',
      'required',
      'a done milestone needs its completion date (leave completedOn out to use today)',
    );
  }
  if (sent !== undefined) {
    if (sent > today)
      throw invalid('completedOn', 'inFuture', `completedOn cannot be in the future (today is ${today})`);
    return sent;
  }
  return previousStatus === 'done' && previous !== null ? previous : today;
}
